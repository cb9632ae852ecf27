import {
  type CallCountRow,
  type ChosenCallReport,
  chosenCallRows,
  formatNumber,
  headMoveRows,
  type Lang,
  sentCallRows,
} from '@pst/shared';
import { useT } from '@pst/ui';

/**
 * The report's chosen and out-of-order calls (issue 20): per desk, staff member and reason; then the
 * tickets sent to a named desk, which that desk called ahead of their queue: per sender and way sent;
 * then the tickets put back at the head of a queue: per staff member and way.
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
    <section className="panel out-of-turn-report" data-testid="chosen-calls-report">
      <h2>{tr('sup.chosenCalls')}</h2>
      <CallCounts
        rows={chosenCallRows(report, deskName, lang)}
        none={report.total.chosen === 0 && tr('sup.chosenNone')}
        countHeader={tr('sup.chosenCount')}
        count={(c) => c.chosen}
        lang={lang}
      />
      <div data-testid="sent-calls-report">
        <h3>{tr('sup.sentCalls')}</h3>
        <CallCounts
          rows={sentCallRows(report.sent, lang)}
          none={report.sent.total.sent === 0 && tr('sup.sentNone')}
          countHeader={tr('sup.sentCount')}
          count={(c) => c.sent}
          lang={lang}
        />
      </div>
      <div data-testid="head-moves-report">
        <h3>{tr('sup.headMoves')}</h3>
        <CallCounts
          rows={headMoveRows(report.toHead, lang)}
          none={report.toHead.total.moved === 0 && tr('sup.headMovesNone')}
          countHeader={tr('sup.headMoveCount')}
          count={(c) => c.moved}
          lang={lang}
        />
      </div>
    </section>
  );
}

/**
 * One table of call counts: part, name, the calls counted, how many went out of order, whom they passed;
 * or, where there were none (`none`: its sentence), that sentence.
 */
function CallCounts<C extends { outOfOrder: number; overtaken: number }>({
  rows,
  none,
  countHeader,
  count,
  lang,
}: {
  rows: Array<CallCountRow<C>>;
  none: string | false;
  countHeader: string;
  count: (counts: C) => number;
  lang: Lang;
}) {
  const tr = useT();
  if (none) return <p className="muted">{none}</p>;
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
