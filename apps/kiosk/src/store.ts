import type { ConnectionState, HubConnection } from '@pst/client';
import type { BoardSnapshot, ErrorBody, Lang, TakeResult, TicketPrinted } from '@pst/shared';
import { create } from 'zustand';

/** Seconds the ticket stays on screen, once its printing has ended, before the kiosk returns to the start. */
export const TICKET_SECONDS = 12;
/** Seconds the kiosk waits to hear how printing ended before asking the visitor to note the number. */
export const PRINT_WAIT_SECONDS = 20;

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
  | { name: 'ticket'; result: TakeResult };

export interface KioskState {
  lang: Lang;
  connection: ConnectionState;
  authError: ErrorBody | null;
  board: BoardSnapshot | null;
  priority: boolean;
  phase: Phase;
  /** How the printing of the last ticket ended (it may arrive before or after the take's answer). */
  printed: TicketPrinted | null;
  error: ErrorBody | null;
  hub: HubConnection | null;
  setHub(hub: HubConnection | null): void;
  setConnection(state: ConnectionState, error?: ErrorBody): void;
  setBoard(board: BoardSnapshot): void;
  setPrinted(printed: TicketPrinted): void;
  toggleLang(): void;
  togglePriority(): void;
  take(serviceId: string): Promise<void>;
  reset(): void;
}

export const useKiosk = create<KioskState>()((set, get) => ({
  lang: 'id',
  connection: 'connecting',
  authError: null,
  board: null,
  priority: false,
  phase: { name: 'choose' },
  printed: null,
  error: null,
  hub: null,
  setHub: (hub) => set({ hub }),
  setConnection: (connection, error) => set({ connection, authError: error ?? null }),
  setBoard: (board) => set({ board }),
  setPrinted: (printed) => set({ printed }),
  toggleLang: () => set((s) => ({ lang: s.lang === 'id' ? 'en' : 'id' })),
  togglePriority: () => set((s) => ({ priority: !s.priority })),
  async take(serviceId) {
    const { hub, phase, priority, connection } = get();
    // A second tap while the first is on its way must not make a second ticket.
    if (!hub || phase.name !== 'choose' || connection !== 'online') return;
    set({ phase: { name: 'taking', serviceId }, error: null });
    const reply = await hub.send('ticket:take', { serviceId, priority }, 15_000);
    if (reply.ok) set({ phase: { name: 'ticket', result: reply.data }, priority: false });
    else set({ phase: { name: 'choose' }, error: reply.error });
  },
  reset: () => set({ phase: { name: 'choose' }, priority: false, error: null }),
}));
