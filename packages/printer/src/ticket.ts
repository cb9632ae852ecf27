import { formatDateTime, type Lang, type OfficeTimeZone, t } from '@pst/shared';
import { EscPos, printable } from './escpos';

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
export interface TicketOptions {
  width: PaperWidth;
  lang?: Lang;
}

/** Characters per line in font A (12x24): 58 mm paper prints 384 dots, 80 mm 576. */
export const COLUMNS: Record<PaperWidth, number> = { 58: 32, 80: 48 };
/** QR module size in dots: a status URL (QR version 3-4) stays about 2.5 cm wide on either paper. */
const QR_MODULE: Record<PaperWidth, number> = { 58: 5, 80: 6 };

/** Words wrapped to the width; a word longer than a line is cut. */
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

/** The largest character size (1..8) at which the text still fits one line. */
export function largestSize(text: string, columns: number): number {
  for (let size = 8; size > 1; size--) if (text.length * size <= columns) return size;
  return 1;
}

/** The head every ticket shares (office name, address when given, a rule), and its line writer. */
function startTicket(office: OfficePrintData, options: TicketOptions, address: string | null) {
  const columns = COLUMNS[options.width];
  if (columns === undefined) throw new RangeError(`paper width ${options.width} mm: 58 or 80`);
  const p = new EscPos();
  // Wrapped after the code-page fallbacks, so a replaced '…' counts as the three dots it prints.
  const lines = (text: string) => {
    for (const line of wrap(printable(text), columns)) p.line(line);
  };
  p.init().codePage().align('center');
  p.bold(true);
  lines(office.name);
  p.bold(false);
  if (address !== null) lines(address);
  p.line('-'.repeat(columns));
  return { p, columns, lines };
}

/** The visitor's ticket as ESC/POS bytes. Pure: the same input gives the same bytes. */
export function renderTicket(
  ticket: TicketPrintData,
  office: OfficePrintData,
  options: TicketOptions,
): Uint8Array {
  const lang = options.lang ?? 'id';
  const { p, columns, lines } = startTicket(office, options, office.address);
  lines(t(lang, 'ticket.title'));

  const number = printable(ticket.number.trim());
  const numberSize = largestSize(number, columns);
  p.size(numberSize).bold(true).line(number).bold(false);
  p.size(1, 2);
  lines(ticket.serviceName);
  if (ticket.priority) {
    const marker = `** ${t(lang, 'ticket.priority')} **`;
    p.size(Math.min(2, largestSize(marker, columns)), 2)
      .bold(true)
      .line(marker)
      .bold(false);
  }
  p.size(1);

  lines(formatDateTime(ticket.issuedAt, lang, office.timeZone));
  lines(t(lang, 'ticket.peopleAhead', { n: ticket.peopleAhead }));
  lines(t(lang, 'ticket.estimatedWait', { n: ticket.estimatedWaitMinutes }));
  p.line();
  p.qr(ticket.statusUrl, { moduleSize: QR_MODULE[options.width], level: 'M' });
  lines(t(lang, 'ticket.scan'));
  p.line('-'.repeat(columns));

  p.bold(true);
  lines(t(lang, 'ticket.free'));
  p.bold(false);
  if (office.complaintChannels.length > 0) {
    p.align('left');
    lines(t(lang, 'ticket.complaints'));
    for (const channel of office.complaintChannels) {
      // "- " before the first line, two spaces before the lines it wraps to.
      wrap(printable(channel), columns - 2).forEach((line, i) => {
        p.line(`${i === 0 ? '-' : ' '} ${line}`);
      });
    }
  }
  return p.feed(3).cut().build();
}

export interface TestTicketData {
  /** Which printer this is, as staff know it ("network printer 192.168.1.50:9100", "Kiosk Lobi"). */
  printer: string;
  /** When it was asked for (hub time). */
  at: number;
  /** Printed as a QR code, so the code's print quality is checked too (the hub's address). */
  url: string;
}

/** The big word where a ticket has its number: a test ticket never carries (or uses up) a number. */
export const TEST_TICKET_MARK = 'TIKET UJI';

/**
 * A test ticket: the same header, sizes, QR code and cut as a visitor's ticket, but marked
 * "TIKET UJI / TEST" in place of the number, so nobody mistakes it for a place in the queue.
 */
export function renderTestTicket(
  data: TestTicketData,
  office: OfficePrintData,
  options: TicketOptions,
): Uint8Array {
  const { p, columns, lines } = startTicket(office, options, null);
  p.size(largestSize(TEST_TICKET_MARK, columns)).bold(true).line(TEST_TICKET_MARK).bold(false);
  p.size(1, 2).bold(true);
  lines('TEST TICKET');
  p.bold(false).size(1);
  lines('Bukan nomor antrian / Not a queue number');
  lines(formatDateTime(data.at, options.lang ?? 'id', office.timeZone));
  lines(data.printer);
  p.line();
  p.qr(data.url, { moduleSize: QR_MODULE[options.width], level: 'M' });
  lines(data.url);
  p.line('-'.repeat(columns));
  lines('Jika tiket ini tercetak rapi, printer siap. / If this prints cleanly, the printer is ready.');
  return p.feed(3).cut().build();
}
