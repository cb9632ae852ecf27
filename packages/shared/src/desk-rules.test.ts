import { describe, expect, it } from 'vitest';
import { overtakenBy, sendRefusal } from './desk-rules';
import {
  FRONT_OFFICE_QUEUE,
  openService,
  openServices,
  queueRefusal,
  transferTarget,
  transferTargets,
} from './rules';

const services = [
  { id: 'konsultasi', active: true },
  { id: 'rekomendasi', active: false },
];
const desk = (id: string, status: 'closed' | 'open' | 'paused', services: string[] = ['konsultasi']) => ({
  id,
  kind: 'service' as const,
  services,
  status,
});
const frontOffice = { id: 'fo', kind: 'front-office' as const, services: [], status: 'open' as const };

describe('openService and queueRefusal', () => {
  it('gives an active service and refuses an unknown or inactive one', () => {
    expect(openService(services, 'konsultasi')).toBe(services[0]);
    expect(openService(services, 'rekomendasi')).toBe('SERVICE_INACTIVE');
    expect(openService(services, 'perpustakaan')).toBe('UNKNOWN_SERVICE');
  });

  it('lets the front office queue take visitors, which is no service', () => {
    expect(openService(services, FRONT_OFFICE_QUEUE)).toBe('UNKNOWN_SERVICE');
    expect(queueRefusal(services, FRONT_OFFICE_QUEUE)).toBeNull();
    expect(queueRefusal(services, 'konsultasi')).toBeNull();
    expect(queueRefusal(services, 'rekomendasi')).toBe('SERVICE_INACTIVE');
    expect(queueRefusal(services, 'perpustakaan')).toBe('UNKNOWN_SERVICE');
  });

  it('lists the open services for the pickers', () => {
    expect(openServices(services)).toEqual([services[0]]);
  });
});

describe('transferTarget', () => {
  const three = [...services, { id: 'penjualan', active: true }];
  it('takes an open service other than the current queue, refusing the rest with their codes', () => {
    expect(transferTarget(three, 'konsultasi', 'penjualan')).toBe(three[2]);
    expect(transferTarget(three, 'konsultasi', 'konsultasi')).toBe('SAME_QUEUE');
    expect(transferTarget(three, 'konsultasi', 'rekomendasi')).toBe('SERVICE_INACTIVE');
    expect(transferTarget(three, 'konsultasi', FRONT_OFFICE_QUEUE)).toBe('UNKNOWN_SERVICE');
    expect(transferTargets(three, 'konsultasi')).toEqual([three[2]]);
    expect(transferTargets(three, FRONT_OFFICE_QUEUE)).toEqual(openServices(three));
  });
});

describe('sendRefusal', () => {
  it('takes another open or paused desk in a queue it calls', () => {
    expect(sendRefusal(desk('k2', 'open'), 'k1', 'konsultasi', services)).toBeNull();
    expect(sendRefusal(desk('k2', 'paused'), 'k1', 'konsultasi', services)).toBeNull();
    expect(sendRefusal(frontOffice, 'k1', FRONT_OFFICE_QUEUE, services)).toBeNull();
  });

  it('refuses the same desk, a closed one, a queue it does not call, a closed service', () => {
    expect(sendRefusal(desk('k1', 'open'), 'k1', 'konsultasi', services)).toBe('SAME_DESK');
    expect(sendRefusal(desk('k2', 'closed'), 'k1', 'konsultasi', services)).toBe('DESK_NOT_OPEN');
    expect(sendRefusal(desk('k2', 'open'), 'k1', 'rekomendasi', services)).toBe('DESK_NOT_SERVING');
    expect(sendRefusal(frontOffice, 'k1', 'konsultasi', services)).toBe('DESK_NOT_SERVING');
    expect(sendRefusal(desk('k2', 'open', ['rekomendasi']), 'k1', 'rekomendasi', services)).toBe(
      'SERVICE_INACTIVE',
    );
    expect(sendRefusal(desk('k2', 'open', ['lama']), 'k1', 'lama', services)).toBe('UNKNOWN_SERVICE');
  });
});

describe('overtakenBy', () => {
  it('is what stands before the chosen one, in order; nothing for the head or one not listed', () => {
    expect(overtakenBy(['a', 'b', 'c', 'd'], 'c')).toEqual(['a', 'b']);
    expect(overtakenBy(['a', 'b'], 'a')).toEqual([]);
    expect(overtakenBy(['a', 'b'], 'x')).toEqual([]);
  });
});
