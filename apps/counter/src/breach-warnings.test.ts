import type { BoardSnapshot, DeskView, QueueView, WaitingTicketView } from '@pst/shared';
import { describe, expect, it } from 'vitest';
import { breachWarnings, mayCallNext } from './desk-logic';

const MINUTE = 60_000;

const desk = (over: Partial<DeskView> = {}): DeskView => ({
  id: 'konsultasi-1',
  name: 'Meja Konsultasi 1',
  kind: 'service',
  services: ['konsultasi', 'rekomendasi'],
  status: 'open',
  heldBy: null,
  current: null,
  servedToday: 0,
  parked: [],
  sentHere: [],
  ...over,
});

/** A waiting ticket whose clock started at `startedAt` (null: the ticket ahead is still served). */
const ticket = (id: string, enteredAt: number, startedAt: number | null): WaitingTicketView => ({
  id,
  number: id.toUpperCase(),
  serviceId: 'konsultasi',
  priority: false,
  issuedAt: enteredAt,
  enteredAt,
  clock: { startedAt, deadline: startedAt === null ? null : startedAt + 10 * MINUTE, targetMinutes: 10 },
});

const queue = (id: string, waiting: WaitingTicketView[]): QueueView => ({
  id,
  name: id,
  nameEn: id,
  color: '#000',
  waitingCount: waiting.length,
  estimatedWaitMinutes: 0,
  waiting,
});

const board = (queues: QueueView[]) => ({ queues, desks: [desk()] }) as unknown as BoardSnapshot;

describe('breachWarnings: about to breach the 10-minute target, once per ticket', () => {
  const queues = [
    // Head since minute 0 (entered at -3): amber from minute 8, red after minute 10.
    queue('konsultasi', [ticket('k-012', -3 * MINUTE, 0), ticket('k-013', -2 * MINUTE, null)]),
    // Another service of this desk, head started later.
    queue('rekomendasi', [ticket('r-004', 0, 5 * MINUTE)]),
    // Not this desk's service.
    queue('perpustakaan', [ticket('p-001', -20 * MINUTE, 0)]),
  ];

  it('warns about nobody while every clock is green or not started', () => {
    expect(breachWarnings(board(queues), desk(), 7 * MINUTE, new Set())).toEqual([]);
  });

  it('warns about the head whose clock turned amber, with the minutes waited and left', () => {
    expect(breachWarnings(board(queues), desk(), 8.5 * MINUTE, new Set())).toEqual([
      {
        ticketId: 'k-012',
        number: 'K-012',
        queueId: 'konsultasi',
        minutesWaited: 11,
        minutesLeft: 2,
        targetMinutes: 10,
      },
    ]);
  });

  it('warns once: a ticket already warned about is left out, the next one still comes', () => {
    const warned = new Set<string>();
    const seen: string[] = [];
    for (let now = 0; now <= 16 * MINUTE; now += 15_000) {
      for (const warning of breachWarnings(board(queues), desk(), now, warned)) {
        warned.add(warning.ticketId);
        seen.push(`${warning.number}@${now / MINUTE}`);
      }
    }
    expect(seen).toEqual(['K-012@8', 'R-004@13']);
  });

  it('does not warn "about to" once the target is already missed', () => {
    expect(breachWarnings(board(queues), desk(), 10 * MINUTE + 1, new Set())).toEqual([]);
  });

  it('only for an open desk, and only its own queues (front office: the front-office queue)', () => {
    expect(breachWarnings(board(queues), desk({ status: 'paused' }), 9 * MINUTE, new Set())).toEqual([]);
    expect(breachWarnings(board(queues), desk({ status: 'closed' }), 9 * MINUTE, new Set())).toEqual([]);
    expect(breachWarnings(null, desk(), 9 * MINUTE, new Set())).toEqual([]);
    const fo = desk({ id: 'fo-1', kind: 'front-office', services: [] });
    const withFo = [...queues, queue('front-office', [ticket('f-001', 0, 0)])];
    expect(breachWarnings(board(withFo), fo, 9 * MINUTE, new Set()).map((w) => w.ticketId)).toEqual([
      'f-001',
    ]);
  });
});

describe('mayCallNext: the global key does what the button does, when the button is enabled', () => {
  const ready = { signedIn: true, atDesk: true, busy: false, desk: desk(), online: true };
  it('calls from an open, idle desk', () => {
    expect(mayCallNext(ready)).toBe(true);
  });
  it.each([
    ['signed out', { signedIn: false }],
    ['a supervisor away from the desk tab', { atDesk: false }],
    ['a command under way', { busy: true }],
    ['offline', { online: false }],
    ['no desk chosen', { desk: undefined }],
    ['desk closed', { desk: desk({ status: 'closed' }) }],
    ['desk paused', { desk: desk({ status: 'paused' }) }],
    [
      'someone at the desk',
      {
        desk: desk({
          current: { ticketId: 't', number: 'K-001', state: 'serving', since: 0, recalls: 0, cameFrom: null },
        }),
      },
    ],
  ] as const)('not when %s', (_name, change) => {
    expect(mayCallNext({ ...ready, ...change })).toBe(false);
  });
});
