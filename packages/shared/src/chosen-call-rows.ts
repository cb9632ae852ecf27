/**
 * The rows of the chosen-calls report, in one order for the counter's screen and the hub's exports
 * (tables `panggilan-pilihan` and `kiriman-meja`): per desk, staff member and reason, then the total;
 * per sender and way sent, then the total.
 */
import { type CallReason, callReasonLabel } from './desk-pick';
import { type SendVia, sendViaLabel } from './desk-rules';
import { t } from './i18n';
import type { ChosenCallCounts, ChosenCallReport, SentCallCounts, SentCallReport } from './reports';
import type { Lang } from './time';

/** A row: a stable key (staff are keyed by id: two may share a name), its part, its name and its counts. */
export type CallCountRow<C> = [key: string, part: string, name: string, counts: C];

export function chosenCallRows(
  report: ChosenCallReport,
  deskName: (id: string) => string,
  lang: Lang,
): Array<CallCountRow<ChosenCallCounts>> {
  return [
    ...Object.entries(report.byDesk).map(
      ([id, c]): CallCountRow<ChosenCallCounts> => [
        `desk/${id}`,
        t(lang, 'sup.chosenByDesk'),
        deskName(id),
        c,
      ],
    ),
    ...Object.entries(report.byStaff).map(
      ([id, c]): CallCountRow<ChosenCallCounts> => [`staff/${id}`, t(lang, 'sup.chosenByStaff'), c.name, c],
    ),
    ...Object.entries(report.byReason).map(
      ([reason, c]): CallCountRow<ChosenCallCounts> => [
        `reason/${reason}`,
        t(lang, 'sup.chosenByReason'),
        callReasonLabel(reason as CallReason, lang),
        c as ChosenCallCounts,
      ],
    ),
    ['total', t(lang, 'sup.chosenTotal'), '', report.total],
  ];
}

export function sentCallRows(report: SentCallReport, lang: Lang): Array<CallCountRow<SentCallCounts>> {
  return [
    ...Object.entries(report.bySender).map(
      ([id, c]): CallCountRow<SentCallCounts> => [`sender/${id}`, t(lang, 'sup.sentBySender'), c.name, c],
    ),
    ...Object.entries(report.byVia).map(
      ([via, c]): CallCountRow<SentCallCounts> => [
        `via/${via}`,
        t(lang, 'sup.sentByVia'),
        sendViaLabel(via as SendVia, lang),
        c as SentCallCounts,
      ],
    ),
    ['total', t(lang, 'sup.chosenTotal'), '', report.total],
  ];
}
