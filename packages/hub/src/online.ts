/**
 * Online requests at the hub: validate (done by runCommand) -> decide (queue-core) -> save in one
 * transaction -> reply -> tell the staff who handle them (`online:changed` to room `online`).
 */
import {
  allowedActions,
  DomainError,
  deadlineLevel,
  decideOnline,
  evolveOnline,
  isProposedForClosing,
  noteOnline,
  type OfficeCalendar,
  type OnlineEvent,
  type OnlineRequest,
  recordOnline,
  workingMsLeft,
} from '@pst/queue-core';
import {
  type NoteDirection,
  type OnlineAction,
  type OnlineRequestDetail,
  type OnlineRequestSummary,
  officeDay,
  type ParsedPayload,
} from '@pst/shared';
import type { HubContext } from './context';
import { ERASED_TEXT } from './data-care';
import type { OnlineRow } from './storage/online-store';

/** The room of the staff sockets that handle online requests. */
export const ONLINE_ROOM = 'online';
const CLOSED_LIST_DAYS = 90;

export function officeCalendar(hub: HubContext): OfficeCalendar {
  return { holidays: hub.store.holidays(), timeZone: hub.runner.state.config.office.timeZone };
}

function fold(request: OnlineRequest | null, events: readonly OnlineEvent[]): OnlineRequest {
  let current = request;
  for (const event of events) current = evolveOnline(current, event);
  if (!current) throw new Error('no online request');
  return current;
}

export function summary(row: OnlineRow, now: number, calendar: OfficeCalendar): OnlineRequestSummary {
  return {
    id: row.id,
    channel: row.channel,
    state: row.state,
    closeReason: row.closeReason,
    // An erased requester (UU 27/2022) keeps the request's figures, not the name.
    requesterName: row.requester.fullName ?? ERASED_TEXT,
    topic: row.topic,
    receivedAt: row.receivedAt,
    clockStartedAt: row.clockStartedAt,
    dueAt: row.dueAt,
    firstAnsweredAt: row.firstAnsweredAt,
    workingMsLeft:
      row.dueAt === null || row.firstAnsweredAt !== null ? null : workingMsLeft(row.dueAt, now, calendar),
    level: deadlineLevel({ dueAt: row.dueAt, answeredAt: row.firstAnsweredAt }, now, calendar),
    waitingOnUserSince: row.waitingOnUserSince,
    isProposedForClosing: isProposedForClosing(row, now),
    lastChangeAt: row.lastChangeAt,
  };
}

function requestRow(hub: HubContext, requestId: string): OnlineRow {
  const row = hub.online.get(requestId);
  if (!row) throw new DomainError('UNKNOWN_ONLINE_REQUEST', requestId);
  return row;
}

export function onlineDetail(hub: HubContext, requestId: string): OnlineRequestDetail {
  const row = requestRow(hub, requestId);
  const now = hub.clock();
  return {
    ...summary(row, now, officeCalendar(hub)),
    requester: row.requester,
    dataNeeded: row.dataNeeded,
    history: hub.online.history(requestId),
    actions: allowedActions(row, now),
    rating: hub.online.rating(requestId),
  };
}

function changed(hub: HubContext, requestId: string): OnlineRequestDetail {
  hub.io.to(ONLINE_ROOM).emit('online:changed', { requestId });
  return onlineDetail(hub, requestId);
}

/** The note a state change carries: what was sent to the user, or a note among staff. */
const ACTION_NOTE: Record<OnlineAction, NoteDirection> = {
  'ask-completeness': 'ke-pengguna',
  complete: 'internal',
  answer: 'ke-pengguna',
  reopen: 'dari-pengguna',
  'close-done': 'internal',
  'close-no-response': 'internal',
};

export const online = {
  record(
    hub: HubContext,
    staffId: string,
    input: {
      channel: OnlineRequestDetail['channel'];
      receivedAt: number;
      requester: OnlineRequestDetail['requester'];
      topic: string;
      dataNeeded: string;
      isComplete: boolean;
      note: string;
    },
  ): OnlineRequestDetail {
    const now = hub.clock();
    const calendar = officeCalendar(hub);
    const day = officeDay(now, calendar.timeZone);
    const id = hub.online.nextId(day);
    const events = recordOnline(id, input.receivedAt, input.isComplete, now, calendar);
    const facts = {
      day,
      channel: input.channel,
      recordedBy: staffId,
      requester: input.requester,
      topic: input.topic,
      dataNeeded: input.dataNeeded,
    };
    hub.online.save(
      fold(null, events),
      events,
      staffId,
      { direction: 'dari-pengguna', text: input.note },
      facts,
    );
    return changed(hub, id);
  },

  list(hub: HubContext, filter: 'open' | 'closed' | 'overdue' | 'all'): OnlineRequestSummary[] {
    const now = hub.clock();
    const calendar = officeCalendar(hub);
    const since = now - CLOSED_LIST_DAYS * 24 * 3600_000;
    const rows =
      filter === 'all'
        ? [...hub.online.list('open', since), ...hub.online.list('closed', since)]
        : hub.online.list(filter === 'closed' ? 'closed' : 'open', since);
    const views = rows.map((row) => summary(row, now, calendar));
    return filter === 'overdue' ? views.filter((v) => v.level === 'overdue') : views;
  },

  act(hub: HubContext, staffId: string, requestId: string, action: OnlineAction, note: string) {
    const row = requestRow(hub, requestId);
    const events = decideOnline(row, action, hub.clock(), officeCalendar(hub));
    hub.online.save(fold(row, events), events, staffId, { direction: ACTION_NOTE[action], text: note });
    return changed(hub, requestId);
  },

  /** The user's SKM answers: once, and only after the request was answered. */
  rate(hub: HubContext, staffId: string, rating: ParsedPayload<'online:rate'>): OnlineRequestDetail {
    const row = requestRow(hub, rating.requestId);
    if (row.firstAnsweredAt === null) throw new DomainError('ONLINE_NOT_ANSWERED', row.id);
    if (hub.online.rating(row.id)) throw new DomainError('ALREADY_RATED', row.id);
    const now = hub.clock();
    hub.online.addRating(rating, officeDay(now, officeCalendar(hub).timeZone), staffId, now);
    return changed(hub, row.id);
  },

  note(hub: HubContext, staffId: string, requestId: string, direction: NoteDirection, text: string) {
    const row = requestRow(hub, requestId);
    const events = noteOnline(row, direction, hub.clock());
    hub.online.save(fold(row, events), events, staffId, { direction, text });
    return changed(hub, requestId);
  },
};
