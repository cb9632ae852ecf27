import {
  type CallCountRow,
  type ChosenCallReport,
  chosenCallRows,
  formatNumber,
  type Lang,
  sentCallRows,
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
  rows: Array<CallCountRow<C>>;
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
