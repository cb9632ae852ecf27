import type { BoardSnapshot, DeskView, VisitDetail, WaitingTicketView } from '@pst/shared';
import { t, transferTarget } from '@pst/shared';
import { describe, expect, it } from 'vitest';
import { availableActions, clockColour, clockText, minutesText, transferChoices } from './desk-logic';

const desk = (over: Partial<DeskView>): DeskView => ({
  id: 'konsultasi-1',
  name: 'Meja Konsultasi 1',
  kind: 'service',
  services: ['konsultasi'],
  status: 'open',
  heldBy: 'staff-me',
  current: null,
  servedToday: 0,
  parked: [],
  sentHere: [],
  ...over,
});
const called = {
  ticketId: 't',
  number: 'K-001',
  state: 'called' as const,
  since: 0,
  recalls: 0,
  cameFrom: null,
};

describe('availableActions', () => {
  it.each([
    ['idle open desk', desk({}), true, ['callNext']],
    ['called ticket', desk({ current: called }), true, ['recall', 'start', 'finish', 'transfer']],
    [
      'called and recalled',
      desk({ current: { ...called, recalls: 1 } }),
      true,
      ['recall', 'noShow', 'start', 'finish', 'transfer'],
    ],
    ['serving', desk({ current: { ...called, state: 'serving' } }), true, ['finish', 'transfer']],
    [
      'front office serving',
      desk({ kind: 'front-office', current: { ...called, state: 'serving' } }),
      true,
      [],
    ],
    ['paused desk', desk({ status: 'paused' }), true, []],
    ['offline', desk({}), false, []],
    ['held by another staff member', desk({ heldBy: 'staff-other', current: called }), true, []],
  ] as const)('%s', (_name, d, online, expected) => {
    const actions = availableActions(d, online, 'staff-me');
    expect(
      Object.entries(actions)
        .filter(([, on]) => on)
        .map(([name]) => name),
    ).toEqual(expected);
  });
});

describe('clockColour', () => {
  const ticket = (startedAt: number | null): WaitingTicketView => ({
    id: 't',
    number: 'K-001',
    serviceId: 'konsultasi',
    priority: false,
    issuedAt: 0,
    enteredAt: 0,
    clock: { startedAt, deadline: startedAt === null ? null : startedAt + 600_000, targetMinutes: 10 },
  });
  it.each([
    [null, 0, 'waiting'],
    [0, 0, 'green'],
    [0, 479_999, 'green'],
    [0, 480_000, 'amber'],
    [0, 600_000, 'amber'],
    [0, 600_001, 'red'],
  ] as const)('clock started %s, now %s -> %s', (startedAt, now, colour) => {
    expect(clockColour(ticket(startedAt), now)).toBe(colour);
  });
});

it('writes waits in the screen’s language', () => {
  const id = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) => t('id', key, params);
  const en = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) => t('en', key, params);
  expect(minutesText(0, id)).toBe('0 menit');
  expect(minutesText(12 * 60_000 + 59_000, id)).toBe('12 menit');
  expect(minutesText(65 * 60_000, id)).toBe('1 jam 05 menit');
  expect(minutesText(65 * 60_000, en)).toBe('1 h 05 min');
});

describe('transferChoices', () => {
  const service = (id: string, active: boolean) => ({
    id,
    name: id,
    nameEn: id,
    prefix: id[0]?.toUpperCase() ?? 'X',
    color: '#123456',
    targetMinutes: 10,
    typicalServiceMinutes: 10,
    active,
  });
  const services = [service('konsultasi', true), service('perpustakaan', false), service('penjualan', true)];
  const board = { services } as unknown as BoardSnapshot;
  const visitIn = (queue: string) => ({ ticket: { queue } }) as unknown as VisitDetail;

  it('offers exactly the services the hub accepts a transfer to: open ones other than the current queue', () => {
    expect(transferChoices(board, visitIn('konsultasi')).map((s) => s.id)).toEqual(['penjualan']);
    // Why the others are left out, as the hub refuses them (queue-core decide.test ties the two together).
    expect(transferTarget(services, 'konsultasi', 'konsultasi')).toBe('SAME_QUEUE');
    expect(transferTarget(services, 'konsultasi', 'perpustakaan')).toBe('SERVICE_INACTIVE');
  });

  it('offers every open service to a ticket from the front office, nothing before the visit is known', () => {
    expect(transferChoices(board, visitIn('front-office')).map((s) => s.id)).toEqual([
      'konsultasi',
      'penjualan',
    ]);
    expect(transferChoices(board, null)).toEqual([]);
  });
});

describe('clockText', () => {
  it('writes the 10-minute clock with the one shared reading (never "sisa 11", never "lewat 0")', () => {
    const tr = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) =>
      t('id', key, params);
    const clock = { startedAt: 0, deadline: 600_000, targetMinutes: 10 };
    expect(clockText({ startedAt: null, deadline: null, targetMinutes: 10 }, 0, tr)).toBe(
      'hitungan 10 menit belum berjalan',
    );
    expect(clockText(clock, -30_000, tr)).toBe('sisa 10 menit');
    expect(clockText(clock, 0, tr)).toBe('sisa 10 menit');
    expect(clockText(clock, 600_000, tr)).toBe('sisa 0 menit');
    expect(clockText(clock, 600_001, tr)).toBe('lewat 1 menit');
    expect(clockText(clock, 660_001, tr)).toBe('lewat 2 menit');
  });
});
