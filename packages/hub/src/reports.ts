import {
  computeIkm,
  type IkmResult,
  type IkmScore,
  type StageRecord,
  type StageSummary,
  summarizeBy,
  summarizeStages,
} from '@pst/queue-core';
import { dayStart, isoWeekday, type OfficeTimeZone, officeDay, officeHour } from '@pst/shared';
import type { Db } from './storage/database';

export interface ReportRange {
  from: string;
  to: string;
}

export interface Report {
  range: ReportRange;
  visitors: {
    total: number;
    perDay: Array<{ day: string; services: Record<string, number>; total: number }>;
  };
  /** Per stage queue (a service or the front office). */
  byQueue: Record<string, StageSummary>;
  byDesk: Record<string, StageSummary>;
  byDay: Record<string, StageSummary>;
  overall: StageSummary;
  /** Tickets issued per [weekday 1-7][hour 0-23]. */
  busyHours: number[][];
  guestBook: { entries: number; breakdown: Record<GuestBookDimension, Record<string, number>> };
  satisfaction: IkmResult & {
    overallScores: Record<string, number>;
    integrity: { imbalanAsked: number; pungliReported: number };
    complaints: Array<{ ticketId: string; day: string; deskId: string; text: string; status: string }>;
  };
}

export const GUEST_BOOK_DIMENSIONS = [
  'gender',
  'ageGroup',
  'education',
  'occupation',
  'institutionCategory',
  'purpose',
  'servicesUsed',
] as const;
export type GuestBookDimension = (typeof GUEST_BOOK_DIMENSIONS)[number];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isRange(range: Partial<ReportRange>): range is ReportRange {
  return DAY.test(range.from ?? '') && DAY.test(range.to ?? '') && (range.from ?? '') <= (range.to ?? '');
}

/** BPS-style age groups from the year of birth, at the year of the visit. */
export function ageGroup(birthYear: number, visitYear: number): string {
  const age = visitYear - birthYear;
  if (age < 20) return '< 20';
  if (age < 30) return '20-29';
  if (age < 40) return '30-39';
  if (age < 50) return '40-49';
  if (age < 60) return '50-59';
  return '60+';
}

/**
 * A report over office days: reads only the rows of the range through the day indexes and
 * summarizes them with queue-core's statistics, the same rules the desks see live.
 */
export function buildReport(db: Db, range: ReportRange, tz: OfficeTimeZone): Report {
  const stages = db
    .prepare(
      `SELECT day, queue, desk_id AS deskId, entered_at AS enteredAt, called_at AS calledAt, started_at AS startedAt,
              ended_at AS endedAt, outcome, service_wait AS serviceWait, within_target AS withinTarget
       FROM stages WHERE day BETWEEN ? AND ?`,
    )
    .all(range.from, range.to) as Array<
    Omit<StageRecord, 'withinTarget'> & { day: string; withinTarget: number | null }
  >;
  const records = stages.map((s) => ({
    ...s,
    withinTarget: s.withinTarget === null ? null : s.withinTarget === 1,
  }));

  const tickets = db
    .prepare(
      `SELECT day, service_id AS serviceId, issued_at AS issuedAt FROM tickets WHERE day BETWEEN ? AND ?`,
    )
    .all(range.from, range.to) as Array<{ day: string; serviceId: string; issuedAt: number }>;
  const perDay = new Map<string, Record<string, number>>();
  const busyHours = Array.from({ length: 8 }, () => new Array<number>(24).fill(0));
  for (const t of tickets) {
    const services = perDay.get(t.day) ?? {};
    services[t.serviceId] = (services[t.serviceId] ?? 0) + 1;
    perDay.set(t.day, services);
    const row = busyHours[isoWeekday(t.day)] as number[];
    row[officeHour(t.issuedAt, tz)] = (row[officeHour(t.issuedAt, tz)] ?? 0) + 1;
  }

  return {
    range,
    visitors: {
      total: tickets.length,
      perDay: [...perDay]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([day, services]) => ({
          day,
          services,
          total: Object.values(services).reduce((a, b) => a + b, 0),
        })),
    },
    byQueue: summarizeBy(records, (s) => s.queue),
    byDesk: summarizeBy(records, (s) => s.deskId),
    byDay: summarizeBy(records, (s) => s.day),
    overall: summarizeStages(records),
    busyHours: busyHours.slice(1),
    guestBook: guestBookBreakdown(db, range),
    satisfaction: satisfaction(db, range),
  };
}

function guestBookBreakdown(db: Db, range: ReportRange): Report['guestBook'] {
  const rows = db
    // Erased entries count too: erasing removes the personal fields, the anonymous ones stay for statistics.
    .prepare(`SELECT day, entry FROM guest_book WHERE day BETWEEN ? AND ?`)
    .all(range.from, range.to) as Array<{ day: string; entry: string }>;
  const breakdown = Object.fromEntries(
    GUEST_BOOK_DIMENSIONS.map((d) => [d, {} as Record<string, number>]),
  ) as Record<GuestBookDimension, Record<string, number>>;
  const add = (dimension: GuestBookDimension, value: string) => {
    breakdown[dimension][value] = (breakdown[dimension][value] ?? 0) + 1;
  };
  for (const row of rows) {
    const e = JSON.parse(row.entry) as Record<string, unknown>;
    for (const d of ['gender', 'education', 'occupation', 'institutionCategory', 'purpose'] as const)
      add(d, String(e[d]));
    add('ageGroup', ageGroup(Number(e.birthYear), Number(row.day.slice(0, 4))));
    for (const service of (e.servicesUsed as string[]) ?? []) add('servicesUsed', service);
  }
  return { entries: rows.length, breakdown };
}

function satisfaction(db: Db, range: ReportRange): Report['satisfaction'] {
  const rows = db
    .prepare(
      `SELECT ticket_id AS ticketId, day, desk_id AS deskId, overall, scores, imbalan, pungli, complaint, complaint_status AS status
       FROM ratings WHERE day BETWEEN ? AND ? ORDER BY at`,
    )
    .all(range.from, range.to) as Array<{
    ticketId: string;
    day: string;
    deskId: string;
    overall: number;
    scores: string;
    imbalan: number | null;
    pungli: number | null;
    complaint: string;
    status: string | null;
  }>;
  const overallScores: Record<string, number> = {};
  for (const r of rows) overallScores[r.overall] = (overallScores[r.overall] ?? 0) + 1;
  return {
    ...computeIkm(rows.map((r) => ({ scores: JSON.parse(r.scores) as Array<IkmScore | null> }))),
    overallScores,
    integrity: {
      imbalanAsked: rows.filter((r) => r.imbalan === 1).length,
      pungliReported: rows.filter((r) => r.pungli === 1).length,
    },
    complaints: rows
      .filter((r) => r.complaint)
      .map((r) => ({
        ticketId: r.ticketId,
        day: r.day,
        deskId: r.deskId,
        text: r.complaint,
        status: r.status ?? 'baru',
      })),
  };
}

/** Today, this week (Monday on), this month, in office days. */
export function presetRange(
  preset: 'today' | 'week' | 'month',
  now: number,
  tz: OfficeTimeZone,
): ReportRange {
  const today = officeDay(now, tz);
  if (preset === 'today') return { from: today, to: today };
  if (preset === 'month') return { from: `${today.slice(0, 8)}01`, to: today };
  const monday = officeDay(dayStart(today, tz) - (isoWeekday(today) - 1) * 86_400_000, tz);
  return { from: monday, to: today };
}
