/**
 * The rows of the chosen-calls report, in one order for the counter's screen and the hub's exports
 * (tables `panggilan-pilihan`, `kiriman-meja` and `ke-depan-antrian`): per desk, staff member and
 * reason, then the total; per sender and way sent, then the total; per staff member and way, then the total.
 */
import { type CallReason, callReasonLabel } from './desk-pick';
import { type HeadMoveWay, headMoveWayLabel, type SendVia, sendViaLabel } from './desk-rules';
import { t } from './i18n';
import type {
  ChosenCallCounts,
  ChosenCallReport,
  HeadMoveCounts,
  HeadMoveReport,
  SentCallCounts,
  SentCallReport,
} from './reports';
import type { Lang } from './time';

/** A row: a stable key (staff are keyed by id: two may share a name), its part, its name and its counts. */
export type CallCountRow<C> = [key: string, part: string, name: string, counts: C];

/** One part's rows: `prefix/key` keys, in the order the report holds them. */
function partRows<K extends string, C>(
  prefix: string,
  part: string,
  counts: Partial<Record<K, C>>,
  name: (key: K, counts: C) => string,
): Array<CallCountRow<C>> {
  return (Object.entries(counts) as Array<[K, C | undefined]>).flatMap(([key, c]) =>
    c === undefined ? [] : [[`${prefix}/${key}`, part, name(key, c), c] as CallCountRow<C>],
  );
}

export function chosenCallRows(
  report: ChosenCallReport,
  deskName: (id: string) => string,
  lang: Lang,
): Array<CallCountRow<ChosenCallCounts>> {
  return [
    ...partRows('desk', t(lang, 'sup.chosenByDesk'), report.byDesk, deskName),
    ...partRows('staff', t(lang, 'sup.chosenByStaff'), report.byStaff, (_, c) => c.name),
    ...partRows('reason', t(lang, 'sup.chosenByReason'), report.byReason, (reason: CallReason) =>
      callReasonLabel(reason, lang),
    ),
    ['total', t(lang, 'sup.chosenTotal'), '', report.total],
  ];
}

export function sentCallRows(report: SentCallReport, lang: Lang): Array<CallCountRow<SentCallCounts>> {
  return [
    ...partRows('sender', t(lang, 'sup.sentBySender'), report.bySender, (_, c) => c.name),
    ...partRows('via', t(lang, 'sup.sentByVia'), report.byVia, (via: SendVia) => sendViaLabel(via, lang)),
    ['total', t(lang, 'sup.chosenTotal'), '', report.total],
  ];
}

export function headMoveRows(report: HeadMoveReport, lang: Lang): Array<CallCountRow<HeadMoveCounts>> {
  return [
    ...partRows('staff', t(lang, 'sup.headMoveByStaff'), report.byStaff, (_, c) => c.name),
    ...partRows('way', t(lang, 'sup.headMoveByWay'), report.byWay, (way: HeadMoveWay) =>
      headMoveWayLabel(way, lang),
    ),
    ['total', t(lang, 'sup.chosenTotal'), '', report.total],
  ];
}
