import {
  type CallReason,
  type ChosenCallCounts,
  type ChosenCallReport,
  callReasonLabel,
  formatNumber,
  type Lang,
  type SendVia,
  type SentCallCounts,
  type SentCallReport,
  sendViaLabel,
  t,
} from '@pst/shared';
import { useT } from '@pst/ui';

/** A table row: its React key, part, name and counts. Staff are keyed by id: two may share a name. */
type Row<C> = [key: string, part: string, name: string, counts: C];

export function chosenCallRows(
  report: ChosenCallReport,
  deskName: (id: string) => string,
  lang: Lang,
): Array<Row<ChosenCallCounts>> {
  return [
    ...Object.entries(report.byDesk).map(
      ([id, c]): Row<ChosenCallCounts> => [`desk/${id}`, t(lang, 'sup.chosenByDesk'), deskName(id), c],
    ),
    ...Object.entries(report.byStaff).map(
      ([id, c]): Row<ChosenCallCounts> => [`staff/${id}`, t(lang, 'sup.chosenByStaff'), c.name, c],
    ),
    ...Object.entries(report.byReason).map(
      ([reason, c]): Row<ChosenCallCounts> => [
        `reason/${reason}`,
        t(lang, 'sup.chosenByReason'),
        callReasonLabel(reason as CallReason, lang),
        c as ChosenCallCounts,
      ],
    ),
    ['total', t(lang, 'sup.chosenTotal'), '', report.total],
  ];
}

export function sentCallRows(report: SentCallReport, lang: Lang): Array<Row<SentCallCounts>> {
  return [
    ...Object.entries(report.bySender).map(
      ([id, c]): Row<SentCallCounts> => [`sender/${id}`, t(lang, 'sup.sentBySender'), c.name, c],
    ),
    ...Object.entries(report.byVia).map(
      ([via, c]): Row<SentCallCounts> => [
        `via/${via}`,
        t(lang, 'sup.sentByVia'),
        sendViaLabel(via as SendVia, lang),
        c as SentCallCounts,
      ],
    ),
    ['total', t(lang, 'sup.chosenTotal'), '', report.total],
  ];
}

/**
 * The report's chosen and out-of-order calls (issue 20): per desk, staff member and reason; then the
 * tickets sent to a named desk, which that desk called ahead of their queue: per sender and way sent.
 */
export function ChosenCallsReport({
  report,
  deskName,
  lang,
}: {
  report: ChosenCallReport;
  deskName: (id: string) => string;
  lang: Lang;
}) {
  const tr = useT();
  return (
    <section className="panel" data-testid="chosen-calls-report">
      <h2>{tr('sup.chosenCalls')}</h2>
      {report.total.chosen === 0 ? (
        <p className="muted">{tr('sup.chosenNone')}</p>
      ) : (
        <CallCounts
          rows={chosenCallRows(report, deskName, lang)}
          countHeader={tr('sup.chosenCount')}
          count={(c) => c.chosen}
          lang={lang}
        />
      )}
      <div data-testid="sent-calls-report">
        <h3>{tr('sup.sentCalls')}</h3>
        {report.sent.total.sent === 0 ? (
          <p className="muted">{tr('sup.sentNone')}</p>
        ) : (
          <CallCounts
            rows={sentCallRows(report.sent, lang)}
            countHeader={tr('sup.sentCount')}
            count={(c) => c.sent}
            lang={lang}
          />
        )}
      </div>
    </section>
  );
}

/** One table of call counts: part, name, the calls counted, how many went out of order, whom they passed. */
function CallCounts<C extends { outOfOrder: number; overtaken: number }>({
  rows,
  countHeader,
  count,
  lang,
}: {
  rows: Array<Row<C>>;
  countHeader: string;
  count: (counts: C) => number;
  lang: Lang;
}) {
  const tr = useT();
  return (
    <table>
      <thead>
        <tr>
          <th>{tr('sup.chosenPart')}</th>
          <th>{tr('sup.chosenName')}</th>
          <th>{countHeader}</th>
          <th>{tr('sup.chosenOutOfOrder')}</th>
          <th>{tr('sup.chosenOvertaken')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([key, part, name, c]) => (
          <tr key={key}>
            <td>{part}</td>
            <td>{name}</td>
            <td>{formatNumber(count(c), lang)}</td>
            <td>{formatNumber(c.outOfOrder, lang)}</td>
            <td>{formatNumber(c.overtaken, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
