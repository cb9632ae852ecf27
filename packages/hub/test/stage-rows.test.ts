import { join } from 'node:path';
import { type Command, DomainError, type DomainEvent, type Stage } from '@pst/queue-core';
import { CALL_REASONS } from '@pst/shared';
import { describe, expect, it } from 'vitest';
import { QueueRunner } from '../src/runner';
import { random } from '../src/seed';
import { Store } from '../src/storage/store';
import { MORNING, removeDir, tempDir } from '../src/testing';

/** A stage as its row in `stages` holds it. */
const row = (stage: Stage) => ({
  queue: stage.queue,
  entered_at: stage.enteredAt,
  target_minutes: stage.targetMinutes,
  called_at: stage.calledAt,
  desk_id: stage.deskId,
  staff_id: stage.staffId,
  recalls: stage.recalls,
  started_at: stage.startedAt,
  ended_at: stage.endedAt,
  outcome: stage.outcome,
  clock_start: stage.clockStart,
  service_wait: stage.serviceWait,
  within_target: stage.withinTarget === null ? null : Number(stage.withinTarget),
  note: stage.note,
  parked_at: stage.parkedAt,
  parked_ms: stage.parkedMs,
  service_parked_ms: stage.serviceParkedMs,
  for_desk_id: stage.forDeskId,
});

const DESKS = ['fo-1', 'konsultasi-1', 'konsultasi-2', 'perpustakaan-1'];
const SERVICES = ['konsultasi', 'perpustakaan', 'penjualan'];
const TICKET_OPS = [
  'recall',
  'noShow',
  'start',
  'finish',
  'park',
  'transferBack',
  'transfer',
  'sendToDesk',
  'forward',
] as const;

describe('stage rows', () => {
  // The store writes the stage before the current one only in the command that adds the current one
  // (store.ts writeTicket): every other command must leave nothing on disk behind the state.
  it('after every command of a busy day, every stage on disk is the stage in memory (moves, parks, calls in the same millisecond)', () => {
    const dir = tempDir();
    const store = new Store(join(dir, 'pst.sqlite'));
    let now = MORNING;
    const runner = new QueueRunner(store, () => now);
    const stagesOnDisk = store.db.prepare(
      `SELECT queue, entered_at, target_minutes, called_at, desk_id, staff_id, recalls, started_at, ended_at, outcome,
         clock_start, service_wait, within_target, note, parked_at, parked_ms, service_parked_ms, for_desk_id
       FROM stages WHERE ticket_id = ? ORDER BY idx`,
    );
    const next = random(18);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    const accepted = new Map<string, number>();
    const openDesks = () => {
      for (const deskId of DESKS)
        runner.execute({ type: 'openDesk', deskId, staffId: `s-${deskId}` }, 'test');
    };
    /** The next morning: the day ends (its open stages closed on disk only), the desks open again. */
    const crossMidnight = () => {
      const before = [...runner.state.tickets.values()].map((ticket) => ({
        id: ticket.id,
        rows: ticket.stages.map(row),
      }));
      now += 24 * 3600_000;
      expect(runner.execute({ type: 'endDay' }, 'test').map((event) => event.type)).toContain('day.ended');
      for (const { id, rows } of before) {
        const last = rows.at(-1);
        const closed =
          last?.outcome === null
            ? {
                ended_at: now,
                outcome: 'unserved',
                parked_at: null,
                parked_ms: expect.any(Number),
                service_parked_ms: expect.any(Number),
              }
            : {};
        expect(stagesOnDisk.all(id), `${id} after the day ended`).toEqual([
          ...rows.slice(0, -1),
          { ...last, ...closed },
        ]);
      }
      openDesks();
      accepted.set('endDay', (accepted.get('endDay') ?? 0) + 1);
    };
    try {
      openDesks();
      for (let step = 0; step < 2000; step++) {
        if (step % 500 === 499) {
          crossMidnight();
          continue;
        }
        // Often the same millisecond as the command before, as in one turn of a busy hub.
        now += next() < 0.3 ? 0 : Math.floor(next() * 90_000);
        const deskId = pick(DESKS);
        const staffId = `s-${deskId}`;
        const current = runner.state.desks[deskId]?.current ?? null;
        const parked = runner.state.desks[deskId]?.parked ?? [];
        const waiting = Object.values(runner.state.lines).flatMap((line) => [
          ...line.priority,
          ...line.normal,
        ]);
        const roll = next();
        let command: Command | null = null;
        if (roll < 0.22)
          command = { type: 'takeTicket', serviceId: pick(SERVICES), priority: next() < 0.1, source: 'k1' };
        else if (roll < 0.4) command = { type: 'callNext', deskId, staffId };
        else if (roll < 0.44 && parked[0])
          command = {
            type: 'unpark',
            to: next() < 0.5 ? 'desk' : 'queue',
            deskId,
            staffId,
            ticketId: parked[0],
          };
        else if (roll < 0.47 && waiting.length > 0)
          command = {
            type: 'callChosen',
            reason: pick(CALL_REASONS),
            note: '',
            deskId,
            staffId,
            ticketId: pick(waiting),
          };
        else if (roll < 0.49 && waiting.length > 0)
          command = { type: 'cancel', ticketId: pick(waiting), staffId, reason: 'pengunjung pulang' };
        else if (roll < 0.51) command = { type: 'applyDue' };
        else if (current) {
          const op = pick(TICKET_OPS);
          const ticket = { deskId, staffId, ticketId: current };
          if (op === 'transfer')
            command = { type: 'transfer', serviceId: pick(SERVICES), note: '', ...ticket };
          else if (op === 'sendToDesk')
            command = {
              type: 'sendToDesk',
              toDeskId: pick(DESKS),
              serviceId: pick(SERVICES),
              note: '',
              ...ticket,
            };
          else if (op === 'forward')
            command = {
              type: 'forward',
              serviceId: pick(SERVICES),
              guestBookId: next() < 0.5 ? null : `gb-${step}`,
              ...(next() < 0.3 ? { forDeskId: pick(DESKS) } : {}),
              ...ticket,
            };
          else command = { type: op, ...ticket };
        }
        if (!command) continue;
        let events: DomainEvent[];
        try {
          events = runner.execute(command, 'test');
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          continue;
        }
        accepted.set(command.type, (accepted.get(command.type) ?? 0) + 1);
        // The tickets the command touched each time; every ticket of the day now and then.
        const ids =
          step % 100 === 0
            ? [...runner.state.tickets.keys()]
            : events.flatMap((event) => ('ticketId' in event ? [event.ticketId] : []));
        for (const id of ids) {
          const stages = runner.state.tickets.get(id)?.stages ?? [];
          expect(stagesOnDisk.all(id), `${id} after ${command.type}`).toEqual(stages.map(row));
        }
      }
      // The day did move tickets between stages, in every way there is.
      for (const type of [
        'forward',
        'transfer',
        'transferBack',
        'sendToDesk',
        'park',
        'unpark',
        'callChosen',
        'cancel',
        'finish',
        'endDay',
      ])
        expect(accepted.get(type) ?? 0, type).toBeGreaterThan(3);
    } finally {
      store.close();
      removeDir(dir);
    }
  });
});
