import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HubConnection } from '@pst/client';
import {
  type BoardSnapshot,
  type CommandName,
  type DeskView,
  ERRORS,
  errorBody,
  type SettingsView,
  t,
} from '@pst/shared';
import { GUEST } from '@pst/shared/testing';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_DRAFT, type GuestBookDraft } from './guest-book-form';

// The store reads the saved session and desk when it is created: give it a browser's storage and
// address first. Port 1 on loopback refuses connections, as a hub that is down does.
class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}
const DOWN = 'http://127.0.0.1:1/counter/';
const page = { location: { href: DOWN } };
Object.assign(globalThis, {
  localStorage: new MemoryStorage(),
  sessionStorage: new MemoryStorage(),
  window: page,
});
let store: typeof import('./store');
beforeAll(async () => {
  store = await import('./store');
});

type Sent = { event: CommandName; payload: unknown };
/** A hub connection that records what the store sends and answers from a script. */
function scriptedHub(answer: (event: CommandName, payload: unknown) => unknown) {
  const sent: Sent[] = [];
  const hub = {
    socket: null as unknown as HubConnection['socket'],
    async send(event: CommandName, payload: unknown) {
      sent.push({ event, payload });
      return answer(event, payload);
    },
    close() {},
  } as HubConnection;
  return { hub, sent };
}

const FRONT_OFFICE: DeskView = {
  id: 'fo-1',
  name: 'Front Office',
  kind: 'front-office',
  services: [],
  status: 'open',
  current: null,
  servedToday: 0,
  heldBy: null,
  parked: [],
  sentHere: [],
};
function board(current: DeskView['current'], at = 1_000_000): BoardSnapshot {
  return {
    at,
    day: '2026-11-25',
    office: {
      name: 'BPS',
      timeZone: 'Asia/Jakarta',
      runningText: '',
      complaintChannels: [],
      frontOfficeFirst: true,
    },
    services: [],
    queues: [],
    desks: [{ ...FRONT_OFFICE, current }],
    recentCalls: [],
    withdrawnCalls: [],
    today: { issued: 0, served: 0, waiting: 0, breaches: 0 },
    printer: { state: 'ok', detail: '', pendingJobs: 0, at },
    printers: [],
    opening: { open: true, closesAt: null },
    printFailures: [],
    holidaysMissingYear: null,
  };
}
const called = (ticketId: string, number: string): DeskView['current'] => ({
  ticketId,
  number,
  state: 'called',
  since: 0,
  recalls: 0,
  cameFrom: null,
});
const SESSION = {
  token: 't',
  staff: { id: 's1', username: 'rina', name: 'Rina', role: 'front-office' as const },
};

beforeEach(() => {
  page.location.href = DOWN;
  // Each test starts from the store as it was created, signed in at the front office's desk.
  store.useCounter.setState({
    ...store.useCounter.getInitialState(),
    lang: 'id',
    session: SESSION,
    deskId: 'fo-1',
    tab: 'desk',
  });
});

/** A hub's HTTP side on a random loopback port, answering the store's fetches from a script. */
async function httpHub(answer: (body: string) => unknown) {
  const seen: Array<{ url: string; authorization: string | undefined; body: string }> = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      seen.push({ url: req.url ?? '', authorization: req.headers.authorization, body });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(answer(body)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  page.location.href = `http://127.0.0.1:${(server.address() as AddressInfo).port}/counter/`;
  servers.push(server);
  return seen;
}
const servers: Array<ReturnType<typeof createServer>> = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('counter store', () => {
  it('calls at its desk and says who was called; a refusal is shown by its code in the chosen language', async () => {
    let reply: unknown = { ok: true, data: { number: 'K-001', deskName: 'Front Office' } };
    const { hub, sent } = scriptedHub(() => reply);
    store.useCounter.setState({ hub });
    const { callNext, toggleLang } = store.useCounter.getState();

    await callNext();
    expect(sent).toEqual([{ event: 'desk:call-next', payload: { deskId: 'fo-1' } }]);
    expect(store.useCounter.getState()).toMatchObject({
      busy: false,
      notice: { kind: 'ok', text: 'K-001 dipanggil ke Front Office' },
    });

    reply = { ok: false, error: { code: 'QUEUE_EMPTY', message: 'whatever the hub said' } };
    await callNext();
    expect(store.useCounter.getState().notice).toEqual({ kind: 'error', text: ERRORS.QUEUE_EMPTY.id });
    toggleLang();
    await callNext();
    expect(store.useCounter.getState().notice).toEqual({ kind: 'error', text: ERRORS.QUEUE_EMPTY.en });
  });

  it('a lost connection says so, not "an error on the server"', async () => {
    const { hub } = scriptedHub(() => ({ ok: false, error: errorBody('OFFLINE') }));
    store.useCounter.setState({ hub });
    await store.useCounter.getState().deskCommand('desk:pause');
    expect(store.useCounter.getState().notice).toEqual({ kind: 'error', text: ERRORS.OFFLINE.id });
  });

  it('a login that cannot reach the hub shows OFFLINE and keeps nobody signed in', async () => {
    store.useCounter.setState({ session: null });
    await store.useCounter.getState().login('rina', '2468');
    expect(store.useCounter.getState()).toMatchObject({
      session: null,
      busy: false,
      notice: { kind: 'error', text: ERRORS.OFFLINE.id },
    });
  });

  it('keeps a guest-book draft per ticket across board pushes, and checks it before sending', async () => {
    const { hub, sent } = scriptedHub(() => ({ ok: false, error: errorBody('UNKNOWN_TICKET') }));
    store.useCounter.setState({ hub, board: board(called('t1', 'K-001')) });
    const s = () => store.useCounter.getState();

    s().editDraft({ fullName: 'Siti Aminah' });
    s().setBoard(board(called('t2', 'K-002')));
    s().editDraft({ fullName: 'Budi' });
    s().setBoard(board(called('t1', 'K-001')));
    expect(s().drafts.t1?.fullName).toBe('Siti Aminah');
    expect(s().drafts.t2?.fullName).toBe('Budi');

    sent.length = 0;
    const check = await s().saveGuestBook();
    expect(check?.ok).toBe(false);
    expect(Object.keys(s().draftErrors).length).toBeGreaterThan(0);
    expect(sent.filter((m) => m.event === 'guestbook:save')).toEqual([]);
    // Typing in a marked field clears its mark.
    const field = Object.keys(s().draftErrors)[0] as keyof GuestBookDraft;
    s().editDraft({ [field]: 'x' } as Partial<GuestBookDraft>);
    expect(s().draftErrors).not.toHaveProperty(field);
  });

  it('loads the visit when another ticket comes to the desk, and drops an answer for one that left', async () => {
    const { hub, sent } = scriptedHub((event, payload) => {
      if (event !== 'visit:get') return { ok: false, error: errorBody('NOT_FOUND') };
      const { ticketId } = payload as { ticketId: string };
      return { ok: true, data: { ticket: { id: ticketId } } };
    });
    store.useCounter.setState({ hub });
    const s = () => store.useCounter.getState();

    s().setBoard(board(called('t1', 'K-001'), 5_000));
    await expect.poll(() => s().visit).toEqual({ ticket: { id: 't1' } });
    expect(sent).toEqual([{ event: 'visit:get', payload: { ticketId: 't1' } }]);

    // The same ticket on the next push: no second request.
    s().setBoard(board(called('t1', 'K-001'), 6_000));
    expect(sent).toHaveLength(1);

    // Gone from the desk before the answer came: the stale answer is not shown.
    s().setBoard(board(called('t2', 'K-002')));
    s().setBoard(board(null));
    await s().loadVisit('t2');
    expect(s().visit).toBeNull();
  });

  it('signs out when the hub refuses the session', () => {
    localStorage.setItem('pst:counter:session', JSON.stringify(SESSION));
    store.useCounter.getState().setConnection('unauthorized');
    expect(store.useCounter.getState()).toMatchObject({
      session: null,
      board: null,
      connection: 'unauthorized',
    });
    expect(localStorage.getItem('pst:counter:session')).toBeNull();
  });

  it('works on the ticket at its desk, and sends nothing while the desk has none', async () => {
    const { hub, sent } = scriptedHub((event) =>
      event === 'ticket:transfer' ? { ok: true, data: { number: 'K-001' } } : { ok: true, data: {} },
    );
    store.useCounter.setState({ hub, board: board(null) });
    const s = () => store.useCounter.getState();
    await s().ticketCommand('ticket:start');
    await s().transfer('perpustakaan', 'buku');
    expect(sent).toEqual([]);

    s().setBoard(board(called('t1', 'K-001')));
    sent.length = 0;
    await s().ticketCommand('ticket:start');
    await s().ticketCommand('ticket:finish');
    await s().transfer('perpustakaan', 'buku');
    expect(sent.filter((m) => m.event !== 'visit:get')).toEqual([
      { event: 'ticket:start', payload: { deskId: 'fo-1', ticketId: 't1' } },
      { event: 'ticket:finish', payload: { deskId: 'fo-1', ticketId: 't1' } },
      {
        event: 'ticket:transfer',
        payload: { deskId: 'fo-1', ticketId: 't1', serviceId: 'perpustakaan', note: 'buku' },
      },
    ]);
    expect(s().notice).toEqual({ kind: 'ok', text: 'K-001 dialihkan' });
  });

  it('a notice about a called ticket goes once that ticket has left the desk', async () => {
    const { hub } = scriptedHub((event) =>
      event === 'desk:call-next'
        ? { ok: true, data: { ticketId: 't1', number: 'K-001', deskName: 'Front Office' } }
        : { ok: false, error: errorBody('NOT_FOUND') },
    );
    store.useCounter.setState({ hub });
    const s = () => store.useCounter.getState();
    await s().callNext();
    s().setBoard(board(called('t1', 'K-001')));
    expect(s().notice?.text).toBe('K-001 dipanggil ke Front Office');
    s().setBoard(board(null));
    expect(s().notice).toBeNull();
  });

  it('calls a chosen ticket with its reason and note and says so; a refusal keeps the dialog open', async () => {
    let reply: unknown = { ok: true, data: { ticketId: 't3', number: 'K-003', deskName: 'Front Office' } };
    const { hub, sent } = scriptedHub(() => reply);
    store.useCounter.setState({ hub });
    const s = () => store.useCounter.getState();
    expect(await s().callChosen('t3', 'lainnya', 'diminta kepala PST')).toBe(true);
    expect(sent).toEqual([
      {
        event: 'desk:call-chosen',
        payload: { deskId: 'fo-1', ticketId: 't3', reason: 'lainnya', note: 'diminta kepala PST' },
      },
    ]);
    expect(s().notice).toMatchObject({ kind: 'ok', text: 'K-003 dipanggil ke Front Office', ticketId: 't3' });
    reply = { ok: false, error: errorBody('NOT_WAITING_HERE') };
    expect(await s().callChosen('t3', 'janji-temu', '')).toBe(false);
    expect(s().notice).toEqual({ kind: 'error', text: ERRORS.NOT_WAITING_HERE.id });
  });

  it('cancels a ticket with its reason and says so; a refusal keeps it', async () => {
    let reply: unknown = { ok: true, data: { number: 'K-004' } };
    const { hub, sent } = scriptedHub(() => reply);
    store.useCounter.setState({ hub });
    const s = () => store.useCounter.getState();
    expect(await s().cancelTicket('t4', 'tiket ganda')).toBe(true);
    expect(sent).toEqual([{ event: 'ticket:cancel', payload: { ticketId: 't4', reason: 'tiket ganda' } }]);
    expect(s().notice).toEqual({ kind: 'ok', text: t('id', 'counter.cancelled', { number: 'K-004' }) });
    reply = { ok: false, error: errorBody('INVALID_TRANSITION') };
    expect(await s().cancelTicket('t4', 'tiket ganda')).toBe(false);
    expect(s().notice).toEqual({ kind: 'error', text: ERRORS.INVALID_TRANSITION.id });
  });

  it('takes over a desk another staff member left open', async () => {
    const { hub, sent } = scriptedHub(() => ({ ok: true, data: { name: 'Front Office' } }));
    store.useCounter.setState({ hub });
    await store.useCounter.getState().takeOverDesk();
    expect(sent).toEqual([{ event: 'desk:open', payload: { deskId: 'fo-1', takeOver: true } }]);
    expect(store.useCounter.getState().notice).toEqual({
      kind: 'ok',
      text: t('id', 'counter.tookOver', { desk: 'Front Office' }),
    });
  });

  it('fills the form from a returning guest, or says no one was found by that phone', async () => {
    let found: unknown = null;
    const { hub, sent } = scriptedHub((event) =>
      event === 'guestbook:lookup' ? { ok: true, data: found } : { ok: false, error: errorBody('NOT_FOUND') },
    );
    store.useCounter.setState({ hub, board: board(called('t1', 'K-001')) });
    const s = () => store.useCounter.getState();
    s().editDraft({ phone: '0812-3456-7890' });
    await s().lookupGuest('phone');
    expect(sent.at(-1)).toEqual({ event: 'guestbook:lookup', payload: { phone: '0812-3456-7890' } });
    expect(s().notice).toEqual({ kind: 'error', text: t('id', 'counter.notFoundPhone') });

    found = GUEST;
    await s().lookupGuest('phone');
    expect(s().drafts.t1).toMatchObject({ fullName: 'Siti Aminah', birthYear: '1995', consent: false });
    expect(s().notice).toEqual({ kind: 'ok', text: t('id', 'counter.foundGuest', { name: 'Siti Aminah' }) });
  });

  it('sends a checked guest book with the service it forwards to, then forgets the draft', async () => {
    const { hub, sent } = scriptedHub((event) =>
      event === 'guestbook:save'
        ? { ok: true, data: { number: 'K-001' } }
        : { ok: false, error: errorBody('NOT_FOUND') },
    );
    store.useCounter.setState({ hub, board: board(called('t1', 'K-001')) });
    const s = () => store.useCounter.getState();
    s().editDraft({ ...GUEST_DRAFT });
    s().setForwardTo('konsultasi');
    const check = await s().saveGuestBook();
    expect(check?.ok).toBe(true);
    expect(sent.at(-1)).toMatchObject({
      event: 'guestbook:save',
      payload: {
        deskId: 'fo-1',
        ticketId: 't1',
        forwardTo: 'konsultasi',
        entry: { fullName: 'Siti Aminah' },
      },
    });
    expect(s().drafts).toEqual({});
    expect(s().notice).toEqual({ kind: 'ok', text: 'K-001 diteruskan' });
  });

  it("checks a birth year against the hub's office day, not this PC's clock", async () => {
    const { hub, sent } = scriptedHub(() => ({ ok: true, data: { number: 'K-001' } }));
    // On the hub it is already 1 January 2027; this PC's clock still says 31 December 2026, 23.59 WIB.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2026, 11, 31, 16, 59) });
    try {
      store.useCounter.setState({ hub, board: { ...board(called('t1', 'K-001')), day: '2027-01-01' } });
      const s = () => store.useCounter.getState();
      expect(store.hubOfficeYear(s())).toBe(2027);
      s().editDraft({ ...GUEST_DRAFT, birthYear: '2027' });
      s().setForwardTo('konsultasi');
      expect((await s().saveGuestBook())?.ok).toBe(true);
      expect(sent.at(-1)?.event).toBe('guestbook:save');
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends the guest book to the desk picked in one command; a new service or a closed desk means the whole queue', async () => {
    const { hub, sent } = scriptedHub((event) =>
      event === 'guestbook:save'
        ? { ok: true, data: { number: 'K-001' } }
        : { ok: false, error: errorBody('NOT_FOUND') },
    );
    const k2: DeskView = {
      ...FRONT_OFFICE,
      id: 'konsultasi-2',
      name: 'Meja Konsultasi 2',
      kind: 'service',
      services: ['konsultasi'],
    };
    const withDesks = (desks: DeskView[]) => {
      const b = board(called('t1', 'K-001'));
      return { ...b, services: [{ id: 'konsultasi', active: true }], desks: [...b.desks, ...desks] };
    };
    store.useCounter.setState({ hub, board: withDesks([k2]) as BoardSnapshot });
    const s = () => store.useCounter.getState();
    const save = async () => {
      s().editDraft({ ...GUEST_DRAFT });
      await s().saveGuestBook();
      return sent.at(-1)?.payload as Record<string, unknown>;
    };
    s().setForwardTo('konsultasi');
    s().setForDesk('konsultasi-2');
    expect(await save()).toMatchObject({ forwardTo: 'konsultasi', forDeskId: 'konsultasi-2' });
    expect(s().notice).toEqual({
      kind: 'ok',
      text: t('id', 'send.sent', { number: 'K-001', desk: 'Meja Konsultasi 2' }),
    });
    // Another service: the pick starts again (that desk may not serve it).
    s().setForDesk('konsultasi-2');
    s().setForwardTo('perpustakaan');
    s().setForwardTo('konsultasi');
    expect(await save()).not.toHaveProperty('forDeskId');
    // The desk closed since it was picked: the form shows, and sends, the whole queue.
    s().setForDesk('konsultasi-2');
    store.useCounter.setState({ board: withDesks([{ ...k2, status: 'closed' }]) as BoardSnapshot });
    expect(await save()).not.toHaveProperty('forDeskId');
    expect(s().notice).toEqual({ kind: 'ok', text: 'K-001 diteruskan' });
  });

  it('adds a note to the visit at the desk and shows the visit the hub returns', async () => {
    const visit = { ticket: { id: 't1' }, notes: [{ text: 'minta data 2024' }] };
    const { hub, sent } = scriptedHub((event) =>
      event === 'visit:note' ? { ok: true, data: visit } : { ok: false, error: errorBody('NOT_FOUND') },
    );
    store.useCounter.setState({ hub, board: board(called('t1', 'K-001')) });
    const s = () => store.useCounter.getState();
    expect(await s().addNote('   ')).toBe(false);
    expect(await s().addNote('minta data 2024')).toBe(true);
    expect(sent.at(-1)).toEqual({
      event: 'visit:note',
      payload: { deskId: 'fo-1', ticketId: 't1', text: 'minta data 2024' },
    });
    expect(s().visit).toEqual(visit);
  });

  it('a settings change shows the settings the hub answers with, and its confirmation', async () => {
    const settings = { config: { office: { name: 'BPS Kendal' } } } as unknown as SettingsView;
    const { hub } = scriptedHub(() => ({ ok: true, data: settings }));
    store.useCounter.setState({ hub });
    await store.useCounter.getState().settingsCommand('settings:get', {});
    expect(store.useCounter.getState()).toMatchObject({ settings, notice: null });
    await store.useCounter.getState().settingsCommand('settings:holidays', { holidays: [] }, 'Tersimpan');
    expect(store.useCounter.getState().notice).toEqual({ kind: 'ok', text: 'Tersimpan' });
  });

  it('says whether a reprint came out of the printer', async () => {
    let state = 'ok';
    const { hub } = scriptedHub(() => ({ ok: true, data: { printed: { state } } }));
    store.useCounter.setState({ hub });
    const s = () => store.useCounter.getState();
    await s().reprint('t1', 'K-001');
    expect(s().notice).toEqual({ kind: 'ok', text: t('id', 'print.reprinted', { number: 'K-001' }) });
    state = 'paper-out';
    await s().reprint('t1', 'K-001');
    expect(s().notice).toEqual({ kind: 'error', text: `K-001: ${t('id', 'printer.paper-out')}` });
  });

  it("follows the hub's clock, and a supervisor's board asks who sits at each desk", async () => {
    const { hub, sent } = scriptedHub(() => ({ ok: true, data: { 'fo-1': 'Rina' } }));
    store.useCounter.setState({
      hub,
      session: { ...SESSION, staff: { ...SESSION.staff, role: 'supervisor' } },
    });
    // This PC's clock, held where the test puts it (only Date: the poll below runs on real timers).
    vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2026, 10, 25, 2, 0) });
    store.useCounter.getState().setBoard(board(null, Date.UTC(2026, 10, 25, 2, 1, 30)));
    vi.useRealTimers();
    // The offset is hub time minus this PC's time when the board came.
    expect(store.useCounter.getState().hubOffset).toBe(90_000);
    expect(sent).toEqual([{ event: 'desk:staff', payload: {} }]);
    await expect.poll(() => store.useCounter.getState().deskStaff).toEqual({ 'fo-1': 'Rina' });
  });

  it('keeps the chosen desk for the next start and shows the visit already called there', async () => {
    const { hub, sent } = scriptedHub((_, payload) => ({
      ok: true,
      data: { ticket: { id: (payload as { ticketId: string }).ticketId } },
    }));
    store.useCounter.setState({ hub, deskId: null, board: board(called('t9', 'K-009')) });
    store.useCounter.getState().chooseDesk('fo-1');
    expect(localStorage.getItem('pst:counter:desk')).toBe('fo-1');
    await expect.poll(() => store.useCounter.getState().visit).toEqual({ ticket: { id: 't9' } });
    expect(sent).toEqual([{ event: 'visit:get', payload: { ticketId: 't9' } }]);
    store.useCounter.getState().chooseDesk(null);
    expect(localStorage.getItem('pst:counter:desk')).toBeNull();
    expect(store.useCounter.getState().visit).toBeNull();
  });

  it('opens a reloaded page on the screen it was on: a supervisor standing in at a desk stays there', () => {
    const supervisor = {
      token: 't',
      staff: { id: 's2', username: 'budi', name: 'Budi', role: 'supervisor' },
    } as const;
    const consultant = { ...supervisor, staff: { ...supervisor.staff, role: 'consultant' } } as const;
    expect(store.startTab(supervisor, null)).toBe('board');
    expect(store.startTab(supervisor, 'desk')).toBe('desk');
    expect(store.startTab(supervisor, 'reports')).toBe('reports');
    expect(store.startTab(supervisor, 'nonsense')).toBe('board');
    expect(store.startTab(consultant, 'board')).toBe('desk');
    expect(store.startTab(null, 'board')).toBe('desk');
    store.useCounter.getState().setTab('desk');
    expect(sessionStorage.getItem('pst:counter:tab')).toBe('desk');
    store.useCounter.getState().logout();
    expect(sessionStorage.getItem('pst:counter:tab')).toBeNull();
  });

  it('changes tab in a browser that blocks its storage (nothing kept for a reload)', () => {
    const storage = globalThis.sessionStorage;
    const blocked = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    Object.assign(globalThis, {
      sessionStorage: { getItem: blocked, setItem: blocked, removeItem: blocked },
    });
    try {
      store.useCounter.getState().setTab('reports');
      expect(store.useCounter.getState().tab).toBe('reports');
    } finally {
      Object.assign(globalThis, { sessionStorage: storage });
    }
  });

  it('signs in over HTTP, keeps the session, and opens the board for a supervisor', async () => {
    const session = { token: 'tok', staff: { id: 's2', username: 'budi', name: 'Budi', role: 'supervisor' } };
    const seen = await httpHub((body) =>
      JSON.parse(body).pin === '2468'
        ? { ok: true, data: session }
        : {
            ok: false,
            error: { code: 'LOGIN_THROTTLED', message: '', details: { retryAfterSeconds: '90' } },
          },
    );
    store.useCounter.setState({ session: null });
    const s = () => store.useCounter.getState();
    await s().login('budi', '1111');
    expect(s().session).toBeNull();
    expect(s().notice?.text).toBe(
      t('id', 'counter.loginThrottled', { time: t('id', 'counter.waitMinutes', { m: 1, s: 30 }) }),
    );
    await s().login(' budi ', '2468');
    expect(seen.at(-1)).toMatchObject({
      url: '/api/login',
      body: JSON.stringify({ username: 'budi', pin: '2468' }),
    });
    expect(s()).toMatchObject({ session, tab: 'board', busy: false });
    expect(JSON.parse(localStorage.getItem('pst:counter:session') ?? 'null')).toEqual(session);
  });

  it('loads a report for a range with the session, or says the hub cannot be reached', async () => {
    await store.useCounter.getState().loadReport({ preset: 'week' });
    expect(store.useCounter.getState().notice).toEqual({ kind: 'error', text: ERRORS.OFFLINE.id });

    const report = { range: { from: '2026-11-23', to: '2026-11-25' } };
    const seen = await httpHub(() => ({ ok: true, data: report }));
    await store.useCounter.getState().loadReport({ from: '2026-11-23', to: '2026-11-25' });
    expect(seen).toEqual([
      { url: '/api/reports?from=2026-11-23&to=2026-11-25', authorization: 'Bearer t', body: '' },
    ]);
    expect(store.useCounter.getState()).toMatchObject({
      report,
      reportRange: { from: '2026-11-23', to: '2026-11-25' },
      busy: false,
    });
  });
});

const GUEST_DRAFT: GuestBookDraft = {
  ...EMPTY_DRAFT,
  ...GUEST,
  birthYear: '1995',
  groupSize: '1',
  consent: true,
};
