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
  const rows = chosenCallRows(report, deskName, lang);
  return (
    <section className="panel" data-testid="chosen-calls-report">
      <h2>{tr('sup.chosenCalls')}</h2>
      {report.total.chosen === 0 ? (
        <p className="muted">{tr('sup.chosenNone')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{tr('sup.chosenPart')}</th>
              <th>{tr('sup.chosenName')}</th>
              <th>{tr('sup.chosenCount')}</th>
              <th>{tr('sup.chosenOutOfOrder')}</th>
              <th>{tr('sup.chosenOvertaken')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([key, part, name, c]) => (
              <tr key={key}>
                <td>{part}</td>
                <td>{name}</td>
                <td>{formatNumber(c.chosen, lang)}</td>
                <td>{formatNumber(c.outOfOrder, lang)}</td>
                <td>{formatNumber(c.overtaken, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <SentCalls report={report.sent} lang={lang} />
    </section>
  );
}

function SentCalls({ report, lang }: { report: SentCallReport; lang: Lang }) {
  const tr = useT();
  const rows = sentCallRows(report, lang);
  return (
    <div data-testid="sent-calls-report">
      <h3>{tr('sup.sentCalls')}</h3>
      {report.total.sent === 0 ? (
        <p className="muted">{tr('sup.sentNone')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{tr('sup.chosenPart')}</th>
              <th>{tr('sup.chosenName')}</th>
              <th>{tr('sup.sentCount')}</th>
              <th>{tr('sup.chosenOutOfOrder')}</th>
              <th>{tr('sup.chosenOvertaken')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([key, part, name, c]) => (
              <tr key={key}>
                <td>{part}</td>
                <td>{name}</td>
                <td>{formatNumber(c.sent, lang)}</td>
                <td>{formatNumber(c.outOfOrder, lang)}</td>
                <td>{formatNumber(c.overtaken, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
