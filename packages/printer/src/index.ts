export {
  type DecodedBlock,
  type DecodedLine,
  type DecodedTicket,
  decodeEscPos,
  decodeEscPosBlocks,
  previewText,
} from './decode';
export {
  type Align,
  CODE_PAGE,
  EscPos,
  encodeText,
  printable,
  type QrLevel,
} from './escpos';
export {
  COLUMNS,
  largestSize,
  type OfficePrintData,
  type PaperWidth,
  renderTestTicket,
  renderTicket,
  type TestTicketData,
  type TicketOptions,
  type TicketPrintData,
  wrap,
} from './ticket';
export * from './transports';
