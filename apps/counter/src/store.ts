import type { ConnectionState, HubConnection } from '@pst/client';
import type {
  BoardSnapshot,
  CallReason,
  CallView,
  CommandName,
  CommandResult,
  DeskView,
  ErrorBody,
  Holiday,
  Lang,
  Payload,
  Report,
  SettingsView,
  StaffRole,
  StringKey,
  VisitDetail,
} from '@pst/shared';
import { errorText, isSupervisorOrAbove, officeDay, t } from '@pst/shared';

/** Hold and send to a named desk (issue 20, part 2): DeskPark.tsx (no-show: of a parked ticket). */
export type DeskParkCommand =
  | 'ticket:park'
  | 'ticket:unpark'
  | 'ticket:send-to-desk'
  | 'ticket:transfer-back'
  | 'ticket:no-show';

export type SettingsCommand = Extract<
  CommandName,
  `settings:${string}` | 'guestbook:erase' | 'printer:test' | 'complaint:follow-up'
>;

import { create } from 'zustand';
import { isHeldByOther } from './desk-logic';
import { guestBookDesks, pickedDesk } from './guest-book-desks';
import {
  checkDraft,
  type DraftCheck,
  draftFromEntry,
  EMPTY_DRAFT,
  type GuestBookDraft,
} from './guest-book-form';

export interface Session {
  token: string;
  staff: { id: string; username: string; name: string; role: StaffRole };
}

const SESSION_KEY = 'pst:counter:session';
const DESK_KEY = 'pst:counter:desk';
/** Per browser tab (sessionStorage): a reload stays on the screen it was on. */
const TAB_KEY = 'pst:counter:tab';

function stored<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

/** The tab this browser tab was on; none where the browser blocks its storage. */
function keptTab(): string | null {
  try {
    return sessionStorage.getItem(TAB_KEY);
  } catch {
    return null;
  }
}

/** Keeps (or, with null, forgets) the tab for a reload; where storage is blocked, a reload opens the board. */
function keepTab(tab: Tab | null): void {
  try {
    if (tab) sessionStorage.setItem(TAB_KEY, tab);
    else sessionStorage.removeItem(TAB_KEY);
  } catch {
    // Nothing kept: the tab still changes.
  }
}

/** `ticketId`: the notice is about that ticket at this desk and goes once the ticket leaves it. */
export type Notice = { kind: 'error' | 'ok'; text: string; ticketId?: string } | null;
const TABS = ['board', 'reports', 'settings', 'desk', 'online'] as const;
export type Tab = (typeof TABS)[number];

/**
 * The screen a session opens on: staff at a desk their desk; a supervisor the one this browser tab was
 * on before a reload (the desk they stand in at, say), else the board.
 */
export function startTab(session: Session | null, kept: string | null): Tab {
  if (!isSupervisor(session)) return 'desk';
  return TABS.find((tab) => tab === kept) ?? 'board';
}
export type RangeQuery = { preset: 'today' | 'week' | 'month' } | { from: string; to: string };

export function rangeParams(range: RangeQuery): string {
  return new URLSearchParams(range as Record<string, string>).toString();
}

export interface CounterState {
  lang: Lang;
  session: Session | null;
  deskId: string | null;
  connection: ConnectionState;
  board: BoardSnapshot | null;
  /** Hub time minus this PC's time: clocks and colours follow the hub, the only clock. */
  hubOffset: number;
  visit: VisitDetail | null;
  /** Guest-book drafts per ticket: typing survives a reconnect or a re-render. */
  drafts: Record<string, GuestBookDraft>;
  draftErrors: Partial<Record<keyof GuestBookDraft, string>>;
  forwardTo: Record<string, string>;
  /** The named desk picked in the guest book, per ticket (none: the whole queue): guest-book-desks.ts. */
  forDesk: Record<string, string>;
  notice: Notice;
  busy: boolean;
  hub: HubConnection | null;
  tab: Tab;
  deskStaff: Record<string, string | null>;
  report: Report | null;
  reportRange: RangeQuery;
  settings: SettingsView | null;

  setHub(hub: HubConnection | null): void;
  setConnection(state: ConnectionState): void;
  setBoard(board: BoardSnapshot): void;
  toggleLang(): void;
  login(username: string, pin: string): Promise<void>;
  logout(): void;
  chooseDesk(deskId: string | null): void;
  deskCommand(event: 'desk:open' | 'desk:pause' | 'desk:resume' | 'desk:close'): Promise<void>;
  callNext(): Promise<void>;
  /** Calls a chosen waiting ticket with a reason (issue 20); true when the hub called it. */
  callChosen(ticketId: string, reason: CallReason, note: string): Promise<boolean>;
  ticketCommand(event: 'ticket:recall' | 'ticket:no-show' | 'ticket:start' | 'ticket:finish'): Promise<void>;
  transfer(serviceId: string, note: string): Promise<void>;
  /** Cancels a waiting or called ticket (phantom, duplicate), with the reason kept on the visit. */
  cancelTicket(ticketId: string, reason: string): Promise<boolean>;
  /** Opens this desk although another staff member holds it (they left it open, or moved PCs). */
  takeOverDesk(): Promise<void>;
  editDraft(change: Partial<GuestBookDraft>): void;
  setForwardTo(serviceId: string): void;
  /** Picks the desk to send the guest to ('' : the whole queue). */
  setForDesk(deskId: string): void;
  lookupGuest(by: 'phone' | 'email'): Promise<void>;
  saveGuestBook(): Promise<DraftCheck | null>;
  addNote(text: string): Promise<boolean>;
  loadVisit(ticketId: string | null): Promise<void>;
  setTab(tab: Tab): void;
  /** Runs a settings command; the new settings replace the shown ones, a refusal becomes the notice. */
  settingsCommand<E extends SettingsCommand>(
    event: E,
    payload: Payload<E>,
    done?: string,
  ): Promise<CommandResult<E> | null>;
  loadReport(range: RangeQuery): Promise<void>;
  /** Prints a waiting ticket again (marked CETAK ULANG at the printer). */
  reprint(ticketId: string, number: string): Promise<void>;
  /** Runs a hold / send-to-desk command; `done` becomes the notice once it is accepted. */
  deskParkCommand<E extends DeskParkCommand>(event: E, payload: Payload<E>, done: string): Promise<boolean>;
}

/** A refused login in the staff member's words: a throttled one says how long to wait. */
export function loginRefusal(error: ErrorBody, lang: Lang): string {
  if (error.code !== 'LOGIN_THROTTLED') return errorText(error.code, lang);
  const seconds = Math.max(1, Number(error.details?.retryAfterSeconds ?? 0));
  const time =
    seconds >= 60
      ? t(lang, 'counter.waitMinutes', { m: Math.floor(seconds / 60), s: seconds % 60 })
      : t(lang, 'counter.waitSeconds', { s: seconds });
  return t(lang, 'counter.loginThrottled', { time });
}

export function isSupervisor(session: Session | null): boolean {
  return isSupervisorOrAbove(session?.staff.role ?? '');
}

/** Downloads an export with the staff session (a plain link cannot carry it). */
export async function download(session: Session, path: string, filename: string): Promise<void> {
  const response = await fetch(new URL(`../${path}`, window.location.href), {
    headers: { authorization: `Bearer ${session.token}` },
  });
  if (!response.ok) throw new Error(`download failed: ${response.status}`);
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  link.click();
  URL.revokeObjectURL(url);
}

/** Sends a holiday file (CSV/XLSX) to the hub to be read; nothing is saved until Settings saves the list. */
export async function importHolidays(
  file: File,
): Promise<{ ok: true; holidays: Holiday[] } | { ok: false; row: string; field: string }> {
  const session = useCounter.getState().session;
  try {
    const response = await fetch(new URL('../api/holidays/import', window.location.href), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${session?.token ?? ''}`,
        'content-type': 'application/octet-stream',
      },
      body: file,
    });
    const body = (await response.json()) as { ok: true; data: Holiday[] } | { ok: false; error: ErrorBody };
    if (body.ok) return { ok: true, holidays: body.data };
    return { ok: false, row: body.error.details?.row ?? '-', field: body.error.details?.field ?? 'file' };
  } catch {
    return { ok: false, row: '-', field: 'file' };
  }
}

/** "K-012 dipanggil ke Meja Konsultasi 1", after any call from this desk. */
function calledNotice(call: CallView, lang: Lang): NonNullable<Notice> {
  return {
    kind: 'ok',
    text: t(lang, 'counter.calledTo', { number: call.number, desk: call.deskName }),
    ticketId: call.ticketId,
  };
}

export function myDesk(state: Pick<CounterState, 'board' | 'deskId'>): DeskView | undefined {
  return state.board?.desks.find((d) => d.id === state.deskId);
}

/**
 * The year of the hub's office day: the hub checks a typed birth year against it, so the forms do too
 * (this PC's clock may be minutes off, on the other side of New Year's midnight).
 */
export function hubOfficeYear(state: Pick<CounterState, 'board' | 'hubOffset'>): number {
  const day = state.board?.day ?? officeDay(Date.now() + state.hubOffset);
  return Number(day.slice(0, 4));
}

export const useCounter = create<CounterState>()((set, get) => {
  /** Sends a command; a refusal becomes the notice shown to staff, in the hub's words. */
  async function send<T>(
    run: (hub: HubConnection) => Promise<{ ok: true; data: T } | { ok: false; error: ErrorBody }>,
  ) {
    const hub = get().hub;
    if (!hub) return null;
    set({ busy: true });
    const reply = await run(hub);
    set({
      busy: false,
      notice: reply.ok ? get().notice : { kind: 'error', text: errorText(reply.error.code, get().lang) },
    });
    return reply.ok ? reply.data : null;
  }
  const current = () => myDesk(get())?.current ?? null;
  /** The ticket whose visit this desk shows: none while another staff member holds the desk. */
  const visitTicket = () => {
    const desk = myDesk(get());
    return desk && !isHeldByOther(desk, get().session?.staff.id) ? (desk.current?.ticketId ?? null) : null;
  };

  return {
    lang: 'id',
    session: stored<Session>(SESSION_KEY),
    deskId: localStorage.getItem(DESK_KEY),
    connection: 'connecting',
    board: null,
    hubOffset: 0,
    visit: null,
    drafts: {},
    draftErrors: {},
    forwardTo: {},
    forDesk: {},
    notice: null,
    busy: false,
    hub: null,
    tab: startTab(stored<Session>(SESSION_KEY), keptTab()),
    deskStaff: {},
    report: null,
    reportRange: { preset: 'today' },
    settings: null,

    setHub: (hub) => set({ hub }),
    setConnection: (connection) => {
      set({ connection });
      if (connection === 'unauthorized') get().logout();
    },
    setBoard(board) {
      const before = visitTicket();
      set({ board, hubOffset: board.at - Date.now() });
      if (isSupervisor(get().session)) {
        void get()
          .hub?.send('desk:staff', {})
          .then((r) => r.ok && set({ deskStaff: r.data }));
      }
      const after = visitTicket();
      // "K-002 dipanggil…" is stale once K-002 is finished, a no-show, transferred or cancelled.
      const about = get().notice?.ticketId;
      if (about && about !== after) set({ notice: null });
      if (after !== before || (after && get().visit?.ticket.id !== after)) void get().loadVisit(after);
    },
    toggleLang: () => set((s) => ({ lang: s.lang === 'id' ? 'en' : 'id' })),

    async login(username, pin) {
      set({ busy: true, notice: null });
      try {
        const response = await fetch(new URL('../api/login', window.location.href), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: username.trim(), pin }),
        });
        const body = (await response.json()) as { ok: true; data: Session } | { ok: false; error: ErrorBody };
        if (!body.ok) {
          set({ busy: false, notice: { kind: 'error', text: loginRefusal(body.error, get().lang) } });
          return;
        }
        localStorage.setItem(SESSION_KEY, JSON.stringify(body.data));
        keepTab(null);
        set({ busy: false, session: body.data, tab: startTab(body.data, null) });
      } catch {
        set({ busy: false, notice: { kind: 'error', text: errorText('OFFLINE', get().lang) } });
      }
    },
    logout() {
      const session = get().session;
      if (session) {
        void fetch(new URL('../api/logout', window.location.href), {
          method: 'POST',
          headers: { authorization: `Bearer ${session.token}` },
        }).catch(() => undefined);
      }
      localStorage.removeItem(SESSION_KEY);
      keepTab(null);
      set({ session: null, visit: null, board: null });
    },
    chooseDesk(deskId) {
      if (deskId) localStorage.setItem(DESK_KEY, deskId);
      else localStorage.removeItem(DESK_KEY);
      set({ deskId, visit: null, notice: null });
      // A desk that already holds a called ticket shows its visit now, not after the next board push.
      void get().loadVisit(visitTicket());
    },
    async deskCommand(event) {
      const deskId = get().deskId;
      if (deskId) await send((hub) => hub.send(event, { deskId }));
    },
    async callNext() {
      const deskId = get().deskId;
      if (!deskId) return;
      const call = await send((hub) => hub.send('desk:call-next', { deskId }));
      if (call) set({ notice: calledNotice(call, get().lang) });
    },
    async callChosen(ticketId, reason, note) {
      const deskId = get().deskId;
      if (!deskId) return false;
      const call = await send((hub) => hub.send('desk:call-chosen', { deskId, ticketId, reason, note }));
      if (call) set({ notice: calledNotice(call, get().lang) });
      return call !== null;
    },
    async ticketCommand(event) {
      const deskId = get().deskId;
      const ticket = current();
      if (deskId && ticket) await send((hub) => hub.send(event, { deskId, ticketId: ticket.ticketId }));
    },
    async transfer(serviceId, note) {
      const deskId = get().deskId;
      const ticket = current();
      if (!deskId || !ticket) return;
      const moved = await send((hub) =>
        hub.send('ticket:transfer', { deskId, ticketId: ticket.ticketId, serviceId, note }),
      );
      if (moved) set({ notice: { kind: 'ok', text: `${moved.number} dialihkan` } });
    },
    async cancelTicket(ticketId, reason) {
      const cancelled = await send((hub) => hub.send('ticket:cancel', { ticketId, reason }));
      if (cancelled)
        set({
          notice: { kind: 'ok', text: t(get().lang, 'counter.cancelled', { number: cancelled.number }) },
        });
      return cancelled !== null;
    },
    async takeOverDesk() {
      const deskId = get().deskId;
      if (!deskId) return;
      const desk = await send((hub) => hub.send('desk:open', { deskId, takeOver: true }));
      if (desk) set({ notice: { kind: 'ok', text: t(get().lang, 'counter.tookOver', { desk: desk.name }) } });
    },
    editDraft(change) {
      const ticket = current();
      if (!ticket) return;
      const draft = { ...(get().drafts[ticket.ticketId] ?? EMPTY_DRAFT), ...change };
      const errors = { ...get().draftErrors };
      for (const key of Object.keys(change)) delete errors[key as keyof GuestBookDraft];
      set({ drafts: { ...get().drafts, [ticket.ticketId]: draft }, draftErrors: errors });
    },
    setForwardTo(serviceId) {
      const ticket = current();
      // A desk picked for another service may not serve this one: the pick starts again.
      if (ticket)
        set({
          forwardTo: { ...get().forwardTo, [ticket.ticketId]: serviceId },
          forDesk: { ...get().forDesk, [ticket.ticketId]: '' },
        });
    },
    setForDesk(deskId) {
      const ticket = current();
      if (ticket) set({ forDesk: { ...get().forDesk, [ticket.ticketId]: deskId } });
    },
    async lookupGuest(by) {
      const ticket = current();
      if (!ticket) return;
      const draft = get().drafts[ticket.ticketId] ?? EMPTY_DRAFT;
      const payload = by === 'phone' ? { phone: draft.phone } : { email: draft.email };
      const hub = get().hub;
      if (!hub) return;
      set({ busy: true, notice: null });
      const reply = await hub.send('guestbook:lookup', payload);
      const lang = get().lang;
      if (!reply.ok) {
        set({ busy: false, notice: { kind: 'error', text: errorText(reply.error.code, lang) } });
        return;
      }
      const found = reply.data;
      set({ busy: false });
      if (found === null) {
        set({
          notice: {
            kind: 'error',
            text: t(lang, by === 'phone' ? 'counter.notFoundPhone' : 'counter.notFoundEmail'),
          },
        });
        return;
      }
      set({
        drafts: { ...get().drafts, [ticket.ticketId]: draftFromEntry(found) },
        draftErrors: {},
        notice: { kind: 'ok', text: t(lang, 'counter.foundGuest', { name: found.fullName }) },
      });
    },
    async saveGuestBook() {
      const deskId = get().deskId;
      const ticket = current();
      if (!deskId || !ticket) return null;
      const draft = get().drafts[ticket.ticketId] ?? EMPTY_DRAFT;
      const check = checkDraft(draft, hubOfficeYear(get()));
      if (!check.ok) {
        set({
          draftErrors: check.errors,
          notice: { kind: 'error', text: 'Periksa kembali isian yang ditandai.' },
        });
        return check;
      }
      const forwardTo = get().forwardTo[ticket.ticketId] ?? get().visit?.ticket.serviceId;
      if (!forwardTo) return null;
      // One command: the entry is saved and the ticket sent to the desk picked, or nothing happens.
      const choices = guestBookDesks(get().board, myDesk(get()), forwardTo);
      const toDesk = pickedDesk(choices, get().forDesk[ticket.ticketId]);
      const payload = { deskId, ticketId: ticket.ticketId, entry: check.entry, forwardTo };
      const saved = await send((hub) =>
        hub.send('guestbook:save', toDesk ? { ...payload, forDeskId: toDesk.deskId } : payload),
      );
      if (saved) {
        const { [ticket.ticketId]: _done, ...drafts } = get().drafts;
        const text = toDesk
          ? t(get().lang, 'send.sent', { number: saved.number, desk: toDesk.deskName })
          : t(get().lang, 'send.forwarded', { number: saved.number });
        set({ drafts, draftErrors: {}, notice: { kind: 'ok', text } });
      }
      return check;
    },
    async addNote(text) {
      const deskId = get().deskId;
      const ticket = current();
      if (!deskId || !ticket || !text.trim()) return false;
      const visit = await send((hub) => hub.send('visit:note', { deskId, ticketId: ticket.ticketId, text }));
      if (visit) set({ visit });
      return visit !== null;
    },
    setTab: (tab) => {
      keepTab(tab);
      set({ tab, notice: null });
    },
    async deskParkCommand(event, payload, done) {
      const result = await send((hub) => hub.send(event, payload));
      if (result) set({ notice: { kind: 'ok', text: done } });
      return result !== null;
    },
    async settingsCommand(event, payload, done) {
      const result = await send((hub) => hub.send(event, payload));
      if (result && typeof result === 'object' && 'config' in result)
        set({ settings: result as unknown as SettingsView });
      if (result && done) set({ notice: { kind: 'ok', text: done } });
      return result;
    },
    async loadReport(range) {
      const session = get().session;
      if (!session) return;
      set({ busy: true, reportRange: range });
      try {
        const response = await fetch(new URL(`../api/reports?${rangeParams(range)}`, window.location.href), {
          headers: { authorization: `Bearer ${session.token}` },
        });
        const body = (await response.json()) as { ok: true; data: Report } | { ok: false; error: ErrorBody };
        set(
          body.ok
            ? { report: body.data, busy: false }
            : { busy: false, notice: { kind: 'error', text: errorText(body.error.code, get().lang) } },
        );
      } catch {
        set({ busy: false, notice: { kind: 'error', text: errorText('OFFLINE', get().lang) } });
      }
    },
    async reprint(ticketId, number) {
      const done = await send((hub) => hub.send('ticket:reprint', { ticketId }));
      if (done)
        set({
          notice:
            done.printed.state === 'ok'
              ? { kind: 'ok', text: t(get().lang, 'print.reprinted', { number }) }
              : {
                  kind: 'error',
                  text: `${number}: ${t(get().lang, `printer.${done.printed.state}` as StringKey)}`,
                },
        });
    },
    async loadVisit(ticketId) {
      if (!ticketId) {
        set({ visit: null });
        return;
      }
      const visit = await send((hub) => hub.send('visit:get', { ticketId }));
      if (current()?.ticketId === ticketId) set({ visit });
    },
  };
});
