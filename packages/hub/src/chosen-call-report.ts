/**
 * Moves out of turn in the reports (issue 20 and the desk control audit), from one audit table
 * (storage/out-of-turn.ts): chosen calls per desk, per staff member and per reason; tickets sent to a
 * named desk (the guest book's desk, *Kirim ke meja*), which that desk calls before its queue, per
 * sender and per way sent; tickets put back at the head of a queue (*Kembalikan*, or back from a park)
 * per staff member and per way. Each: how many, how many of those overtook someone, how many they overtook.
 */
import {
  type CallCountRow,
  type ChosenCallReport,
  chosenCallRows,
  headMoveRows,
  type MoveCounts,
  type QueueConfig,
  type StringKey,
  sentCallRows,
  t,
} from '@pst/shared';
import type { Table } from './exports';
import type { ReportRange } from './reports';
import type { OutOfTurnKind } from './storage/out-of-turn';
import type { ReportStore } from './storage/report-store';

function countIn<T>(into: Record<string, T>, key: string, make: () => T): T {
  const counts = into[key] ?? make();
  into[key] = counts;
  return counts;
}

/**
 * The moves of one kind: in all, per desk, per staff member who decided them (with names), per `how`;
 * each counted under `calls` (its report's name for them: `chosen`, `sent`, `moved`).
 */
function tally<K extends string>(source: ReportStore, kind: OutOfTurnKind, range: ReportRange, calls: K) {
  const none = () => ({ [calls]: 0, outOfOrder: 0, overtaken: 0 }) as MoveCounts<K>;
  const total = none();
  const byDesk: Record<string, MoveCounts<K>> = {};
  const byStaff: Record<string, MoveCounts<K> & { name: string }> = {};
  const byHow: Record<string, MoveCounts<K>> = {};
  const usernames = new Map<string, string>();
  for (const row of source.outOfTurn(kind, range.from, range.to)) {
    if (row.staffUsername !== null) usernames.set(row.decidedBy, row.staffUsername);
    const staff = countIn(byStaff, row.decidedBy, () => ({
      ...none(),
      name: row.staffName ?? row.decidedBy,
    }));
    for (const into of [total, countIn(byDesk, row.deskId, none), staff, countIn(byHow, row.how, none)]) {
      into[calls]++;
      if (row.overtaken > 0) into.outOfOrder++;
      into.overtaken += row.overtaken;
    }
  }
  tellApart(byStaff, usernames);
  return { total, byDesk, byStaff, byHow };
}

export function chosenCallReport(source: ReportStore, range: ReportRange): ChosenCallReport {
  const chosen = tally(source, 'chosen', range, 'chosen');
  const sent = tally(source, 'sent', range, 'sent');
  const toHead = tally(source, 'to-head', range, 'moved');
  return {
    total: chosen.total,
    byDesk: chosen.byDesk,
    byStaff: chosen.byStaff,
    byReason: chosen.byHow as ChosenCallReport['byReason'],
    sent: {
      total: sent.total,
      bySender: sent.byStaff,
      byVia: sent.byHow as ChosenCallReport['sent']['byVia'],
    },
    toHead: {
      total: toHead.total,
      byStaff: toHead.byStaff,
      byWay: toHead.byHow as ChosenCallReport['toHead']['byWay'],
    },
  };
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
 * Three sheets: the chosen calls' rows per desk, per staff member, per reason, then the total; the sent
 * tickets' rows per sender, per way sent, then the total; the moves to the head of a queue per staff
 * member, per way, then the total. Names are staff's own text: every export
 * writer neutralises text cells (exports.ts), as for the other tables.
 */
export function chosenCallTables(report: ChosenCallReport, config: QueueConfig): Table[] {
  const deskName = (id: string) => config.desks.find((d) => d.id === id)?.name ?? id;
  // The counter's report screen shows the same rows (shared's chosen-call-rows.ts), in Indonesian.
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
    {
      name: 'ke-depan-antrian',
      title: 'Dikembalikan ke depan antrian',
      columns: columns('sup.headMoveCount'),
      rows: cells(headMoveRows(report.toHead, 'id'), (c) => c.moved),
    },
  ];
}
