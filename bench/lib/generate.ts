/**
 * Years of a busy office written straight into the hub's schema (the real migrations via `new
 * Store(file)`, then bulk INSERTs in one transaction per month): tickets with their stages, guest-book
 * entries, ratings, and the event log the hub would have written for them. Deterministic for a seed.
 * The last day is left open (no day.ended, a few visitors still waiting), as when the hub PC was shut
 * down in the evening: the next start replays that day and ends it.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyRetention, Store } from '@pst/hub';
import { addDays, DEFAULT_CONFIG, DEFAULT_HOLIDAYS, dayStart, isWorkingDay, officeDay } from '@pst/shared';
import { guestEntry } from './load';
import { DB_FILE } from './office';
import { between, log, nowMs, pick, prng, SERVICE_MIX, weighted } from './util';

/** Bump when the generated data changes shape: old caches are then ignored. */
const GENERATOR_VERSION = 2;
const MINUTE = 60_000;
const TZ = DEFAULT_CONFIG.office.timeZone;

export interface GeneratedDb {
  dir: string;
  file: string;
  meta: GeneratedMeta;
  cached: boolean;
}

export interface GeneratedMeta {
  seed: number;
  firstDay: string;
  lastDay: string;
  workingDays: number;
  tickets: number;
  stages: number;
  guestBook: number;
  ratings: number;
  events: number;
  seconds: number;
}

const SERVICE_MINUTES: Record<string, [number, number]> = {
  konsultasi: [8, 25],
  perpustakaan: [5, 15],
  penjualan: [5, 12],
  rekomendasi: [10, 30],
};
const PREFIX = Object.fromEntries(DEFAULT_CONFIG.services.map((s) => [s.id, s.prefix]));
const DESKS: Record<string, string[]> = {
  konsultasi: ['konsultasi-1', 'konsultasi-2'],
  rekomendasi: ['konsultasi-1', 'konsultasi-2'],
  perpustakaan: ['perpustakaan-1'],
  penjualan: ['perpustakaan-1'],
};
const STAFF: Record<string, string> = {
  'fo-1': 'staff-0000000000f1',
  'konsultasi-1': 'staff-0000000000c1',
  'konsultasi-2': 'staff-0000000000c2',
  'perpustakaan-1': 'staff-0000000000b1',
};
const KIOSK = 'kiosk-00000000000a';
const TABLET = 'rating-00000000000b';

/** The cached database of this seed and size, generated first if there is none. */
export function generatedDb(options: { seed: number; visits: number; years: number }): GeneratedDb {
  const key = `seed-${options.seed}-visits-${options.visits}-years-${options.years}-g${GENERATOR_VERSION}`;
  const dir = join(tmpdir(), 'pst-bench-scale', key);
  const file = join(dir, DB_FILE);
  const metaFile = join(dir, 'meta.json');
  if (existsSync(metaFile) && existsSync(file)) {
    return { dir, file, meta: JSON.parse(readFileSync(metaFile, 'utf8')) as GeneratedMeta, cached: true };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const meta = generate(file, options);
  writeFileSync(metaFile, `${JSON.stringify(meta, null, 2)}\n`);
  return { dir, file, meta, cached: false };
}

export function fileSize(file: string): number {
  let size = 0;
  for (const f of [file, `${file}-wal`]) if (existsSync(f)) size += statSync(f).size;
  return size;
}

function hex(rand: () => number, length = 12): string {
  let s = '';
  for (let i = 0; i < length; i++) s += Math.floor(rand() * 16).toString(16);
  return s;
}

function expMinutes(rand: () => number, mean: number, cap: number): number {
  return Math.min(cap, -Math.log(1 - rand()) * mean);
}

interface StageRow {
  ticket_id: string;
  idx: number;
  day: string;
  queue: string;
  entered_at: number;
  target_minutes: number;
  called_at: number | null;
  desk_id: string | null;
  staff_id: string | null;
  recalls: number;
  started_at: number | null;
  ended_at: number | null;
  outcome: string | null;
  clock_start: number | null;
  service_wait: number | null;
  within_target: number | null;
  note: string;
}

type EventRow = [at: number, kind: 'domain' | 'audit', type: string, payload: string, actor: string];

function generate(file: string, options: { seed: number; visits: number; years: number }): GeneratedMeta {
  const started = nowMs();
  const rand = prng(options.seed);
  const lastDay = addDays(officeDay(Date.now(), TZ), -1);
  const firstDay = addDays(lastDay, -Math.max(1, Math.round(options.years * 365.25)) + 1);
  const days: string[] = [];
  for (let d = firstDay; d <= lastDay; d = addDays(d, 1)) if (isWorkingDay(d, DEFAULT_HOLIDAYS)) days.push(d);
  if (days.length === 0) days.push(lastDay);
  const perDay = options.visits / days.length;
  log(
    `generating ${options.visits} visits over ${days.length} working days (${firstDay} .. ${lastDay}) into ${file}`,
  );

  const store = new Store(file);
  const db = store.db;
  store.setSetting('queue-config', DEFAULT_CONFIG);
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const insertTicket = db.prepare(
    `INSERT INTO tickets (id, day, number, service_id, priority, issued_at, source, status, guest_book_id, rating_id, print_state)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'printed')`,
  );
  const insertStage = db.prepare(
    `INSERT INTO stages (ticket_id, idx, day, queue, entered_at, target_minutes, called_at, desk_id, staff_id, recalls,
       started_at, ended_at, outcome, clock_start, service_wait, within_target, note)
     VALUES (@ticket_id, @idx, @day, @queue, @entered_at, @target_minutes, @called_at, @desk_id, @staff_id, @recalls,
       @started_at, @ended_at, @outcome, @clock_start, @service_wait, @within_target, @note)`,
  );
  const insertGuest = db.prepare(
    'INSERT INTO guest_book (id, ticket_id, day, created_at, staff_id, entry, phone, email) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertRating = db.prepare(
    `INSERT INTO ratings (id, ticket_id, day, desk_id, at, overall, scores, imbalan, pungli, complaint, complaint_status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = db.prepare(
    'INSERT INTO events (at, kind, type, payload, actor) VALUES (?, ?, ?, ?, ?)',
  );

  const counts = { tickets: 0, stages: 0, guestBook: 0, ratings: 0, events: 0 };
  const visitors: Array<{ entry: string; phone: string; email: string }> = [];

  function writeDay(day: string, isLast: boolean) {
    const open = dayStart(day, TZ) + 8 * 60 * MINUTE;
    const n = Math.max(1, Math.round(perDay * (0.8 + 0.4 * rand())));
    const arrivals = Array.from(
      { length: n },
      () => open + Math.floor(((rand() + rand()) / 2) * 450 * MINUTE),
    ).sort((a, b) => a - b);
    const events: EventRow[] = [];
    const ev = (at: number, actor: string, event: Record<string, unknown> & { type: string }) =>
      events.push([at, 'domain', event.type, JSON.stringify({ ...event, at }), actor]);
    for (const deskId of Object.keys(STAFF)) {
      const staffId = STAFF[deskId] as string;
      events.push([open - 10 * MINUTE, 'audit', 'staff.login', JSON.stringify({ staffId }), staffId]);
      ev(open - 5 * MINUTE, staffId, { type: 'desk.opened', deskId, staffId });
    }
    const seq: Record<string, number> = {};
    const unserved: string[] = [];
    arrivals.forEach((issuedAt, i) => {
      const serviceId = weighted(rand, SERVICE_MIX);
      const number = (seq[serviceId] ?? 0) + 1;
      seq[serviceId] = number;
      const prefix = PREFIX[serviceId] as string;
      const padded = String(number).padStart(3, '0');
      const id = `${day.replaceAll('-', '')}-${prefix}${padded}`;
      const priority = rand() < 0.08;
      const stages: StageRow[] = [];
      let guestBookId: string | null = null;
      let ratingId: string | null = null;
      const stage = (queue: string, enteredAt: number): StageRow => {
        const row: StageRow = {
          ticket_id: id,
          idx: stages.length,
          day,
          queue,
          entered_at: enteredAt,
          target_minutes: 10,
          called_at: null,
          desk_id: null,
          staff_id: null,
          recalls: 0,
          started_at: null,
          ended_at: null,
          outcome: null,
          clock_start: null,
          service_wait: null,
          within_target: null,
          note: '',
        };
        stages.push(row);
        return row;
      };
      const call = (s: StageRow, at: number, deskId: string) => {
        s.called_at = at;
        s.desk_id = deskId;
        s.staff_id = STAFF[deskId] as string;
        s.clock_start = s.entered_at;
        s.service_wait = at - s.entered_at;
        s.within_target = s.service_wait <= s.target_minutes * MINUTE ? 1 : 0;
        ev(at, s.staff_id, {
          type: 'ticket.called',
          ticketId: id,
          deskId,
          staffId: s.staff_id,
          clockStart: s.clock_start,
          serviceWait: s.service_wait,
          withinTarget: s.within_target === 1,
        });
      };
      const noShow = (s: StageRow) => {
        const at = (s.called_at as number) + 2 * MINUTE;
        s.recalls = 1;
        ev(at, s.staff_id as string, {
          type: 'ticket.recalled',
          ticketId: id,
          deskId: s.desk_id,
          recalls: 1,
        });
        s.ended_at = at + 2 * MINUTE;
        s.outcome = 'no-show';
        ev(s.ended_at, s.staff_id as string, { type: 'ticket.no-show', ticketId: id, deskId: s.desk_id });
      };

      ev(issuedAt, KIOSK, {
        type: 'ticket.issued',
        ticketId: id,
        day,
        number: `${prefix}-${padded}`,
        serviceId,
        priority,
        source: KIOSK,
        queue: 'front-office',
        targetMinutes: 10,
      });
      const front = stage('front-office', issuedAt);
      // The last day's last visitors are still waiting when the hub goes down.
      if (isLast && i >= arrivals.length - 5) {
        unserved.push(id);
      } else if (rand() < 0.01) {
        front.ended_at = issuedAt + between(rand, 2, 20) * MINUTE;
        front.outcome = 'cancelled';
        front.note = 'Pengunjung membatalkan';
        ev(front.ended_at, STAFF['fo-1'] as string, {
          type: 'ticket.cancelled',
          ticketId: id,
          staffId: STAFF['fo-1'],
          reason: front.note,
        });
      } else {
        call(front, issuedAt + Math.round(expMinutes(rand, 4, 60) * MINUTE), 'fo-1');
        if (rand() < 0.02) noShow(front);
        else {
          // The guest book, then on to the service.
          const at = (front.called_at as number) + between(rand, 2, 8) * MINUTE;
          front.started_at = front.called_at;
          front.ended_at = at;
          front.outcome = 'forwarded';
          guestBookId = `gb-${hex(rand)}`;
          const returning = visitors.length > 50 && rand() < 0.15;
          const visitor = returning
            ? pick(rand, visitors)
            : (() => {
                const entry = { ...guestEntry(rand, serviceId), address: '', groupSize: 1 };
                const v = {
                  entry: JSON.stringify(entry),
                  phone: entry.phone,
                  email: entry.email.toLowerCase(),
                };
                if (visitors.length < 50_000) visitors.push(v);
                return v;
              })();
          insertGuest.run(
            guestBookId,
            id,
            day,
            at,
            front.staff_id,
            visitor.entry,
            visitor.phone,
            visitor.email,
          );
          counts.guestBook++;
          ev(at, front.staff_id as string, { type: 'guestbook.attached', ticketId: id, guestBookId });
          ev(at, front.staff_id as string, {
            type: 'ticket.moved',
            ticketId: id,
            deskId: 'fo-1',
            kind: 'forwarded',
            toQueue: serviceId,
            note: '',
            targetMinutes: 10,
          });
          let queue = serviceId;
          let service = stage(queue, at);
          for (;;) {
            const deskId = pick(rand, DESKS[queue] as string[]);
            call(service, at + Math.round(expMinutes(rand, 7, 90) * MINUTE), deskId);
            const r = rand();
            if (r < 0.02) {
              noShow(service);
              break;
            }
            service.started_at = (service.called_at as number) + MINUTE;
            ev(service.started_at, service.staff_id as string, {
              type: 'ticket.started',
              ticketId: id,
              deskId,
            });
            const [lo, hi] = SERVICE_MINUTES[queue] as [number, number];
            service.ended_at = service.started_at + between(rand, lo, hi) * MINUTE;
            if (r < 0.05 && stages.length < 3) {
              const to = queue === 'perpustakaan' ? 'penjualan' : 'perpustakaan';
              service.outcome = 'transferred';
              service.note = 'Butuh publikasi cetak';
              ev(service.ended_at, service.staff_id as string, {
                type: 'ticket.moved',
                ticketId: id,
                deskId,
                kind: 'transferred',
                toQueue: to,
                note: service.note,
                targetMinutes: 10,
              });
              queue = to;
              service = stage(queue, service.ended_at);
              continue;
            }
            service.outcome = 'finished';
            ev(service.ended_at, service.staff_id as string, {
              type: 'ticket.finished',
              ticketId: id,
              deskId,
            });
            if (rand() < 0.6) {
              ratingId = `rating-${hex(rand)}`;
              const high = rand() < 0.75;
              const score = () => (high ? (rand() < 0.6 ? 4 : 3) : between(rand, 2, 3));
              const scores = Array.from({ length: 9 }, (_, k) =>
                k === 3 ? 4 : rand() < 0.05 ? null : score(),
              );
              const complaint =
                rand() < 0.08
                  ? pick(rand, ['Ruang tunggu kurang kursi', 'Antrian agak lama', 'Wifi lambat'])
                  : '';
              const at = service.ended_at + 30_000;
              insertRating.run(
                ratingId,
                id,
                day,
                deskId,
                at,
                score(),
                JSON.stringify(scores),
                0,
                0,
                complaint,
                complaint ? 'baru' : null,
              );
              counts.ratings++;
              ev(at, TABLET, { type: 'rating.attached', ticketId: id, ratingId });
            }
            break;
          }
        }
      }
      const last = stages[stages.length - 1] as StageRow;
      const status = last.outcome ?? (last.called_at === null ? 'waiting' : 'called');
      insertTicket.run(
        id,
        day,
        `${prefix}-${padded}`,
        serviceId,
        priority ? 1 : 0,
        issuedAt,
        KIOSK,
        status,
        guestBookId,
        ratingId,
      );
      for (const s of stages) insertStage.run(s);
      counts.tickets++;
      counts.stages += stages.length;
    });
    if (!isLast) {
      const at = dayStart(addDays(day, 1), TZ) + 30_000;
      events.push([
        at,
        'domain',
        'day.ended',
        JSON.stringify({ type: 'day.ended', at, day, unserved }),
        'hub',
      ]);
    }
    events.sort((a, b) => a[0] - b[0]);
    for (const e of events) insertEvent.run(...e);
    counts.events += events.length;
  }

  let month = '';
  let batch: string[] = [];
  const flush = db.transaction((list: string[]) => {
    for (const day of list) writeDay(day, day === days[days.length - 1]);
  });
  for (const day of days) {
    if (day.slice(0, 7) !== month && batch.length) {
      flush(batch);
      batch = [];
      if (day.slice(5, 7) === '01') log(`  ${day.slice(0, 4)}: ${counts.tickets} tickets so far`);
    }
    month = day.slice(0, 7);
    batch.push(day);
  }
  if (batch.length) flush(batch);
  // A hub that ran all those years erased personal data past its retention day by day: so does this.
  const erased = applyRetention(store, dayStart(lastDay, TZ), TZ, store.dataCare().retentionDays);
  log(`erased the personal fields of ${erased} guest-book entries past the retention period`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  const seconds = (nowMs() - started) / 1000;
  log(`generated ${counts.tickets} tickets, ${counts.events} events in ${seconds.toFixed(0)} s`);
  return { seed: options.seed, firstDay, lastDay, workingDays: days.length, ...counts, seconds };
}
