/**
 * The online requests screen's state: kept beside the desk store (useCounter), whose connection,
 * session and notice it uses, so the desk screens and this one change independently.
 */
import type { HubConnection } from '@pst/client';
import {
  type ErrorBody,
  errorText,
  type NoteDirection,
  type OfficeTimeZone,
  type OnlineAction,
  type OnlineChannel,
  type OnlineRequestDetail,
  type OnlineRequesterInput,
  type OnlineRequestSummary,
  officeDateTimeInput,
  type Payload,
  parseOfficeDateTimeInput,
} from '@pst/shared';
import { create } from 'zustand';
import { checkDraft, draftFromEntry, EMPTY_DRAFT, type GuestBookDraft } from './guest-book-form';
import { hubOfficeYear, useCounter } from './store';

export type OnlineFilter = 'open' | 'overdue' | 'closed' | 'all';

export interface NewRequestForm {
  channel: OnlineChannel;
  /** 'YYYY-MM-DDTHH:mm' in office time, as a datetime-local input gives it. */
  receivedAt: string;
  topic: string;
  note: string;
  isComplete: boolean;
  requester: GuestBookDraft;
}

export interface OnlineUiState {
  /** Desk staff: the online screen is shown instead of the desk. */
  isOpen: boolean;
  filter: OnlineFilter;
  list: OnlineRequestSummary[];
  openCount: number;
  overdue: OnlineRequestSummary[];
  selected: OnlineRequestDetail | null;
  form: NewRequestForm | null;
  formErrors: Partial<Record<string, string>>;

  setOpen(isOpen: boolean): void;
  loadList(filter?: OnlineFilter): Promise<void>;
  loadOverdue(): Promise<void>;
  select(requestId: string | null): Promise<void>;
  refresh(requestId: string): Promise<void>;
  startForm(now: number, timeZone: OfficeTimeZone): void;
  editForm(change: Partial<Omit<NewRequestForm, 'requester'>>): void;
  editRequester(change: Partial<GuestBookDraft>): void;
  lookupRequester(by: 'phone' | 'email'): Promise<void>;
  record(timeZone: OfficeTimeZone): Promise<boolean>;
  act(action: OnlineAction, note: string): Promise<boolean>;
  note(direction: NoteDirection, text: string): Promise<boolean>;
  rate(rating: Omit<Payload<'online:rate'>, 'requestId'>): Promise<boolean>;
}

/** Sends through the desk app's connection; a refusal becomes its notice, by its code from the string table. */
export async function send<T>(
  run: (hub: HubConnection) => Promise<{ ok: true; data: T } | { ok: false; error: ErrorBody }>,
): Promise<T | null> {
  const hub = useCounter.getState().hub;
  if (!hub) return null;
  const reply = await run(hub);
  if (!reply.ok)
    useCounter.setState({
      notice: { kind: 'error', text: errorText(reply.error.code, useCounter.getState().lang) },
    });
  return reply.ok ? reply.data : null;
}

const ok = (text: string) => useCounter.setState({ notice: { kind: 'ok', text } });

export const useOnline = create<OnlineUiState>()((set, get) => ({
  isOpen: false,
  filter: 'open',
  list: [],
  openCount: 0,
  overdue: [],
  selected: null,
  form: null,
  formErrors: {},

  setOpen: (isOpen) => set({ isOpen }),
  async loadList(filter = get().filter) {
    set({ filter });
    const list = await send((hub) => hub.send('online:list', { filter }));
    if (list && get().filter === filter) set({ list });
    if (list && filter === 'open') set({ openCount: list.length });
  },
  async loadOverdue() {
    const overdue = await send((hub) => hub.send('online:list', { filter: 'overdue' }));
    if (overdue) set({ overdue });
  },
  async select(requestId) {
    if (!requestId) {
      set({ selected: null });
      return;
    }
    const detail = await send((hub) => hub.send('online:get', { requestId }));
    if (detail) set({ selected: detail, form: null });
  },
  async refresh(requestId) {
    if (get().selected?.id === requestId) await get().select(requestId);
    await get().loadList();
  },
  startForm(now, timeZone) {
    set({
      selected: null,
      formErrors: {},
      form: {
        channel: 'whatsapp',
        receivedAt: officeDateTimeInput(now, timeZone),
        topic: '',
        note: '',
        isComplete: false,
        requester: { ...EMPTY_DRAFT, servicesUsed: ['Konsultasi Statistik'] },
      },
    });
  },
  editForm(change) {
    const form = get().form;
    if (form) set({ form: { ...form, ...change } });
  },
  editRequester(change) {
    const form = get().form;
    if (!form) return;
    const formErrors = { ...get().formErrors };
    for (const key of Object.keys(change)) delete formErrors[key];
    set({ form: { ...form, requester: { ...form.requester, ...change } }, formErrors });
  },
  async lookupRequester(by) {
    const form = get().form;
    if (!form) return;
    const payload = by === 'phone' ? { phone: form.requester.phone } : { email: form.requester.email };
    const found = await send((hub) => hub.send('online:requester-lookup', payload));
    if (!found) {
      if (found === null && !useCounter.getState().notice)
        useCounter.setState({ notice: { kind: 'error', text: 'Pemohon belum pernah tercatat.' } });
      return;
    }
    set({
      form: { ...form, requester: draftFromEntry({ ...found, phone: found.phone ?? '' }) },
      formErrors: {},
    });
    ok(`Data pemohon sebelumnya dimuat: ${found.fullName}`);
  },
  async record(timeZone) {
    const form = get().form;
    if (!form) return false;
    const check = checkDraft(form.requester, hubOfficeYear(useCounter.getState()));
    const formErrors: Partial<Record<string, string>> = check.ok ? {} : { ...check.errors };
    if (form.topic.trim().length < 3) formErrors.topic = 'Tulis topik permintaan (minimal 3 huruf)';
    if (!check.ok || Object.keys(formErrors).length > 0) {
      set({ formErrors });
      useCounter.setState({ notice: { kind: 'error', text: 'Periksa kembali isian yang ditandai.' } });
      return false;
    }
    const detail = await send((hub) =>
      hub.send('online:record', {
        channel: form.channel,
        receivedAt: parseOfficeDateTimeInput(form.receivedAt, timeZone),
        requester: check.entry as unknown as OnlineRequesterInput,
        topic: form.topic,
        dataNeeded: form.requester.dataNeeded,
        isComplete: form.isComplete,
        note: form.note,
      }),
    );
    if (!detail) return false;
    set({ form: null, selected: detail });
    ok(`Permintaan ${detail.id} dicatat`);
    await get().loadList();
    return true;
  },
  async act(action, note) {
    const selected = get().selected;
    if (!selected) return false;
    const detail = await send((hub) => hub.send('online:act', { requestId: selected.id, action, note }));
    if (detail) set({ selected: detail });
    return detail !== null;
  },
  async rate(rating) {
    const selected = get().selected;
    if (!selected) return false;
    const detail = await send((hub) => hub.send('online:rate', { requestId: selected.id, ...rating }));
    if (detail) set({ selected: detail });
    return detail !== null;
  },
  async note(direction, text) {
    const selected = get().selected;
    if (!selected || !text.trim()) return false;
    const detail = await send((hub) => hub.send('online:note', { requestId: selected.id, direction, text }));
    if (detail) set({ selected: detail });
    return detail !== null;
  },
}));
