import iconv from 'iconv-lite';
import { type Align, CODE_PAGE, ESC, GS, LF } from './escpos';

export interface DecodedLine {
  text: string;
  align: Align;
  bold: boolean;
  width: number;
  height: number;
}

export interface DecodedTicket {
  initialized: boolean;
  codePage: number | null;
  lines: DecodedLine[];
  qr: string[];
  cut: boolean;
  /** Offsets of bytes that are no command this decoder knows: never skipped silently. */
  unknown: number[];
}

const ALIGNS: Align[] = ['left', 'center', 'right'];

/**
 * Decodes the ESC/POS commands our tickets use (no npm package decodes raw ESC/POS reliably):
 * for tests, and for the text preview the file printer writes beside each job.
 */
export function decodeEscPos(input: Uint8Array): DecodedTicket {
  const bytes = Buffer.from(input);
  const out: DecodedTicket = {
    initialized: false,
    codePage: null,
    lines: [],
    qr: [],
    cut: false,
    unknown: [],
  };
  let align: Align = 'left';
  let bold = false;
  let width = 1;
  let height = 1;
  let text: number[] = [];
  const flush = () => {
    const encoding = out.codePage === CODE_PAGE.escposNumber ? CODE_PAGE.encoding : 'cp437';
    out.lines.push({ text: iconv.decode(Buffer.from(text), encoding), align, bold, width, height });
    text = [];
  };
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const next = bytes[i + 1];
    if (b === LF) {
      flush();
      i += 1;
    } else if (b === ESC && next === 0x40) {
      out.initialized = true;
      align = 'left';
      bold = false;
      width = height = 1;
      i += 2;
    } else if (b === ESC && next === 0x74) {
      out.codePage = bytes[i + 2] ?? null;
      i += 3;
    } else if (b === ESC && next === 0x61) {
      align = ALIGNS[bytes[i + 2] ?? 0] ?? 'left';
      i += 3;
    } else if (b === ESC && next === 0x45) {
      bold = (bytes[i + 2] ?? 0) === 1;
      i += 3;
    } else if (b === ESC && next === 0x64) {
      i += 3;
    } else if (b === GS && next === 0x21) {
      const n = bytes[i + 2] ?? 0;
      width = (n >> 4) + 1;
      height = (n & 0x0f) + 1;
      i += 3;
    } else if (b === GS && next === 0x28 && bytes[i + 2] === 0x6b) {
      const length = (bytes[i + 3] ?? 0) + ((bytes[i + 4] ?? 0) << 8);
      const fn = bytes[i + 6];
      if (fn === 0x50) out.qr.push(bytes.subarray(i + 8, i + 5 + length).toString('utf8'));
      i += 5 + length;
    } else if (b === GS && next === 0x56) {
      out.cut = true;
      i += bytes[i + 2] === 65 || bytes[i + 2] === 66 ? 4 : 3;
    } else if (b < 0x20) {
      out.unknown.push(i);
      i += 1;
    } else {
      text.push(b);
      i += 1;
    }
  }
  if (text.length) flush();
  return out;
}

/** A plain-text picture of a ticket for people (file printer previews, logs). */
export function previewText(bytes: Uint8Array, columns = 48): string {
  const ticket = decodeEscPos(bytes);
  const lines = ticket.lines.map((line) => {
    const shown =
      line.width > 1 ? line.text.split('').join(' '.repeat(Math.min(line.width - 1, 2))) : line.text;
    if (line.align === 'center') return shown.padStart(Math.floor((columns + shown.length) / 2));
    if (line.align === 'right') return shown.padStart(columns);
    return shown;
  });
  const qrAt = lines.findIndex((l) => l.trim() === '') + 1;
  for (const data of ticket.qr) lines.splice(qrAt, 0, `[QR] ${data}`);
  if (ticket.cut) lines.push('--- potong / cut ---');
  return `${lines.join('\n')}\n`;
}
