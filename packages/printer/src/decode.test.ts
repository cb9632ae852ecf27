import { describe, expect, it } from 'vitest';
import { decodeEscPos, previewText } from './decode';
import { EscPos } from './escpos';

describe('decodeEscPos', () => {
  it('follows align, bold and size per line, and the code page of the text', () => {
    const bytes = new EscPos()
      .init()
      .codePage()
      .align('right')
      .bold(true)
      .size(3, 2)
      .line('Rp ± €')
      .bold(false)
      .size(1)
      .align('left')
      .line('é')
      .build();
    const decoded = decodeEscPos(bytes);
    expect(decoded).toEqual({
      initialized: true,
      codePage: 19,
      lines: [
        { text: 'Rp ± €', align: 'right', bold: true, width: 3, height: 2 },
        { text: 'é', align: 'left', bold: false, width: 1, height: 1 },
      ],
      qr: [],
      cut: false,
      unknown: [],
    });
  });

  it('reads text before any ESC t in the printer default table (PC437)', () => {
    expect(decodeEscPos(Uint8Array.of(0x82, 0x0a)).lines[0]?.text).toBe('é');
    expect(decodeEscPos(Uint8Array.of(0x82, 0x0a)).initialized).toBe(false);
  });

  it('returns the data of a QR code that is stored and printed, with its exact bytes', () => {
    const url = 'https://pst.example/t/20261125-K012?x=ä&y=1';
    const bytes = new EscPos().qr(url, { moduleSize: 4, level: 'Q' }).build();
    expect(decodeEscPos(bytes)).toMatchObject({ qr: [url], unknown: [] });
    // Stored but never printed: no QR on paper.
    const storeOnly = bytes.subarray(0, bytes.length - 8);
    expect(decodeEscPos(storeOnly)).toMatchObject({ qr: [], unknown: [] });
  });

  it('reports unknown commands and control bytes by offset, and keeps what follows', () => {
    // ESC ! 8 (not ours), a tab, GS ( k with cn 48 (not QR), then text.
    const bytes = Uint8Array.of(
      0x1b,
      0x21,
      0x08,
      0x09,
      0x1d,
      0x28,
      0x6b,
      0x03,
      0x00,
      0x30,
      0x41,
      0x00,
      0x41,
      0x0a,
    );
    const decoded = decodeEscPos(bytes);
    expect(decoded.unknown).toEqual([0, 2, 3, 4]);
    expect(decoded.lines.map((l) => l.text)).toEqual(['!A']);
    expect(previewText(bytes)).toContain('[? 0x1b at byte 0]');
  });

  it('reports truncated commands instead of reading past the end', () => {
    expect(decodeEscPos(Uint8Array.of(0x1b, 0x74)).unknown).toEqual([0]);
    expect(decodeEscPos(Uint8Array.of(0x1d, 0x28, 0x6b, 0xff, 0x00, 0x31, 0x50, 0x30)).unknown).toContain(0);
    expect(decodeEscPos(Uint8Array.of(0x1d, 0x56, 66)).unknown).toEqual([0]);
  });

  it('knows the cuts', () => {
    expect(decodeEscPos(new EscPos().cut().build()).cut).toBe(true);
    expect(decodeEscPos(Uint8Array.of(0x1d, 0x56, 0x01)).cut).toBe(true);
    expect(decodeEscPos(Uint8Array.of(0x1d, 0x56, 0x07)).cut).toBe(false);
  });
});

describe('EscPos', () => {
  it('refuses sizes a printer does not have', () => {
    expect(() => new EscPos().size(9)).toThrow(RangeError);
    expect(() => new EscPos().size(8, 8)).not.toThrow();
  });
});
