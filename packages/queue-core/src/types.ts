import type { CallReason, ErrorCode, QueueConfig } from '@pst/shared';

export type StageOutcome = 'forwarded' | 'transferred' | 'finished' | 'no-show' | 'cancelled' | 'unserved';

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
  recentCalls: CallRecord[];
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
  | ({ type: 'forward'; serviceId: string; guestBookId: string | null } & DeskTicketCommand)
  | ({ type: 'attachGuestBook'; guestBookId: string } & DeskTicketCommand)
  | { type: 'cancel'; ticketId: string; staffId: string; reason: string }
  | { type: 'attachRating'; ticketId: string; deskId: string; ratingId: string }
  | { type: 'configure'; config: QueueConfig }
  | { type: 'endDay' };

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
  | { type: 'config.changed'; at: number; config: QueueConfig };

export interface ChosenCall {
  reason: CallReason;
  note: string;
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
