import {
  type CallReason,
  type ChosenCallCounts,
  type ChosenCallReport,
  formatNumber,
  type Lang,
  type SendVia,
  type SentCallCounts,
  type SentCallReport,
} from '@pst/shared';
import { useT } from '@pst/ui';

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
  const rows: Array<[string, string, ChosenCallCounts]> = [
    ...Object.entries(report.byDesk).map(([id, c]): [string, string, ChosenCallCounts] => [
      tr('sup.chosenByDesk'),
      deskName(id),
      c,
    ]),
    ...Object.values(report.byStaff).map((c): [string, string, ChosenCallCounts] => [
      tr('sup.chosenByStaff'),
      c.name,
      c,
    ]),
    ...Object.entries(report.byReason).map(([reason, c]): [string, string, ChosenCallCounts] => [
      tr('sup.chosenByReason'),
      tr(`callReason.${reason as CallReason}`),
      c as ChosenCallCounts,
    ]),
  ];
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
            {[...rows, [tr('sup.chosenTotal'), '', report.total] as [string, string, ChosenCallCounts]].map(
              ([part, name, c]) => (
                <tr key={`${part}/${name}`}>
                  <td>{part}</td>
                  <td>{name}</td>
                  <td>{formatNumber(c.chosen, lang)}</td>
                  <td>{formatNumber(c.outOfOrder, lang)}</td>
                  <td>{formatNumber(c.overtaken, lang)}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      <SentCalls report={report.sent} lang={lang} />
    </section>
  );
}

function SentCalls({ report, lang }: { report: SentCallReport; lang: Lang }) {
  const tr = useT();
  const rows: Array<[string, string, SentCallCounts]> = [
    ...Object.values(report.bySender).map((c): [string, string, SentCallCounts] => [
      tr('sup.sentBySender'),
      c.name,
      c,
    ]),
    ...Object.entries(report.byVia).map(([via, c]): [string, string, SentCallCounts] => [
      tr('sup.sentByVia'),
      tr(`sendVia.${via as SendVia}`),
      c as SentCallCounts,
    ]),
    [tr('sup.chosenTotal'), '', report.total],
  ];
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
            {rows.map(([part, name, c]) => (
              <tr key={`${part}/${name}`}>
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
