import { type ChosenCallReport, chosenCallRows, headMoveRows, sentCallRows } from '@pst/shared';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChosenCallsReport } from './ChosenCallsReport';

const counts = { chosen: 1, outOfOrder: 1, overtaken: 1 };
const sent = { sent: 1, outOfOrder: 1, overtaken: 1 };
const moved = { moved: 1, outOfOrder: 1, overtaken: 3 };

/** Two staff members of the same name (told apart by the hub, or not yet: an old hub's report). */
const report: ChosenCallReport = {
  total: { chosen: 2, outOfOrder: 2, overtaken: 2 },
  byDesk: { 'konsultasi-1': counts, 'konsultasi-2': counts },
  byStaff: { 's-1': { ...counts, name: 'Budi Santoso' }, 's-2': { ...counts, name: 'Budi Santoso' } },
  byReason: { 'janji-temu': counts, 'dokumen-siap': counts },
  sent: {
    total: { sent: 2, outOfOrder: 2, overtaken: 2 },
    bySender: { 's-1': { ...sent, name: 'Budi Santoso' }, 's-2': { ...sent, name: 'Budi Santoso' } },
    byVia: { send: { ...sent, sent: 2, outOfOrder: 2, overtaken: 2 } },
  },
  toHead: {
    total: { moved: 2, outOfOrder: 2, overtaken: 6 },
    byStaff: { 's-1': { ...moved, name: 'Budi Santoso' }, 's-2': { ...moved, name: 'Budi Santoso' } },
    byWay: { 'transfer-back': moved, requeue: moved },
  },
};

describe('the chosen-calls report screen', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keys the rows apart where two staff members share a name (by staff id)', () => {
    for (const rows of [
      chosenCallRows(report, (id) => id, 'id'),
      sentCallRows(report.sent, 'id'),
      headMoveRows(report.toHead, 'id'),
    ]) {
      const keys = rows.map(([key]) => key);
      expect(new Set(keys).size).toBe(keys.length);
    }
    expect(sentCallRows(report.sent, 'en').map(([, part, name]) => `${part}: ${name}`)).toEqual([
      'Sent by: Budi Santoso',
      'Sent by: Budi Santoso',
      'How it was sent: Send to desk',
      'All: ',
    ]);
    expect(headMoveRows(report.toHead, 'en').map(([, part, name]) => `${part}: ${name}`)).toEqual([
      'Put back by: Budi Santoso',
      'Put back by: Budi Santoso',
      'How it was put back: Back to the previous queue',
      'How it was put back: Back to the queue (from hold)',
      'All: ',
    ]);
  });

  it('keeps a row per staff member even where two share a name (keyed by id), in its own words', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const html = renderToStaticMarkup(
      createElement(ChosenCallsReport, { report, deskName: (id: string) => id, lang: 'id' }),
    );
    expect(errors).not.toHaveBeenCalled();
    expect(html.match(/<td>Budi Santoso<\/td>/g)).toHaveLength(6);
    expect(html).toContain('<td>Cara pengiriman</td><td>Kirim ke meja</td>');
    expect(html).toContain('Dikirim ke meja tertentu (panggilan pertama di meja tujuan)');
    expect(html).toContain(
      '<td>Cara pengembalian</td><td>Kembalikan ke antrian sebelumnya</td><td>1</td><td>1</td><td>3</td>',
    );
  });
});
