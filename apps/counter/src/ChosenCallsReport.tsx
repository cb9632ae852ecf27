import {
  type CallReason,
  type ChosenCallCounts,
  type ChosenCallReport,
  formatNumber,
  type Lang,
} from '@pst/shared';
import { useT } from '@pst/ui';

/** The report's chosen and out-of-order calls (issue 20): per desk, staff member and reason. */
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
    </section>
  );
}
