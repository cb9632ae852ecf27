/**
 * The front office sends a guest to a named desk from the guest book (issue 20 leftover), over real
 * sockets: one `guestbook:save` with `forDeskId` saves the entry and sends the ticket to that desk,
 * or is refused and writes nothing.
 */
import { describe, expect, it } from 'vitest';
import { GUEST, nextPush, ok, send, startHub, type TestHub } from '../src/testing';
import { stopHubAfterEach } from './hub-per-test';

const MINUTE = 60_000;
let hub: TestHub;
stopHubAfterEach(() => hub);

/** The default office (front office first): fo-1 has called K-001; konsultasi-1 and -2 open. */
async function frontOffice() {
  hub = await startHub();
  const kiosk = await hub.device('kiosk');
  const display = await hub.device('display');
  const fo = await hub.staff('front-office', 'rina');
  const budi = await hub.staff('consultant', 'budi');
  const sari = await hub.staff('consultant', 'sari');
  const k1 = (await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' })).ticket.id;
  await ok(fo, 'desk:open', { deskId: 'fo-1' });
  await ok(budi, 'desk:open', { deskId: 'konsultasi-1' });
  await ok(sari, 'desk:open', { deskId: 'konsultasi-2' });
  await ok(fo, 'desk:call-next', { deskId: 'fo-1' });
  return { kiosk, display, fo, budi, sari, k1 };
}

const codeOf = (reply: { ok: true } | { ok: false; error: { code: string } }) =>
  reply.ok ? null : reply.error.code;

const save = (ticketId: string, forDeskId?: string) => ({
  deskId: 'fo-1',
  ticketId,
  entry: GUEST,
  forwardTo: 'konsultasi',
  ...(forDeskId ? { forDeskId } : {}),
});

describe('guest book with a desk chosen', () => {
  it('saves the entry and sends the ticket to that desk in one command; only that desk calls it', async () => {
    const { display, fo, budi, sari, k1 } = await frontOffice();
    const shown = nextPush(display, 'board:snapshot', (b) =>
      b.desks.some((d) => d.id === 'konsultasi-2' && d.sentHere.some((s) => s.ticketId === k1)),
    );
    const saved = await ok(fo, 'guestbook:save', save(k1, 'konsultasi-2'));
    expect(saved).toMatchObject({ id: k1, status: 'waiting', queue: 'konsultasi', peopleAhead: 0 });
    // The lobby lists it as waiting at Meja Konsultasi 2 (SentToDesks), not as a call at the front office.
    const board = await shown;
    expect(board.desks.find((d) => d.id === 'konsultasi-2')?.sentHere).toMatchObject([
      { ticketId: k1, queue: 'konsultasi', fromDeskId: 'fo-1', until: hub.now.value + 5 * MINUTE },
    ]);
    expect(board.recentCalls.map((c) => c.ticketId)).toEqual([]);
    expect(board.withdrawnCalls.map((c) => [c.ticketId, c.deskId])).toEqual([[k1, 'fo-1']]);
    expect(await ok(fo, 'guestbook:lookup', { phone: GUEST.phone })).toMatchObject({
      fullName: GUEST.fullName,
    });
    // Budi's desk serves Konsultasi too, but the ticket waits for Sari's.
    expect(codeOf(await send(budi, 'desk:call-next', { deskId: 'konsultasi-1' }))).toBe('QUEUE_EMPTY');
    expect((await ok(sari, 'desk:call-next', { deskId: 'konsultasi-2' })).ticketId).toBe(k1);
    const visit = await ok(sari, 'visit:get', { ticketId: k1 });
    expect(visit.guestBook?.fullName).toBe(GUEST.fullName);
  });

  it('falls back to the whole queue after the set time, as a send to a desk does', async () => {
    const { fo, budi, k1 } = await frontOffice();
    await ok(fo, 'guestbook:save', save(k1, 'konsultasi-2'));
    hub.advance(5 * MINUTE);
    await hub.housekeeping();
    expect((await ok(budi, 'desk:call-next', { deskId: 'konsultasi-1' })).ticketId).toBe(k1);
  });

  it('falls back to the whole queue at once when that desk closes', async () => {
    const { fo, budi, sari, k1 } = await frontOffice();
    await ok(fo, 'guestbook:save', save(k1, 'konsultasi-2'));
    await ok(sari, 'desk:close', { deskId: 'konsultasi-2' });
    expect((await ok(budi, 'desk:call-next', { deskId: 'konsultasi-1' })).ticketId).toBe(k1);
  });

  it('without a desk, forwards to the whole queue as before', async () => {
    const { fo, budi, k1 } = await frontOffice();
    await ok(fo, 'guestbook:save', save(k1));
    expect((await ok(budi, 'desk:call-next', { deskId: 'konsultasi-1' })).ticketId).toBe(k1);
  });

  it('refuses a closed desk, a desk not serving that queue or an unknown desk, and writes nothing', async () => {
    const { fo, sari, k1 } = await frontOffice();
    await ok(sari, 'desk:close', { deskId: 'konsultasi-2' });
    await ok(await hub.staff('consultant', 'dewi'), 'desk:open', { deskId: 'perpustakaan-1' });
    const refusals = [];
    for (const forDeskId of ['konsultasi-2', 'perpustakaan-1', 'meja-9'])
      refusals.push(codeOf(await send(fo, 'guestbook:save', save(k1, forDeskId))));
    expect(refusals).toEqual(['DESK_NOT_OPEN', 'DESK_NOT_SERVING', 'UNKNOWN_DESK']);
    // Nothing written: no guest-book entry, and the ticket is still the front office's, called there.
    expect(await ok(fo, 'guestbook:lookup', { phone: GUEST.phone })).toBeNull();
    expect(hub.store.guestBookRows('2000-01-01', '2999-12-31')).toEqual([]);
    expect(await ok(fo, 'ticket:status', { ticketId: k1 })).toMatchObject({
      status: 'called',
      queue: 'front-office',
      desk: { id: 'fo-1' },
    });
    // The same form then goes through with the whole queue.
    expect((await ok(fo, 'guestbook:save', save(k1))).queue).toBe('konsultasi');
  });

  it('rejects a desk id that is not an id (zod)', async () => {
    const { fo, k1 } = await frontOffice();
    expect(codeOf(await send(fo, 'guestbook:save', save(k1, 'Meja 2')))).toBe('VALIDATION_FAILED');
  });
});
