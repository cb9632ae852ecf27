import { ALIGNS, type Align, decodeText, ESC, GS, LF } from './escpos';

export interface DecodedLine {
  text: string;
  align: Align;
  bold: boolean;
  /** Character size multipliers (GS !), 1..8. */
  width: number;
  height: number;
  /** Printed in the narrow font B (ESC M 1); absent for font A. */
  fontB?: true;
}

export interface DecodedTicket {
  /** ESC @ was sent. */
  initialized: boolean;
  /** The ESC t table in effect at the end (null: the printer's default, PC437). */
  codePage: number | null;
  lines: DecodedLine[];
  /** Data of each QR code printed (GS ( k fn 80 stored, fn 81 printed). */
  qr: string[];
  cut: boolean;
  /** Offsets of bytes this decoder does not know: reported, never skipped silently. */
  unknown: number[];
}

/** What the paper shows, in order: for previews. */
export type DecodedBlock =
  | { kind: 'line'; line: DecodedLine }
  | { kind: 'qr'; data: string; align: Align }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut' }
  | { kind: 'unknown'; offset: number; byte: number };

interface Decoded {
  ticket: DecodedTicket;
  blocks: DecodedBlock[];
}

/** GS ( k functions of the QR symbol (cn 49) and how many parameter bytes each has (-1: any). */
/** ESC a n: 0-2, or '0'-'2'. */
function alignOf(n: number): Align | undefined {
  return ALIGNS[n >= 48 ? n - 48 : n];
}

const QR_FUNCTIONS: Record<number, number> = { 65: 2, 67: 1, 69: 1, 80: -1, 81: 1 };

/**
 * Decodes exactly the ESC/POS commands renderTicket emits (no npm package decodes raw ESC/POS
 * reliably, STACK.md): init, code page, align, bold, font, character size, QR store/print, feed, cut and
 * text lines in the code page.
 */
function decode(bytes: Uint8Array): Decoded {
  const ticket: DecodedTicket = {
    initialized: false,
    codePage: null,
    lines: [],
    qr: [],
    cut: false,
    unknown: [],
  };
  const blocks: DecodedBlock[] = [];
  let align: Align = 'left';
  let bold = false;
  let width = 1;
  let height = 1;
  let fontB = false;
  let stored: string | null = null;
  // Text of the current line: decoded pieces, and bytes not decoded yet (the code page may change).
  let text = '';
  let raw: number[] = [];
  let lineAttributes: Omit<DecodedLine, 'text'> | null = null;

  const attributes = (): Omit<DecodedLine, 'text'> => ({
    align,
    bold,
    width,
    height,
    ...(fontB ? { fontB: true as const } : {}),
  });
  const decodeRaw = () => {
    if (raw.length) text += decodeText(Uint8Array.from(raw), ticket.codePage);
    raw = [];
  };
  const flushLine = (force: boolean) => {
    if (!force && !raw.length && !text) return;
    decodeRaw();
    const line = { ...(lineAttributes ?? attributes()), text };
    ticket.lines.push(line);
    blocks.push({ kind: 'line', line });
    text = '';
    lineAttributes = null;
  };
  const unknown = (offset: number) => {
    ticket.unknown.push(offset);
    blocks.push({ kind: 'unknown', offset, byte: bytes[offset] as number });
  };
  const has = (i: number, n: number) => i + n <= bytes.length;

  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const next = bytes[i + 1];
    if (b === LF) {
      flushLine(true);
      i += 1;
    } else if (b >= 0x20 && b !== 0x7f) {
      lineAttributes ??= attributes();
      raw.push(b);
      i += 1;
    } else if (b === ESC && next === 0x40) {
      flushLine(false);
      ticket.initialized = true;
      ticket.codePage = null;
      align = 'left';
      bold = false;
      fontB = false;
      width = height = 1;
      i += 2;
    } else if (b === ESC && next === 0x74 && has(i, 3)) {
      decodeRaw();
      ticket.codePage = bytes[i + 2] as number;
      i += 3;
    } else if (b === ESC && next === 0x61 && has(i, 3) && alignOf(bytes[i + 2] as number)) {
      align = alignOf(bytes[i + 2] as number) as Align;
      i += 3;
    } else if (b === ESC && next === 0x45 && has(i, 3)) {
      bold = ((bytes[i + 2] as number) & 1) === 1;
      i += 3;
    } else if (b === ESC && next === 0x4d && has(i, 3)) {
      fontB = ((bytes[i + 2] as number) & 1) === 1;
      i += 3;
    } else if (b === ESC && next === 0x64 && has(i, 3)) {
      flushLine(false);
      blocks.push({ kind: 'feed', lines: bytes[i + 2] as number });
      i += 3;
    } else if (b === GS && next === 0x21 && has(i, 3) && ((bytes[i + 2] as number) & 0x88) === 0) {
      const n = bytes[i + 2] as number;
      width = (n >> 4) + 1;
      height = (n & 0x0f) + 1;
      i += 3;
    } else if (b === GS && next === 0x28 && bytes[i + 2] === 0x6b && has(i, 7)) {
      const length = (bytes[i + 3] as number) + ((bytes[i + 4] as number) << 8);
      const cn = bytes[i + 5];
      const fn = bytes[i + 6] as number;
      const params = QR_FUNCTIONS[fn];
      const fits = has(i, 5 + length) && length >= 2;
      if (!fits || cn !== 0x31 || params === undefined || (params >= 0 && length !== params + 2)) {
        // Not one of ours: report it, and skip it whole only when its length is believable.
        unknown(i);
        i += fits ? 5 + length : 1;
        continue;
      }
      if (fn === 80) stored = Buffer.from(bytes.subarray(i + 8, i + 5 + length)).toString('utf8');
      if (fn === 81) {
        if (stored === null) unknown(i);
        else {
          flushLine(false);
          ticket.qr.push(stored);
          blocks.push({ kind: 'qr', data: stored, align });
        }
      }
      i += 5 + length;
    } else if (b === GS && next === 0x56 && has(i, 3)) {
      const m = bytes[i + 2] as number;
      const length = m === 65 || m === 66 ? 4 : m === 0 || m === 1 || m === 48 || m === 49 ? 3 : 0;
      if (!length || !has(i, length)) {
        unknown(i);
        i += 1;
        continue;
      }
      flushLine(false);
      ticket.cut = true;
      blocks.push({ kind: 'cut' });
      i += length;
    } else {
      unknown(i);
      i += 1;
    }
  }
  flushLine(false);
  return { ticket, blocks };
}

export function decodeEscPos(bytes: Uint8Array): DecodedTicket {
  return decode(bytes).ticket;
}

/** What the paper shows, in order (lines, QR codes, feeds, cut): for renderers such as the OS spooler's HTML. */
export function decodeEscPosBlocks(bytes: Uint8Array): DecodedBlock[] {
  return decode(bytes).blocks;
}

/**
 * A plain-text picture of the paper for people (the file printer's preview, logs): lines in their
 * alignment, wide characters spaced out, '[QR] data' where the code prints, '--- cut ---'.
 * Columns default to 32 or 48, whichever paper the lines fit.
 */
export function previewText(bytes: Uint8Array, columns?: number): string {
  const { blocks } = decode(bytes);
  const widest = Math.max(
    0,
    ...blocks.map((b) => (b.kind === 'line' ? b.line.text.length * b.line.width : 0)),
  );
  const cols = columns ?? (widest <= 32 ? 32 : 48);
  const place = (shown: string, align: Align) => {
    if (align === 'center') return ' '.repeat(Math.max(0, Math.floor((cols - shown.length) / 2))) + shown;
    if (align === 'right') return shown.padStart(cols);
    return shown;
  };
  const out: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'line') {
      const { text, width, align } = block.line;
      const shown = width > 1 ? [...text].join(' '.repeat(Math.min(width - 1, 2))) : text;
      out.push(place(shown, align).trimEnd());
    } else if (block.kind === 'qr') out.push(place(`[QR] ${block.data}`, block.align));
    else if (block.kind === 'feed') for (let n = 0; n < block.lines; n++) out.push('');
    else if (block.kind === 'cut') out.push('--- cut ---');
    else out.push(`[? 0x${block.byte.toString(16).padStart(2, '0')} at byte ${block.offset}]`);
  }
  return `${out.join('\n')}\n`;
}
