/**
 * A ticket put back at the head of a queue goes ahead of those waiting there (desk control audit), over
 * real sockets: *Kembalikan ke antrian sebelumnya* and a parked ticket back to its queue. Each event
 * names whom it went ahead of; the audit table holds who did it and how; the reports count it per staff
 * member and way (JSON and the `ke-depan-antrian` CSV).
 */
import { describe, expect, it } from 'vitest';
import { chosenCallReport } from '../src/chosen-call-report';
import { directOfficeDir, ok, startHub, type TestHub } from '../src/testing';
import { stopHubAfterEach } from './hub-per-test';

let hub: TestHub;
stopHubAfterEach(() => hub);

describe('tickets put back at the head of a queue', () => {
  it('name whom they went ahead of, on the event, in the audit and in the reports', async () => {
    hub = await startHub({ dataDir: directOfficeDir() });
    const kiosk = await hub.device('kiosk');
    const budi = await hub.staff('consultant', 'budi');
    const sari = await hub.staff('consultant', 'sari');
    const take = async () => (await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' })).ticket.id;
    const k1 = await take();
    const k2 = await take();
    await ok(budi, 'desk:open', { deskId: 'konsultasi-1' });
    await ok(sari, 'desk:open', { deskId: 'konsultasi-2' });

    // Budi transfers K-001 to Rekomendasi; Sari serves K-002, then calls K-001 there and sends it back
    // (Kembalikan) to Konsultasi, ahead of K-003, who came meanwhile.
    await ok(budi, 'desk:call-next', { deskId: 'konsultasi-1' });
    await ok(budi, 'ticket:transfer', { deskId: 'konsultasi-1', ticketId: k1, serviceId: 'rekomendasi' });
    expect((await ok(sari, 'desk:call-next', { deskId: 'konsultasi-2' })).ticketId).toBe(k2);
    await ok(sari, 'ticket:finish', { deskId: 'konsultasi-2', ticketId: k2 });
    expect((await ok(sari, 'desk:call-next', { deskId: 'konsultasi-2' })).ticketId).toBe(k1);
    const k3 = await take();
    await ok(sari, 'ticket:transfer-back', { deskId: 'konsultasi-2', ticketId: k1 });

    // A minute later Budi calls K-001 (the head, in turn), parks it, K-004 comes; back to the queue, it
    // passes both.
    hub.advance(60_000);
    expect((await ok(budi, 'desk:call-next', { deskId: 'konsultasi-1' })).ticketId).toBe(k1);
    await ok(budi, 'ticket:park', { deskId: 'konsultasi-1', ticketId: k1 });
    const k4 = await take();
    await ok(budi, 'ticket:unpark', { deskId: 'konsultasi-1', ticketId: k1, to: 'queue' });
    expect((await ok(sari, 'desk:call-next', { deskId: 'konsultasi-2' })).ticketId).toBe(k1);

    const budiId = hub.store.staffByUsername('budi')?.id as string;
    const sariId = hub.store.staffByUsername('sari')?.id as string;
    const events = hub.store.db
      .prepare(`SELECT type, payload, actor FROM events WHERE type IN ('ticket.moved', 'ticket.unparked')`)
      .all() as Array<{ type: string; payload: string; actor: string }>;
    expect(events.map((e) => ({ ...JSON.parse(e.payload), actor: e.actor }))).toMatchObject([
      { type: 'ticket.moved', actor: budiId, kind: 'transferred', toQueue: 'rekomendasi' },
      { type: 'ticket.moved', actor: sariId, toHead: true, overtook: [k3] },
      { type: 'ticket.unparked', actor: budiId, to: 'queue', overtook: [k3, k4] },
    ]);
    expect(JSON.parse(events[0]?.payload ?? '{}')).not.toHaveProperty('overtook');
    expect(
      hub.store.db
        .prepare(
          `SELECT ticket_id, queue, desk_id, staff_id, decided_by, how, overtook, overtaken FROM out_of_turn
           WHERE kind = 'to-head' ORDER BY at, id`,
        )
        .all(),
    ).toEqual([
      {
        ticket_id: k1,
        queue: 'konsultasi',
        desk_id: 'konsultasi-2',
        staff_id: sariId,
        decided_by: sariId,
        how: 'transfer-back',
        overtook: JSON.stringify([k3]),
        overtaken: 1,
      },
      {
        ticket_id: k1,
        queue: 'konsultasi',
        desk_id: 'konsultasi-1',
        staff_id: budiId,
        decided_by: budiId,
        how: 'requeue',
        overtook: JSON.stringify([k3, k4]),
        overtaken: 2,
      },
    ]);

    const token = hub.staffToken('supervisor', 'kepala');
    const get = (path: string) =>
      fetch(`${hub.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const report = (await (await get('/api/reports?preset=today')).json()) as {
      data: { outOfOrder: { toHead: unknown; total: unknown } };
    };
    expect(report.data.outOfOrder.toHead).toEqual({
      total: { moved: 2, outOfOrder: 2, overtaken: 3 },
      byStaff: {
        [sariId]: { moved: 1, outOfOrder: 1, overtaken: 1, name: 'Petugas sari' },
        [budiId]: { moved: 1, outOfOrder: 1, overtaken: 2, name: 'Budi Santoso' },
      },
      byWay: {
        'transfer-back': { moved: 1, outOfOrder: 1, overtaken: 1 },
        requeue: { moved: 1, outOfOrder: 1, overtaken: 2 },
      },
    });
    // Their own figures: nobody chose a call.
    expect(report.data.outOfOrder.total).toEqual({ chosen: 0, outOfOrder: 0, overtaken: 0 });
    const csv = (await (await get('/api/reports/ke-depan-antrian.csv?preset=today')).text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(csv).toEqual([
      'Rincian;Nama;Dikembalikan;Di luar urutan;Antrian yang didahului',
      'Dikembalikan oleh;Petugas sari;1;1;1',
      'Dikembalikan oleh;Budi Santoso;1;1;2',
      'Cara pengembalian;Kembalikan ke antrian sebelumnya;1;1;1',
      'Cara pengembalian;Kembalikan ke antrian (dari tunda);1;1;2',
      'Semua;;2;2;3',
    ]);
  });

  it('back to an empty queue: counted as put back, out of turn for nobody', async () => {
    hub = await startHub({ dataDir: directOfficeDir() });
    const kiosk = await hub.device('kiosk');
    const budi = await hub.staff('consultant', 'budi');
    const k1 = (await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' })).ticket.id;
    await ok(budi, 'desk:open', { deskId: 'konsultasi-1' });
    await ok(budi, 'desk:call-next', { deskId: 'konsultasi-1' });
    await ok(budi, 'ticket:park', { deskId: 'konsultasi-1', ticketId: k1 });
    await ok(budi, 'ticket:unpark', { deskId: 'konsultasi-1', ticketId: k1, to: 'queue' });
    const day = hub.context.runner.state.day;
    const { toHead } = chosenCallReport(hub.store.reports, { from: day, to: day });
    expect(toHead.total).toEqual({ moved: 1, outOfOrder: 0, overtaken: 0 });
  });
});
