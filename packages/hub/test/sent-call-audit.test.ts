/**
 * A ticket sent to a named desk goes ahead of its queue when that desk calls it (desk control audit),
 * over real sockets: its first call there carries who sent it, how (guest book or Kirim ke meja) and
 * whom it overtook; the reports count it beside the chosen calls (JSON and the `kiriman-meja` CSV); and
 * the lobby's calls, derived from the tickets, are the same after a restart.
 */
import { describe, expect, it } from 'vitest';
import { GUEST, ok, startHub, type TestHub } from '../src/testing';
import { stopHubAfterEach } from './hub-per-test';

const MINUTE = 60_000;
let hub: TestHub;
stopHubAfterEach(() => hub);

const guestBook = (ticketId: string, forDeskId?: string) => ({
  deskId: 'fo-1',
  ticketId,
  entry: GUEST,
  forwardTo: 'konsultasi',
  ...(forDeskId ? { forDeskId } : {}),
});

/**
 * The default office (front office first). Rina forwards K-001 to the Konsultasi queue, sends K-002 to
 * Meja Konsultasi 2 from the guest book, forwards K-003 to the queue; Sari calls K-002 (ahead of K-001).
 */
async function sentFromGuestBook() {
  hub = await startHub();
  const kiosk = await hub.device('kiosk');
  const rina = await hub.staff('front-office', 'rina');
  const budi = await hub.staff('consultant', 'budi');
  const sari = await hub.staff('consultant', 'sari');
  const [k1, k2, k3] = [
    (await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' })).ticket.id,
    (await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' })).ticket.id,
    (await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' })).ticket.id,
  ];
  await ok(rina, 'desk:open', { deskId: 'fo-1' });
  await ok(budi, 'desk:open', { deskId: 'konsultasi-1' });
  await ok(sari, 'desk:open', { deskId: 'konsultasi-2' });
  for (const [ticketId, forDeskId] of [[k1], [k2, 'konsultasi-2'], [k3]] as const) {
    hub.advance(MINUTE);
    await ok(rina, 'desk:call-next', { deskId: 'fo-1' });
    await ok(rina, 'guestbook:save', guestBook(ticketId, forDeskId));
  }
  const called = await ok(sari, 'desk:call-next', { deskId: 'konsultasi-2' });
  expect(called.ticketId).toBe(k2);
  return { rina, budi, sari, k1, k2, k3 };
}

const calledPayloads = () =>
  (
    hub.store.db.prepare(`SELECT payload, actor FROM events WHERE type = 'ticket.called'`).all() as Array<{
      payload: string;
      actor: string;
    }>
  ).map((e) => ({ ...JSON.parse(e.payload), actor: e.actor }));

describe('a ticket sent to a named desk, called there ahead of its queue', () => {
  it('its first call names who sent it, how, and whom it overtook; the reports count it', async () => {
    const { budi, sari, k1, k2, k3 } = await sentFromGuestBook();
    const rinaId = hub.store.staffByUsername('rina')?.id;
    const budiId = hub.store.staffByUsername('budi')?.id;
    const sariId = hub.store.staffByUsername('sari')?.id;
    expect(calledPayloads().find((e) => e.ticketId === k2 && e.deskId === 'konsultasi-2')).toMatchObject({
      actor: sariId,
      deskId: 'konsultasi-2',
      sent: { fromDeskId: 'fo-1', byStaffId: rinaId, via: 'guest-book', overtook: [k1] },
    });

    // Budi calls K-001 (the head, in order) and sends it with Kirim ke meja to Sari's desk: her next
    // call takes it ahead of K-003, who entered the queue before it was sent.
    await ok(budi, 'desk:call-next', { deskId: 'konsultasi-1' });
    await ok(budi, 'ticket:send-to-desk', {
      deskId: 'konsultasi-1',
      ticketId: k1,
      toDeskId: 'konsultasi-2',
      serviceId: 'konsultasi',
    });
    await ok(sari, 'ticket:finish', { deskId: 'konsultasi-2', ticketId: k2 });
    expect((await ok(sari, 'desk:call-next', { deskId: 'konsultasi-2' })).ticketId).toBe(k1);
    expect(calledPayloads().filter((e) => e.ticketId === k1)).toMatchObject([
      { deskId: 'fo-1' },
      { deskId: 'konsultasi-1' },
      {
        deskId: 'konsultasi-2',
        sent: { fromDeskId: 'konsultasi-1', byStaffId: budiId, via: 'send', overtook: [k3] },
      },
    ]);
    expect(
      hub.store.db
        .prepare(`SELECT ticket_id, how, decided_by, from_desk_id, overtook FROM out_of_turn WHERE kind = 'sent'
          ORDER BY at`)
        .all(),
    ).toEqual([
      {
        ticket_id: k2,
        how: 'guest-book',
        decided_by: rinaId,
        from_desk_id: 'fo-1',
        overtook: JSON.stringify([k1]),
      },
      {
        ticket_id: k1,
        how: 'send',
        decided_by: budiId,
        from_desk_id: 'konsultasi-1',
        overtook: JSON.stringify([k3]),
      },
    ]);

    const token = hub.staffToken('supervisor', 'kepala');
    const get = (path: string) =>
      fetch(`${hub.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const report = (await (await get('/api/reports?preset=today')).json()) as {
      data: { outOfOrder: { sent: unknown; total: unknown } };
    };
    expect(report.data.outOfOrder.sent).toEqual({
      total: { sent: 2, outOfOrder: 2, overtaken: 2 },
      bySender: {
        [rinaId as string]: { sent: 1, outOfOrder: 1, overtaken: 1, name: 'Rina Wulandari' },
        [budiId as string]: { sent: 1, outOfOrder: 1, overtaken: 1, name: 'Budi Santoso' },
      },
      byVia: {
        'guest-book': { sent: 1, outOfOrder: 1, overtaken: 1 },
        send: { sent: 1, outOfOrder: 1, overtaken: 1 },
      },
    });
    // The chosen calls are their own figures: no consultant chose anyone.
    expect(report.data.outOfOrder.total).toEqual({ chosen: 0, outOfOrder: 0, overtaken: 0 });
    const csv = (await (await get('/api/reports/kiriman-meja.csv?preset=today')).text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(csv).toEqual([
      'Rincian;Nama;Dipanggil setelah dikirim;Di luar urutan;Antrian yang didahului',
      'Dikirim oleh;Rina Wulandari;1;1;1',
      'Dikirim oleh;Budi Santoso;1;1;1',
      'Cara pengiriman;Buku tamu;1;1;1',
      'Cara pengiriman;Kirim ke meja;1;1;1',
      'Semua;;2;2;2',
    ]);
    // A sender's name is staff's own text: a spreadsheet formula stays text, as in every export.
    hub.store.db.prepare(`UPDATE staff SET name = '=1+2' WHERE username = 'rina'`).run();
    const renamed = await (await get('/api/reports/kiriman-meja.csv?preset=today')).text();
    expect(renamed).toContain("\r\nDikirim oleh;'=1+2;1;1;1\r\n");
    // Two senders of the same name: each row also says whose (the username), on screen and in the export.
    hub.store.db.prepare(`UPDATE staff SET name = 'Budi Santoso' WHERE username = 'rina'`).run();
    const sameName = await (await get('/api/reports/kiriman-meja.csv?preset=today')).text();
    expect(sameName).toContain(
      '\r\nDikirim oleh;Budi Santoso (rina);1;1;1\r\nDikirim oleh;Budi Santoso (budi);1;1;1\r\n',
    );
    const again = (await (await get('/api/reports?preset=today')).json()) as typeof report;
    expect(again.data.outOfOrder.sent).toMatchObject({
      bySender: {
        [rinaId as string]: { name: 'Budi Santoso (rina)' },
        [budiId as string]: { name: 'Budi Santoso (budi)' },
      },
    });
  });

  it('a sent call projected twice (its events committed again) is one row of the audit', async () => {
    const { k2 } = await sentFromGuestBook();
    const sentCall = calledPayloads().find((e) => e.ticketId === k2 && e.sent);
    const { actor, ...event } = sentCall;
    hub.store.commit([event], hub.context.runner.state, actor);
    expect(hub.store.db.prepare(`SELECT ticket_id FROM out_of_turn WHERE kind = 'sent'`).all()).toEqual([
      { ticket_id: k2 },
    ]);
  });

  it('the lobby shows the same calls after a restart: derived from the tickets, nothing stored', async () => {
    const { budi, k1 } = await sentFromGuestBook();
    // Budi calls K-001 and parks it: its call is taken back; K-002's at Meja Konsultasi 2 stands.
    await ok(budi, 'desk:call-next', { deskId: 'konsultasi-1' });
    await ok(budi, 'ticket:park', { deskId: 'konsultasi-1', ticketId: k1 });
    const lobby = () => {
      const board = hub.context.board();
      const calls = (list: typeof board.recentCalls) => list.map((c) => `${c.number}@${c.deskId}`);
      return { shown: calls(board.recentCalls), withdrawn: calls(board.withdrawnCalls) };
    };
    const before = lobby();
    expect(before).toEqual({
      shown: ['K-002@konsultasi-2'],
      withdrawn: ['K-001@konsultasi-1', 'K-003@fo-1', 'K-002@fo-1', 'K-001@fo-1'],
    });
    const { dataDir } = hub;
    const at = hub.now.value;
    await hub.stop();
    hub = await startHub({ dataDir, clock: () => at });
    expect(lobby()).toEqual(before);
  });
});
