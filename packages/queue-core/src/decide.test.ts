import { readFileSync } from 'node:fs';
import { ERROR_CODES, type ErrorCode, FRONT_OFFICE_QUEUE, transferTargets } from '@pst/shared';
import { describe, expect, it } from 'vitest';
import { decide } from './decide';
import { execute } from './index';
import {
  act,
  at,
  call,
  configWith,
  directConfig,
  errorCode,
  fixedNow,
  forward,
  MINUTE,
  newState,
  openDesk,
  serviceIn,
  staffOf,
  stageOf,
  take,
  ticketOf,
  transfer,
  wib,
} from './test-helpers';
import type { Command, QueueState } from './types';

const K1 = '20261125-K001';
const K2 = '20261125-K002';
const K3 = '20261125-K003';
const K_DESK = { deskId: 'konsultasi-1', staffId: staffOf('konsultasi-1') };
const FO_DESK = { deskId: 'fo-1', staffId: staffOf('fo-1') };

const takeCommand = (serviceId: string, priority = false, source = 'kiosk-1'): Command => ({
  type: 'takeTicket',
  serviceId,
  priority,
  source,
});

/** Calls and finishes `count` tickets at a desk, then checks nobody is left for it; returns the numbers in call order. */
function callAll(state: QueueState, deskId: string, count: number): string[] {
  const numbers = Array.from({ length: count }, (_, i) => {
    const ticketId = call(state, deskId, at(30 + 2 * i));
    act(state, 'finish', deskId, ticketId, at(31 + 2 * i));
    return ticketOf(state, ticketId).number;
  });
  const callNext: Command = { type: 'callNext', deskId, staffId: staffOf(deskId) };
  expect(errorCode(() => decide(state, callNext, at(99)))).toBe('QUEUE_EMPTY');
  return numbers;
}

/** Direct config (no front office), konsultasi-1 open, K-001 taken at 09:00 and called there at 09:01. */
function k1Called(config = directConfig()): QueueState {
  const state = newState(config);
  openDesk(state, 'konsultasi-1');
  take(state, 'konsultasi', at(0));
  call(state, 'konsultasi-1', at(1));
  return state;
}

function k1Serving(config = directConfig()): QueueState {
  const state = k1Called(config);
  act(state, 'start', 'konsultasi-1', K1, at(2));
  return state;
}

function k1Finished(): QueueState {
  const state = k1Serving();
  act(state, 'finish', 'konsultasi-1', K1, at(12));
  return state;
}

describe('ticket numbers', () => {
  it.each([
    ['konsultasi', 'K-001', '20261125-K001'],
    ['perpustakaan', 'P-001', '20261125-P001'],
    ['penjualan', 'J-001', '20261125-J001'],
    ['rekomendasi', 'R-001', '20261125-R001'],
  ])('the first %s ticket of the day is %s', (serviceId, number, ticketId) => {
    const state = newState();
    expect(decide(state, takeCommand(serviceId), fixedNow)).toEqual([
      {
        type: 'ticket.issued',
        at: fixedNow,
        ticketId,
        day: '2026-11-25',
        number,
        serviceId,
        priority: false,
        source: 'kiosk-1',
        queue: FRONT_OFFICE_QUEUE,
        targetMinutes: 10,
      },
    ]);
  });

  it('counts each service on its own, without gaps', () => {
    const state = newState();
    const services = [
      'konsultasi',
      'konsultasi',
      'perpustakaan',
      'konsultasi',
      'rekomendasi',
      'perpustakaan',
    ];
    const numbers = services.map((s, i) => ticketOf(state, take(state, s, at(i))).number);
    expect(numbers).toEqual(['K-001', 'K-002', 'P-001', 'K-003', 'R-001', 'P-002']);
  });

  it('pads to three digits: 9, 10, 100', () => {
    const state = newState();
    const numbers = Array.from(
      { length: 100 },
      (_, i) => ticketOf(state, take(state, 'konsultasi', at(i))).number,
    );
    expect([numbers[0], numbers[8], numbers[9], numbers[98], numbers[99]]).toEqual([
      'K-001',
      'K-009',
      'K-010',
      'K-099',
      'K-100',
    ]);
  });

  it('a cancelled ticket keeps its number; the next one follows it', () => {
    const state = newState();
    take(state, 'konsultasi', at(0));
    execute(state, { type: 'cancel', ticketId: K1, staffId: 'fo', reason: 'pulang' }, at(1));
    expect(ticketOf(state, take(state, 'konsultasi', at(2))).number).toBe('K-002');
  });

  it('marks priority and the kiosk that issued the ticket', () => {
    const state = newState();
    const [event] = decide(state, takeCommand('rekomendasi', true, 'kiosk-2'), fixedNow);
    expect(event).toMatchObject({ number: 'R-001', priority: true, source: 'kiosk-2' });
  });

  it.each([
    ['23:59:59.999 WIB is still 25 November', wib('23:59:59.999'), '2026-11-25', 'K-003'],
    ['00:00 WIB starts 26 November again at 001', wib('00:00', '2026-11-26'), '2026-11-26', 'K-001'],
    ['00:00:00.001 WIB the next day too', wib('00:00:00.001', '2026-11-26'), '2026-11-26', 'K-001'],
  ])('%s', (_, now, day, number) => {
    const state = newState();
    take(state, 'konsultasi', wib('09:00'));
    take(state, 'konsultasi', wib('15:00'));
    const issued = decide(state, takeCommand('konsultasi'), now).find((e) => e.type === 'ticket.issued');
    expect(issued).toMatchObject({
      day,
      number,
      ticketId: `${day.replaceAll('-', '')}-${number.replace('-', '')}`,
    });
  });

  it('midnight UTC (07:00 WIB) is not a day boundary', () => {
    const state = newState(configWith(), wib('06:30'));
    take(state, 'konsultasi', wib('06:30'));
    const events = decide(state, takeCommand('konsultasi'), wib('07:00'));
    expect(wib('07:00')).toBe(Date.UTC(2026, 10, 25, 0, 0));
    expect(events.map((e) => e.type)).toEqual(['ticket.issued']);
    expect(events[0]).toMatchObject({ day: '2026-11-25', number: 'K-002' });
  });

  it.each([
    [true, FRONT_OFFICE_QUEUE, 5],
    [false, 'konsultasi', 15],
  ])(
    'with frontOfficeFirst=%s the ticket first waits in %s, target %i min',
    (frontOfficeFirst, queue, target) => {
      const config = configWith((c) => {
        c.office.frontOfficeFirst = frontOfficeFirst;
        c.office.frontOfficeTargetMinutes = 5;
        serviceIn(c, 'konsultasi').targetMinutes = 15;
      });
      const [event] = decide(newState(config), takeCommand('konsultasi'), fixedNow);
      expect(event).toMatchObject({ queue, targetMinutes: target });
    },
  );
});

describe('call order', () => {
  it('calls priority tickets first, then in issue order', () => {
    const state = newState(directConfig());
    openDesk(state, 'konsultasi-1');
    take(state, 'konsultasi', at(0));
    take(state, 'konsultasi', at(1));
    take(state, 'konsultasi', at(2), true);
    take(state, 'konsultasi', at(3));
    take(state, 'konsultasi', at(4), true);
    expect(callAll(state, 'konsultasi-1', 5)).toEqual(['K-003', 'K-005', 'K-001', 'K-002', 'K-004']);
  });

  it.each([
    [
      ['konsultasi', 'rekomendasi'],
      ['K-001', 'K-002', 'R-002', 'R-001'],
    ],
    [
      ['rekomendasi', 'konsultasi'],
      ['R-002', 'R-001', 'K-001', 'K-002'],
    ],
    [['rekomendasi'], ['R-002', 'R-001']],
  ])(
    'a desk serving %j calls in that order of services, each by priority then time',
    (services, expected) => {
      const state = newState(
        directConfig((c) => {
          const desk = c.desks.find((d) => d.id === 'konsultasi-1');
          if (desk) desk.services = services;
        }),
      );
      openDesk(state, 'konsultasi-1');
      take(state, 'rekomendasi', at(0));
      take(state, 'rekomendasi', at(1), true);
      take(state, 'konsultasi', at(5));
      take(state, 'konsultasi', at(6));
      expect(callAll(state, 'konsultasi-1', expected.length)).toEqual(expected);
    },
  );

  it('the front office calls every service from its one line', () => {
    const state = newState();
    openDesk(state, 'fo-1');
    take(state, 'konsultasi', at(0));
    take(state, 'perpustakaan', at(1));
    take(state, 'rekomendasi', at(2), true);
    take(state, 'penjualan', at(3));
    expect(callAll(state, 'fo-1', 4)).toEqual(['R-001', 'K-001', 'P-001', 'J-001']);
  });

  it('a call names the desk and the staff member and fixes the clock', () => {
    const state = newState(directConfig());
    openDesk(state, 'konsultasi-1');
    take(state, 'konsultasi', at(0));
    expect(decide(state, { type: 'callNext', ...K_DESK }, at(4))).toEqual([
      {
        type: 'ticket.called',
        at: at(4),
        ticketId: K1,
        deskId: 'konsultasi-1',
        staffId: 'staff-konsultasi-1',
        clockStart: at(0),
        serviceWait: 4 * MINUTE,
        withinTarget: true,
      },
    ]);
  });

  it('decide leaves the state as it was, even when it accepts a command', () => {
    const state = newState(directConfig());
    openDesk(state, 'konsultasi-1');
    take(state, 'konsultasi', at(0));
    const before = structuredClone(state);
    decide(state, { type: 'callNext', ...K_DESK }, at(4));
    expect(state).toEqual(before);
  });
});

describe('recall and no-show', () => {
  it('counts each recall from 1', () => {
    const state = k1Called();
    const recalls = [2, 3, 4].map((minute) =>
      execute(state, { type: 'recall', ...K_DESK, ticketId: K1 }, at(minute)),
    );
    expect(recalls).toEqual([
      [{ type: 'ticket.recalled', at: at(2), ticketId: K1, deskId: 'konsultasi-1', recalls: 1 }],
      [{ type: 'ticket.recalled', at: at(3), ticketId: K1, deskId: 'konsultasi-1', recalls: 2 }],
      [{ type: 'ticket.recalled', at: at(4), ticketId: K1, deskId: 'konsultasi-1', recalls: 3 }],
    ]);
  });

  it.each([1, 2, 3])('no-show is accepted after %i recall(s)', (recalls) => {
    const state = k1Called();
    for (let i = 0; i < recalls; i++) act(state, 'recall', 'konsultasi-1', K1, at(2 + i));
    expect(decide(state, { type: 'noShow', ...K_DESK, ticketId: K1 }, at(9))).toEqual([
      { type: 'ticket.no-show', at: at(9), ticketId: K1, deskId: 'konsultasi-1' },
    ]);
  });

  it('no-show is refused before the first recall', () => {
    const state = k1Called();
    expect(errorCode(() => decide(state, { type: 'noShow', ...K_DESK, ticketId: K1 }, at(9)))).toBe(
      'RECALL_FIRST',
    );
  });
});

describe('start, finish, transfer', () => {
  it('starts a called ticket and finishes it', () => {
    const state = k1Called();
    expect(execute(state, { type: 'start', ...K_DESK, ticketId: K1 }, at(2))).toEqual([
      { type: 'ticket.started', at: at(2), ticketId: K1, deskId: 'konsultasi-1' },
    ]);
    expect(execute(state, { type: 'finish', ...K_DESK, ticketId: K1 }, at(20))).toEqual([
      { type: 'ticket.finished', at: at(20), ticketId: K1, deskId: 'konsultasi-1' },
    ]);
  });

  it('finishes a called ticket that was never started', () => {
    const state = k1Called();
    expect(decide(state, { type: 'finish', ...K_DESK, ticketId: K1 }, at(5))).toEqual([
      { type: 'ticket.finished', at: at(5), ticketId: K1, deskId: 'konsultasi-1' },
    ]);
  });

  it('a transfer moves the ticket to the other service with its target and the note', () => {
    const state = k1Serving(directConfig((c) => (serviceIn(c, 'rekomendasi').targetMinutes = 20)));
    const command: Command = {
      type: 'transfer',
      ...K_DESK,
      ticketId: K1,
      serviceId: 'rekomendasi',
      note: 'butuh surat rekomendasi',
    };
    expect(decide(state, command, at(15))).toEqual([
      {
        type: 'ticket.moved',
        at: at(15),
        ticketId: K1,
        deskId: 'konsultasi-1',
        kind: 'transferred',
        toQueue: 'rekomendasi',
        note: 'butuh surat rekomendasi',
        targetMinutes: 20,
      },
    ]);
  });

  it('a transferred ticket keeps its number and is called by a desk of the new service', () => {
    const state = k1Serving();
    transfer(state, 'konsultasi-1', K1, 'perpustakaan', at(15), 'pinjam publikasi');
    openDesk(state, 'perpustakaan-1', at(15));
    expect(call(state, 'perpustakaan-1', at(16))).toBe(K1);
    const ticket = ticketOf(state, K1);
    expect(ticket.number).toBe('K-001');
    expect(ticket.stages.map((s) => [s.queue, s.outcome])).toEqual([
      ['konsultasi', 'transferred'],
      ['perpustakaan', null],
    ]);
  });

  it('cancels a waiting or a called ticket, with the reason', () => {
    const state = newState(directConfig());
    openDesk(state, 'konsultasi-1');
    take(state, 'konsultasi', at(0));
    take(state, 'konsultasi', at(1));
    call(state, 'konsultasi-1', at(2));
    for (const ticketId of [K1, K2]) {
      expect(decide(state, { type: 'cancel', ticketId, staffId: 'spv', reason: 'pulang' }, at(3))).toEqual([
        { type: 'ticket.cancelled', at: at(3), ticketId, staffId: 'spv', reason: 'pulang' },
      ]);
    }
  });

  it('attaches the rating of a visit finished at the desk', () => {
    const state = k1Finished();
    const command: Command = {
      type: 'attachRating',
      ticketId: K1,
      deskId: 'konsultasi-1',
      ratingId: 'ikm-7',
    };
    expect(decide(state, command, at(13))).toEqual([
      { type: 'rating.attached', at: at(13), ticketId: K1, ratingId: 'ikm-7' },
    ]);
  });
});

describe('front office', () => {
  it('calls, forwards with the guest book, and the service desk calls the same number', () => {
    const state = newState();
    openDesk(state, 'fo-1');
    openDesk(state, 'konsultasi-1');
    take(state, 'konsultasi', at(0));
    expect(errorCode(() => decide(state, { type: 'callNext', ...K_DESK }, at(1)))).toBe('QUEUE_EMPTY');
    expect(call(state, 'fo-1', at(1))).toBe(K1);
    const command: Command = {
      type: 'forward',
      ...FO_DESK,
      ticketId: K1,
      serviceId: 'konsultasi',
      guestBookId: 'gb-1',
    };
    expect(execute(state, command, at(4))).toEqual([
      { type: 'guestbook.attached', at: at(4), ticketId: K1, guestBookId: 'gb-1' },
      {
        type: 'ticket.moved',
        at: at(4),
        ticketId: K1,
        deskId: 'fo-1',
        kind: 'forwarded',
        toQueue: 'konsultasi',
        note: '',
        targetMinutes: 10,
      },
    ]);
    expect(call(state, 'konsultasi-1', at(5))).toBe(K1);
    const ticket = ticketOf(state, K1);
    expect([ticket.number, ticket.guestBookId, ticket.stages.map((s) => s.queue)]).toEqual([
      'K-001',
      'gb-1',
      [FRONT_OFFICE_QUEUE, 'konsultasi'],
    ]);
  });

  it('may change the service the visitor picked at the kiosk', () => {
    const state = newState();
    openDesk(state, 'fo-1');
    openDesk(state, 'perpustakaan-1');
    take(state, 'konsultasi', at(0));
    call(state, 'fo-1', at(1));
    forward(state, K1, 'perpustakaan', at(3));
    expect(call(state, 'perpustakaan-1', at(4))).toBe(K1);
    expect(ticketOf(state, K1)).toMatchObject({
      number: 'K-001',
      serviceId: 'konsultasi',
      guestBookId: null,
    });
    expect(stageOf(state, K1).queue).toBe('perpustakaan');
  });

  it('a forward without a guest book is only the move', () => {
    const state = newState();
    openDesk(state, 'fo-1');
    take(state, 'konsultasi', at(0));
    call(state, 'fo-1', at(1));
    const command: Command = {
      type: 'forward',
      ...FO_DESK,
      ticketId: K1,
      serviceId: 'konsultasi',
      guestBookId: null,
    };
    expect(decide(state, command, at(3)).map((e) => e.type)).toEqual(['ticket.moved']);
  });

  it('with a desk chosen, the guest book sends the ticket to that desk by the send-to-desk rule', () => {
    const state = newState();
    openDesk(state, 'fo-1');
    openDesk(state, 'konsultasi-1');
    openDesk(state, 'konsultasi-2');
    take(state, 'konsultasi', at(0));
    take(state, 'konsultasi', at(0.5));
    call(state, 'fo-1', at(1));
    const command: Command = {
      type: 'forward',
      ...FO_DESK,
      ticketId: K1,
      serviceId: 'konsultasi',
      guestBookId: 'gb-1',
      forDeskId: 'konsultasi-2',
    };
    expect(execute(state, command, at(4))).toEqual([
      { type: 'guestbook.attached', at: at(4), ticketId: K1, guestBookId: 'gb-1' },
      {
        type: 'ticket.moved',
        at: at(4),
        ticketId: K1,
        deskId: 'fo-1',
        kind: 'forwarded',
        toQueue: 'konsultasi',
        note: '',
        targetMinutes: 10,
        // The office's sent-to-desk fall-back (default 5 minutes), as `ticket:send-to-desk`.
        forDesk: { deskId: 'konsultasi-2', until: at(9), staffId: staffOf('fo-1'), via: 'guest-book' },
      },
    ]);
    expect(state.desks['konsultasi-2']?.sentHere).toEqual([K1]);
    // Only that desk calls it; konsultasi-1 gets nobody (K-002 still waits at the front office).
    expect(errorCode(() => call(state, 'konsultasi-1', at(5)))).toBe('QUEUE_EMPTY');
    expect(call(state, 'konsultasi-2', at(5))).toBe(K1);
  });

  it('with a desk chosen, refuses a closed desk or one not serving that queue, and writes nothing', () => {
    const state = newState();
    openDesk(state, 'fo-1');
    openDesk(state, 'perpustakaan-1');
    take(state, 'konsultasi', at(0));
    call(state, 'fo-1', at(1));
    const toDesk = (forDeskId: string): Command => ({
      type: 'forward',
      ...FO_DESK,
      ticketId: K1,
      serviceId: 'konsultasi',
      guestBookId: 'gb-1',
      forDeskId,
    });
    expect(errorCode(() => decide(state, toDesk('konsultasi-2'), at(2)))).toBe('DESK_NOT_OPEN');
    expect(errorCode(() => decide(state, toDesk('perpustakaan-1'), at(2)))).toBe('DESK_NOT_SERVING');
    expect(errorCode(() => decide(state, toDesk('fo-1'), at(2)))).toBe('SAME_DESK');
    expect(errorCode(() => decide(state, toDesk('meja-x'), at(2)))).toBe('UNKNOWN_DESK');
    expect([stageOf(state, K1).queue, ticketOf(state, K1).guestBookId]).toEqual([FRONT_OFFICE_QUEUE, null]);
  });

  it('attaches a guest book entry to the ticket at the front office desk', () => {
    const state = newState();
    openDesk(state, 'fo-1');
    take(state, 'konsultasi', at(0));
    call(state, 'fo-1', at(1));
    const command: Command = { type: 'attachGuestBook', ...FO_DESK, ticketId: K1, guestBookId: 'gb-9' };
    expect(decide(state, command, at(2))).toEqual([
      { type: 'guestbook.attached', at: at(2), ticketId: K1, guestBookId: 'gb-9' },
    ]);
  });
});

describe('opening, pausing and closing a desk', () => {
  type DeskOp = 'openDesk' | 'pauseDesk' | 'resumeDesk' | 'closeDesk';
  it.each<[string, DeskOp[], DeskOp, string | null]>([
    ['opens a closed desk', [], 'openDesk', 'desk.opened'],
    ['opening an open desk again does nothing', ['openDesk'], 'openDesk', null],
    ['pauses an open desk', ['openDesk'], 'pauseDesk', 'desk.paused'],
    ['pausing a paused desk does nothing', ['openDesk', 'pauseDesk'], 'pauseDesk', null],
    ['resumes a paused desk', ['openDesk', 'pauseDesk'], 'resumeDesk', 'desk.resumed'],
    ['resuming an open desk does nothing', ['openDesk'], 'resumeDesk', null],
    ['opening a paused desk reopens it', ['openDesk', 'pauseDesk'], 'openDesk', 'desk.opened'],
    ['closes an open desk', ['openDesk'], 'closeDesk', 'desk.closed'],
    ['closes a paused desk', ['openDesk', 'pauseDesk'], 'closeDesk', 'desk.closed'],
  ])('%s', (_, before, op, expected) => {
    const state = newState();
    for (const type of before) execute(state, { type, ...K_DESK }, at(0));
    const events = decide(state, { type: op, ...K_DESK }, at(1));
    expect(events).toEqual(
      expected ? [{ type: expected, at: at(1), deskId: 'konsultasi-1', staffId: 'staff-konsultasi-1' }] : [],
    );
  });

  it('a closed desk can be opened by another staff member', () => {
    const state = newState();
    openDesk(state, 'konsultasi-1', at(0));
    execute(state, { type: 'closeDesk', ...K_DESK }, at(1));
    expect(decide(state, { type: 'openDesk', deskId: 'konsultasi-1', staffId: 'budi' }, at(2))).toEqual([
      { type: 'desk.opened', at: at(2), deskId: 'konsultasi-1', staffId: 'budi' },
    ]);
  });
});

describe('configuration', () => {
  it('emits the new config', () => {
    const state = newState();
    const config = configWith((c) => (c.office.runningText = 'Libur nasional besok'));
    expect(decide(state, { type: 'configure', config }, at(1))).toEqual([
      { type: 'config.changed', at: at(1), config },
    ]);
  });
});

describe('a new office day', () => {
  it('the first command after WIB midnight ends the day: open tickets are unserved, finished ones are not', () => {
    const state = k1Finished();
    take(state, 'konsultasi', at(20));
    take(state, 'konsultasi', at(21));
    call(state, 'konsultasi-1', at(22));
    const midnight = wib('00:00', '2026-11-26');
    const events = decide(state, takeCommand('perpustakaan'), midnight);
    expect(events[0]).toEqual({ type: 'day.ended', at: midnight, day: '2026-11-25', unserved: [K2, K3] });
    expect(events[1]).toMatchObject({ type: 'ticket.issued', day: '2026-11-26', number: 'P-001' });
  });

  it.each([
    ['the same day does nothing', wib('23:59'), []],
    ['after midnight ends the day', wib('00:01', '2026-11-26'), ['day.ended']],
  ])('endDay on %s', (_, now, types) => {
    const state = newState();
    take(state, 'konsultasi', at(0));
    expect(decide(state, { type: 'endDay' }, now).map((e) => e.type)).toEqual(types);
  });

  it('a desk held yesterday by one staff member can be opened today by another', () => {
    const state = newState();
    openDesk(state, 'konsultasi-1', wib('08:00'));
    const now = wib('08:00', '2026-11-26');
    expect(decide(state, { type: 'openDesk', deskId: 'konsultasi-1', staffId: 'budi' }, now)).toEqual([
      { type: 'day.ended', at: now, day: '2026-11-25', unserved: [] },
      { type: 'desk.opened', at: now, deskId: 'konsultasi-1', staffId: 'budi' },
    ]);
  });

  it('a new config is taken on a new day even when it drops a desk that was busy yesterday', () => {
    const state = k1Called();
    const config = directConfig((c) => (c.desks = c.desks.filter((d) => d.id !== 'konsultasi-1')));
    const now = wib('08:00', '2026-11-26');
    expect(decide(state, { type: 'configure', config }, now).map((e) => e.type)).toEqual([
      'day.ended',
      'config.changed',
    ]);
  });
});

interface Refusal {
  code: ErrorCode;
  when: string;
  arrange: () => QueueState;
  command: Command;
  now?: number;
}

const NEXT_DAY = wib('08:00', '2026-11-26');
const withoutPenjualan = directConfig((c) => {
  c.services = c.services.filter((s) => s.id !== 'penjualan');
  for (const desk of c.desks) desk.services = desk.services.filter((s) => s !== 'penjualan');
});

const refusals: Refusal[] = [
  {
    code: 'UNKNOWN_SERVICE',
    when: 'a ticket for a service that does not exist',
    arrange: () => newState(),
    command: takeCommand('survei'),
  },
  {
    code: 'UNKNOWN_SERVICE',
    when: 'a transfer to a service that does not exist',
    arrange: () => k1Serving(),
    command: { type: 'transfer', ...K_DESK, ticketId: K1, serviceId: 'survei', note: '' },
  },
  {
    code: 'SERVICE_INACTIVE',
    when: 'a ticket for an inactive service',
    arrange: () => newState(configWith((c) => (serviceIn(c, 'penjualan').active = false))),
    command: takeCommand('penjualan'),
  },
  {
    code: 'SERVICE_INACTIVE',
    when: 'a transfer to an inactive service',
    arrange: () => k1Serving(directConfig((c) => (serviceIn(c, 'penjualan').active = false))),
    command: { type: 'transfer', ...K_DESK, ticketId: K1, serviceId: 'penjualan', note: '' },
  },
  {
    code: 'UNKNOWN_DESK',
    when: 'opening a desk that does not exist',
    arrange: () => newState(),
    command: { type: 'openDesk', deskId: 'meja-9', staffId: 'budi' },
  },
  {
    code: 'UNKNOWN_DESK',
    when: 'calling at a desk that does not exist',
    arrange: () => newState(),
    command: { type: 'callNext', deskId: 'meja-9', staffId: 'budi' },
  },
  {
    code: 'DESK_NOT_OPEN',
    when: 'calling at a closed desk',
    arrange: () => {
      const state = newState(directConfig());
      take(state, 'konsultasi', at(0));
      return state;
    },
    command: { type: 'callNext', ...K_DESK },
  },
  {
    code: 'DESK_NOT_OPEN',
    when: 'calling at a paused desk',
    arrange: () => {
      const state = newState(directConfig());
      openDesk(state, 'konsultasi-1');
      execute(state, { type: 'pauseDesk', ...K_DESK }, at(1));
      take(state, 'konsultasi', at(2));
      return state;
    },
    command: { type: 'callNext', ...K_DESK },
  },
  {
    code: 'DESK_NOT_OPEN',
    when: 'resuming a closed desk',
    arrange: () => newState(),
    command: { type: 'resumeDesk', ...K_DESK },
  },
  {
    code: 'DESK_NOT_OPEN',
    when: 'calling after midnight at a desk opened yesterday',
    arrange: () => {
      const state = newState(directConfig());
      openDesk(state, 'konsultasi-1');
      take(state, 'konsultasi', at(0));
      return state;
    },
    command: { type: 'callNext', ...K_DESK },
    now: NEXT_DAY,
  },
  {
    code: 'DESK_IN_USE',
    when: 'opening a desk another staff member holds',
    arrange: () => {
      const state = newState();
      openDesk(state, 'konsultasi-1');
      return state;
    },
    command: { type: 'openDesk', deskId: 'konsultasi-1', staffId: 'budi' },
  },
  {
    code: 'DESK_IN_USE',
    when: 'opening a desk another staff member has paused',
    arrange: () => {
      const state = newState();
      openDesk(state, 'konsultasi-1');
      execute(state, { type: 'pauseDesk', ...K_DESK }, at(1));
      return state;
    },
    command: { type: 'openDesk', deskId: 'konsultasi-1', staffId: 'budi' },
  },
  {
    code: 'DESK_IN_USE',
    when: 'calling at a desk another staff member holds',
    arrange: () => {
      const state = newState(directConfig());
      openDesk(state, 'konsultasi-1');
      take(state, 'konsultasi', at(0));
      return state;
    },
    command: { type: 'callNext', deskId: 'konsultasi-1', staffId: 'budi' },
  },
  {
    code: 'DESK_BUSY',
    when: 'calling while a ticket is at the desk',
    arrange: () => {
      const state = k1Called();
      take(state, 'konsultasi', at(2));
      return state;
    },
    command: { type: 'callNext', ...K_DESK },
  },
  {
    code: 'DESK_BUSY',
    when: 'pausing while a ticket is at the desk',
    arrange: () => k1Serving(),
    command: { type: 'pauseDesk', ...K_DESK },
  },
  {
    code: 'DESK_BUSY',
    when: 'closing while a ticket is at the desk',
    arrange: () => k1Called(),
    command: { type: 'closeDesk', ...K_DESK },
  },
  {
    code: 'DESK_BUSY',
    when: 'a config that drops a desk while a ticket is at it',
    arrange: () => k1Called(),
    command: {
      type: 'configure',
      config: directConfig((c) => (c.desks = c.desks.filter((d) => d.id !== 'konsultasi-1'))),
    },
  },
  {
    code: 'NOT_WAITING_HERE',
    when: 'a chosen call of a ticket waiting in a queue the desk does not serve',
    arrange: () => {
      const state = newState(directConfig());
      openDesk(state, 'konsultasi-1');
      take(state, 'perpustakaan', at(0));
      return state;
    },
    command: { type: 'callChosen', ...K_DESK, ticketId: '20261125-P001', reason: 'janji-temu', note: '' },
  },
  {
    code: 'NOT_WAITING_HERE',
    when: 'a chosen call of a ticket already called',
    arrange: () => {
      const state = k1Called();
      openDesk(state, 'konsultasi-2');
      return state;
    },
    command: {
      type: 'callChosen',
      deskId: 'konsultasi-2',
      staffId: staffOf('konsultasi-2'),
      ticketId: K1,
      reason: 'dokumen-siap',
      note: '',
    },
  },
  {
    code: 'QUEUE_EMPTY',
    when: 'calling when nobody waits',
    arrange: () => {
      const state = newState(directConfig());
      openDesk(state, 'konsultasi-1');
      return state;
    },
    command: { type: 'callNext', ...K_DESK },
  },
  {
    code: 'QUEUE_EMPTY',
    when: 'calling when people wait only in services the desk does not serve',
    arrange: () => {
      const state = newState(directConfig());
      openDesk(state, 'konsultasi-1');
      take(state, 'perpustakaan', at(0));
      take(state, 'penjualan', at(1), true);
      return state;
    },
    command: { type: 'callNext', ...K_DESK },
  },
  {
    code: 'UNKNOWN_TICKET',
    when: 'recalling a ticket that does not exist',
    arrange: () => k1Called(),
    command: { type: 'recall', ...K_DESK, ticketId: '20261125-K999' },
  },
  {
    code: 'UNKNOWN_TICKET',
    when: 'cancelling a ticket that does not exist',
    arrange: () => newState(),
    command: { type: 'cancel', ticketId: K1, staffId: 'spv', reason: '' },
  },
  {
    code: 'UNKNOWN_TICKET',
    when: 'rating a ticket that does not exist',
    arrange: () => newState(),
    command: { type: 'attachRating', ticketId: K1, deskId: 'konsultasi-1', ratingId: 'ikm-1' },
  },
  {
    code: 'UNKNOWN_TICKET',
    when: "recalling yesterday's ticket after midnight",
    arrange: () => k1Called(),
    command: { type: 'recall', ...K_DESK, ticketId: K1 },
    now: NEXT_DAY,
  },
  {
    code: 'TICKET_NOT_AT_DESK',
    when: 'starting a ticket called at another desk',
    arrange: () => {
      const state = k1Called();
      openDesk(state, 'konsultasi-2');
      return state;
    },
    command: { type: 'start', deskId: 'konsultasi-2', staffId: staffOf('konsultasi-2'), ticketId: K1 },
  },
  {
    code: 'TICKET_NOT_AT_DESK',
    when: 'finishing a ticket that still waits',
    arrange: () => {
      const state = k1Called();
      take(state, 'konsultasi', at(2));
      return state;
    },
    command: { type: 'finish', ...K_DESK, ticketId: K2 },
  },
  {
    code: 'TICKET_NOT_AT_DESK',
    when: 'rating from the tablet of a desk that did not serve the visit',
    arrange: () => k1Finished(),
    command: { type: 'attachRating', ticketId: K1, deskId: 'konsultasi-2', ratingId: 'ikm-1' },
  },
  {
    code: 'INVALID_TRANSITION',
    when: 'recalling a ticket being served',
    arrange: () => k1Serving(),
    command: { type: 'recall', ...K_DESK, ticketId: K1 },
  },
  {
    code: 'INVALID_TRANSITION',
    when: 'marking a no-show for a ticket being served',
    arrange: () => {
      const state = k1Called();
      act(state, 'recall', 'konsultasi-1', K1, at(2));
      act(state, 'start', 'konsultasi-1', K1, at(3));
      return state;
    },
    command: { type: 'noShow', ...K_DESK, ticketId: K1 },
  },
  {
    code: 'INVALID_TRANSITION',
    when: 'starting a ticket twice',
    arrange: () => k1Serving(),
    command: { type: 'start', ...K_DESK, ticketId: K1 },
  },
  {
    code: 'INVALID_TRANSITION',
    when: 'cancelling a ticket being served',
    arrange: () => k1Serving(),
    command: { type: 'cancel', ticketId: K1, staffId: 'spv', reason: '' },
  },
  {
    code: 'INVALID_TRANSITION',
    when: 'cancelling a finished ticket',
    arrange: () => k1Finished(),
    command: { type: 'cancel', ticketId: K1, staffId: 'spv', reason: '' },
  },
  {
    code: 'INVALID_TRANSITION',
    when: 'a config that drops a service people still wait for',
    arrange: () => {
      const state = newState(directConfig());
      take(state, 'penjualan', at(0));
      return state;
    },
    command: { type: 'configure', config: withoutPenjualan },
  },
  {
    code: 'RECALL_FIRST',
    when: 'a no-show before any recall',
    arrange: () => k1Called(),
    command: { type: 'noShow', ...K_DESK, ticketId: K1 },
  },
  {
    code: 'SAME_QUEUE',
    when: 'a transfer to the service the ticket is already in',
    arrange: () => k1Serving(),
    command: { type: 'transfer', ...K_DESK, ticketId: K1, serviceId: 'konsultasi', note: '' },
  },
  {
    code: 'NOT_FINISHED',
    when: 'rating a visit still being served',
    arrange: () => k1Serving(),
    command: { type: 'attachRating', ticketId: K1, deskId: 'konsultasi-1', ratingId: 'ikm-1' },
  },
  {
    code: 'NOT_FINISHED',
    when: 'rating a no-show',
    arrange: () => {
      const state = k1Called();
      act(state, 'recall', 'konsultasi-1', K1, at(2));
      act(state, 'noShow', 'konsultasi-1', K1, at(3));
      return state;
    },
    command: { type: 'attachRating', ticketId: K1, deskId: 'konsultasi-1', ratingId: 'ikm-1' },
  },
  {
    code: 'ALREADY_RATED',
    when: 'rating a visit twice',
    arrange: () => {
      const state = k1Finished();
      execute(
        state,
        { type: 'attachRating', ticketId: K1, deskId: 'konsultasi-1', ratingId: 'ikm-1' },
        at(13),
      );
      return state;
    },
    command: { type: 'attachRating', ticketId: K1, deskId: 'konsultasi-1', ratingId: 'ikm-2' },
  },
  {
    code: 'NOT_FRONT_OFFICE',
    when: 'a forward from a service desk',
    arrange: () => k1Serving(),
    command: { type: 'forward', ...K_DESK, ticketId: K1, serviceId: 'perpustakaan', guestBookId: null },
  },
  {
    code: 'NOT_FRONT_OFFICE',
    when: 'a guest book attached at a service desk',
    arrange: () => k1Serving(),
    command: { type: 'attachGuestBook', ...K_DESK, ticketId: K1, guestBookId: 'gb-1' },
  },
  // hold and send to a desk (issue 20, part 2): its own refusals are in desk-park.test.ts
  {
    code: 'DESK_HAS_PARKED',
    when: 'closing a desk that holds a parked ticket',
    arrange: () => {
      const state = k1Serving();
      execute(state, { type: 'park', ...K_DESK, ticketId: K1 }, at(3));
      return state;
    },
    command: { type: 'closeDesk', ...K_DESK },
  },
];

describe('refusals', () => {
  it.each(refusals.map((r) => [`${r.code}: ${r.when}`, r] as const))(
    '%s',
    (_, { code, arrange, command, now }) => {
      const state = arrange();
      const before = structuredClone(state);
      expect(errorCode(() => decide(state, command, now ?? at(30)))).toBe(code);
      expect(state).toEqual(before);
    },
  );

  it('every error code decide and its lookups can raise has a test above', () => {
    // decide.ts and its lookups (with shared's openService); desk-park.ts's own refusals are tested
    // in desk-park.test.ts.
    const source = ['./decide.ts', './lookups.ts', '../../shared/src/rules.ts']
      .map((file) => readFileSync(new URL(file, import.meta.url), 'utf8'))
      .join('\n');
    const raised = new Set(
      [...source.matchAll(/'([A-Z_]+)'/g)]
        .map((m) => m[1])
        .filter((c) => ERROR_CODES.includes(c as ErrorCode)),
    );
    expect(raised.size).toBeGreaterThan(10);
    expect([...new Set(refusals.map((r) => r.code))].sort()).toEqual([...raised].sort());
  });
});

describe('transfer targets', () => {
  it('accepts a transfer to exactly the services shared transferTargets offers the counter', () => {
    const config = directConfig((c) => {
      serviceIn(c, 'penjualan').active = false;
    });
    const state = k1Serving(config);
    const offered = transferTargets(config.services, 'konsultasi').map((s) => s.id);
    const accepted = config.services
      .map((s) => s.id)
      .filter((serviceId) => {
        const command: Command = { type: 'transfer', ...K_DESK, ticketId: K1, serviceId, note: '' };
        try {
          decide(state, command, at(3));
          return true;
        } catch {
          return false;
        }
      });
    expect(accepted).toEqual(offered);
    expect(offered).not.toContain('konsultasi');
    expect(offered).not.toContain('penjualan');
    expect(offered.length).toBeGreaterThan(0);
  });
});
