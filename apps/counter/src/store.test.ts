import type { HubConnection } from '@pst/client';
import { type BoardSnapshot, type CommandName, type DeskView, ERRORS, errorBody } from '@pst/shared';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GuestBookDraft } from './guest-book-form';

// The store reads the saved session and desk when it is created: give it a browser's storage and
// address first. Port 1 on loopback refuses connections, as a hub that is down does.
class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}
Object.assign(globalThis, {
  localStorage: new MemoryStorage(),
  window: { location: { href: 'http://127.0.0.1:1/counter/' } },
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
});
const SESSION = {
  token: 't',
  staff: { id: 's1', username: 'rina', name: 'Rina', role: 'front-office' as const },
};

beforeEach(() => {
  store.useCounter.setState({
    lang: 'id',
    session: SESSION,
    deskId: 'fo-1',
    board: null,
    visit: null,
    drafts: {},
    draftErrors: {},
    forwardTo: {},
    notice: null,
    busy: false,
    hub: null,
  });
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
});
