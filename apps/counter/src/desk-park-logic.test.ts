import type { BoardSnapshot, DeskView } from '@pst/shared';
import { describe, expect, it } from 'vitest';
import { deskParkActions, sendTargets } from './desk-park-logic';

const desk = (id: string, over: Partial<DeskView> = {}): DeskView => ({
  id,
  name: id,
  kind: 'service',
  services: ['konsultasi', 'rekomendasi'],
  status: 'open',
  heldBy: 'me',
  current: null,
  servedToday: 0,
  parked: [],
  sentHere: [],
  ...over,
});
const current = {
  ticketId: 't',
  number: 'K-001',
  state: 'called' as const,
  since: 0,
  recalls: 0,
  cameFrom: null,
};
const board = (desks: DeskView[]) =>
  ({
    services: [
      { id: 'konsultasi', active: true },
      { id: 'rekomendasi', active: false },
      { id: 'perpustakaan', active: true },
    ],
    desks,
  }) as unknown as BoardSnapshot;

describe('send to a named desk: the picker', () => {
  it('offers every other desk not closed, in each of its active queues (front office: its own queue)', () => {
    const mine = desk('k1', { current });
    const targets = sendTargets(
      board([
        mine,
        desk('k2', { status: 'paused' }),
        desk('k3', { status: 'closed' }),
        desk('fo', { kind: 'front-office', services: [] }),
      ]),
      mine,
    );
    expect(targets).toEqual([
      { deskId: 'k2', deskName: 'k2', queue: 'konsultasi' },
      { deskId: 'fo', deskName: 'fo', queue: 'front-office' },
    ]);
  });

  it('offers hold and send with a ticket at an open desk of mine; send back only for a ticket that moved', () => {
    const mine = desk('k1', { current });
    expect(deskParkActions(board([mine, desk('k2')]), mine, true, 'me')).toEqual({
      park: true,
      sendToDesk: true,
      transferBack: false,
    });
    const moved = desk('k1', { current: { ...current, cameFrom: 'front-office' } });
    expect(deskParkActions(board([moved]), moved, true, 'me')).toEqual({
      park: true,
      sendToDesk: false,
      transferBack: true,
    });
    expect(deskParkActions(board([moved]), moved, false, 'me').park).toBe(false);
    expect(deskParkActions(board([moved]), moved, true, 'someone-else').park).toBe(false);
  });
});
