import iconv from 'iconv-lite';

/**
 * The few ESC/POS commands a ticket needs (Epson TM family; most 58/80 mm printers follow it).
 * Neither escpos library sends ESC @ or the Epson GS ( k QR sequence (STACK.md), so the bytes are
 * written here.
 */
export const LF = 0x0a;
export const ESC = 0x1b;
export const GS = 0x1d;
export const DLE = 0x10;
export const EOT = 0x04;

/** PC858 (Western Europe with €, ESC t 19): the Latin letters Indonesian text and names use, and ±. */
export const CODE_PAGE = { number: 19, encoding: 'cp858' } as const;
/** What a printer uses before ESC t: PC437. */
export const DEFAULT_ENCODING = 'cp437';

export type Align = 'left' | 'center' | 'right';
export const ALIGNS: readonly Align[] = ['left', 'center', 'right'];

/** QR error correction levels of GS ( k fn 69 (48 + index). */
export const QR_LEVELS = ['L', 'M', 'Q', 'H'] as const;
export type QrLevel = (typeof QR_LEVELS)[number];

/** Characters the code page lacks, printed as the nearest it has. */
const FALLBACKS: Record<string, string> = {
  '•': '*',
  '·': '.',
  '–': '-',
  '—': '-',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '…': '...',
  '→': '->',
  '\u00a0': ' ',
};

const encodable = new Map<string, boolean>();
function inCodePage(char: string): boolean {
  let ok = encodable.get(char);
  if (ok === undefined) {
    ok = iconv.decode(iconv.encode(char, CODE_PAGE.encoding), CODE_PAGE.encoding) === char;
    encodable.set(char, ok);
  }
  return ok;
}

const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/**
 * The text as the printer can print it: control characters become spaces (a newline or ESC in an
 * office name must not turn into a command), characters the code page lacks become their fallback,
 * their letter without accents (ā -> a), or '?'.
 */
export function printable(text: string): string {
  // Most of a ticket is plain ASCII, which the code page has as it is: no copy made character by character.
  if (PLAIN_ASCII.test(text)) return text;
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f) out += ' ';
    else if (inCodePage(char)) out += char;
    else if (FALLBACKS[char] !== undefined) out += FALLBACKS[char];
    else {
      const bare = char.normalize('NFD').replace(/\p{M}/gu, '');
      out += bare && bare !== char && [...bare].every(inCodePage) ? bare : '?';
    }
  }
  return out;
}

export function encodeText(text: string): Buffer {
  return iconv.encode(printable(text), CODE_PAGE.encoding);
}

export function decodeText(bytes: Uint8Array, codePage: number | null): string {
  const encoding = codePage === CODE_PAGE.number ? CODE_PAGE.encoding : DEFAULT_ENCODING;
  return iconv.decode(Buffer.from(bytes), encoding);
}

/** GS ( k pL pH cn fn [params]: one 2D-code function (cn 49 = QR). */
function qrFunction(fn: number, params: Uint8Array | number[]): number[] {
  const length = params.length + 2;
  return [GS, 0x28, 0x6b, length & 0xff, length >> 8, 0x31, fn, ...params];
}

/**
 * A tiny byte builder, one method per command the ticket uses. The pieces are kept as they come and
 * joined once in build(): no array of single bytes grown and copied through the ticket.
 */
export class EscPos {
  private readonly pieces: Uint8Array[] = [];
  private length = 0;

  private piece(bytes: Uint8Array): this {
    this.pieces.push(bytes);
    this.length += bytes.length;
    return this;
  }

  private push(...bytes: number[]): this {
    return this.piece(Uint8Array.from(bytes));
  }

  /** ESC @: clears the printer's modes left by whatever printed before. */
  init(): this {
    return this.push(ESC, 0x40);
  }

  /** ESC t n: the character code table text is encoded in. */
  codePage(n: number = CODE_PAGE.number): this {
    return this.push(ESC, 0x74, n);
  }

  /** ESC a n */
  align(align: Align): this {
    return this.push(ESC, 0x61, ALIGNS.indexOf(align));
  }

  /** ESC E n */
  bold(on: boolean): this {
    return this.push(ESC, 0x45, on ? 1 : 0);
  }

  /** ESC M n: font A (12x24, the default) or the narrower font B (9x17), for a line that must not break. */
  fontB(on: boolean): this {
    return this.push(ESC, 0x4d, on ? 1 : 0);
  }

  /** GS ! n: character width and height multipliers, 1..8 each (0x77 = 8x8). */
  size(width: number, height = width): this {
    if (
      !Number.isInteger(width) ||
      !Number.isInteger(height) ||
      width < 1 ||
      width > 8 ||
      height < 1 ||
      height > 8
    )
      throw new RangeError(`character size ${width}x${height}: 1..8 each`);
    return this.push(GS, 0x21, ((width - 1) << 4) | (height - 1));
  }

  /** Text in the code page, without a line feed. */
  text(text: string): this {
    return this.piece(encodeText(text));
  }

  /** Text, then LF (prints the line). */
  line(text = ''): this {
    return this.text(text).push(LF);
  }

  /** ESC d n: prints and feeds n lines. */
  feed(lines: number): this {
    return this.push(ESC, 0x64, lines);
  }

  /**
   * A QR code with the Epson GS ( k sequence: model 2 (fn 65), module size (fn 67), error level
   * (fn 69), store the data (fn 80), print it (fn 81).
   */
  qr(data: string, options: { moduleSize?: number; level?: QrLevel } = {}): this {
    const moduleSize = options.moduleSize ?? 6;
    const level = QR_LEVELS.indexOf(options.level ?? 'M');
    const bytes = Buffer.from(data, 'utf8');
    if (bytes.length === 0 || bytes.length > 7089) throw new RangeError(`QR data of ${bytes.length} bytes`);
    if (moduleSize < 1 || moduleSize > 16) throw new RangeError(`QR module size ${moduleSize}: 1..16`);
    return this.push(
      ...qrFunction(65, [0x32, 0x00]),
      ...qrFunction(67, [moduleSize]),
      ...qrFunction(69, [0x30 + level]),
      ...qrFunction(80, [0x30, ...bytes]),
      ...qrFunction(81, [0x30]),
    );
  }

  /** GS V 66 n: feeds n dots more to the cutter and cuts, leaving a tab (partial cut). */
  cut(feedDots = 3): this {
    return this.push(GS, 0x56, 66, feedDots);
  }

  build(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const piece of this.pieces) {
      out.set(piece, at);
      at += piece.length;
    }
    return out;
  }
}
