/**
 * Small builders for queue-core unit tests. The domain is pure: time is passed in as numbers, so a
 * test states every instant it uses, in office time (WIB, UTC+7).
 */
import { DEFAULT_CONFIG, type ErrorCode, type QueueConfig, type Service } from '@pst/shared';
import fc from 'fast-check';
import { expect } from 'vitest';
import { decide } from './decide';
import { execute } from './index';
import { createState, currentStage, ticketStatus } from './state';
import {
  type Command,
  DomainError,
  type DomainEvent,
  type QueueState,
  type Stage,
  type Ticket,
} from './types';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;

/** An instant given as WIB wall-clock time, e.g. `wib('09:00')` or `wib('23:59:59.999', '2026-11-25')`. */
export function wib(time: string, day = '2026-11-25'): number {
  const ms = Date.parse(`${day}T${time}+07:00`);
  if (Number.isNaN(ms)) throw new RangeError(`not a WIB time: ${day} ${time}`);
  return ms;
}

/** Wednesday 25 November 2026, 09:00 WIB (02:00 UTC). */
export const fixedNow = wib('09:00');

/** `minutes` after `fixedNow` (fractions allowed). */
export const at = (minutes: number): number => fixedNow + minutes * MINUTE;

/** The staff member a test uses for a desk unless it says otherwise. */
export const staffOf = (deskId: string): string => `staff-${deskId}`;

/** A deep copy of DEFAULT_CONFIG, changed by `change` (DEFAULT_CONFIG itself is never touched). */
export function configWith(change: (config: QueueConfig) => void = () => {}): QueueConfig {
  const config = structuredClone(DEFAULT_CONFIG);
  change(config);
  return config;
}

/** The service `id` of a config, to change it in a `configWith` callback. */
export function serviceIn(config: QueueConfig, id: string): Service {
  const service = config.services.find((s) => s.id === id);
  if (!service) throw new Error(`no service ${id}`);
  return service;
}

/** DEFAULT_CONFIG without the front office step: tickets go straight to their service queue. */
export function directConfig(change: (config: QueueConfig) => void = () => {}): QueueConfig {
  return configWith((config) => {
    config.office.frontOfficeFirst = false;
    change(config);
  });
}

/** A fresh day at `now` (DEFAULT_CONFIG unless given; the config is copied). */
export function newState(config: QueueConfig = DEFAULT_CONFIG, now: number = fixedNow): QueueState {
  return createState(structuredClone(config), now);
}

export function openDesk(
  state: QueueState,
  deskId: string,
  now: number = fixedNow,
  staffId: string = staffOf(deskId),
): DomainEvent[] {
  return execute(state, { type: 'openDesk', deskId, staffId }, now);
}

/** Takes a ticket at the kiosk and returns its id. */
export function take(state: QueueState, serviceId: string, now: number = fixedNow, priority = false): string {
  const events = execute(state, { type: 'takeTicket', serviceId, priority, source: 'kiosk-1' }, now);
  const issued = events.find((e) => e.type === 'ticket.issued');
  if (!issued) throw new Error(`no ticket issued for ${serviceId}`);
  return issued.ticketId;
}

/** Calls the next ticket at an open desk and returns its id. */
export function call(state: QueueState, deskId: string, now: number = fixedNow): string {
  const events = execute(state, { type: 'callNext', deskId, staffId: staffOf(deskId) }, now);
  const called = events.find((e) => e.type === 'ticket.called');
  if (!called) throw new Error(`${deskId} called nobody`);
  return called.ticketId;
}

/** Runs a command that acts on a ticket at a desk, with the desk's usual staff. */
export function act(
  state: QueueState,
  type: 'recall' | 'noShow' | 'start' | 'finish',
  deskId: string,
  ticketId: string,
  now: number = fixedNow,
): DomainEvent[] {
  return execute(state, { type, deskId, staffId: staffOf(deskId), ticketId }, now);
}

/** Forwards a ticket held by the front office desk fo-1 to a service queue. */
export function forward(
  state: QueueState,
  ticketId: string,
  serviceId: string,
  now: number = fixedNow,
  guestBookId: string | null = null,
): DomainEvent[] {
  return execute(
    state,
    { type: 'forward', deskId: 'fo-1', staffId: staffOf('fo-1'), ticketId, serviceId, guestBookId },
    now,
  );
}

/** Transfers a ticket held by a service desk to another service. */
export function transfer(
  state: QueueState,
  deskId: string,
  ticketId: string,
  serviceId: string,
  now: number = fixedNow,
  note = '',
): DomainEvent[] {
  return execute(
    state,
    { type: 'transfer', deskId, staffId: staffOf(deskId), ticketId, serviceId, note },
    now,
  );
}

export function ticketOf(state: QueueState, ticketId: string): Ticket {
  const ticket = state.tickets.get(ticketId);
  if (!ticket) throw new Error(`no ticket ${ticketId}`);
  return ticket;
}

export function stageOf(state: QueueState, ticketId: string): Stage {
  return currentStage(ticketOf(state, ticketId));
}

/** The DomainError code `fn` throws (fails the test when it throws anything else or nothing). */
export function errorCode(fn: () => unknown): ErrorCode {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected a DomainError, but nothing was thrown');
}

// ---- random office days (the property tests): the actions they share; each test adds its own ----

/** The default office's services and desks, picked by index (fc.nat(3)). */
export const SERVICES = DEFAULT_CONFIG.services.map((s) => s.id);
export const DESKS = DEFAULT_CONFIG.desks.map((d) => d.id);

const DESK_COMMANDS = {
  open: 'openDesk',
  close: 'closeDesk',
  pause: 'pauseDesk',
  resume: 'resumeDesk',
  call: 'callNext',
} as const;
type DeskOp = keyof typeof DESK_COMMANDS;
type TicketOp = 'recall' | 'noShow' | 'start' | 'finish' | 'park' | 'transferBack';

/** A visitor takes a ticket, staff work a desk or its current ticket, or time passes. */
export type SharedAction =
  | { kind: 'take'; service: number; priority: boolean }
  | { kind: 'desk'; desk: number; op: DeskOp }
  | { kind: 'ticket'; desk: number; op: TicketOp }
  | { kind: 'wait'; ms: number };

const takeAction = {
  weight: 4,
  arbitrary: fc.record({ kind: fc.constant('take' as const), service: fc.nat(3), priority: fc.boolean() }),
};

/** A desk's own action, `ops` repeated as often as it should come. */
const deskAction = (weight: number, ops: DeskOp[]) => ({
  weight,
  arbitrary: fc.record({ kind: fc.constant('desk' as const), desk: fc.nat(3), op: fc.constantFrom(...ops) }),
});

/** An action on a desk's current ticket, `ops` repeated as often as it should come. */
const ticketAction = (weight: number, ops: TicketOp[]) => ({
  weight,
  arbitrary: fc.record({
    kind: fc.constant('ticket' as const),
    desk: fc.nat(3),
    op: fc.constantFrom(...ops),
  }),
});

/** Mostly seconds to `maxMs`; now and then long enough to cross midnight. */
const waitAction = (maxMs: number) => ({
  weight: 3,
  arbitrary: fc.record({
    kind: fc.constant('wait' as const),
    ms: fc.oneof(
      { weight: 40, arbitrary: fc.integer({ min: 0, max: maxMs }) },
      { weight: 1, arbitrary: fc.constant(16 * 3600_000) },
    ),
  }),
});

/**
 * The shared actions, weighted: a visitor's take, a desk's `desk` ops and its ticket's `ticket` ops
 * (each op repeated as often as it should come), and waits of up to `waitMs`.
 */
export function sharedActions(
  desk: [weight: number, ops: DeskOp[]],
  ticket: [weight: number, ops: TicketOp[]],
  waitMs: number,
) {
  return [takeAction, deskAction(...desk), ticketAction(...ticket), waitAction(waitMs)] as const;
}

/** The command of a shared action; null where there is none (no ticket at the desk, a wait). */
export function sharedCommand(state: QueueState, a: SharedAction): Command | null {
  switch (a.kind) {
    case 'take':
      return {
        type: 'takeTicket',
        serviceId: SERVICES[a.service] as string,
        priority: a.priority,
        source: 'k',
      };
    case 'desk': {
      const deskId = DESKS[a.desk] as string;
      return { type: DESK_COMMANDS[a.op], deskId, staffId: staffOf(deskId) };
    }
    case 'ticket': {
      const deskId = DESKS[a.desk] as string;
      const ticketId = state.desks[deskId]?.current;
      return ticketId ? { type: a.op, deskId, staffId: staffOf(deskId), ticketId } : null;
    }
    case 'wait':
      return null;
  }
}

/**
 * Plays random `actions` from `start` on: a wait moves the clock by its time, any other action by a
 * second and runs its command (none: skipped); a refused command must be refused by a DomainError.
 * `accepted` gets each accepted command's events (to check and apply to `state`) and returns the
 * actions to play next, before the rest (the desks opening again after a midnight).
 */
export function playActions<A extends { kind: string; ms?: number }>(
  state: QueueState,
  actions: readonly A[],
  start: number,
  toCommand: (a: A) => Command | null,
  accepted: (events: DomainEvent[], command: Command, now: number) => A[],
): void {
  let now = start;
  const pending = [...actions];
  for (let a = pending.shift(); a !== undefined; a = pending.shift()) {
    now += a.kind === 'wait' ? (a.ms ?? 0) : SECOND;
    const command = toCommand(a);
    if (!command) continue;
    let events: DomainEvent[];
    try {
      events = decide(state, command, now);
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      continue;
    }
    pending.unshift(...accepted(events, command, now));
  }
}

/** The tally `evolve` keeps equals the count over every ticket of the day. */
export function expectTallyCounted(state: QueueState): void {
  const tickets = [...state.tickets.values()];
  expect(state.tally).toEqual({
    issued: tickets.length,
    served: tickets.filter((t) => ticketStatus(t) === 'finished').length,
    waiting: tickets.filter((t) => ticketStatus(t) === 'waiting').length,
    lateStages: tickets.flatMap((t) => t.stages).filter((stage) => stage.withinTarget === false).length,
  });
}
