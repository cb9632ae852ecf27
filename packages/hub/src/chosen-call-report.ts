/**
 * Chosen and out-of-order calls in the reports (issue 20): per desk, per staff member and per reason,
 * how many tickets were called by choice, how many of those overtook someone, and how many they overtook.
 */
import {
  type CallReason,
  type ChosenCallCounts,
  type ChosenCallReport,
  callReasonLabel,
  type QueueConfig,
} from '@pst/shared';
import type { Table } from './exports';
import type { ReportRange } from './reports';
import type { ReportStore } from './storage/report-store';

const none = (): ChosenCallCounts => ({ chosen: 0, outOfOrder: 0, overtaken: 0 });

function add(into: ChosenCallCounts, overtaken: number): void {
  into.chosen++;
  if (overtaken > 0) into.outOfOrder++;
  into.overtaken += overtaken;
}

function countIn<T extends ChosenCallCounts>(into: Record<string, T>, key: string, make: () => T): T {
  const counts = into[key] ?? make();
  into[key] = counts;
  return counts;
}

export function chosenCallReport(source: ReportStore, range: ReportRange): ChosenCallReport {
  const report: ChosenCallReport = { total: none(), byDesk: {}, byStaff: {}, byReason: {} };
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
  return report;
}

/** One sheet: the rows per desk, per staff member, per reason, then the total. */
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
  ];
}
