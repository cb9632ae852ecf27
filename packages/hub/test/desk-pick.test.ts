import { COMMAND_ROLES, type QueueConfig, STAFF_ROLES } from '@pst/shared';
import { describe, expect, it } from 'vitest';
import { closeClients, directOfficeDir, nextPush, ok, send, startHub, type TestHub } from '../src/testing';
import { stopHubAfterEach } from './hub-per-test';

let hub: TestHub;
stopHubAfterEach(() => hub);

describe('desk:call-chosen over real sockets', () => {
  it('is open to every staff role that works a desk, and to no device', () => {
    expect([...COMMAND_ROLES['desk:call-chosen']].sort()).toEqual([...STAFF_ROLES].sort());
  });

  it('calls the chosen ticket, announces it, audits reason, note, staff and the overtaken tickets, and reports it', async () => {
    hub = await startHub({ dataDir: directOfficeDir() });
    const kiosk = await hub.device('kiosk');
    const display = await hub.device('display');
    const budi = await hub.staff('consultant', 'budi');
    const [a, b, c] = [
      await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' }),
      await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' }),
      await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' }),
    ];
    await ok(budi, 'desk:open', { deskId: 'konsultasi-1' });

    const announced = nextPush(display, 'ticket:called');
    const call = await ok(budi, 'desk:call-chosen', {
      deskId: 'konsultasi-1',
      ticketId: c.ticket.id,
      reason: 'dokumen-siap',
      note: 'Surat pengantar sudah dibawa',
    });
    expect(call).toMatchObject({ ticketId: c.ticket.id, number: 'K-003', deskId: 'konsultasi-1', recall: 0 });
    expect(await announced).toMatchObject({ ticketId: c.ticket.id, deskName: 'Meja Konsultasi 1' });

    const [event] = hub.store.db
      .prepare(`SELECT payload, actor FROM events WHERE type = 'ticket.called'`)
      .all() as Array<{ payload: string; actor: string }>;
    const staffId = hub.store.staffByUsername('budi')?.id;
    expect(event?.actor).toBe(staffId);
    expect(JSON.parse(event?.payload ?? '{}')).toMatchObject({
      staffId,
      clockStart: null,
      serviceWait: 0,
      chosen: {
        reason: 'dokumen-siap',
        note: 'Surat pengantar sudah dibawa',
        overtook: [a.ticket.id, b.ticket.id],
      },
    });

    // The board still has the overtaken tickets first in line, in their order.
    const board = await ok(budi, 'board:get', {});
    expect(board.queues.find((q) => q.id === 'konsultasi')?.waiting.map((w) => w.number)).toEqual([
      'K-001',
      'K-002',
    ]);

    const token = hub.staffToken('supervisor', 'kepala');
    const get = (path: string) =>
      fetch(`${hub.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const report = (await (await get('/api/reports?preset=today')).json()) as {
      data: { outOfOrder: unknown };
    };
    expect(report.data.outOfOrder).toEqual({
      total: { chosen: 1, outOfOrder: 1, overtaken: 2 },
      byDesk: { 'konsultasi-1': { chosen: 1, outOfOrder: 1, overtaken: 2 } },
      byStaff: { [staffId as string]: { chosen: 1, outOfOrder: 1, overtaken: 2, name: 'Budi Santoso' } },
      byReason: { 'dokumen-siap': { chosen: 1, outOfOrder: 1, overtaken: 2 } },
      sent: { total: { sent: 0, outOfOrder: 0, overtaken: 0 }, bySender: {}, byVia: {} },
      toHead: { total: { moved: 0, outOfOrder: 0, overtaken: 0 }, byStaff: {}, byWay: {} },
    });
    const csv = (await (await get('/api/reports/panggilan-pilihan.csv?preset=today')).text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(csv).toEqual([
      'Rincian;Nama;Dipanggil pilihan;Di luar urutan;Antrian yang didahului',
      'Meja;Meja Konsultasi 1;1;1;2',
      'Petugas;Budi Santoso;1;1;2',
      'Alasan;Dokumen/persyaratan sudah siap;1;1;2',
      'Semua;;1;1;2',
    ]);
  });

  it('refuses a ticket the desk does not serve, a missing note for "lainnya", and a busy desk', async () => {
    hub = await startHub({ dataDir: directOfficeDir() });
    const kiosk = await hub.device('kiosk');
    const fo = await hub.staff('front-office');
    const consultant = await hub.staff('consultant');
    const library = await ok(kiosk, 'ticket:take', { serviceId: 'perpustakaan' });
    const k = await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
    await ok(consultant, 'desk:open', { deskId: 'konsultasi-1' });
    const chosen = (ticketId: string, reason: 'janji-temu' | 'lainnya' = 'janji-temu', note = '') =>
      send(consultant, 'desk:call-chosen', { deskId: 'konsultasi-1', ticketId, reason, note });

    expect(await chosen(library.ticket.id)).toMatchObject({
      ok: false,
      error: {
        code: 'NOT_WAITING_HERE',
        message: 'Antrian ini tidak sedang menunggu di layanan yang dilayani meja Anda.',
      },
    });
    expect(await chosen(k.ticket.id, 'lainnya')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', details: { note: expect.any(String) } },
    });
    await ok(consultant, 'desk:call-chosen', {
      deskId: 'konsultasi-1',
      ticketId: k.ticket.id,
      reason: 'lainnya',
      note: 'Diminta kepala PST',
    });
    expect(await chosen(k.ticket.id)).toMatchObject({ ok: false, error: { code: 'DESK_BUSY' } });
    // The front office may call a chosen ticket too, but only at a desk it holds and from its own queue.
    expect(
      await send(fo, 'desk:call-chosen', {
        deskId: 'fo-1',
        ticketId: library.ticket.id,
        reason: 'janji-temu',
      }),
    ).toMatchObject({ ok: false, error: { code: 'DESK_NOT_OPEN' } });
    // Nothing refused reached the audit trail.
    expect(hub.store.db.prepare(`SELECT count(*) FROM out_of_turn WHERE kind = 'chosen'`).pluck().get()).toBe(
      1,
    );
  });
});

describe('work profiles through the settings', () => {
  it('the supervisor sets a 2:1 ratio on a desk; calls follow it; a weight for a service the desk does not serve is refused', async () => {
    hub = await startHub({ dataDir: directOfficeDir() });
    const kiosk = await hub.device('kiosk');
    const head = await hub.staff('supervisor');
    const consultant = await hub.staff('consultant');
    const { config } = await ok(head, 'settings:get', {});
    const withProfile = (profile: NonNullable<QueueConfig['desks'][number]['profile']>): QueueConfig => ({
      ...config,
      desks: config.desks.map((d) => (d.id === 'konsultasi-1' ? { ...d, profile } : d)),
    });
    const refused = await send(head, 'settings:config', {
      config: withProfile({ kind: 'ratio', weights: { perpustakaan: 2 } }),
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(
      await send(consultant, 'settings:config', {
        config: withProfile({ kind: 'ratio', weights: { konsultasi: 2, rekomendasi: 1 } }),
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const saved = await ok(head, 'settings:config', {
      config: withProfile({ kind: 'ratio', weights: { konsultasi: 2, rekomendasi: 1 } }),
    });
    expect(saved.config.desks.find((d) => d.id === 'konsultasi-1')?.profile).toEqual({
      kind: 'ratio',
      weights: { konsultasi: 2, rekomendasi: 1 },
    });

    for (let i = 0; i < 3; i++) await ok(kiosk, 'ticket:take', { serviceId: 'rekomendasi' });
    for (let i = 0; i < 3; i++) await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
    await ok(consultant, 'desk:open', { deskId: 'konsultasi-1' });
    const called: string[] = [];
    for (let i = 0; i < 6; i++) {
      const call = await ok(consultant, 'desk:call-next', { deskId: 'konsultasi-1' });
      called.push(call.number);
      await ok(consultant, 'ticket:finish', { deskId: 'konsultasi-1', ticketId: call.ticketId });
      hub.advance(60_000);
    }
    expect(called).toEqual(['K-001', 'R-001', 'K-002', 'K-003', 'R-002', 'R-003']);
  });

  it('keeps the ratio cursor over a hub restart (rebuilt from the event log)', async () => {
    const dataDir = directOfficeDir();
    hub = await startHub({ dataDir });
    const head = await hub.staff('supervisor', 'kepala');
    const { config } = await ok(head, 'settings:get', {});
    await ok(head, 'settings:config', {
      config: {
        ...config,
        desks: config.desks.map((d) =>
          d.id === 'konsultasi-1' ? { ...d, profile: { kind: 'ratio', weights: { konsultasi: 1 } } } : d,
        ),
      },
    });
    const kiosk = await hub.device('kiosk');
    const consultant = await hub.staff('consultant', 'budi');
    for (const serviceId of ['konsultasi', 'konsultasi', 'rekomendasi', 'rekomendasi'])
      await ok(kiosk, 'ticket:take', { serviceId });
    await ok(consultant, 'desk:open', { deskId: 'konsultasi-1' });
    const first = await ok(consultant, 'desk:call-next', { deskId: 'konsultasi-1' });
    await ok(consultant, 'ticket:finish', { deskId: 'konsultasi-1', ticketId: first.ticketId });
    const at = hub.now.value;
    closeClients();
    await hub.stop();

    hub = await startHub({ dataDir, clock: () => at + 60_000 });
    const again = await hub.connect(hub.store.login('budi', '123456', hub.now.value)?.token ?? '');
    const second = await ok(again, 'desk:call-next', { deskId: 'konsultasi-1' });
    expect([first.number, second.number]).toEqual(['K-001', 'R-001']);
  });
});
