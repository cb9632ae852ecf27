import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import {
  type Client,
  closeClients,
  directOfficeDir,
  GUEST,
  nextPush,
  ok,
  send,
  startHub,
  type TestHub,
  takePrinted,
} from '../src/testing';
import { stopHubAfterEach } from './hub-per-test';

let hub: TestHub;
stopHubAfterEach(() => hub);

describe('a visit through the hub over real sockets', () => {
  it('kiosk -> front office guest book -> consultant -> rating, all stored', async () => {
    hub = await startHub();
    const kiosk = await hub.device('kiosk');
    const display = await hub.device('display');
    const tablet = await hub.device('rating', 'Tablet Konsultasi 1', 'konsultasi-1');
    const frontOffice = await hub.staff('front-office');
    const consultant = await hub.staff('consultant');

    const taken = await takePrinted(kiosk, { serviceId: 'konsultasi' });
    expect(taken.ticket.number).toBe('K-001');
    expect(taken.ticket.queue).toBe('front-office');
    expect(taken.statusUrl).toBe('http://pst.local:3324/t/20261125-K001');
    expect(taken.printed).toMatchObject({ state: 'ok', pendingJobs: 0 });

    await ok(frontOffice, 'desk:open', { deskId: 'fo-1' });
    hub.advance(60_000);
    const shown = nextPush(display, 'ticket:called');
    const call = await ok(frontOffice, 'desk:call-next', { deskId: 'fo-1' });
    expect(call).toMatchObject({ number: 'K-001', deskName: 'Front Office', recall: 0 });
    expect(await shown).toEqual(call);

    const forwarded = await ok(frontOffice, 'guestbook:save', {
      deskId: 'fo-1',
      ticketId: taken.ticket.id,
      entry: GUEST,
      forwardTo: 'konsultasi',
    });
    expect(forwarded).toMatchObject({ number: 'K-001', queue: 'konsultasi', status: 'waiting' });

    await ok(consultant, 'desk:open', { deskId: 'konsultasi-1' });
    const consultCall = await ok(consultant, 'desk:call-next', { deskId: 'konsultasi-1' });
    expect(consultCall.deskName).toBe('Meja Konsultasi 1');
    await ok(consultant, 'ticket:start', { deskId: 'konsultasi-1', ticketId: taken.ticket.id });
    const visit = await ok(consultant, 'visit:get', { ticketId: taken.ticket.id });
    expect(visit.guestBook).toMatchObject({ purpose: 'Penelitian', dataNeeded: GUEST.dataNeeded });
    await ok(consultant, 'visit:note', {
      deskId: 'konsultasi-1',
      ticketId: taken.ticket.id,
      text: 'Diberi tabel BRS',
    });
    hub.advance(12 * 60_000);

    const asked = nextPush(tablet, 'rating:request');
    const finished = await ok(consultant, 'ticket:finish', {
      deskId: 'konsultasi-1',
      ticketId: taken.ticket.id,
    });
    expect(finished.status).toBe('finished');
    expect(await asked).toMatchObject({ ticketId: taken.ticket.id, number: 'K-001', deskId: 'konsultasi-1' });

    const rating = {
      ticketId: taken.ticket.id,
      overall: 4 as const,
      scores: [4, 4, 3, 4, 3, 4, 4, null, 3] as Array<1 | 2 | 3 | 4 | null>,
      integrity: { imbalan: false, pungli: false },
      complaint: 'Ruang tunggu kurang kursi',
    };
    await ok(tablet, 'rating:submit', rating);
    const again = await send(tablet, 'rating:submit', rating);
    expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_RATED' } });

    const db = hub.store.db;
    expect(
      db
        .prepare(
          'SELECT number, status, guest_book_id IS NOT NULL AS gb, rating_id IS NOT NULL AS rated FROM tickets',
        )
        .all(),
    ).toEqual([{ number: 'K-001', status: 'finished', gb: 1, rated: 1 }]);
    const stages = db
      .prepare('SELECT queue, outcome, service_wait, within_target FROM stages ORDER BY idx')
      .all();
    expect(stages).toEqual([
      { queue: 'front-office', outcome: 'forwarded', service_wait: 60_000, within_target: 1 },
      { queue: 'konsultasi', outcome: 'finished', service_wait: 0, within_target: 1 },
    ]);
    expect(db.prepare('SELECT phone, email FROM guest_book').get()).toEqual({
      phone: '081234567890',
      email: 'siti.aminah@example.ac.id',
    });
    expect(db.prepare('SELECT overall, complaint, complaint_status FROM ratings').get()).toEqual({
      overall: 4,
      complaint: 'Ruang tunggu kurang kursi',
      complaint_status: 'baru',
    });
    expect(db.prepare(`SELECT count(*) AS n FROM events WHERE type = 'visit.read'`).get()).toEqual({ n: 1 });
  });

  it('the board reaches every client on connect and after changes, and carries no personal data', async () => {
    hub = await startHub();
    const display = await hub.device('display');
    const kiosk = await hub.device('kiosk');
    const frontOffice = await hub.staff('front-office');
    const taken = await takePrinted(kiosk, { serviceId: 'perpustakaan', priority: true });
    await ok(frontOffice, 'desk:open', { deskId: 'fo-1' });
    // Listening before acting: the push may reach the display before the ack reaches the desk.
    const called = nextPush(display, 'board:snapshot', (b) => b.desks.some((d) => d.current !== null));
    await ok(frontOffice, 'desk:call-next', { deskId: 'fo-1' });
    const board = await called;
    expect(board.desks.find((d) => d.id === 'fo-1')?.current?.number).toBe('P-001');
    const forwarded = nextPush(
      display,
      'board:snapshot',
      (b) => (b.queues.find((q) => q.id === 'perpustakaan')?.waitingCount ?? 0) > 0,
    );
    await ok(frontOffice, 'guestbook:save', {
      deskId: 'fo-1',
      ticketId: taken.ticket.id,
      entry: { ...GUEST, servicesUsed: ['Perpustakaan'] },
      forwardTo: 'perpustakaan',
    });
    const after = await forwarded;
    const text = JSON.stringify(after);
    for (const secret of [GUEST.fullName, GUEST.identityNumber, '081234567890', GUEST.email, 'Petugas']) {
      expect(text).not.toContain(secret);
    }
    expect(after.queues.find((q) => q.id === 'perpustakaan')?.waiting[0]).toMatchObject({
      number: 'P-001',
      priority: true,
    });
  });

  it('orders calls by priority, then by time; recall then no-show', async () => {
    hub = await startHub();
    const kiosk = await hub.device('kiosk');
    const frontOffice = await hub.staff('front-office');
    await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
    hub.advance(1000);
    await ok(kiosk, 'ticket:take', { serviceId: 'penjualan' });
    hub.advance(1000);
    const priority = await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi', priority: true });
    expect(priority.ticket.number).toBe('K-002');
    expect(priority.ticket.peopleAhead).toBe(0);
    await ok(frontOffice, 'desk:open', { deskId: 'fo-1' });
    const first = await ok(frontOffice, 'desk:call-next', { deskId: 'fo-1' });
    expect(first.number).toBe('K-002');
    const refused = await send(frontOffice, 'ticket:no-show', { deskId: 'fo-1', ticketId: first.ticketId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'RECALL_FIRST' } });
    const recall = await ok(frontOffice, 'ticket:recall', { deskId: 'fo-1', ticketId: first.ticketId });
    expect(recall.recall).toBe(1);
    await ok(frontOffice, 'ticket:no-show', { deskId: 'fo-1', ticketId: first.ticketId });
    expect((await ok(frontOffice, 'desk:call-next', { deskId: 'fo-1' })).number).toBe('K-001');
  });

  it("numbers restart at midnight WIB and yesterday's open tickets close as not served", async () => {
    hub = await startHub();
    const kiosk = await hub.device('kiosk');
    await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
    await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
    hub.now.value = Date.UTC(2026, 10, 25, 17, 0); // 00:00 WIB, Thursday 26 November
    const next = await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
    expect(next.ticket).toMatchObject({ id: '20261126-K001', number: 'K-001' });
    const rows = hub.store.db.prepare('SELECT id, status FROM tickets ORDER BY id').all();
    expect(rows).toEqual([
      { id: '20261125-K001', status: 'unserved' },
      { id: '20261125-K002', status: 'unserved' },
      { id: '20261126-K001', status: 'waiting' },
    ]);
  });

  it('rebuilds the open day from the database after a restart', async () => {
    hub = await startHub();
    const dataDir = hub.dataDir;
    const kiosk = await hub.device('kiosk');
    const frontOffice = await hub.staff('front-office', 'fo');
    for (const serviceId of ['konsultasi', 'konsultasi', 'perpustakaan'])
      await ok(kiosk, 'ticket:take', { serviceId });
    await ok(frontOffice, 'desk:open', { deskId: 'fo-1' });
    await ok(frontOffice, 'desk:call-next', { deskId: 'fo-1' });
    const before = await ok(kiosk, 'board:get', {});
    closeClients();
    await hub.stop();

    hub = await startHub({ dataDir });
    const session = hub.store.login('fo', '123456', hub.now.value);
    const again = await hub.connect(session?.token ?? '');
    const after = await ok(again, 'board:get', {});
    expect(after.queues).toEqual(before.queues);
    expect(after.desks).toEqual(before.desks);
    const next = await ok(await hub.device('kiosk'), 'ticket:take', { serviceId: 'konsultasi' });
    expect(next.ticket.number).toBe('K-003');
  });

  it('keeps issuing numbers when the printer is offline, and says so', async () => {
    hub = await startHub({ printer: { kind: 'network', host: '127.0.0.1', port: 9 } });
    const kiosk = await hub.device('kiosk');
    const alert = nextPush(kiosk, 'printer:status');
    const taken = await takePrinted(kiosk, { serviceId: 'konsultasi' });
    expect(taken.ticket.number).toBe('K-001');
    expect(taken.printed.state).toBe('offline');
    expect((await alert).state).toBe('offline');
    expect(hub.store.db.prepare('SELECT print_state FROM tickets').get()).toEqual({
      print_state: 'failed:offline',
    });
    const board = await ok(kiosk, 'board:get', {});
    expect(board.printer.state).toBe('offline');
  });
});

describe('a rating tablet that was away', () => {
  /** Connects a tablet, collecting every rating request from its first packet on, until an ack. */
  async function tabletRequests(token: string) {
    const tablet = io(hub.url, {
      auth: { token },
      transports: ['websocket'],
      forceNew: true,
      autoConnect: false,
    });
    const requests: unknown[] = [];
    tablet.on('rating:request', (request) => requests.push(request));
    tablet.connect();
    // Pushes and acks keep their order on one socket: after this answer, a request sent on connect is in.
    await send(tablet as Client, 'board:get', {});
    return { tablet: tablet as Client, requests };
  }

  it('asks the visit that finished while it was away, once rated or ten minutes on no more', async () => {
    hub = await startHub({ dataDir: directOfficeDir() });
    const kiosk = await hub.device('kiosk');
    const consultant = await hub.staff('consultant');
    const { token } = hub.store.addDevice('rating', 'Tablet', 'konsultasi-1', hub.now.value);
    await ok(consultant, 'desk:open', { deskId: 'konsultasi-1' });
    const serve = async () => {
      const { ticket } = await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
      await ok(consultant, 'desk:call-next', { deskId: 'konsultasi-1' });
      await ok(consultant, 'ticket:start', { deskId: 'konsultasi-1', ticketId: ticket.id });
      await ok(consultant, 'ticket:finish', { deskId: 'konsultasi-1', ticketId: ticket.id });
      return ticket;
    };

    const first = await serve();
    hub.advance(9 * 60_000);
    const late = await tabletRequests(token);
    expect(late.requests).toEqual([
      { ticketId: first.id, number: 'K-001', deskId: 'konsultasi-1', deskName: 'Meja Konsultasi 1' },
    ]);
    await ok(late.tablet, 'rating:submit', {
      ticketId: first.id,
      overall: 4,
      scores: [4, 4, 4, 4, 4, 4, 4, 4, 4],
      integrity: { imbalan: false, pungli: false },
    });
    late.tablet.disconnect();
    expect((await tabletRequests(token)).requests).toEqual([]);

    await serve();
    hub.advance(11 * 60_000);
    expect((await tabletRequests(token)).requests).toEqual([]);
  });
});
