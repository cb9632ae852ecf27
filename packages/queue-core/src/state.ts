import {
  FRONT_OFFICE_QUEUE,
  officeDay,
  type QueueConfig,
  queuesOfDesk,
  type TicketStatus,
} from '@pst/shared';
import type { DayTally, DeskState, Line, QueueState, Stage, Ticket } from './types';

/** The calls a lobby board lists (the first is the big "current call"), and those it lists as taken back. */
export const LOBBY_CALLS = 12;
/**
 * The calls the day keeps for the board: room for the standing ones and for those taken back since, which
 * the board derives from the tickets (views.ts `callStands`).
 */
export const CALL_LOG = 2 * LOBBY_CALLS;

export function createState(config: QueueConfig, now: number): QueueState {
  return resetDay(
    {
      config,
      day: '',
      tickets: new Map(),
      lastSeq: {},
      desks: {},
      lines: {},
      recentCalls: [],
      tally: emptyTally(),
    },
    now,
  );
}

/** Empties the state for the office day of `now` (the previous day's records live in storage). */
export function resetDay(state: QueueState, now: number): QueueState {
  state.day = officeDay(now, state.config.office.timeZone);
  state.tickets = new Map();
  state.lastSeq = {};
  state.recentCalls = [];
  state.tally = emptyTally();
  state.lines = {};
  state.desks = {};
  syncConfig(state);
  return state;
}

/** Makes sure every configured desk and queue has its state (new ones start closed and empty). */
export function syncConfig(state: QueueState): void {
  for (const desk of state.config.desks) state.desks[desk.id] ??= closedDesk();
  for (const id of Object.keys(state.desks))
    if (!state.config.desks.some((d) => d.id === id)) delete state.desks[id];
  for (const queue of queueIds(state.config)) state.lines[queue] ??= emptyLine();
}

export function closedDesk(): DeskState {
  return {
    status: 'closed',
    staffId: null,
    current: null,
    servedToday: 0,
    profileCursor: 0,
    ...freshDeskLists(),
  };
}

/** What a desk holds besides its current ticket (desk-park.ts); a new day starts without any. */
export function freshDeskLists(): Pick<DeskState, 'parked' | 'sentHere' | 'lastCalled'> {
  return { parked: [], sentHere: [], lastCalled: null };
}

function emptyLine(): Line {
  return { priority: [], normal: [], lastCalled: null, recentServiceMs: [] };
}

export function queueIds(config: QueueConfig): string[] {
  return [FRONT_OFFICE_QUEUE, ...config.services.map((s) => s.id)];
}

export function currentStage(ticket: Ticket): Stage {
  return ticket.stages[ticket.stages.length - 1] as Stage;
}

/**
 * The index of the first stage that events from `since` on can have changed (storage writes it and
 * those after it). A command changes the current stage; the one before it changes only in the command
 * that ends it and adds the current one (evolve.ts: a move, a park sent back to its queue), never
 * after. A stage entered by an earlier command in the same millisecond counts as new (written again).
 */
export function firstChangedStage(ticket: Ticket, since: number): number {
  const last = ticket.stages.length - 1;
  return last > 0 && currentStage(ticket).enteredAt >= since ? last - 1 : Math.max(0, last);
}

/** A ticket's one state, read off its current stage (a moved ticket is waiting in its new stage). */
export function ticketStatus(ticket: Ticket): TicketStatus {
  const stage = currentStage(ticket);
  if (stage.outcome === 'forwarded' || stage.outcome === 'transferred' || stage.outcome === 'requeued') {
    throw new Error(`ticket ${ticket.id} ends on a moved stage`);
  }
  if (stage.outcome) return stage.outcome;
  if (stage.parkedAt !== null) return 'parked';
  if (stage.startedAt !== null) return 'serving';
  if (stage.calledAt !== null) return 'called';
  return 'waiting';
}

function emptyTally(): DayTally {
  return { issued: 0, served: 0, waiting: 0, lateStages: 0 };
}

/** Adds a ticket's share of the day's figures to the tally (`sign` -1: takes it out). */
export function tallyTicket(tally: DayTally, ticket: Ticket, sign: 1 | -1): void {
  tally.issued += sign;
  const status = ticketStatus(ticket);
  if (status === 'finished') tally.served += sign;
  if (status === 'waiting') tally.waiting += sign;
  for (const stage of ticket.stages) if (stage.withinTarget === false) tally.lateStages += sign;
}

/** Waiting ticket ids of one queue in call order: priority first, then by entry. */
export function waitingInOrder(line: Line): string[] {
  return [...line.priority, ...line.normal];
}

export function ticketIdFor(day: string, prefix: string, seq: number): string {
  return `${day.replaceAll('-', '')}-${prefix}${pad(seq)}`;
}

export function ticketNumber(prefix: string, seq: number): string {
  return `${prefix}-${pad(seq)}`;
}

function pad(seq: number): string {
  return String(seq).padStart(3, '0');
}

export function targetMinutesOf(config: QueueConfig, queue: string): number {
  if (queue === FRONT_OFFICE_QUEUE) return config.office.frontOfficeTargetMinutes;
  return config.services.find((s) => s.id === queue)?.targetMinutes ?? 10;
}

/** The queues a desk calls from, in its order. */
export function deskQueues(config: QueueConfig, deskId: string): string[] {
  const desk = config.desks.find((d) => d.id === deskId);
  return desk ? queuesOfDesk(desk) : [];
}
