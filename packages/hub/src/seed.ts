import type { Command } from '@pst/queue-core';
import {
  addDays,
  DEFAULT_HOLIDAYS,
  dayStart,
  type GuestBookEntry,
  type IkmScore,
  isWorkingDay,
  officeDay,
} from '@pst/shared';
import { newId } from './auth';
import { QueueRunner } from './runner';
import type { Store } from './storage/store';

/** A small seeded PRNG (mulberry32): the same seed gives the same office. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MINUTE = 60_000;
const FIRST_NAMES = [
  'Siti',
  'Ahmad',
  'Dewi',
  'Budi',
  'Rina',
  'Agus',
  'Nur',
  'Eko',
  'Sri',
  'Joko',
  'Fitri',
  'Hendra',
];
const LAST_NAMES = ['Rahayu', 'Santoso', 'Lestari', 'Wibowo', 'Kurniawan', 'Hidayat', 'Pratiwi', 'Saputra'];
const INSTITUTIONS = [
  'Universitas Diponegoro',
  'Bappeda Kab. Kendal',
  'SMA N 1 Kendal',
  'Dinas Pertanian',
  'CV Maju Jaya',
  '',
];
const SERVICE_MIX: Array<[string, number]> = [
  ['konsultasi', 0.5],
  ['perpustakaan', 0.25],
  ['penjualan', 0.15],
  ['rekomendasi', 0.1],
];
/** The service whose share of SERVICE_MIX the uniform draw `r` (0..1) falls in. */
function pickByShare(r: number): string {
  let rest = r;
  for (const [service, share] of SERVICE_MIX) {
    rest -= share;
    if (rest < 0) return service;
  }
  return 'konsultasi';
}
const SERVICE_MINUTES: Record<string, [number, number]> = {
  'front-office': [3, 8],
  konsultasi: [8, 25],
  perpustakaan: [5, 15],
  penjualan: [5, 12],
  rekomendasi: [10, 30],
};

/**
 * Plays `days` office days ending yesterday through the real domain (so the data obeys every rule):
 * arrivals through the morning peak, the front office filling guest books, desks serving, some
 * no-shows and transfers, and ratings. Needs an empty database, since days are played in order.
 */
export function seedOffice(store: Store, options: { days: number; seed?: number; now?: number }) {
  if (store.domainEventCount() > 0)
    throw new Error('seed needs a database without queue events (use a new --data-dir)');
  const rand = random(options.seed ?? 3324);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)] as T;
  const between = ([lo, hi]: [number, number]) => lo + Math.floor(rand() * (hi - lo + 1));
  let clock = 0;
  const runner = new QueueRunner(store, () => clock);
  const config = store.queueConfig();
  const tz = config.office.timeZone;
  const today = officeDay(options.now ?? Date.now(), tz);
  const visitors: GuestBookEntry[] = [];
  let visits = 0;

  const run = (command: Command, actor = 'seed', alsoWrite?: () => void) => {
    try {
      return runner.execute(command, actor, alsoWrite);
    } catch {
      return [];
    }
  };

  for (let d = options.days; d >= 1; d--) {
    const day = addDays(today, -d);
    if (!isWorkingDay(day, DEFAULT_HOLIDAYS)) continue;
    const open = dayStart(day, tz) + 8 * 60 * MINUTE;
    const arrivals = Array.from({ length: between([8, 26]) }, () => {
      // A morning peak: two draws averaged lean towards the middle of the morning.
      const minute = Math.floor(((rand() + rand()) / 2) * 7 * 60);
      return open + minute * MINUTE + between([0, 59]) * 1000;
    }).sort((a, b) => a - b);
    const busyUntil: Record<string, number> = {};
    for (const desk of config.desks) {
      clock = open;
      run({ type: 'openDesk', deskId: desk.id, staffId: `seed-${desk.id}` });
    }
    for (let t = open; t <= open + 8 * 60 * MINUTE; t += MINUTE) {
      clock = t;
      while (arrivals.length && (arrivals[0] as number) <= t) {
        clock = arrivals.shift() as number;
        const service = pickByShare(rand());
        run({ type: 'takeTicket', serviceId: service, priority: rand() < 0.08, source: 'seed-kiosk' });
        visits++;
      }
      clock = t;
      for (const desk of config.desks) {
        const staffId = `seed-${desk.id}`;
        const current = runner.state.desks[desk.id]?.current;
        if (current && t >= (busyUntil[desk.id] ?? 0)) finishVisit(desk.id, desk.kind, current, staffId);
        if (!runner.state.desks[desk.id]?.current) {
          const called = run({ type: 'callNext', deskId: desk.id, staffId }).find(
            (e) => e.type === 'ticket.called',
          );
          if (!called) continue;
          const queue =
            desk.kind === 'front-office'
              ? 'front-office'
              : (runner.state.tickets.get(called.ticketId)?.stages.at(-1)?.queue ?? 'konsultasi');
          if (rand() < 0.04) {
            clock = t + 2 * MINUTE;
            run({ type: 'recall', deskId: desk.id, staffId, ticketId: called.ticketId });
            clock = t + 4 * MINUTE;
            run({ type: 'noShow', deskId: desk.id, staffId, ticketId: called.ticketId });
            busyUntil[desk.id] = t + 4 * MINUTE;
            continue;
          }
          clock = t + MINUTE;
          run({ type: 'start', deskId: desk.id, staffId, ticketId: called.ticketId });
          busyUntil[desk.id] = t + (1 + between(SERVICE_MINUTES[queue] ?? [5, 15])) * MINUTE;
        }
      }
    }
  }
  clock = options.now ?? Date.now();
  run({ type: 'endDay' });
  return { visits, days: options.days };

  function finishVisit(deskId: string, kind: string, ticketId: string, staffId: string) {
    const ticket = runner.state.tickets.get(ticketId);
    if (!ticket) return;
    if (kind === 'front-office') {
      const returning = visitors.length > 5 && rand() < 0.15;
      const entry = returning ? pick(visitors) : guestEntry(ticket.serviceId);
      if (!returning) visitors.push(entry);
      const id = newId('gb');
      run(
        { type: 'forward', deskId, staffId, ticketId, serviceId: ticket.serviceId, guestBookId: id },
        staffId,
        () => store.insertGuestBook(id, entry, ticketId, ticket.day, staffId, clock),
      );
      return;
    }
    if (rand() < 0.05 && ticket.stages.at(-1)?.queue !== 'perpustakaan') {
      run({
        type: 'transfer',
        deskId,
        staffId,
        ticketId,
        serviceId: 'perpustakaan',
        note: 'Butuh publikasi cetak',
      });
      return;
    }
    run({ type: 'finish', deskId, staffId, ticketId });
    if (rand() < 0.6) rate(ticketId, deskId, ticket.day);
  }

  function rate(ticketId: string, deskId: string, day: string) {
    const high = rand() < 0.75;
    const score = () => (high ? (rand() < 0.6 ? 4 : 3) : between([2, 3])) as IkmScore;
    const scores = Array.from({ length: 9 }, (_, i) => (i === 3 ? 4 : rand() < 0.05 ? null : score()));
    const complaint =
      rand() < 0.08 ? pick(['Ruang tunggu kurang kursi', 'Antrian agak lama', 'Wifi lambat']) : '';
    const id = newId('rating');
    const rating = {
      ticketId,
      overall: score(),
      scores,
      integrity: { imbalan: false, pungli: false },
      complaint,
    };
    run({ type: 'attachRating', ticketId, deskId, ratingId: id }, 'seed-tablet', () =>
      store.insertRating(id, rating, day, deskId, clock),
    );
  }

  function guestEntry(serviceId: string): GuestBookEntry {
    const name = `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
    const phone = `08${between([11, 99])}${String(between([10000000, 99999999]))}`;
    return {
      identityType: 'KTP',
      identityNumber: `3324${String(between([100000000000, 999999999999]))}`,
      fullName: name,
      gender: rand() < 0.5 ? 'Laki-laki' : 'Perempuan',
      birthYear: between([1960, 2007]),
      education: pick(['<= SLTA/Sederajat', 'D1/D2/D3', 'D4/S1', 'D4/S1', 'S2', 'S3'] as const),
      occupation: pick([
        'Pelajar/Mahasiswa',
        'Pelajar/Mahasiswa',
        'Peneliti/Dosen',
        'ASN/TNI/Polri',
        'Pegawai Swasta',
        'Wiraswasta',
      ] as const),
      institutionCategory: pick([
        'Pemerintah Daerah',
        'Lembaga Penelitian & Pendidikan',
        'Swasta',
        'Lainnya',
      ] as const),
      institutionName: pick(INSTITUTIONS),
      email: `${name.toLowerCase().replace(/\s+/g, '.')}${between([1, 99])}@example.com`,
      phone,
      address: '',
      purpose: pick(['Tugas Sekolah/Tugas Kuliah', 'Penelitian', 'Pemerintahan', 'Komersial'] as const),
      servicesUsed: [
        (
          {
            konsultasi: 'Konsultasi Statistik',
            perpustakaan: 'Perpustakaan',
            penjualan: 'Penjualan Produk Statistik',
            rekomendasi: 'Rekomendasi Statistik',
          } as const
        )[serviceId as 'konsultasi'] ?? 'Lainnya',
      ],
      dataNeeded: pick([
        'Data kemiskinan',
        'PDRB kabupaten',
        'Jumlah penduduk per kecamatan',
        'IPM',
        'Data pertanian',
      ]),
      visitType: 'Perorangan',
      groupSize: 1,
      consent: true,
    };
  }
}
