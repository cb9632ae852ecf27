/**
 * The online service's figures for a range of office days: requests per channel, the share answered within
 * 3 working days, the median working days to the first answer, closes for no response, appointments kept
 * and missed, and the IKM of walk-in and online users (online also per channel).
 */
import {
  appointmentStatus,
  computeIkm,
  type OfficeCalendar,
  percentile,
  workingDaysTaken,
} from '@pst/queue-core';
import {
  type OnlineChannelFigures as ChannelFigures,
  IKM_CATEGORY_LABELS,
  type IkmResult,
  type IkmScore,
  ONLINE_CHANNEL_LABELS,
  ONLINE_CHANNELS,
  type OnlineReport,
  type ReportRange,
} from '@pst/shared';
import type { Cell, Table } from './exports';
import type { OnlineRequestFacts, ReportStore } from './storage/report-store';

type Scores = { scores: Array<IkmScore | null> };

function channelFigures(
  rows: OnlineRequestFacts[],
  ratings: Scores[],
  now: number,
  calendar: OfficeCalendar,
): ChannelFigures {
  const clocked = rows.filter((r) => r.due_at !== null && r.clock_started_at !== null);
  const due = clocked.filter((r) => r.first_answered_at !== null || now >= (r.due_at as number));
  const inTime = due.filter(
    (r) => r.first_answered_at !== null && r.first_answered_at <= (r.due_at as number),
  );
  const taken = clocked
    .filter((r) => r.first_answered_at !== null)
    .map((r) => workingDaysTaken(r.clock_started_at as number, r.first_answered_at as number, calendar))
    .sort((a, b) => a - b);
  return {
    requests: rows.length,
    due: due.length,
    answeredInTime: inTime.length,
    inTimeShare: due.length === 0 ? null : inTime.length / due.length,
    medianWorkingDays: percentile(taken, 50),
    closedNoResponse: rows.filter((r) => r.close_reason === 'tidak-ada-respons').length,
    closedDone: rows.filter((r) => r.close_reason === 'selesai').length,
    ikm: computeIkm(ratings),
  };
}

export function buildOnlineReport(
  source: ReportStore,
  range: ReportRange,
  now: number,
  calendar: OfficeCalendar,
): OnlineReport {
  const requests = source.onlineRequests(range.from, range.to);
  const ratings = source.onlineRatings(range.from, range.to).map((r) => ({
    channel: r.channel,
    scores: JSON.parse(r.scores) as Array<IkmScore | null>,
  }));
  const walkIn = source
    .walkInScores(range.from, range.to)
    .map((r) => ({ scores: JSON.parse(r.scores) as Array<IkmScore | null> }));
  const appointments = source.appointments(range.from, range.to);
  // In person and Zoom alike: a Zoom meeting counts once staff marked it (hadir / tidak hadir).
  const status = appointments.map((a) => appointmentStatus(a, now));
  return {
    range,
    channels: ONLINE_CHANNELS.map((channel) => ({
      channel,
      ...channelFigures(
        requests.filter((r) => r.channel === channel),
        ratings.filter((r) => r.channel === channel),
        now,
        calendar,
      ),
    })),
    total: channelFigures(requests, ratings, now, calendar),
    appointments: {
      booked: appointments.length,
      kept: status.filter((s) => s === 'hadir').length,
      missed: status.filter((s) => s === 'tidak-hadir').length,
      pending: status.filter((s) => s === 'dijadwalkan').length,
      zoom: appointments.filter((a) => a.kind === 'zoom').length,
    },
    ikm: { walkIn: computeIkm(walkIn), online: computeIkm(ratings) },
  };
}

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);
const round = (value: number | null, digits: number) =>
  value === null ? null : Number(value.toFixed(digits));

/** The online report as tables, for the same XLSX and CSV exports as the walk-in report. */
export function onlineTables(report: OnlineReport): Table[] {
  const row = (label: string, c: ChannelFigures): Cell[] => [
    label,
    c.requests,
    c.due,
    c.answeredInTime,
    percent(c.inTimeShare),
    round(c.medianWorkingDays, 2),
    c.closedDone,
    c.closedNoResponse,
    c.ikm.respondents,
    round(c.ikm.converted, 2),
  ];
  const ikmRow = (label: string, ikm: IkmResult): Cell[] => [
    label,
    ikm.respondents,
    round(ikm.converted, 2),
    ikm.category ? `${ikm.category} (${IKM_CATEGORY_LABELS[ikm.category]})` : null,
  ];
  return [
    {
      name: 'online',
      title: 'Permintaan online per kanal',
      columns: [
        'Kanal',
        'Permintaan',
        'Jatuh tempo atau dijawab',
        'Dijawab dalam 3 hari kerja',
        'Dijawab dalam 3 hari kerja (%)',
        'Median hari kerja sampai dijawab',
        'Ditutup selesai',
        'Ditutup tidak ada respons',
        'Responden SKM',
        'IKM',
      ],
      rows: [
        ...report.channels.map((c) => row(ONLINE_CHANNEL_LABELS[c.channel], c)),
        row('Semua kanal', report.total),
      ],
    },
    {
      name: 'janji-temu',
      title: 'Janji temu',
      columns: ['Dibuat', 'Hadir', 'Tidak hadir', 'Belum waktunya atau belum ditandai', 'Di antaranya Zoom'],
      rows: [
        [
          report.appointments.booked,
          report.appointments.kept,
          report.appointments.missed,
          report.appointments.pending,
          report.appointments.zoom,
        ],
      ],
    },
    {
      name: 'ikm-kanal',
      title: 'IKM kunjungan langsung dan online',
      columns: ['Kanal', 'Responden', 'IKM', 'Mutu'],
      rows: [
        ikmRow('Kunjungan langsung', report.ikm.walkIn),
        ikmRow('Online (semua kanal)', report.ikm.online),
        ...report.channels.map((c) => ikmRow(`Online: ${ONLINE_CHANNEL_LABELS[c.channel]}`, c.ikm)),
      ],
    },
  ];
}
