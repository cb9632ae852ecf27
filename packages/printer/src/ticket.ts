import { formatDateTime, type Lang, type OfficeTimeZone, t } from '@pst/shared';
import { EscPosBuilder } from './escpos';

export interface TicketPrintData {
  id: string;
  number: string;
  serviceName: string;
  priority: boolean;
  issuedAt: number;
  peopleAhead: number;
  estimatedWaitMinutes: number;
  statusUrl: string;
}

export interface OfficePrintData {
  name: string;
  address: string;
  timeZone: OfficeTimeZone;
  complaintChannels: string[];
}

export type PaperWidth = 58 | 80;
/** Characters per line in font A. */
export const COLUMNS: Record<PaperWidth, number> = { 58: 32, 80: 48 };

/** Words wrapped to the paper's width (a word longer than a line is cut). */
export function wrap(text: string, columns: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    for (let rest = word; rest.length > 0; rest = rest.slice(columns)) {
      const piece = rest.slice(0, columns);
      if (!current) current = piece;
      else if (current.length + 1 + piece.length <= columns) current += ` ${piece}`;
      else {
        lines.push(current);
        current = piece;
      }
    }
  }
  if (current) lines.push(current);
  return lines;
}

/** The largest character size at which the number still fits on one line. */
function numberSize(number: string, columns: number): number {
  for (let size = 8; size > 1; size--) if (number.length * size <= columns) return size;
  return 1;
}

/** The visitor's ticket as ESC/POS bytes: pure, the same input gives the same bytes. */
export function renderTicket(
  ticket: TicketPrintData,
  office: OfficePrintData,
  options: { width: PaperWidth; lang?: Lang },
): Uint8Array {
  const lang = options.lang ?? 'id';
  const columns = COLUMNS[options.width];
  const p = new EscPosBuilder().init().align('center');
  p.bold(true);
  for (const line of wrap(office.name, columns)) p.line(line);
  p.bold(false);
  for (const line of wrap(office.address, columns)) p.line(line);
  p.line('-'.repeat(columns));
  for (const line of wrap(t(lang, 'ticket.title'), columns)) p.line(line);
  const size = numberSize(ticket.number, columns);
  p.size(size, size).bold(true).line(ticket.number).size(1, 1).bold(false);
  p.size(1, 2);
  for (const line of wrap(ticket.serviceName, columns)) p.line(line);
  p.size(1, 1);
  if (ticket.priority)
    p.bold(true)
      .line(`** ${t(lang, 'ticket.priority')} **`)
      .bold(false);
  const facts = [
    formatDateTime(ticket.issuedAt, lang, office.timeZone),
    t(lang, 'ticket.peopleAhead', { n: ticket.peopleAhead }),
    t(lang, 'ticket.estimatedWait', { n: ticket.estimatedWaitMinutes }),
  ];
  for (const fact of facts) for (const line of wrap(fact, columns)) p.line(line);
  p.line();
  p.qr(ticket.statusUrl, options.width === 58 ? 5 : 6);
  for (const line of wrap(t(lang, 'ticket.scan'), columns)) p.line(line);
  p.line('-'.repeat(columns));
  p.bold(true);
  for (const line of wrap(t(lang, 'ticket.free'), columns)) p.line(line);
  p.bold(false).align('left');
  p.line(t(lang, 'ticket.complaints'));
  for (const channel of office.complaintChannels)
    for (const line of wrap(`- ${channel}`, columns)) p.line(line);
  return p.feed(3).cut().bytes();
}
