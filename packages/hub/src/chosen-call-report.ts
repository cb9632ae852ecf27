/**
 * Chosen and out-of-order calls in the reports (issue 20): per desk, per staff member and per reason,
 * how many tickets were called by choice, how many of those overtook someone, and how many they overtook.
 * Beside them, tickets sent to a named desk (the guest book's desk, *Kirim ke meja*), which that desk
 * calls before its queue: per sender and per way sent, the same three figures of their first call there.
 */
import {
  type CallReason,
  type ChosenCallCounts,
  type ChosenCallReport,
  callReasonLabel,
  type QueueConfig,
  type SendVia,
  type SentCallCounts,
  type SentCallReport,
  sendViaLabel,
} from '@pst/shared';
import type { Table } from './exports';
import type { ReportRange } from './reports';
import type { ReportStore } from './storage/report-store';

const none = (): ChosenCallCounts => ({ chosen: 0, outOfOrder: 0, overtaken: 0 });
const noneSent = (): SentCallCounts => ({ sent: 0, outOfOrder: 0, overtaken: 0 });

/** Counts one call: `calls` is the figure of all calls (`chosen` or `sent`), then the out-of-order ones. */
function addTo<K extends string>(
  into: Record<K, number> & { outOfOrder: number; overtaken: number },
  calls: K,
  overtaken: number,
): void {
  into[calls]++;
  if (overtaken > 0) into.outOfOrder++;
  into.overtaken += overtaken;
}

const add = (into: ChosenCallCounts, overtaken: number) => addTo(into, 'chosen', overtaken);
const addSent = (into: SentCallCounts, overtaken: number) => addTo(into, 'sent', overtaken);

function countIn<T>(into: Record<string, T>, key: string, make: () => T): T {
  const counts = into[key] ?? make();
  into[key] = counts;
  return counts;
}

export function chosenCallReport(source: ReportStore, range: ReportRange): ChosenCallReport {
  const report: ChosenCallReport = {
    total: none(),
    byDesk: {},
    byStaff: {},
    byReason: {},
    sent: { total: noneSent(), bySender: {}, byVia: {} },
  };
  const byReason: Record<string, ChosenCallCounts> = {};
  for (const row of source.chosenCalls(range.from, range.to)) {
    add(report.total, row.overtaken);
    add(countIn(report.byDesk, row.deskId, none), row.overtaken);
    add(
      countIn(report.byStaff, row.staffId, () => ({ ...none(), name: row.staffName ?? row.staffId })),
      row.overtaken,
    );
    add(countIn(byReason, row.reason, none), row.overtaken);
  }
  report.byReason = byReason as ChosenCallReport['byReason'];
  report.sent = sentCallReport(source, range);
  return report;
}

function sentCallReport(source: ReportStore, range: ReportRange): SentCallReport {
  const report: SentCallReport = { total: noneSent(), bySender: {}, byVia: {} };
  const byVia: Record<string, SentCallCounts> = {};
  for (const row of source.sentCalls(range.from, range.to)) {
    addSent(report.total, row.overtaken);
    addSent(
      countIn(report.bySender, row.sentBy, () => ({ ...noneSent(), name: row.senderName ?? row.sentBy })),
      row.overtaken,
    );
    addSent(countIn(byVia, row.via, noneSent), row.overtaken);
  }
  report.byVia = byVia as SentCallReport['byVia'];
  return report;
}

/**
 * Two sheets: the chosen calls' rows per desk, per staff member, per reason, then the total; the sent
 * tickets' rows per sender, per way sent, then the total. Names are staff's own text: every export
 * writer neutralises text cells (exports.ts), as for the other tables.
 */
export function chosenCallTables(report: ChosenCallReport, config: QueueConfig): Table[] {
  const deskName = (id: string) => config.desks.find((d) => d.id === id)?.name ?? id;
  const row = (part: string, name: string, c: ChosenCallCounts) => [
    part,
    name,
    c.chosen,
    c.outOfOrder,
    c.overtaken,
  ];
  return [
    {
      name: 'panggilan-pilihan',
      title: 'Panggilan pilihan',
      columns: ['Rincian', 'Nama', 'Dipanggil pilihan', 'Di luar urutan', 'Antrian yang didahului'],
      rows: [
        ...Object.entries(report.byDesk).map(([id, c]) => row('Meja', deskName(id), c)),
        ...Object.values(report.byStaff).map((c) => row('Petugas', c.name, c)),
        ...Object.entries(report.byReason).map(([reason, c]) =>
          row('Alasan', callReasonLabel(reason as CallReason), c as ChosenCallCounts),
        ),
        row('Semua', '', report.total),
      ],
    },
    {
      name: 'kiriman-meja',
      title: 'Dikirim ke meja',
      columns: ['Rincian', 'Nama', 'Dipanggil setelah dikirim', 'Di luar urutan', 'Antrian yang didahului'],
      rows: [
        ...Object.values(report.sent.bySender).map((c) => sentRow('Dikirim oleh', c.name, c)),
        ...Object.entries(report.sent.byVia).map(([via, c]) =>
          sentRow('Dikirim lewat', sendViaLabel(via as SendVia), c as SentCallCounts),
        ),
        sentRow('Semua', '', report.sent.total),
      ],
    },
  ];
}

const sentRow = (part: string, name: string, c: SentCallCounts) => [
  part,
  name,
  c.sent,
  c.outOfOrder,
  c.overtaken,
];
