import { describe, expect, it } from 'vitest';
import { decodeEscPos, decodeEscPosBlocks } from './decode';
import { renderTestTicket, TEST_TICKET_MARK } from './ticket';

const OFFICE = {
  name: 'BPS Kabupaten Kendal',
  address: 'Kendal',
  timeZone: 'Asia/Jakarta' as const,
  complaintChannels: [],
};

describe('renderTestTicket', () => {
  it.each([58, 80] as const)(
    'is marked TIKET UJI / TEST TICKET where the number goes, on %i mm paper',
    (width) => {
      const bytes = renderTestTicket(
        {
          printer: 'network printer 192.168.1.50:9100',
          at: Date.UTC(2026, 10, 25, 2, 0),
          url: 'http://192.168.1.10:3324',
        },
        OFFICE,
        { width },
      );
      const ticket = decodeEscPos(bytes);
      expect(ticket.unknown).toEqual([]);
      expect(ticket.initialized && ticket.cut).toBe(true);
      expect(ticket.lines.find((line) => line.width > 1)?.text).toBe(TEST_TICKET_MARK);
      const texts = ticket.lines.map((line) => line.text);
      expect(texts).toContain('TEST TICKET');
      expect(texts).toContain('25/11/2026 09.00 WIB');
      expect(texts.join(' ')).toContain('192.168.1.50:9100');
      expect(texts.some((text) => /^[A-Z]-\d{3}$/.test(text))).toBe(false);
      expect(ticket.qr).toEqual(['http://192.168.1.10:3324']);
      expect(decodeEscPosBlocks(bytes).map((b) => b.kind)).toContain('qr');
    },
  );
});
