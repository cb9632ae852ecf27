import { useT } from '@pst/ui';
import { useDisplay } from './store';

/**
 * Tickets sent to a named desk (issue 20, part 2): "K-003 menunggu di Meja Konsultasi 2", so the
 * visitor knows which desk will call them. Numbers and desk names only, as the rest of the board.
 */
export function SentToDesks() {
  const tr = useT();
  const desks = useDisplay((s) => s.board?.desks);
  const rows = (desks ?? []).flatMap((desk) =>
    desk.sentHere.map((sent) => ({ key: sent.ticketId, number: sent.number, desk: desk.name })),
  );
  if (rows.length === 0) return null;
  return (
    <section className="panel sent-panel" data-testid="sent-panel">
      <h2>{tr('display.sentTitle')}</h2>
      <ul className="sent">
        {rows.map((row) => (
          <li key={row.key} data-testid="sent-row">
            <strong>{row.number}</strong>
            <span className="desk-name">{tr('display.waitingAtDesk', { desk: row.desk })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
