import type { CallReason, ErrorCode, QueueConfig, SendVia } from '@pst/shared';

/** `requeued`: a parked ticket went back to the head of its queue (a new stage there, desk-park.ts). */
export type StageOutcome =
  | 'forwarded'
  | 'transferred'
  | 'requeued'
  | 'finished'
  | 'no-show'
  | 'cancelled'
  | 'unserved';

/** One wait-and-serve pass of a ticket through one queue (front office, then a service, then maybe another). */
export interface Stage {
  queue: string;
  enteredAt: number;
  targetMinutes: number;
  calledAt: number | null;
  deskId: string | null;
  staffId: string | null;
  recalls: number;
  lastCalledAt: number | null;
  startedAt: number | null;
  endedAt: number | null;
  outcome: StageOutcome | null;
  /** The 10-minute clock, fixed when the ticket is called (DOMAIN.md): null when it never started. */
  clockStart: number | null;
  serviceWait: number | null;
  withinTarget: boolean | null;
  /** Why the ticket left this stage (transfer note, cancel reason). */
  note: string;
  // ---- hold and send to a desk (issue 20, desk-park.ts) ----
  /** Parked (tunda) since then; null when not parked now. */
  parkedAt: number | null;
  /** When the desk first parked it: the desk was free from then (the clock of the ticket behind starts). */
  firstParkedAt: number | null;
  /** Time parked so far (ended intervals), and the part of it after the service started (not service time). */
  parkedMs: number;
  serviceParkedMs: number;
  /** When it was proposed as a no-show for being parked past the limit (the desk confirms or not). */
  parkOverdueAt: number | null;
  /**
   * When this stage last parked: its calls made until then stay off the lobby even once the park ends
   * (no-show while parked, called back to the desk: only calls after it stand; views.ts `callStands`).
   */
  callsWithdrawnAt: number | null;
  /** Sent to a named desk: while it waits, only that desk calls it, until `forDeskUntil` (then the whole queue). */
  forDeskId: string | null;
  forDeskUntil: number | null;
  /** Sent to a named desk: from which desk, by whom and how (its first call there records it with `sent`). */
  sentFrom: SentFrom | null;
}

export interface SentFrom {
  fromDeskId: string;
  byStaffId: string;
  via: SendVia;
}

export interface Ticket {
  id: string;
  day: string;
  number: string;
  serviceId: string;
  priority: boolean;
  issuedAt: number;
  source: string;
  stages: Stage[];
  guestBookId: string | null;
  ratingId: string | null;
  /** A ticket issued for an appointment (janji temu): its slot orders its first queue (appointment-order.ts). */
  appointmentSlotAt?: number;
}

export interface DeskState {
  status: 'closed' | 'open' | 'paused';
  staffId: string | null;
  /** The ticket called to or served at this desk. */
  current: string | null;
  servedToday: number;
  /** Where a `ratio` work profile stands in its cycle (work-profile.ts); 0 at the start of the day. */
  profileCursor: number;
  /** Tickets this desk parked (tunda), in the order parked. */
  parked: string[];
  /** Tickets sent to this desk by name, waiting for it, in the order sent (desk-park.ts). */
  sentHere: string[];
  /** The stage this desk called last: for a ticket sent to it, the one directly ahead (desk-park.ts). */
  lastCalled: { ticketId: string; stage: number } | null;
}

/**
 * A queue's line: waiting tickets in call order, and the stage called last by an in-order call (the one
 * "directly ahead" of the head; an out-of-order chosen call leaves it, see clock.ts).
 */
export interface Line {
  priority: string[];
  normal: string[];
  lastCalled: { ticketId: string; stage: number } | null;
  /** Service durations (ms) of the latest finished stages, for wait estimates. */
  recentServiceMs: number[];
}

export interface CallRecord {
  ticketId: string;
  deskId: string;
  at: number;
  recall: number;
}

/** The open state of one office day. */
export interface QueueState {
  config: QueueConfig;
  day: string;
  tickets: Map<string, Ticket>;
  lastSeq: Record<string, number>;
  desks: Record<string, DeskState>;
  lines: Record<string, Line>;
  /**
   * The day's latest calls and recalls, newest first (state.ts CALL_LOG of them). Which of them the lobby
   * still shows is derived from the tickets, never stored (views.ts `callStands`).
   */
  recentCalls: CallRecord[];
  /** The day's figures, kept up to date by `evolve` (state.ts `tallyTicket`). */
  tally: DayTally;
}

/**
 * Counts over the day's tickets that the board shows after every change: kept by `evolve` as each
 * event changes its ticket, so that building the board does not walk every ticket of a busy day
 * (it did, and under a long burst that walk grew to the hub's costliest function).
 */
export interface DayTally {
  issued: number;
  /** Tickets whose visit is finished. */
  served: number;
  /** Tickets waiting in a line or for a named desk. */
  waiting: number;
  /** Stages called past their target. */
  lateStages: number;
}

type DeskCommand = { deskId: string; staffId: string };
type DeskTicketCommand = DeskCommand & { ticketId: string };

export type Command =
  | { type: 'takeTicket'; serviceId: string; priority: boolean; source: string; appointmentSlotAt?: number }
  /** `takeOver`: open a desk another staff member holds (they left it open, or moved PCs). */
  | ({ type: 'openDesk'; takeOver?: boolean } & DeskCommand)
  | ({ type: 'pauseDesk' } & DeskCommand)
  | ({ type: 'resumeDesk' } & DeskCommand)
  | ({ type: 'closeDesk' } & DeskCommand)
  | ({ type: 'callNext' } & DeskCommand)
  /** Calls a chosen waiting ticket, not the next one (issue 20): a reason is required, and audited. */
  | ({ type: 'callChosen'; reason: CallReason; note: string } & DeskTicketCommand)
  | ({ type: 'recall' } & DeskTicketCommand)
  | ({ type: 'noShow' } & DeskTicketCommand)
  | ({ type: 'start' } & DeskTicketCommand)
  | ({ type: 'finish' } & DeskTicketCommand)
  | ({ type: 'transfer'; serviceId: string; note: string } & DeskTicketCommand)
  /** `forDeskId`: the front office sends it to that named desk at once (desk-park.ts rule), else the queue. */
  | ({
      type: 'forward';
      serviceId: string;
      guestBookId: string | null;
      forDeskId?: string;
    } & DeskTicketCommand)
  | ({ type: 'attachGuestBook'; guestBookId: string } & DeskTicketCommand)
  | { type: 'cancel'; ticketId: string; staffId: string; reason: string }
  | { type: 'attachRating'; ticketId: string; deskId: string; ratingId: string }
  | { type: 'configure'; config: QueueConfig }
  | { type: 'endDay' }
  // ---- hold and send to a desk (issue 20, desk-park.ts) ----
  | ({ type: 'park' } & DeskTicketCommand)
  /** A parked ticket back: called at this desk again, or to the head of its queue. */
  | ({ type: 'unpark'; to: 'desk' | 'queue' } & DeskTicketCommand)
  | ({ type: 'sendToDesk'; toDeskId: string; serviceId: string; note: string } & DeskTicketCommand)
  | ({ type: 'transferBack' } & DeskTicketCommand)
  /** The time-based rules (park limit, named-desk fall-back) due at `now`; the hub runs it on its timer. */
  | { type: 'applyDue' };

export type DomainEvent =
  | { type: 'day.ended'; at: number; day: string; unserved: string[] }
  | {
      type: 'ticket.issued';
      at: number;
      ticketId: string;
      day: string;
      number: string;
      serviceId: string;
      priority: boolean;
      source: string;
      queue: string;
      targetMinutes: number;
      appointmentSlotAt?: number;
    }
  | {
      type: 'ticket.called';
      at: number;
      ticketId: string;
      deskId: string;
      staffId: string;
      clockStart: number | null;
      serviceWait: number;
      withinTarget: boolean;
      /** The slot of the desk's ratio cycle this call used (work-profile.ts); absent otherwise. */
      profileSlot?: number;
      /**
       * A chosen call (callChosen): why, and the tickets waiting ahead of it in its queue that it
       * overtook (empty when it was the head anyway: then it is an in-order call).
       */
      chosen?: ChosenCall;
      /**
       * The first call of a ticket sent to this desk by name (desk-park.ts): who sent it, from where, and
       * the tickets of its queue it went ahead of (empty when none waited ahead of its place there).
       */
      sent?: SentCall;
    }
  | { type: 'ticket.recalled'; at: number; ticketId: string; deskId: string; recalls: number }
  | { type: 'ticket.started'; at: number; ticketId: string; deskId: string }
  | { type: 'ticket.finished'; at: number; ticketId: string; deskId: string }
  | { type: 'ticket.no-show'; at: number; ticketId: string; deskId: string }
  | {
      type: 'ticket.moved';
      at: number;
      ticketId: string;
      deskId: string;
      kind: 'forwarded' | 'transferred';
      toQueue: string;
      note: string;
      targetMinutes: number;
      /**
       * Sent to a named desk: it waits for that desk until `until` (desk-park.ts). `staffId` and `via`
       * (who sent it, and how) are absent in events stored before they were recorded: the stage's caller, a send.
       */
      forDesk?: { deskId: string; until: number; staffId?: string; via?: SendVia };
      /** Transferred back to the previous queue: it enters at the head of that queue. */
      toHead?: boolean;
      /** With `toHead`: the tickets of that queue it went ahead of (absent in events stored before). */
      overtook?: string[];
    }
  | { type: 'ticket.cancelled'; at: number; ticketId: string; staffId: string; reason: string }
  | { type: 'guestbook.attached'; at: number; ticketId: string; guestBookId: string }
  | { type: 'rating.attached'; at: number; ticketId: string; ratingId: string }
  | {
      type: 'desk.opened' | 'desk.paused' | 'desk.resumed' | 'desk.closed';
      at: number;
      deskId: string;
      staffId: string;
    }
  | { type: 'config.changed'; at: number; config: QueueConfig }
  // ---- hold and send to a desk (issue 20, desk-park.ts) ----
  | { type: 'ticket.parked'; at: number; ticketId: string; deskId: string }
  | {
      type: 'ticket.unparked';
      at: number;
      ticketId: string;
      deskId: string;
      to: 'desk' | 'queue';
      /** `to: 'queue'`: the target of the new stage at the head of the queue. */
      targetMinutes: number;
      /** `to: 'queue'`: the tickets of the queue it went ahead of (absent in events stored before). */
      overtook?: string[];
    }
  | { type: 'ticket.park-overdue'; at: number; ticketId: string; deskId: string }
  | {
      type: 'ticket.desk-wait-ended';
      at: number;
      ticketId: string;
      deskId: string;
      reason: 'timeout' | 'desk-closed';
    };

export interface ChosenCall {
  reason: CallReason;
  note: string;
  overtook: string[];
}

export interface SentCall extends SentFrom {
  overtook: string[];
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'DomainError';
  }
}
