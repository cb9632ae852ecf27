import { readFileSync, writeFileSync } from 'node:fs';
import { DEFAULT_CONFIG } from '@pst/shared';
import { describe, expect, it } from 'vitest';
import { decodeEscPos, previewText } from './decode';
import { COLUMNS, renderTicket, type TicketPrintData, wrap } from './ticket';

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
const office = DEFAULT_CONFIG.office;

describe('renderTicket', () => {
  it.each([58, 80] as const)('decodes to the whole ticket on %i mm paper', (width) => {
    const decoded = decodeEscPos(renderTicket(ticket, office, { width }));
    expect(decoded.initialized).toBe(true);
    expect(decoded.codePage).toBe(19);
    expect(decoded.unknown).toEqual([]);
    expect(decoded.cut).toBe(true);
    expect(decoded.qr).toEqual([ticket.statusUrl]);
    const texts = decoded.lines.map((l) => l.text);
    const number = decoded.lines.find((l) => l.text === 'K-012');
    expect(number).toMatchObject({ align: 'center', bold: true });
    expect(number?.width).toBe(width === 80 ? 8 : 6);
    expect((number?.width ?? 0) * 'K-012'.length).toBeLessThanOrEqual(COLUMNS[width]);
    expect(decoded.lines.every((l) => l.text.length * l.width <= COLUMNS[width])).toBe(true);
    expect(texts).toContain('BPS Kabupaten Kendal');
    expect(texts).toContain('NOMOR ANTRIAN');
    expect(texts).toContain('Konsultasi Statistik');
    expect(texts).toContain('25/11/2026 09.05 WIB');
    expect(texts).toContain('Antrian di depan: 3 orang');
    expect(texts).toContain('Perkiraan tunggu: ± 15 menit');
    expect(texts.join(' ')).toContain('Layanan PST GRATIS, tidak dipungut biaya');
    for (const channel of office.complaintChannels) expect(texts.join(' ')).toContain(channel);
    expect(texts.some((t) => t.includes('PRIORITAS'))).toBe(false);
  });

  it('marks a priority ticket and speaks English when asked', () => {
    const decoded = decodeEscPos(
      renderTicket({ ...ticket, priority: true }, office, { width: 80, lang: 'en' }),
    );
    const texts = decoded.lines.map((l) => l.text);
    expect(texts).toContain('** PRIORITY **');
    expect(texts).toContain('QUEUE NUMBER');
  });

  it('prints Indonesian and accented names through the code page, with fallbacks', () => {
    const decoded = decodeEscPos(
      renderTicket(ticket, { ...office, name: 'BPS Kabupaten Kendal • Pelayanan – Café ±' }, { width: 80 }),
    );
    expect(decoded.lines[0]?.text).toBe('BPS Kabupaten Kendal * Pelayanan - Café ±');
  });

  it.each([58, 80] as const)('matches the golden bytes for %i mm', (width) => {
    const bytes = Buffer.from(renderTicket(ticket, office, { width }));
    const file = new URL(`./__golden__/ticket-${width}.bin`, import.meta.url);
    if (process.env.UPDATE_GOLDEN) writeFileSync(file, bytes);
    expect(bytes.equals(readFileSync(file))).toBe(true);
  });

  it('previews as plain text', () => {
    const text = previewText(renderTicket(ticket, office, { width: 80 }));
    expect(text).toContain('K  -  0  1  2');
    expect(text).toContain(`[QR] ${ticket.statusUrl}`);
    expect(text.trimEnd().endsWith('--- potong / cut ---')).toBe(true);
  });

  it('wraps words to the width and cuts words longer than a line', () => {
    expect(wrap('Jl. Pramuka, Komplek Perkantoran, Patebon-Kendal 51351', 20)).toEqual([
      'Jl. Pramuka, Komplek',
      'Perkantoran,',
      'Patebon-Kendal 51351',
    ]);
    expect(wrap('s.bps.go.id/pengaduanbpskendal', 10)).toEqual(['s.bps.go.i', 'd/pengadua', 'nbpskendal']);
  });
});
