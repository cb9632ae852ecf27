import type { BoardSnapshot, DeskView, SentTicketView } from '@pst/shared';
import { describe, expect, it } from 'vitest';
import { guestBookDesks, pickedDesk } from './guest-book-desks';

const desk = (id: string, over: Partial<DeskView> = {}): DeskView => ({
  id,
  name: `Meja ${id}`,
  kind: 'service',
  services: ['konsultasi', 'rekomendasi'],
  status: 'open',
  heldBy: 'someone',
  current: null,
  servedToday: 0,
  parked: [],
  sentHere: [],
  ...over,
});
const sent = (ticketId: string) => ({ ticketId }) as SentTicketView;
const frontOffice = desk('fo-1', { kind: 'front-office', services: [] });
const board = (desks: DeskView[]) =>
  ({
    services: [
      { id: 'konsultasi', active: true },
      { id: 'rekomendasi', active: false },
      { id: 'perpustakaan', active: true },
    ],
    desks: [frontOffice, ...desks],
  }) as unknown as BoardSnapshot;

describe('the guest book: which desk to send the guest to', () => {
  const desks = board([
    desk('k1', { sentHere: [sent('a'), sent('b')] }),
    desk('k2', { status: 'paused' }),
    desk('k3', { status: 'closed' }),
    desk('p1', { services: ['perpustakaan'] }),
  ]);

  it('offers the desks not closed that serve the service, with how many wait for each', () => {
    expect(guestBookDesks(desks, frontOffice, 'konsultasi')).toEqual([
      { deskId: 'k1', deskName: 'Meja k1', paused: false, waitingHere: 2 },
      { deskId: 'k2', deskName: 'Meja k2', paused: true, waitingHere: 0 },
    ]);
    expect(guestBookDesks(desks, frontOffice, 'perpustakaan').map((d) => d.deskId)).toEqual(['p1']);
  });

  it('offers nothing for an inactive service, without a board, or without the front desk', () => {
    expect(guestBookDesks(desks, frontOffice, 'rekomendasi')).toEqual([]);
    expect(guestBookDesks(null, frontOffice, 'konsultasi')).toEqual([]);
    expect(guestBookDesks(desks, undefined, 'konsultasi')).toEqual([]);
  });

  it('keeps a pick while it is offered; a desk that closed or does not serve the service is the whole queue', () => {
    const choices = guestBookDesks(desks, frontOffice, 'konsultasi');
    expect(pickedDesk(choices, 'k2')?.deskId).toBe('k2');
    expect(pickedDesk(choices, 'k3')).toBeNull();
    expect(pickedDesk(choices, 'p1')).toBeNull();
    expect(pickedDesk(choices, undefined)).toBeNull();
  });
});
