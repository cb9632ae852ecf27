/**
 * Hold (tunda) and send to a named desk over real sockets (issue 20, part 2): the commands, the
 * announcements, the hub's timer applying the time limits, reports without parked time, and a restart.
 */
import type { BoardSnapshot, CallView } from '@pst/shared';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../src/reports';
import { type Client, directOfficeDir, nextPush, ok, send, startHub, type TestHub } from '../src/testing';
import { stopHubAfterEach } from './hub-per-test';

const MINUTE = 60_000;
let hub: TestHub;
stopHubAfterEach(() => hub);

/** A direct office: konsultasi-1 (budi) and konsultasi-2 (sari) open; K-001 and K-002 taken. */
async function office() {
  const dataDir = directOfficeDir();
  hub = await startHub({ dataDir });
  const kiosk = await hub.device('kiosk');
  const display = await hub.device('display');
  const budi = await hub.staff('consultant', 'budi');
  const sari = await hub.staff('consultant', 'sari');
  const k1 = (await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' })).ticket.id;
  const k2 = (await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' })).ticket.id;
  await ok(budi, 'desk:open', { deskId: 'konsultasi-1' });
  await ok(sari, 'desk:open', { deskId: 'konsultasi-2' });
  return { dataDir, kiosk, display, budi, sari, k1, k2 };
}

/** Every `ticket:called` a client hears from now on. */
function heard(client: Client): CallView[] {
  const calls: CallView[] = [];
  client.on('ticket:called', (call) => calls.push(call));
  return calls;
}

/** The next board push in which `match` holds. */
function boardWhere(client: Client, match: (board: BoardSnapshot) => boolean) {
  return nextPush(client, 'board:snapshot', match);
}

describe('hold (tunda) at the desk', () => {
  it('parks, calls the next, calls the parked one back (announced once more), never announces it meanwhile', async () => {
    const { display, budi, k1, k2 } = await office();
    const calls = heard(display);
    await ok(budi, 'desk:call-next', { deskId: 'konsultasi-1' });
    await ok(budi, 'ticket:start', { deskId: 'konsultasi-1', ticketId: k1 });
    hub.advance(3 * MINUTE);
    const parked = await ok(budi, 'ticket:park', { deskId: 'konsultasi-1', ticketId: k1 });
    expect(parked).toMatchObject({
      current: null,
      parked: [{ ticketId: k1, wasServing: true, overdue: false }],
    });
    expect((await ok(budi, 'ticket:status', { ticketId: k1 })).status).toBe('parked');
    const next = await ok(budi, 'desk:call-next', { deskId: 'konsultasi-1' });
    expect(next.ticketId).toBe(k2);
    // Listening before the finish: its board push may reach the display before the finish's reply.
    const freed = boardWhere(display, (b) =>
      b.desks.some((d) => d.id === 'konsultasi-1' && d.current === null),
    );
    await ok(budi, 'ticket:finish', { deskId: 'konsultasi-1', ticketId: k2 });
    // Board pushes go out meanwhile; the display hears K-001 only when the desk calls it back.
    const board = await freed;
    expect(calls.map((c) => c.number)).toEqual(['K-001', 'K-002']);
    // The lobby no longer shows K-001 as called to Meja Konsultasi 1 (big or in the list).
    expect(board.recentCalls.map((c) => c.number)).toEqual(['K-002']);
    expect(board.withdrawnCalls.map((c) => c.number)).toEqual(['K-001']);
    const announced = nextPush(display, 'ticket:called');
    const back = await ok(budi, 'ticket:unpark', { deskId: 'konsultasi-1', ticketId: k1, to: 'desk' });
    expect(back.current).toMatchObject({ ticketId: k1, state: 'serving' });
    expect(await announced).toMatchObject({ number: 'K-001', deskName: 'Meja Konsultasi 1' });
  });

  it('returns a parked ticket to the head of its queue, where any desk of the queue calls it', async () => {
    const { budi, sari, k1 } = await office();
    await ok(budi, 'desk:call-next', { deskId: 'konsultasi-1' });
    await ok(budi, 'ticket:park', { deskId: 'konsultasi-1', ticketId: k1 });
    await ok(budi, 'ticket:unpark', { deskId: 'konsultasi-1', ticketId: k1, to: 'queue' });
    expect((await ok(sari, 'desk:call-next', { deskId: 'konsultasi-2' })).ticketId).toBe(k1);
  });

  it('only the desk that parked it brings it back; a desk with parked tickets does not close', async () => {
    const { budi, sari, k1 } = await office();
    await ok(budi, 'desk:call-next', { deskId: 'konsultasi-1' });
    await ok(budi, 'ticket:park', { deskId: 'konsultasi-1', ticketId: k1 });
    expect(
      await send(sari, 'ticket:unpark', { deskId: 'konsultasi-2', ticketId: k1, to: 'desk' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'TICKET_NOT_AT_DESK' },
    });
    expect(
      await send(sari, 'ticket:unpark', { deskId: 'konsultasi-1', ticketId: k1, to: 'desk' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'DESK_IN_USE' },
    });
    expect(await send(budi, 'desk:close', { deskId: 'konsultasi-1' })).toMatchObject({
      ok: false,
      error: { code: 'DESK_HAS_PARKED' },
    });
  });

  it("the hub's timer proposes a long park as a no-show; the desk confirms; the board shows each step", async () => {
    const { display, budi, k1 } = await office();
    await ok(budi, 'desk:call-next', { deskId: 'konsultasi-1' });
    await ok(budi, 'ticket:park', { deskId: 'konsultasi-1', ticketId: k1 });
    hub.advance(14 * MINUTE);
    await hub.housekeeping();
    expect(hub.context.board().desks.find((d) => d.id === 'konsultasi-1')?.parked[0]?.overdue).toBe(false);
    hub.advance(1 * MINUTE);
    const proposed = boardWhere(display, (b) =>
      b.desks.some((d) => d.id === 'konsultasi-1' && d.parked[0]?.overdue === true),
    );
    await hub.housekeeping();
    await proposed;
    const events = hub.store.db
      .prepare(`SELECT actor FROM events WHERE type = 'ticket.park-overdue'`)
      .pluck()
      .all();
    expect(events).toEqual(['hub']);
    expect((await ok(budi, 'ticket:no-show', { deskId: 'konsultasi-1', ticketId: k1 })).status).toBe(
      'no-show',
    );
  });

  it('the supervisor sets both limits in the settings; the timer follows them', async () => {
    const { budi, k1 } = await office();
    const kepala = await hub.staff('supervisor', 'kepala');
    const { config } = await ok(kepala, 'settings:get', {});
    const saved = await ok(kepala, 'settings:config', {
      config: { ...config, office: { ...config.office, parkLimitMinutes: 2, sentFallbackMinutes: 1 } },
    });
    expect(saved.config.office).toMatchObject({ parkLimitMinutes: 2, sentFallbackMinutes: 1 });
    expect(await send(budi, 'settings:config', { config })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await ok(budi, 'desk:call-next', { deskId: 'konsultasi-1' });
    await ok(budi, 'ticket:park', { deskId: 'konsultasi-1', ticketId: k1 });
    hub.advance(2 * MINUTE);
    await hub.housekeeping();
    expect(hub.context.board().desks.find((d) => d.id === 'konsultasi-1')?.parked[0]?.overdue).toBe(true);
  });

  it('reports take parked time off the service time', async () => {
    const { budi, k1, k2 } = await office();
    await ok(budi, 'desk:call-next', { deskId: 'konsultasi-1' });
    await ok(budi, 'ticket:start', { deskId: 'konsultasi-1', ticketId: k1 });
    hub.advance(4 * MINUTE);
    await ok(budi, 'ticket:park', { deskId: 'konsultasi-1', ticketId: k1 });
    await ok(budi, 'desk:call-next', { deskId: 'konsultasi-1' });
    hub.advance(1 * MINUTE);
    await ok(budi, 'ticket:finish', { deskId: 'konsultasi-1', ticketId: k2 });
    hub.advance(20 * MINUTE);
    await ok(budi, 'ticket:unpark', { deskId: 'konsultasi-1', ticketId: k1, to: 'desk' });
    hub.advance(6 * MINUTE);
    await ok(budi, 'ticket:finish', { deskId: 'konsultasi-1', ticketId: k1 });
    const day = hub.context.board().day;
    const report = buildReport(hub.store.reports, { from: day, to: day }, 'Asia/Jakarta', day);
    const konsultasi = report.byQueue.konsultasi;
    // K-001: 4 + 6 minutes at the desk (21 parked); K-002: 1 minute.
    expect(konsultasi?.service.mean).toBe(((10 + 1) / 2) * MINUTE);
    expect(
      hub.store.db.prepare('SELECT service_parked_ms FROM stages WHERE ticket_id = ?').pluck().get(k1),
    ).toBe(21 * MINUTE);
  });

  it('a ticket parked over a restart is still parked at its desk, and closes unserved at day end', async () => {
    const { dataDir, budi, k1 } = await office();
    await ok(budi, 'desk:call-next', { deskId: 'konsultasi-1' });
    await ok(budi, 'ticket:park', { deskId: 'konsultasi-1', ticketId: k1 });
    const at = hub.now.value;
    await hub.stop();
    hub = await startHub({ dataDir, clock: () => at });
    expect(hub.context.board().desks.find((d) => d.id === 'konsultasi-1')?.parked[0]?.ticketId).toBe(k1);
    hub.advance(16 * 60 * MINUTE);
    await hub.housekeeping();
    expect(hub.store.db.prepare('SELECT status FROM tickets WHERE id = ?').pluck().get(k1)).toBe('unserved');
  });
});

describe('send to a named desk', () => {
  it('waits for that desk (on the board), is called only there, and falls back on the timer', async () => {
    const { display, budi, k1, k2 } = await office();
    await ok(budi, 'desk:call-next', { deskId: 'konsultasi-1' });
    const shown = boardWhere(display, (b) =>
      b.desks.some((d) => d.id === 'konsultasi-2' && d.sentHere.some((s) => s.ticketId === k1)),
    );
    const sent = await ok(budi, 'ticket:send-to-desk', {
      deskId: 'konsultasi-1',
      ticketId: k1,
      toDeskId: 'konsultasi-2',
      serviceId: 'konsultasi',
    });
    expect(sent).toMatchObject({ status: 'waiting', queue: 'konsultasi' });
    const board = await shown;
    expect(board.desks.find((d) => d.id === 'konsultasi-2')?.sentHere[0]).toMatchObject({
      number: 'K-001',
      fromDeskId: 'konsultasi-1',
    });
    // konsultasi-1 takes K-002, not K-001; after five minutes K-001 is the whole queue's.
    expect((await ok(budi, 'desk:call-next', { deskId: 'konsultasi-1' })).ticketId).toBe(k2);
    await ok(budi, 'ticket:finish', { deskId: 'konsultasi-1', ticketId: k2 });
    expect(await send(budi, 'desk:call-next', { deskId: 'konsultasi-1' })).toMatchObject({
      ok: false,
      error: { code: 'QUEUE_EMPTY' },
    });
    hub.advance(5 * MINUTE);
    await hub.housekeeping();
    expect((await ok(budi, 'desk:call-next', { deskId: 'konsultasi-1' })).ticketId).toBe(k1);
  });

  it('falls back at once when that desk closes; refuses a closed desk and a desk of other services', async () => {
    const { budi, sari, k1, k2 } = await office();
    await ok(budi, 'desk:call-next', { deskId: 'konsultasi-1' });
    const payload = {
      deskId: 'konsultasi-1',
      ticketId: k1,
      toDeskId: 'perpustakaan-1',
      serviceId: 'konsultasi',
    };
    expect(await send(budi, 'ticket:send-to-desk', payload)).toMatchObject({
      ok: false,
      error: { code: 'DESK_NOT_OPEN' },
    });
    await ok(budi, 'ticket:send-to-desk', { ...payload, toDeskId: 'konsultasi-2' });
    await ok(sari, 'desk:close', { deskId: 'konsultasi-2' });
    // In the whole queue now, where it would have been: after K-002, taken before it was sent.
    const queue = hub.context.board().queues.find((q) => q.id === 'konsultasi');
    expect(queue?.waiting.map((w) => w.id)).toEqual([k2, k1]);
  });

  it('Kembalikan: the receiving desk sends a transferred ticket back to the head of its previous queue', async () => {
    const { kiosk, budi, sari, k1, k2 } = await office();
    await ok(budi, 'desk:call-next', { deskId: 'konsultasi-1' });
    await ok(budi, 'ticket:transfer', { deskId: 'konsultasi-1', ticketId: k1, serviceId: 'rekomendasi' });
    // konsultasi-2 serves konsultasi first: K-002 is there; then rekomendasi's K-001.
    expect((await ok(sari, 'desk:call-next', { deskId: 'konsultasi-2' })).ticketId).toBe(k2);
    await ok(sari, 'ticket:finish', { deskId: 'konsultasi-2', ticketId: k2 });
    await ok(sari, 'desk:call-next', { deskId: 'konsultasi-2' });
    expect(hub.context.board().desks.find((d) => d.id === 'konsultasi-2')?.current?.cameFrom).toBe(
      'konsultasi',
    );
    await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
    const back = await ok(sari, 'ticket:transfer-back', { deskId: 'konsultasi-2', ticketId: k1 });
    expect(back).toMatchObject({ status: 'waiting', queue: 'konsultasi', peopleAhead: 0 });
  });
});
