import type { ConnectionState, HubConnection } from '@pst/client';
import {
  type BoardSnapshot,
  type ErrorBody,
  type Lang,
  type TakeResult,
  type TicketPrinted,
  ticketStatusPath,
} from '@pst/shared';
import type { KioskFailedPrint } from '@pst/shell/bridge';
import { create } from 'zustand';

/** Seconds the ticket stays on screen, once its printing has ended, before the kiosk returns to the start. */
export const TICKET_SECONDS = 12;
/** Seconds the kiosk waits to hear how printing ended before asking the visitor to note the number. */
export const PRINT_WAIT_SECONDS = 20;
/**
 * Taps are ignored this long after the screen changed (ticket shown, back at the start, question
 * asked): a visitor tapping on and on hits a new screen at the same spot.
 */
export const TAP_GUARD_MS = 1500;
/** The ticket stays at least this long: taps that go on after the one that took it cannot close it. */
export const FINISH_GUARD_MS = 3000;
/**
 * A service tapped this soon after a visitor pressed "Selesai" gives another ticket only after the
 * visitor says so (tapping on and on after a ticket lands here, a next visitor rarely does).
 */
export const REPEAT_WINDOW_MS = 10_000;
/** An error message goes away by itself: the next visitor must not read the last one's trouble. */
export const ERROR_SECONDS = 8;
/** The start screen left in English or with priority on returns to its plain state after this long. */
export const IDLE_SECONDS = 60;

/** What the ticket screen says about the paper ticket: still printing, printed, or failed. */
export function printOutcome(
  ticketId: string,
  printed: TicketPrinted | null,
  waitedSeconds: number,
): 'printing' | 'ok' | 'failed' {
  if (printed?.ticketId === ticketId) return printed.printed.state === 'ok' ? 'ok' : 'failed';
  return waitedSeconds >= PRINT_WAIT_SECONDS ? 'failed' : 'printing';
}

type Phase =
  | { name: 'choose' }
  | { name: 'taking'; serviceId: string }
  | { name: 'ticket'; result: TakeResult }
  /** "Saya punya janji temu": typing the appointment code (issue 21). */
  | { name: 'appointment'; isSending: boolean };

export interface KioskState {
  lang: Lang;
  connection: ConnectionState;
  authError: ErrorBody | null;
  board: BoardSnapshot | null;
  /** Hub time minus this PC's time: the clock on screen and the closed message agree with the hub. */
  hubOffset: number;
  priority: boolean;
  phase: Phase;
  /** How the printing of the last ticket ended (it may arrive before or after the take's answer). */
  printed: TicketPrinted | null;
  error: ErrorBody | null;
  /** Taps before this instant (this PC's clock) are ignored: see TAP_GUARD_MS. */
  readyAt: number;
  /** The ticket whose screen was just closed by "Selesai": another within REPEAT_WINDOW_MS is asked about. */
  lastTicket: { number: string; at: number } | null;
  /** A service tapped soon after the last ticket: the kiosk asks before taking another. */
  confirm: { serviceId: string } | null;
  hub: HubConnection | null;
  setHub(hub: HubConnection | null): void;
  setConnection(state: ConnectionState, error?: ErrorBody): void;
  setBoard(board: BoardSnapshot): void;
  setPrinted(printed: TicketPrinted): void;
  toggleLang(): void;
  togglePriority(): void;
  /** A tap on a service: takes a ticket, or asks first when one was just taken. */
  choose(serviceId: string): Promise<void>;
  /** The visitor confirmed they want another ticket. */
  confirmTake(): Promise<void>;
  cancelConfirm(): void;
  take(serviceId: string): Promise<void>;
  /**
   * After a kiosk restart: the shell's journal says the last ticket's print failed moments ago. If its
   * visitor still waits, the ticket screen shows again with the failure and "Cetak ulang".
   */
  resumeFailedPrint(failed: KioskFailedPrint): Promise<void>;
  /** The visitor's "Cetak ulang" after a failed print: its outcome replaces `printed`. */
  reprint(ticketId: string): Promise<void>;
  reprinting: boolean;
  /** The ticket screen's "Selesai" button (ignored in the first moments after the ticket shows). */
  finish(): void;
  openAppointment(): void;
  redeem(code: string): Promise<void>;
  /** Back to the start for the next visitor: Indonesian, no priority, no error. */
  reset(): void;
  clearError(): void;
}

const now = () => Date.now();

export const useKiosk = create<KioskState>()((set, get) => ({
  lang: 'id',
  connection: 'connecting',
  authError: null,
  board: null,
  hubOffset: 0,
  priority: false,
  phase: { name: 'choose' },
  printed: null,
  error: null,
  readyAt: 0,
  lastTicket: null,
  confirm: null,
  hub: null,
  setHub: (hub) => set({ hub }),
  // A refusal from before a reconnect (a hub restart) says nothing about the hub now.
  setConnection: (connection, error) =>
    set((s) => ({
      connection,
      authError: error ?? null,
      error: connection === s.connection ? s.error : null,
    })),
  setBoard: (board) => set({ board, hubOffset: board.at - Date.now() }),
  // A late word about an earlier ticket (the hub printed it after all) must not replace the outcome of
  // the ticket on screen; about the ticket on screen (or one being taken), it is the news.
  setPrinted: (printed) =>
    set((s) =>
      s.phase.name === 'ticket' && s.phase.result.ticket.id !== printed.ticketId ? {} : { printed },
    ),
  toggleLang: () => set((s) => ({ lang: s.lang === 'id' ? 'en' : 'id' })),
  togglePriority: () => set((s) => ({ priority: !s.priority })),
  async choose(serviceId) {
    const { readyAt, lastTicket, confirm } = get();
    if (now() < readyAt || confirm) return;
    if (lastTicket && now() - lastTicket.at < REPEAT_WINDOW_MS) {
      set({ confirm: { serviceId }, readyAt: now() + TAP_GUARD_MS });
      return;
    }
    await get().take(serviceId);
  },
  async confirmTake() {
    const { readyAt, confirm } = get();
    if (!confirm || now() < readyAt) return;
    set({ confirm: null });
    await get().take(confirm.serviceId);
  },
  cancelConfirm: () => set({ confirm: null, readyAt: now() + TAP_GUARD_MS }),
  async take(serviceId) {
    const { hub, phase, priority, connection } = get();
    // A second tap while the first is on its way must not make a second ticket.
    if (!hub || phase.name !== 'choose' || connection !== 'online') return;
    set({ phase: { name: 'taking', serviceId }, error: null });
    const reply = await hub.send('ticket:take', { serviceId, priority }, 15_000);
    if (reply.ok)
      set({
        phase: { name: 'ticket', result: reply.data },
        priority: false,
        readyAt: now() + FINISH_GUARD_MS,
      });
    else set({ phase: { name: 'choose' }, error: reply.error });
  },
  async resumeFailedPrint(failed) {
    const { hub, phase } = get();
    if (!hub || phase.name !== 'choose') return;
    const reply = await hub.send('ticket:status', { ticketId: failed.ticketId }, 15_000);
    if (!reply.ok || reply.data.status !== 'waiting' || get().phase.name !== 'choose') return;
    set({
      phase: { name: 'ticket', result: { ticket: reply.data, statusUrl: ticketStatusPath(reply.data.id) } },
      printed: {
        ticketId: failed.ticketId,
        printed: {
          state: failed.outcome === 'ok' ? 'error' : failed.outcome,
          detail: failed.detail,
          pendingJobs: 0,
          at: 0,
        },
      },
      readyAt: now() + FINISH_GUARD_MS,
    });
  },
  reprinting: false,
  async reprint(ticketId) {
    const { hub, reprinting } = get();
    if (!hub || reprinting) return;
    set({ reprinting: true, error: null });
    const reply = await hub.send('ticket:reprint', { ticketId }, 15_000);
    set(reply.ok ? { reprinting: false, printed: reply.data } : { reprinting: false, error: reply.error });
  },
  openAppointment: () => set({ phase: { name: 'appointment', isSending: false }, error: null }),
  async redeem(code) {
    const { hub, phase, connection } = get();
    if (!hub || phase.name !== 'appointment' || phase.isSending || connection !== 'online') return;
    set({ phase: { name: 'appointment', isSending: true }, error: null });
    const reply = await hub.send('appointment:redeem', { code }, 15_000);
    if (reply.ok) set({ phase: { name: 'ticket', result: reply.data }, readyAt: now() + FINISH_GUARD_MS });
    else set({ phase: { name: 'appointment', isSending: false }, error: reply.error });
  },
  finish() {
    const { phase, readyAt, reset } = get();
    if (phase.name !== 'ticket' || now() < readyAt) return;
    reset();
    set({ lastTicket: { number: phase.result.ticket.number, at: now() } });
  },
  reset: () =>
    set({
      phase: { name: 'choose' },
      priority: false,
      error: null,
      confirm: null,
      lastTicket: null,
      lang: 'id',
      readyAt: now() + TAP_GUARD_MS,
    }),
  clearError: () => set({ error: null }),
}));
