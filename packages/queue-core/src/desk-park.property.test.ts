/**
 * Hold and send to a named desk over random office days (fast-check): the rules of desk-park.ts hold
 * whatever staff do, in any order, at any time.
 */
import { DEFAULT_CONFIG } from '@pst/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide } from './decide';
import { evolve } from './evolve';
import { CALL_LOG, createState, currentStage, LOBBY_CALLS, ticketStatus } from './state';
import type { SharedAction } from './test-helpers';
import {
  DESKS,
  expectTallyCounted,
  playActions,
  SERVICES,
  sharedActions,
  sharedCommand,
  staffOf,
} from './test-helpers';
import type { Command, DomainEvent, QueueState, Stage, Ticket } from './types';
import { callViews, withdrawnCallViews } from './views';

const T0 = Date.UTC(2026, 10, 25, 1, 0); // 08:00 WIB
/** Straight to the service queues (the front office's forward is covered by invariants.test.ts). */
const CONFIG = { ...DEFAULT_CONFIG, office: { ...DEFAULT_CONFIG.office, frontOfficeFirst: false } };
const MINUTE = 60_000;
type Action =
  | SharedAction
  | { kind: 'move'; desk: number; to: number; service: number; op: 'forward' | 'send' }
  | { kind: 'parked'; desk: number; op: 'toDesk' | 'toQueue' | 'noShow' }
  | { kind: 'due' };

/** The longest wait between actions, but for one across midnight now and then. */
const WAIT_MS = 20 * MINUTE;
const action: fc.Arbitrary<Action> = fc.oneof(
  ...sharedActions(
    [4, ['open', 'open', 'call', 'call', 'call', 'call', 'call', 'call', 'close', 'pause', 'resume']],
    [5, ['recall', 'start', 'finish', 'finish', 'park', 'park', 'transferBack']],
    WAIT_MS,
  ),
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      desk: fc.nat(3),
      to: fc.nat(3),
      service: fc.nat(3),
      op: fc.constantFrom('forward', 'send', 'send'),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('parked' as const),
      desk: fc.nat(3),
      op: fc.constantFrom('toDesk', 'toQueue', 'noShow'),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'due' as const }) },
);

function toCommand(state: QueueState, a: Action): Command | null {
  switch (a.kind) {
    case 'move': {
      const deskId = DESKS[a.desk] as string;
      const ticketId = state.desks[deskId]?.current;
      if (!ticketId) return null;
      const serviceId = SERVICES[a.service] as string;
      if (a.op === 'forward')
        return { type: 'forward', deskId, staffId: staffOf(deskId), ticketId, serviceId, guestBookId: null };
      const toDeskId = DESKS[a.to] as string;
      const queues = DEFAULT_CONFIG.desks.find((d) => d.id === toDeskId)?.services ?? [];
      const queue = queues.length ? (queues[a.service % queues.length] as string) : 'front-office';
      return {
        type: 'sendToDesk',
        deskId,
        staffId: staffOf(deskId),
        ticketId,
        toDeskId,
        serviceId: queue,
        note: '',
      };
    }
    case 'parked': {
      const deskId = DESKS[a.desk] as string;
      const ticketId = state.desks[deskId]?.parked[0];
      if (!ticketId) return null;
      if (a.op === 'noShow') return { type: 'noShow', deskId, staffId: staffOf(deskId), ticketId };
      return {
        type: 'unpark',
        deskId,
        staffId: staffOf(deskId),
        ticketId,
        to: a.op === 'toDesk' ? 'desk' : 'queue',
      };
    }
    case 'due':
      return { type: 'applyDue' };
    default:
      return sharedCommand(state, a);
  }
}

/** Every ticket is in exactly one place, the one its status says. */
function checkOnePlace(state: QueueState) {
  const places = new Map<string, string[]>();
  const put = (id: string, where: string) => places.set(id, [...(places.get(id) ?? []), where]);
  for (const [queue, line] of Object.entries(state.lines))
    for (const id of [...line.priority, ...line.normal]) put(id, `line:${queue}`);
  for (const [deskId, desk] of Object.entries(state.desks)) {
    if (desk.current) put(desk.current, `desk:${deskId}`);
    for (const id of desk.parked) put(id, `parked:${deskId}`);
    for (const id of desk.sentHere) put(id, `sent:${deskId}`);
    if (desk.status === 'closed')
      expect(desk.sentHere, `${deskId} closed with tickets sent to it`).toEqual([]);
  }
  for (const ticket of state.tickets.values()) {
    const stage = currentStage(ticket);
    const where = places.get(ticket.id) ?? [];
    const status = ticketStatus(ticket);
    const expected =
      status === 'waiting'
        ? [stage.forDeskId ? `sent:${stage.forDeskId}` : `line:${stage.queue}`]
        : status === 'parked'
          ? [`parked:${stage.deskId}`]
          : status === 'called' || status === 'serving'
            ? [`desk:${stage.deskId}`]
            : [];
    expect({ id: ticket.id, status, where }).toEqual({ id: ticket.id, status, where: expected });
  }
  expectTallyCounted(state);
}

/** The calls the lobby was told of, newest first, whether each still stands, and each ticket's recalls. */
type LobbyModel = {
  calls: Array<{ key: string; ticketId: string; stands: boolean }>;
  recalls: Map<string, number>;
};

/**
 * The lobby, kept from the events alone (not from callStands): a call or recall stands until that
 * ticket's next park, move (forward, transfer, send, back), requeue, or call at a desk; a call back
 * from a park is a new call. The day's end clears the log; it keeps as many calls as the state's.
 */
function lobbyModelStep(model: LobbyModel, event: DomainEvent): void {
  const { calls, recalls } = model;
  if (event.type === 'day.ended') {
    calls.length = 0;
    return;
  }
  const withdraw = (ticketId: string) => {
    for (const call of calls) if (call.ticketId === ticketId) call.stands = false;
  };
  const push = (ticketId: string, deskId: string, at: number) => {
    const recall = recalls.get(ticketId) ?? 0;
    calls.unshift({ key: `${ticketId}@${deskId}@${at}#${recall}`, ticketId, stands: true });
    if (calls.length > CALL_LOG) calls.pop();
  };
  switch (event.type) {
    case 'ticket.called':
      withdraw(event.ticketId);
      recalls.set(event.ticketId, 0);
      push(event.ticketId, event.deskId, event.at);
      break;
    case 'ticket.recalled':
      recalls.set(event.ticketId, event.recalls);
      push(event.ticketId, event.deskId, event.at);
      break;
    case 'ticket.parked':
    case 'ticket.moved':
      withdraw(event.ticketId);
      break;
    case 'ticket.unparked':
      withdraw(event.ticketId);
      // Called back to the desk: announced again, with the recalls it had.
      if (event.to === 'desk') push(event.ticketId, event.deskId, event.at);
      break;
  }
}

/** The board (callViews, withdrawnCallViews) is the model's: shown what stands, withdrawn the rest. */
function checkLobby(state: QueueState, { calls }: LobbyModel) {
  const key = (c: { ticketId: string; deskId: string; at: number; recall: number }) =>
    `${c.ticketId}@${c.deskId}@${c.at}#${c.recall}`;
  expect({
    shown: callViews(state).map(key),
    withdrawn: withdrawnCallViews(state).map(key),
  }).toEqual({
    shown: calls
      .filter((c) => c.stands)
      .slice(0, LOBBY_CALLS)
      .map((c) => c.key),
    withdrawn: calls
      .filter((c) => !c.stands)
      .slice(0, LOBBY_CALLS)
      .map((c) => c.key),
  });
}

/** What the log says of each stage, replayed independently of evolve: the service time less parks. */
function serviceTimesFromLog(log: DomainEvent[]): Map<string, number> {
  type Open = {
    calledAt: number;
    startedAt: number | null;
    parkedAt: number | null;
    parks: Array<[number, number]>;
  };
  const open = new Map<string, Open>();
  const done = new Map<string, number>();
  let stageNo = new Map<string, number>();
  const key = (id: string) => `${id}#${stageNo.get(id) ?? 0}`;
  for (const e of log) {
    if (e.type === 'day.ended') {
      open.clear();
      stageNo = new Map();
      continue;
    }
    if (!('ticketId' in e)) continue;
    const o = open.get(e.ticketId);
    switch (e.type) {
      case 'ticket.called':
        open.set(e.ticketId, { calledAt: e.at, startedAt: null, parkedAt: null, parks: [] });
        break;
      case 'ticket.started':
        if (o) o.startedAt = e.at;
        break;
      case 'ticket.parked':
        if (o) o.parkedAt = e.at;
        break;
      case 'ticket.unparked':
      case 'ticket.no-show':
      case 'ticket.finished':
      case 'ticket.moved':
        if (o && o.parkedAt !== null) {
          o.parks.push([o.parkedAt, e.at]);
          o.parkedAt = null;
        }
        if (e.type === 'ticket.unparked' && e.to === 'desk') break;
        if (o && (e.type === 'ticket.finished' || e.type === 'ticket.moved')) {
          const from = o.startedAt ?? o.calledAt;
          const parked = o.parks.filter(([p]) => p >= from).reduce((sum, [p, q]) => sum + (q - p), 0);
          done.set(key(e.ticketId), e.at - from - parked);
        }
        open.delete(e.ticketId);
        if (e.type !== 'ticket.no-show') stageNo.set(e.ticketId, (stageNo.get(e.ticketId) ?? 0) + 1);
        break;
    }
  }
  return done;
}

function play(actions: Action[]) {
  const state = createState(CONFIG, T0);
  const log: DomainEvent[] = [];
  const statusBeforePark = new Map<string, string>();
  const lobby: LobbyModel = { calls: [], recalls: new Map() };
  /** Every stage of the run by ticket and index (a past day's too: its tickets leave the state). */
  const stagesSeen = new Map<string, Stage>();
  const openAll: Action[] = DESKS.map((_, desk) => ({ kind: 'desk', desk, op: 'open' }));
  // The clock's "visitor directly ahead", kept from the events alone: the stage each line and each
  // desk called last, and when each stage freed its desk (ended, or first parked).
  const lastCalledBy = new Map<string, string>();
  const freedAt = new Map<string, number>();
  const stageKey = (ticketId: string) =>
    `${ticketId}#${(state.tickets.get(ticketId)?.stages.length ?? 1) - 1}`;
  const expectedClockStart = (ref: string | undefined, enteredAt: number) => {
    if (ref === undefined) return enteredAt;
    const freed = freedAt.get(ref);
    return freed === undefined ? null : Math.max(enteredAt, freed);
  };
  playActions(
    state,
    [...openAll, ...actions],
    T0,
    (a) => toCommand(state, a),
    (events, command, now) => {
      const again: Action[] = [];
      for (const event of events) {
        if (event.type === 'ticket.called') {
          const ticket = state.tickets.get(event.ticketId);
          const stage = ticket && currentStage(ticket);
          expect(
            ticket && ticketStatus(ticket),
            'call-next calls only a waiting ticket, never a parked one',
          ).toBe('waiting');
          // Sent to a desk: only that desk calls it; a desk with tickets sent to it calls those first.
          if (stage?.forDeskId) expect(event.deskId).toBe(stage.forDeskId);
          const sentHere = state.desks[event.deskId]?.sentHere ?? [];
          if (sentHere.length > 0) expect(event.ticketId).toBe(sentHere[0]);
          // Clocks: never before entry, never after the call; the wait is what the clock says.
          if (event.clockStart !== null) {
            expect(event.clockStart).toBeGreaterThanOrEqual(stage?.enteredAt ?? 0);
            expect(event.clockStart).toBeLessThanOrEqual(event.at);
            expect(event.serviceWait).toBe(event.at - event.clockStart);
          } else expect(event.serviceWait).toBe(0);
          expect(event.withinTarget).toBe(event.serviceWait <= (stage?.targetMinutes ?? 0) * MINUTE);
          // A ticket sent to a desk waits on the visitor that desk called last; any other on its line's.
          const ref = stage?.forDeskId
            ? lastCalledBy.get(`desk:${event.deskId}`)
            : lastCalledBy.get(`line:${stage?.queue}`);
          expect(event.clockStart, 'the clock starts at the finish of the visitor directly ahead').toBe(
            expectedClockStart(ref, stage?.enteredAt ?? 0),
          );
          // A sent ticket's first call names exactly those of its queue waiting ahead of its place:
          // every priority ticket (it is not one), and in its own list everyone up to the last ticket
          // that entered before it was sent (one put back at the head is ahead whenever it entered).
          if (stage?.forDeskId && ticket) {
            const line = state.lines[stage.queue] ?? { priority: [], normal: [] };
            const own = ticket.priority ? line.priority : line.normal;
            const before = (id: string) =>
              currentStage(state.tickets.get(id) as Ticket).enteredAt <= stage.enteredAt;
            let cut = own.length;
            while (cut > 0 && !before(own[cut - 1] as string)) cut--;
            const ahead = [...(ticket.priority ? [] : line.priority), ...own.slice(0, cut)];
            expect(event.sent?.overtook).toEqual(ahead);
            expect(event.sent?.fromDeskId).toBe(ticket.stages.at(-2)?.deskId);
          } else expect(event.sent).toBeUndefined();
          lastCalledBy.set(`desk:${event.deskId}`, stageKey(event.ticketId));
          if (!stage?.forDeskId) lastCalledBy.set(`line:${stage?.queue}`, stageKey(event.ticketId));
        }
        const freeing =
          event.type === 'ticket.parked' ||
          event.type === 'ticket.finished' ||
          event.type === 'ticket.no-show' ||
          event.type === 'ticket.moved' ||
          event.type === 'ticket.cancelled' ||
          (event.type === 'ticket.unparked' && event.to === 'queue');
        if (freeing && !freedAt.has(stageKey(event.ticketId)))
          freedAt.set(stageKey(event.ticketId), event.at);
        if (event.type === 'ticket.unparked' && event.to === 'desk')
          lastCalledBy.set(`desk:${event.deskId}`, stageKey(event.ticketId));
        if (event.type === 'day.ended') lastCalledBy.clear();
        if (event.type === 'ticket.parked') {
          const ticket = state.tickets.get(event.ticketId);
          statusBeforePark.set(event.ticketId, ticket ? ticketStatus(ticket) : '?');
        }
        evolve(state, event);
        lobbyModelStep(lobby, event);
        log.push(event);
        if (
          (event.type === 'ticket.moved' && event.toHead) ||
          (event.type === 'ticket.unparked' && event.to === 'queue')
        ) {
          // At the head of its own list, it went ahead of everyone else waiting in that list (all came
          // before it: no appointments here), and of nobody in the other (priority tickets stay ahead).
          const ticket = state.tickets.get(event.ticketId) as Ticket;
          const line = state.lines[currentStage(ticket).queue] ?? { priority: [], normal: [] };
          const own = ticket.priority ? line.priority : line.normal;
          expect(own[0]).toBe(event.ticketId);
          expect(event.overtook).toEqual(own.slice(1));
        } else if (event.type === 'ticket.moved' || event.type === 'ticket.unparked')
          expect(event).not.toHaveProperty('overtook');
        if (event.type === 'ticket.unparked' && event.to === 'desk') {
          // Back at the desk as it was when parked: called stays called, serving stays serving.
          const ticket = state.tickets.get(event.ticketId);
          expect(ticket && ticketStatus(ticket)).toBe(statusBeforePark.get(event.ticketId));
          expect(state.desks[event.deskId]?.current).toBe(event.ticketId);
        }
        if (event.type === 'day.ended') again.push(...openAll);
      }
      if (command.type === 'applyDue') {
        // After the timer, nothing sent to a desk is past its time, and no old park is left unproposed.
        for (const desk of Object.values(state.desks)) {
          for (const id of desk.sentHere) {
            expect(currentStage(state.tickets.get(id) as never).forDeskUntil).toBeGreaterThan(now);
          }
          for (const id of desk.parked) {
            const stage = currentStage(state.tickets.get(id) as never) as Stage;
            if (now - (stage.parkedAt as number) >= DEFAULT_CONFIG.office.parkLimitMinutes * MINUTE)
              expect(stage.parkOverdueAt).not.toBeNull();
          }
        }
      }
      checkOnePlace(state);
      checkLobby(state, lobby);
      for (const ticket of state.tickets.values())
        ticket.stages.forEach((stage, i) => {
          stagesSeen.set(`${ticket.id}#${i}`, stage);
        });
      return again;
    },
  );
  return { state, log, stagesSeen };
}

describe('hold and send to a desk over random days', () => {
  const runs = Number(process.env.PROPERTY_RUNS ?? 100);
  const days = fc.array(action, { minLength: 50, maxLength: 300, size: 'max' });

  it('parked and sent tickets are in one place, called only as the rules say, come back as they were, and the lobby shows a call only while its ticket is at that desk', () => {
    fc.assert(
      fc.property(days, (actions) => {
        play(actions);
      }),
      { numRuns: runs },
    );
  });

  it('parked time is never service time: each served stage lasts its time at the desk less its parks', () => {
    fc.assert(
      fc.property(days, (actions) => {
        const { log, stagesSeen } = play(actions);
        const expected = serviceTimesFromLog(log);
        for (const [key, ms] of expected) {
          const stage = stagesSeen.get(key);
          if (!stage?.startedAt || stage.endedAt === null) continue;
          expect(stage.endedAt - stage.startedAt - stage.serviceParkedMs, key).toBe(ms);
          expect(ms).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: runs },
    );
  });

  it('numbers stay gap-free and the state rebuilt from the stored (JSON) events equals the live one', () => {
    fc.assert(
      fc.property(days, (actions) => {
        const { state, log } = play(actions);
        const seqs = new Map<string, number[]>();
        for (const e of log)
          if (e.type === 'ticket.issued')
            seqs.set(`${e.day}/${e.serviceId}`, [
              ...(seqs.get(`${e.day}/${e.serviceId}`) ?? []),
              Number(e.number.slice(2)),
            ]);
        for (const list of seqs.values()) expect(list).toEqual(list.map((_, i) => i + 1));
        const rebuilt = (JSON.parse(JSON.stringify(log)) as DomainEvent[]).reduce(
          evolve,
          createState(CONFIG, T0),
        );
        expect(rebuilt).toEqual(state);
      }),
      { numRuns: runs },
    );
  });

  it('a refused command changes nothing', () => {
    fc.assert(
      fc.property(
        fc.array(action, { minLength: 20, maxLength: 150, size: 'max' }),
        action,
        (actions, last) => {
          const { state } = play(actions);
          const command = toCommand(state, last);
          if (!command) return;
          const before = structuredClone(state);
          try {
            decide(state, command, T0 + 3 * 3600_000);
          } catch {
            /* refusals are expected */
          }
          expect(state).toEqual(before);
        },
      ),
      { numRuns: runs },
    );
  });
});
