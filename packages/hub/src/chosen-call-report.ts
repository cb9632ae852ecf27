/**
 * Chosen and out-of-order calls in the reports (issue 20): per desk, per staff member and per reason,
 * how many tickets were called by choice, how many of those overtook someone, and how many they overtook.
 * Beside them, tickets sent to a named desk (the guest book's desk, *Kirim ke meja*), which that desk
 * calls before its queue: per sender and per way sent, the same three figures of their first call there.
 */
import {
  type CallCountRow,
  type ChosenCallCounts,
  type ChosenCallReport,
  chosenCallRows,
  type QueueConfig,
  type SentCallCounts,
  type SentCallReport,
  type StringKey,
  sentCallRows,
  t,
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
    sent: sentCallReport(source, range),
  };
  const byReason: Record<string, ChosenCallCounts> = {};
  const usernames = new Map<string, string>();
  for (const row of source.chosenCalls(range.from, range.to)) {
    if (row.staffUsername !== null) usernames.set(row.staffId, row.staffUsername);
    add(report.total, row.overtaken);
    add(countIn(report.byDesk, row.deskId, none), row.overtaken);
    add(
      countIn(report.byStaff, row.staffId, () => ({ ...none(), name: row.staffName ?? row.staffId })),
      row.overtaken,
    );
    add(countIn(byReason, row.reason, none), row.overtaken);
  }
  report.byReason = byReason as ChosenCallReport['byReason'];
  tellApart(report.byStaff, usernames);
  return report;
}

function sentCallReport(source: ReportStore, range: ReportRange): SentCallReport {
  const report: SentCallReport = { total: noneSent(), bySender: {}, byVia: {} };
  const byVia: Record<string, SentCallCounts> = {};
  const usernames = new Map<string, string>();
  for (const row of source.sentCalls(range.from, range.to)) {
    if (row.senderUsername !== null) usernames.set(row.sentBy, row.senderUsername);
    addSent(report.total, row.overtaken);
    addSent(
      countIn(report.bySender, row.sentBy, () => ({ ...noneSent(), name: row.senderName ?? row.sentBy })),
      row.overtaken,
    );
    addSent(countIn(byVia, row.via, noneSent), row.overtaken);
  }
  report.byVia = byVia as SentCallReport['byVia'];
  tellApart(report.bySender, usernames);
  return report;
}

/**
 * Staff are counted by id but read by name: where two share a name, each also shows their username
 * (screen and exports alike), so the rows do not read as one person twice.
 */
function tellApart(byId: Record<string, { name: string }>, usernames: ReadonlyMap<string, string>): void {
  const count = new Map<string, number>();
  for (const { name } of Object.values(byId)) count.set(name, (count.get(name) ?? 0) + 1);
  for (const [id, counts] of Object.entries(byId))
    if ((count.get(counts.name) ?? 0) > 1) counts.name = `${counts.name} (${usernames.get(id) ?? id})`;
}

/**
 * Two sheets: the chosen calls' rows per desk, per staff member, per reason, then the total; the sent
 * tickets' rows per sender, per way sent, then the total. Names are staff's own text: every export
 * writer neutralises text cells (exports.ts), as for the other tables.
 */
export function chosenCallTables(report: ChosenCallReport, config: QueueConfig): Table[] {
  const deskName = (id: string) => config.desks.find((d) => d.id === id)?.name ?? id;
  // The counter's report screen shows the same rows (shared's chosenCallRows/sentCallRows), in Indonesian.
  const columns = (count: StringKey) =>
    (['sup.chosenPart', 'sup.chosenName', count, 'sup.chosenOutOfOrder', 'sup.chosenOvertaken'] as const).map(
      (key) => t('id', key),
    );
  const cells = <C extends { outOfOrder: number; overtaken: number }>(
    rows: Array<CallCountRow<C>>,
    calls: (c: C) => number,
  ) => rows.map(([, part, name, c]) => [part, name, calls(c), c.outOfOrder, c.overtaken]);
  return [
    {
      name: 'panggilan-pilihan',
      title: 'Panggilan pilihan',
      columns: columns('sup.chosenCount'),
      rows: cells(chosenCallRows(report, deskName, 'id'), (c) => c.chosen),
    },
    {
      name: 'kiriman-meja',
      title: 'Dikirim ke meja',
      columns: columns('sup.sentCount'),
      rows: cells(sentCallRows(report.sent, 'id'), (c) => c.sent),
    },
  ];
}
