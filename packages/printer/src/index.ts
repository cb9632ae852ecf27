export { type DecodedLine, type DecodedTicket, decodeEscPos, previewText } from './decode';
export {
  COLUMNS,
  type OfficePrintData,
  type PaperWidth,
  renderTicket,
  type TicketPrintData,
  wrap,
} from './ticket';
export * from './transports';
