import type {
  BoardSnapshot,
  DeskView,
  QueueView,
  ServiceClockView,
  VisitDetail,
  WaitingTicketView,
} from '@pst/shared';
import {
  mayTakeDesk,
  queuesOfDesk,
  RECALLS_BEFORE_NO_SHOW,
  readServiceClock,
  transferTargets,
} from '@pst/shared';
import type { Translate } from '@pst/ui';

export type DeskAction = 'callNext' | 'recall' | 'noShow' | 'start' | 'finish' | 'transfer';

/**
 * Which desk actions apply now. They are shown disabled, never hidden, so staff always see where
 * each one is. The hub decides for real; this only keeps buttons honest. `me`: the signed-in staff
 * id; a desk another staff member holds offers nothing (but a take-over, see `isHeldByOther`).
 */
export function availableActions(
  desk: DeskView | undefined,
  online: boolean,
  me?: string,
): Record<DeskAction, boolean> {
  const open = online && desk?.status === 'open' && !isHeldByOther(desk, me);
  const current = desk?.current ?? null;
  const isFrontOffice = desk?.kind === 'front-office';
  return {
    callNext: !!open && current === null,
    recall: !!open && current?.state === 'called',
    noShow: !!open && current?.state === 'called' && current.recalls >= RECALLS_BEFORE_NO_SHOW,
    start: !!open && current?.state === 'called',
    finish: !!open && current !== null && !isFrontOffice,
    transfer: !!open && current !== null && !isFrontOffice,
  };
}

/** Whether another staff member has this desk open or paused (the hub refuses our commands there). */
export function isHeldByOther(desk: DeskView | undefined, me: string | undefined): boolean {
  return !!desk && !!me && desk.status !== 'closed' && desk.heldBy !== null && desk.heldBy !== me;
}

/** The queues a desk calls from, in its order, as the board shows them. */
export function deskQueues(board: BoardSnapshot | null, desk: DeskView | undefined): QueueView[] {
  if (!board || !desk) return [];
  return queuesOfDesk(desk).flatMap((id) => board.queues.filter((q) => q.id === id));
}

/** The services the transfer dialog offers for the visit at the desk: those the hub's transfer accepts. */
export function transferChoices(
  board: BoardSnapshot | null,
  visit: VisitDetail | null,
): BoardSnapshot['services'] {
  return visit ? transferTargets(board?.services ?? [], visit.ticket.queue) : [];
}

export type ClockColour = 'waiting' | 'green' | 'amber' | 'red';

/** Amber in the last fifth of the target (2 of 10 minutes), red past it. */
export function clockColour(ticket: WaitingTicketView, now: number): ClockColour {
  const { startedAt, deadline } = ticket.clock;
  if (startedAt === null || deadline === null) return 'waiting';
  if (now > deadline) return 'red';
  if (deadline - now <= (deadline - startedAt) / 5) return 'amber';
  return 'green';
}

/** "12 menit" / "1 jam 05 menit" ("12 min" in English): how long someone has waited, in the screen's language. */
export function minutesText(ms: number, tr: Translate): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return tr('counter.minutes', { m: minutes });
  return tr('counter.hoursMinutes', {
    h: Math.floor(minutes / 60),
    m: String(minutes % 60).padStart(2, '0'),
  });
}

/** "sisa 3 menit" / "lewat 1 menit" / not started: a waiting ticket's 10-minute clock on every counter screen. */
export function clockText(clock: ServiceClockView, now: number, tr: Translate): string {
  const reading = readServiceClock(clock, now);
  if (reading.state === 'not-started') return tr('counter.clockNotStarted');
  const t = minutesText(reading.minutes * 60_000, tr);
  return tr(reading.state === 'late' ? 'counter.clockLate' : 'counter.clockLeft', { t });
}

/** Desks a staff role may take (supervisors stand in anywhere). */
export function desksFor(board: BoardSnapshot | null, role: string): DeskView[] {
  return (board?.desks ?? []).filter((d) => mayTakeDesk(role, d.kind));
}

/**
 * Whether the global "call next" key may run the action now: exactly when the on-screen button
 * is enabled (signed in, at the desk screen, desk open, online, nobody at the desk, no command
 * under way).
 */
export function mayCallNext(input: {
  signedIn: boolean;
  /** False while a supervisor looks at the board, reports or settings instead of a desk. */
  atDesk: boolean;
  busy: boolean;
  desk: DeskView | undefined;
  online: boolean;
  /** The signed-in staff id: a desk someone else holds does not call. */
  staffId?: string;
}): boolean {
  return (
    input.signedIn &&
    input.atDesk &&
    !input.busy &&
    availableActions(input.desk, input.online, input.staffId).callNext
  );
}

export interface BreachWarning {
  ticketId: string;
  number: string;
  /** The queue it waits in: a service id, or the front office's queue. */
  queueId: string;
  /** Whole minutes since it entered the queue, as the waiting list shows them. */
  minutesWaited: number;
  /** Whole minutes (rounded up) left before the service target is missed. */
  minutesLeft: number;
  targetMinutes: number;
}

function leftMinutes(clock: ServiceClockView, now: number): number {
  const reading = readServiceClock(clock, now);
  return reading.state === 'left' ? reading.minutes : 0;
}

/**
 * The waiting tickets of this desk's queues that are about to miss the service target (their
 * clock has turned amber, see `clockColour`) and have not been warned about yet. Only an open
 * desk is warned: a closed or paused one is not calling.
 */
export function breachWarnings(
  board: BoardSnapshot | null,
  desk: DeskView | undefined,
  now: number,
  alreadyWarned: ReadonlySet<string>,
): BreachWarning[] {
  if (desk?.status !== 'open') return [];
  return deskQueues(board, desk).flatMap((queue) =>
    queue.waiting
      .filter((ticket) => clockColour(ticket, now) === 'amber' && !alreadyWarned.has(ticket.id))
      .map((ticket) => ({
        ticketId: ticket.id,
        number: ticket.number,
        queueId: queue.id,
        minutesWaited: Math.max(0, Math.floor((now - ticket.enteredAt) / 60_000)),
        minutesLeft: leftMinutes(ticket.clock, now),
        targetMinutes: ticket.clock.targetMinutes,
      })),
  );
}
