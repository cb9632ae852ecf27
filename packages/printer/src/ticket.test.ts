import { readFileSync, writeFileSync } from 'node:fs';
import { DEFAULT_CONFIG } from '@pst/shared';
import { describe, expect, it } from 'vitest';
import { type DecodedLine, decodeEscPos, previewText } from './decode';
import { CODE_PAGE, GS } from './escpos';
import {
  COLUMNS,
  COLUMNS_FONT_B,
  type OfficePrintData,
  renderTicket,
  type TicketPrintData,
  wrap,
} from './ticket';

const ticket: TicketPrintData = {
  id: '20261125-K012',
  number: 'K-012',
  serviceName: 'Konsultasi Statistik',
  priority: false,
  issuedAt: Date.UTC(2026, 10, 25, 2, 5), // 09.05 WIB
  peopleAhead: 3,
  estimatedWaitMinutes: 15,
  statusUrl: 'http://192.168.1.10:3324/t/20261125-K012',
};
const office: OfficePrintData = DEFAULT_CONFIG.office;
const widths = [58, 80] as const;

const texts = (lines: DecodedLine[]) => lines.map((l) => l.text);

/** The complaint channels as printed: "- " starts one, "  " continues it on the next line. */
function printedChannels(lines: DecodedLine[], heading: string): string[] {
  const start = lines.findIndex((l) => l.text === heading);
  const channels: string[] = [];
  for (const { text } of lines.slice(start + 1)) {
    if (text.startsWith('- ')) channels.push(text.slice(2));
    else if (text.startsWith('  ') && channels.length) channels[channels.length - 1] += ` ${text.trim()}`;
  }
  return channels;
}

describe('renderTicket', () => {
  it.each(widths)('%i mm: decodes to the whole ticket, with nothing the decoder does not know', (width) => {
    const bytes = renderTicket(ticket, office, { width });
    const decoded = decodeEscPos(bytes);
    const columns = COLUMNS[width];

    expect([...bytes.subarray(0, 5)]).toEqual([0x1b, 0x40, 0x1b, 0x74, CODE_PAGE.number]); // ESC @, ESC t 19
    expect(decoded.initialized).toBe(true);
    expect(decoded.codePage).toBe(CODE_PAGE.number);
    expect(decoded.unknown).toEqual([]);

    const lines = texts(decoded.lines);
    expect(decoded.lines[0]).toMatchObject({ text: 'BPS Kabupaten Kendal', align: 'center', bold: true });
    expect(lines.join(' ')).toContain('Jl. Pramuka, Komplek Perkantoran, Patebon-Kendal 51351');
    expect(lines).toContain('NOMOR ANTRIAN');

    // The number: the largest size that fits the paper (8x8 on 80 mm; 6x6 for 5 characters on 58 mm).
    const number = decoded.lines.find((l) => l.text === 'K-012');
    const size = width === 80 ? 8 : 6;
    expect(number).toEqual({ text: 'K-012', align: 'center', bold: true, width: size, height: size });
    expect(5 * size).toBeLessThanOrEqual(columns);
    expect(5 * (size + 1) > columns || size === 8).toBe(true);
    if (width === 80) expect(Buffer.from(bytes).includes(Buffer.from([GS, 0x21, 0x77]))).toBe(true);
    expect(decoded.lines.find((l) => l.width > 1)?.text).toBe('K-012');

    expect(decoded.lines.find((l) => l.text === 'Konsultasi Statistik')).toMatchObject({
      width: 1,
      height: 2,
    });
    expect(lines.some((l) => l.includes('PRIORITAS'))).toBe(false);
    expect(lines).toContain('25/11/2026 09.05 WIB');
    expect(lines).toContain('Antrian di depan: 3 orang');
    expect(lines).toContain('Perkiraan tunggu: ± 15 menit');
    expect(decoded.qr).toEqual([ticket.statusUrl]);
    expect(lines.join(' ')).toContain('Pindai untuk melihat status antrian');
    expect(lines.join(' ')).toContain('Layanan PST GRATIS, tidak dipungut biaya');
    expect(printedChannels(decoded.lines, 'Pengaduan & saran:')).toEqual(office.complaintChannels);

    // Every line fits the paper at its size and font.
    for (const line of decoded.lines)
      expect(line.text.length * line.width).toBeLessThanOrEqual(line.fontB ? COLUMNS_FONT_B[width] : columns);
    // Cut last: partial cut GS V 66 n are the final bytes.
    expect(decoded.cut).toBe(true);
    expect([...bytes.subarray(-4, -1)]).toEqual([GS, 0x56, 66]);
  });

  it('marks a priority ticket, and prints English when asked', () => {
    const id = decodeEscPos(renderTicket({ ...ticket, priority: true }, office, { width: 58 }));
    const marker = id.lines.find((l) => l.text.includes('PRIORITAS'));
    expect(marker).toMatchObject({ text: '** PRIORITAS **', bold: true, width: 2, height: 2 });

    const en = decodeEscPos(renderTicket({ ...ticket, priority: true }, office, { width: 80, lang: 'en' }));
    const lines = texts(en.lines);
    expect(lines).toContain('** PRIORITY **');
    expect(lines).toContain('QUEUE NUMBER');
    expect(lines).toContain('25/11/2026 09:05 WIB');
    expect(lines).toContain('People ahead: 3');
    expect(lines).toContain('PST services are FREE of charge');
  });

  it('prints the office time zone of the office', () => {
    const wita = decodeEscPos(renderTicket(ticket, { ...office, timeZone: 'Asia/Makassar' }, { width: 80 }));
    expect(texts(wita.lines)).toContain('25/11/2026 10.05 WITA');
  });

  it('round-trips Indonesian and accented text through the code page, and replaces what it lacks', () => {
    const decoded = decodeEscPos(
      renderTicket(
        { ...ticket, serviceName: 'Konsultasi • Café – Pelayanan “Sūrya”…' },
        { ...office, name: 'BPS Kota Bandung ± Jawa Barat', complaintChannels: ['Naïve façade ñ ü €'] },
        { width: 80 },
      ),
    );
    const lines = texts(decoded.lines);
    expect(lines).toContain('BPS Kota Bandung ± Jawa Barat');
    expect(lines).toContain('Konsultasi * Café - Pelayanan "Surya"...');
    expect(lines).toContain('- Naïve façade ñ ü €');
    expect(decoded.unknown).toEqual([]);
  });

  it('keeps control characters in configured text from becoming commands', () => {
    const bytes = renderTicket(
      ticket,
      { ...office, name: 'BPS\nKendal\x1b@', complaintChannels: ['a\x1dV\x00b'] },
      { width: 58 },
    );
    const decoded = decodeEscPos(bytes);
    expect(decoded.unknown).toEqual([]);
    expect(decoded.lines[0]?.text).toBe('BPS Kendal @');
    expect(texts(decoded.lines)).toContain('- a V b');
  });

  it('shrinks a long number to fit, and wraps long text to the width', () => {
    const decoded = decodeEscPos(
      renderTicket(
        {
          ...ticket,
          number: 'KONSULTASI-0123',
          serviceName: 'Penjualan Produk Statistik dan Peta Wilayah Kerja',
        },
        office,
        { width: 58 },
      ),
    );
    expect(decoded.lines.find((l) => l.text === 'KONSULTASI-0123')).toMatchObject({ width: 2, height: 2 });
    for (const line of decoded.lines)
      expect(line.text.length * line.width).toBeLessThanOrEqual(line.fontB ? 42 : 32);
  });

  it.each(widths)(
    '%i mm: says everything the standard promises, and breaks no phone number or URL',
    (width) => {
      const decoded = decodeEscPos(renderTicket({ ...ticket, frontOfficeFirst: true }, office, { width }));
      const lines = texts(decoded.lines);
      // The status address as text under the QR code (without http://, which browsers add).
      const qrAt = lines.indexOf('Pindai untuk melihat status antrian');
      expect(lines.slice(qrAt + 1)).toContain('192.168.1.10:3324/t/20261125-K012');
      expect(lines).toContain('Telepon: (0294) 381461');
      expect(lines.join(' ')).toContain('Dilayani maksimal 10 menit sejak pengunjung sebelumnya selesai');
      // The first step, before the people ahead there.
      const first = lines.findIndex((l) => l.startsWith('Silakan menuju Front Office'));
      expect(lines.slice(first, first + 2).join(' ')).toBe(
        'Silakan menuju Front Office untuk mengisi buku tamu',
      );
      expect(lines.findIndex((l) => l.startsWith('Antrian di depan'))).toBeGreaterThan(first);
      // Each phone number and URL whole on one line.
      for (const whole of [
        '0896 3324 3324',
        's.bps.go.id/3324OnlineServices',
        's.bps.go.id/pengaduanbpskendal',
        '(0294) 381461',
        'www.lapor.go.id',
        '192.168.1.10:3324/t/20261125-K012',
      ])
        expect(lines.some((l) => l.includes(whole))).toBe(true);
      // Without the front office first, no such line.
      const direct = texts(decodeEscPos(renderTicket(ticket, office, { width })).lines);
      expect(direct.some((l) => l.includes('Front Office'))).toBe(false);
    },
  );

  it('marks a reprint "CETAK ULANG hh.mm" in office time, under the number', () => {
    const at = Date.UTC(2026, 10, 25, 3, 42); // 10.42 WIB
    const decoded = decodeEscPos(renderTicket({ ...ticket, reprintAt: at }, office, { width: 58 }));
    const lines = texts(decoded.lines);
    expect(lines[lines.indexOf('K-012') + 1]).toBe('CETAK ULANG 10.42');
    expect(texts(decodeEscPos(renderTicket(ticket, office, { width: 58 })).lines)).not.toContain(
      'CETAK ULANG 10.42',
    );
  });

  it('keeps phone numbers whole when wrapping, and leaves a long word whole when asked', () => {
    expect(wrap('WhatsApp 24 jam: 0896 3324 3324', 20)).toEqual(['WhatsApp 24 jam:', '0896 3324 3324']);
    expect(wrap('Telp (0294) 381461 atau', 14)).toEqual(['Telp', '(0294) 381461', 'atau']);
    expect(wrap('web s.bps.go.id/pengaduanbpskendal', 20, { keepWords: true })).toEqual([
      'web',
      's.bps.go.id/pengaduanbpskendal',
    ]);
  });

  it('is deterministic', () => {
    expect(renderTicket(ticket, office, { width: 80 })).toEqual(renderTicket(ticket, office, { width: 80 }));
  });

  it.each(widths)('%i mm matches its golden bytes (UPDATE_GOLDEN=1 rewrites them)', (width) => {
    const bytes = Buffer.from(renderTicket(ticket, office, { width }));
    const file = new URL(`./__golden__/ticket-${width}.bin`, import.meta.url);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, bytes);
    const golden = readFileSync(file);
    const firstDifference = bytes.findIndex((b, i) => b !== golden[i]);
    expect({ length: bytes.length, firstDifference }).toEqual({ length: golden.length, firstDifference: -1 });
  });
});

describe('previewText', () => {
  it('shows the paper as text: spaced big number, QR where it prints, the cut last', () => {
    const text = previewText(renderTicket(ticket, office, { width: 80 }));
    const lines = text.trimEnd().split('\n');
    expect(lines).toContain('                 K  -  0  1  2');
    expect(lines.findIndex((l) => l.includes(`[QR] ${ticket.statusUrl}`))).toBe(
      lines.findIndex((l) => l.includes('Pindai untuk')) - 1,
    );
    expect(lines.at(-1)).toBe('--- cut ---');
    expect(lines.every((l) => l.length <= 48 || l.includes('[QR]'))).toBe(true);
  });
});

describe('wrap', () => {
  it('wraps words to the width and cuts words longer than a line', () => {
    expect(wrap('Jl. Pramuka, Komplek Perkantoran, Patebon-Kendal 51351', 20)).toEqual([
      'Jl. Pramuka, Komplek',
      'Perkantoran,',
      'Patebon-Kendal 51351',
    ]);
    expect(wrap('s.bps.go.id/pengaduanbpskendal', 10)).toEqual(['s.bps.go.i', 'd/pengadua', 'nbpskendal']);
    expect(wrap('  ', 10)).toEqual([]);
  });
});
