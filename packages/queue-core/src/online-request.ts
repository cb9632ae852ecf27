/**
 * An online consultation request (WhatsApp, email, pst.bps.go.id, ...), as a state machine:
 *
 *   baru ──► menunggu-kelengkapan ──► diproses ──► dijawab ──► ditutup (selesai)
 *     └───────────────────────────────►  ▲  ◄── reopen ┘
 *   menunggu-kelengkapan / dijawab ── 7 days without the user's reply ──► ditutup (tidak-ada-respons)
 *
 * The 3-working-day clock starts when the request enters `diproses` for the first time (clear and
 * complete) and is never restarted; answering stops it. Closing for no response is only possible
 * once the user has been silent for 7 days, and only by a person (the list proposes it).
 */
import {
  NO_RESPONSE_CLOSE_DAYS,
  type NoteDirection,
  type OnlineAction,
  type OnlineCloseReason,
  type OnlineState,
} from '@pst/shared';
import { type OfficeCalendar, onlineDueAt } from './online-clock';
import { DomainError } from './types';

export const NO_RESPONSE_CLOSE_MS = NO_RESPONSE_CLOSE_DAYS * 24 * 3600_000;

export interface OnlineRequest {
  id: string;
  state: OnlineState;
  closeReason: OnlineCloseReason | null;
  receivedAt: number;
  clockStartedAt: number | null;
  dueAt: number | null;
  firstAnsweredAt: number | null;
  /** Set while the request waits for the user (incomplete, or answered); the 7 days count from it. */
  waitingOnUserSince: number | null;
  closedAt: number | null;
  lastChangeAt: number;
}

export type OnlineEvent =
  | { type: 'online.recorded'; requestId: string; at: number; receivedAt: number }
  | { type: 'online.completeness-asked'; requestId: string; at: number }
  | { type: 'online.completed'; requestId: string; at: number; dueAt: number }
  | { type: 'online.answered'; requestId: string; at: number }
  | { type: 'online.reopened'; requestId: string; at: number }
  | { type: 'online.closed'; requestId: string; at: number; reason: OnlineCloseReason }
  | { type: 'online.noted'; requestId: string; at: number; direction: NoteDirection };

/** Which actions each state allows. */
const ALLOWED: Record<OnlineState, readonly OnlineAction[]> = {
  baru: ['ask-completeness', 'complete'],
  'menunggu-kelengkapan': ['complete', 'close-no-response'],
  diproses: ['answer'],
  dijawab: ['reopen', 'close-done', 'close-no-response'],
  ditutup: [],
};

/** The user has been silent for 7 days while the request waited for them: staff are asked to close it. */
export function isProposedForClosing(request: OnlineRequest, now: number): boolean {
  return (
    request.waitingOnUserSince !== null &&
    ALLOWED[request.state].includes('close-no-response') &&
    now - request.waitingOnUserSince >= NO_RESPONSE_CLOSE_MS
  );
}

/** The actions a person may take now (a close for no response only once it is proposed). */
export function allowedActions(request: OnlineRequest, now: number): OnlineAction[] {
  return ALLOWED[request.state].filter(
    (action) => action !== 'close-no-response' || isProposedForClosing(request, now),
  );
}

/** A new request as received: clock stopped until it is clear and complete (or at once if it is). */
export function recordOnline(
  requestId: string,
  receivedAt: number,
  isComplete: boolean,
  now: number,
  calendar: OfficeCalendar,
): OnlineEvent[] {
  if (receivedAt > now) throw new DomainError('VALIDATION_FAILED', 'received in the future');
  const recorded: OnlineEvent = { type: 'online.recorded', requestId, at: now, receivedAt };
  if (!isComplete) return [recorded];
  return [recorded, { type: 'online.completed', requestId, at: now, dueAt: onlineDueAt(now, calendar) }];
}

/** What an action on a request produces, or a DomainError when the state machine does not allow it. */
export function decideOnline(
  request: OnlineRequest,
  action: OnlineAction,
  now: number,
  calendar: OfficeCalendar,
): OnlineEvent[] {
  const requestId = request.id;
  if (!ALLOWED[request.state].includes(action)) throw new DomainError('ONLINE_INVALID_TRANSITION', action);
  switch (action) {
    case 'ask-completeness':
      return [{ type: 'online.completeness-asked', requestId, at: now }];
    case 'complete':
      return [{ type: 'online.completed', requestId, at: now, dueAt: onlineDueAt(now, calendar) }];
    case 'answer':
      return [{ type: 'online.answered', requestId, at: now }];
    case 'reopen':
      return [{ type: 'online.reopened', requestId, at: now }];
    case 'close-done':
      return [{ type: 'online.closed', requestId, at: now, reason: 'selesai' }];
    case 'close-no-response':
      if (!isProposedForClosing(request, now)) throw new DomainError('ONLINE_CLOSE_TOO_EARLY', requestId);
      return [{ type: 'online.closed', requestId, at: now, reason: 'tidak-ada-respons' }];
  }
}

/** A noted exchange: the user's reply restarts the 7 days they may take to answer. */
export function noteOnline(request: OnlineRequest, direction: NoteDirection, now: number): OnlineEvent[] {
  if (request.state === 'ditutup') throw new DomainError('ONLINE_INVALID_TRANSITION', 'closed');
  return [{ type: 'online.noted', requestId: request.id, at: now, direction }];
}

/** Applies one event; returns a new request (the list of requests is small, copies are cheap). */
export function evolveOnline(request: OnlineRequest | null, event: OnlineEvent): OnlineRequest {
  if (event.type === 'online.recorded') {
    return {
      id: event.requestId,
      state: 'baru',
      closeReason: null,
      receivedAt: event.receivedAt,
      clockStartedAt: null,
      dueAt: null,
      firstAnsweredAt: null,
      waitingOnUserSince: null,
      closedAt: null,
      lastChangeAt: event.at,
    };
  }
  if (!request) throw new Error(`${event.type} before online.recorded`);
  const next: OnlineRequest = { ...request, lastChangeAt: event.at };
  switch (event.type) {
    case 'online.completeness-asked':
      return { ...next, state: 'menunggu-kelengkapan', waitingOnUserSince: event.at };
    case 'online.completed':
      // The clock starts once: a request that comes back to diproses keeps its first due time.
      return {
        ...next,
        state: 'diproses',
        waitingOnUserSince: null,
        clockStartedAt: request.clockStartedAt ?? event.at,
        dueAt: request.dueAt ?? event.dueAt,
      };
    case 'online.answered':
      return {
        ...next,
        state: 'dijawab',
        firstAnsweredAt: request.firstAnsweredAt ?? event.at,
        waitingOnUserSince: event.at,
      };
    case 'online.reopened':
      return { ...next, state: 'diproses', waitingOnUserSince: null };
    case 'online.closed':
      return {
        ...next,
        state: 'ditutup',
        closeReason: event.reason,
        closedAt: event.at,
        waitingOnUserSince: null,
      };
    case 'online.noted':
      if (event.direction === 'dari-pengguna' && request.waitingOnUserSince !== null)
        return { ...next, waitingOnUserSince: event.at };
      return next;
  }
}
