import { formatDateTime, formatTime, type Lang, type OfficeTimeZone, type TicketTexts, t } from '@pst/shared';
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
  /** The visitor goes to the front office (guest book) first: the ticket says so, with the people ahead there. */
  frontOfficeFirst?: boolean;
  /** A reprint: marked "CETAK ULANG hh.mm" with this time, so visitor and staff can tell. */
  reprintAt?: number | null;
}

export interface OfficePrintData {
  name: string;
  address: string;
  timeZone: OfficeTimeZone;
  complaintChannels: string[];
  phone?: string;
  ticketTexts?: TicketTexts;
}

export type PaperWidth = 58 | 80;
export interface TicketOptions {
  width: PaperWidth;
  lang?: Lang;
}

/** Characters per line in font A (12x24): 58 mm paper prints 384 dots, 80 mm 576. */
export const COLUMNS: Record<PaperWidth, number> = { 58: 32, 80: 48 };
/** The same in font B (9x17), for a phone number or address too long for a line of font A. */
export const COLUMNS_FONT_B: Record<PaperWidth, number> = { 58: 42, 80: 64 };
/** QR module size in dots: a status URL (QR version 3-4) stays about 2.5 cm wide on either paper. */
const QR_MODULE: Record<PaperWidth, number> = { 58: 5, 80: 6 };

/** Glues the digits of a phone number ("0896 3324 3324", "(0294) 381461") into one word. */
const GLUE = '\u0001';
const PHONE = /(?:\+|\()?\d[\d()\-. ]{4,}\d/g;
const glued = (text: string) => text.replace(PHONE, (phone) => phone.replace(/ /g, GLUE));
const unglued = (line: string) => line.split(GLUE).join(' ');

/**
 * Words wrapped to the width; a word longer than a line is cut, or with `keepWords` left whole on
 * a line of its own (a URL, or a phone number, which never breaks across lines either way).
 */
export function wrap(text: string, columns: number, options: { keepWords?: boolean } = {}): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of glued(text).split(/\s+/).filter(Boolean)) {
    const step = options.keepWords ? Math.max(word.length, 1) : columns;
    for (let rest = word; rest.length > 0; rest = rest.slice(step)) {
      const piece = rest.slice(0, step);
      if (!current) current = piece;
      else if (current.length + 1 + piece.length <= columns) current += ` ${piece}`;
      else {
        lines.push(current);
        current = piece;
      }
    }
  }
  if (current) lines.push(current);
  return lines.map(unglued);
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
  const narrow = COLUMNS_FONT_B[options.width];
  const p = new EscPos();
  /**
   * One line; a line longer than the paper (a URL, a phone number) in font B, which fits 42 or 64
   * characters; only a word longer than that goes on in the next line.
   */
  const put = (line: string) => {
    if (line.length <= columns) {
      p.line(line);
      return;
    }
    p.fontB(true);
    for (let rest = line; rest.length > 0; rest = rest.slice(narrow)) p.line(rest.slice(0, narrow));
    p.fontB(false);
  };
  // Wrapped after the code-page fallbacks, so a replaced '…' counts as the three dots it prints.
  const lines = (text: string) => {
    for (const line of wrap(printable(text), columns, { keepWords: true })) put(line);
  };
  p.init().codePage().align('center');
  p.bold(true);
  lines(office.name);
  p.bold(false);
  if (address !== null) lines(address);
  p.line('-'.repeat(columns));
  return { p, columns, lines, put };
}

/** The visitor's ticket as ESC/POS bytes. Pure: the same input gives the same bytes. */
export function renderTicket(
  ticket: TicketPrintData,
  office: OfficePrintData,
  options: TicketOptions,
): Uint8Array {
  const lang = options.lang ?? 'id';
  const { p, columns, lines, put } = startTicket(office, options, office.address);
  lines(t(lang, 'ticket.title'));

  const number = printable(ticket.number.trim());
  const numberSize = largestSize(number, columns);
  p.size(numberSize).bold(true).line(number).bold(false);
  if (ticket.reprintAt != null) {
    // "10.42 WIB" -> "10.42": the time is the office's own.
    const time = formatTime(ticket.reprintAt, lang, office.timeZone).split(' ')[0] ?? '';
    const mark = t(lang, 'ticket.reprint', { time });
    p.size(Math.min(2, largestSize(mark, columns)), 2)
      .bold(true)
      .line(mark)
      .bold(false);
  }
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
  const texts = office.ticketTexts;
  // The first step, with the people ahead counted there (the ticket waits at the front office first).
  if (ticket.frontOfficeFirst && texts?.frontOffice) {
    p.bold(true);
    lines(texts.frontOffice);
    p.bold(false);
  }
  lines(t(lang, 'ticket.peopleAhead', { n: ticket.peopleAhead }));
  lines(t(lang, 'ticket.estimatedWait', { n: ticket.estimatedWaitMinutes }));
  if (texts?.promise) lines(texts.promise);
  p.line();
  p.qr(ticket.statusUrl, { moduleSize: QR_MODULE[options.width], level: 'M' });
  lines(t(lang, 'ticket.scan'));
  // The address as text too, for phones without a QR reader; browsers add http:// themselves.
  put(printable(ticket.statusUrl.replace(/^http:\/\//, '')));
  p.line('-'.repeat(columns));

  p.bold(true);
  lines(t(lang, 'ticket.free'));
  p.bold(false);
  if (office.phone) lines(t(lang, 'ticket.phone', { phone: office.phone }));
  if (office.complaintChannels.length > 0) {
    p.align('left');
    lines(t(lang, 'ticket.complaints'));
    for (const channel of office.complaintChannels) {
      // "- " before the first line, two spaces before the lines it wraps to.
      wrap(printable(channel), columns - 2, { keepWords: true }).forEach((line, i) => {
        put(`${i === 0 ? '-' : ' '} ${line}`);
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
