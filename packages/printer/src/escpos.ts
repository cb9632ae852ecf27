import iconv from 'iconv-lite';

/** ESC/POS command bytes used by the ticket (Epson TM family; most 58/80 mm printers follow it). */
export const ESC = 0x1b;
export const GS = 0x1d;
export const LF = 0x0a;
export const DLE = 0x10;
export const EOT = 0x04;

/** PC858 (Western Europe with €): covers the Latin letters Indonesian text and names use. */
export const CODE_PAGE = { escposNumber: 19, encoding: 'cp858' } as const;

export type Align = 'left' | 'center' | 'right';
const ALIGN: Record<Align, number> = { left: 0, center: 1, right: 2 };

/** Characters the code page lacks, replaced by the nearest it has. */
const FALLBACKS: Record<string, string> = {
  '•': '*',
  '–': '-',
  '—': '-',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '…': '...',
};

export function encodeText(text: string): Buffer {
  const replaced = [...text].map((c) => FALLBACKS[c] ?? c).join('');
  return iconv.encode(replaced, CODE_PAGE.encoding);
}

/** A small byte builder: one method per command the ticket needs. */
export class EscPosBuilder {
  private readonly parts: Buffer[] = [];

  private push(...bytes: number[]): this {
    this.parts.push(Buffer.from(bytes));
    return this;
  }

  init(): this {
    return this.push(ESC, 0x40).push(ESC, 0x74, CODE_PAGE.escposNumber);
  }

  align(align: Align): this {
    return this.push(ESC, 0x61, ALIGN[align]);
  }

  bold(on: boolean): this {
    return this.push(ESC, 0x45, on ? 1 : 0);
  }

  /** Character size multipliers 1..8 (GS !). */
  size(width: number, height: number): this {
    return this.push(GS, 0x21, ((width - 1) << 4) | (height - 1));
  }

  line(text = ''): this {
    this.parts.push(encodeText(text));
    return this.push(LF);
  }

  feed(lines: number): this {
    return this.push(ESC, 0x64, lines);
  }

  /** QR code with Epson's GS ( k: model 2, module size, error level M, store, print. */
  qr(data: string, moduleSize = 6): this {
    const bytes = Buffer.from(data, 'utf8');
    const store = bytes.length + 3;
    this.push(GS, 0x28, 0x6b, 4, 0, 0x31, 0x41, 0x32, 0x00);
    this.push(GS, 0x28, 0x6b, 3, 0, 0x31, 0x43, moduleSize);
    this.push(GS, 0x28, 0x6b, 3, 0, 0x31, 0x45, 0x31);
    this.push(GS, 0x28, 0x6b, store & 0xff, store >> 8, 0x31, 0x50, 0x30);
    this.parts.push(bytes);
    return this.push(GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30);
  }

  /** Feed to the cutter and cut partially (GS V 66 n). */
  cut(): this {
    return this.push(GS, 0x56, 66, 3);
  }

  bytes(): Uint8Array {
    return new Uint8Array(Buffer.concat(this.parts));
  }
}
