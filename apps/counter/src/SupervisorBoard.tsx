import { FRONT_OFFICE_QUEUE, formatTime, NO_VALUE, type StringKey } from '@pst/shared';
import { useHubNow, useT } from '@pst/ui';
import { useShallow } from 'zustand/react/shallow';
import { clockColour, clockText, minutesText } from './desk-logic';
import { PrintFailures, printersInTrouble, usePrinterText } from './PrinterAlert';
import { useCounter } from './store';

const STATUS_KEY: Record<string, StringKey> = {
  closed: 'counter.deskClosed',
  open: 'counter.deskOpen',
  paused: 'counter.deskPaused',
};

/** The head of the service centre's live view: desks, queues, and what needs attention now. */
export function SupervisorBoard() {
  const tr = useT();
  const printerText = usePrinterText();
  const now = useHubNow();
  const { board, deskStaff, lang } = useCounter(
    useShallow((s) => ({ board: s.board, deskStaff: s.deskStaff, lang: s.lang })),
  );
  if (!board) return <p className="muted">{tr('sup.loading')}</p>;
  const tz = board.office.timeZone;
  const queueName = (id: string) =>
    id === FRONT_OFFICE_QUEUE
      ? tr('queue.frontOffice')
      : (board.services.find((s) => s.id === id)?.[lang === 'en' ? 'nameEn' : 'name'] ?? id);
  const breaches = board.queues.flatMap((q) => {
    const head = q.waiting[0];
    return head && clockColour(head, now) === 'red' ? [{ queue: q, head }] : [];
  });
  const troubled = printersInTrouble(board);
  const printerBad = troubled.length > 0;
  return (
    <div className="supervisor">
      <section className="panel alerts" aria-label={tr('sup.alerts')}>
        <h2>{tr('sup.alerts')}</h2>
        {breaches.length === 0 && !printerBad && board.holidaysMissingYear === null && (
          <p className="muted">{tr('sup.noAlerts')}</p>
        )}
        <ul>
          {board.holidaysMissingYear !== null && (
            <li className="alert" data-testid="holidays-missing">
              <span role="alert">{tr('sup.holidaysMissing', { year: board.holidaysMissingYear })}</span>
            </li>
          )}
          {breaches.map(({ queue, head }) => (
            <li key={head.id} className="alert">
              {/* The alert inside the item: a list may only hold list items (role="alert" on li breaks it). */}
              <span role="alert">
                {tr('sup.breach', {
                  number: head.number,
                  queue: queueName(queue.id),
                  t: minutesText(now - (head.clock.deadline ?? now), tr),
                })}
              </span>
            </li>
          ))}
          {troubled.map((printer) => (
            <li key={printer.id ?? 'hub'} className="alert">
              <span role="alert">{printerText(printer)}</span>
            </li>
          ))}
        </ul>
      </section>
      <PrintFailures />
      <section className="panel" aria-label={tr('sup.desks')}>
        <h2>{tr('sup.desks')}</h2>
        <table>
          <thead>
            <tr>
              <th>{tr('sup.desks')}</th>
              <th>{tr('sup.staffAt')}</th>
              <th>Status</th>
              <th>{tr('counter.current')}</th>
              <th>{tr('counter.servedToday')}</th>
            </tr>
          </thead>
          <tbody>
            {board.desks.map((desk) => (
              <tr key={desk.id} data-testid={`desk-${desk.id}`}>
                <td>{desk.name}</td>
                <td>{deskStaff[desk.id] ?? NO_VALUE}</td>
                <td>
                  <span className={`status status-${desk.status}`}>
                    {tr(STATUS_KEY[desk.status] as StringKey)}
                  </span>
                </td>
                <td>
                  {desk.current ? (
                    <>
                      <strong>{desk.current.number}</strong>{' '}
                      {desk.current.state === 'called'
                        ? tr('counter.stateCalled')
                        : tr('counter.stateServing')}{' '}
                      · {tr('sup.since', { time: formatTime(desk.current.since, lang, tz) })}
                    </>
                  ) : (
                    NO_VALUE
                  )}
                </td>
                <td>{desk.servedToday}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel" aria-label={tr('sup.queues')}>
        <h2>{tr('sup.queues')}</h2>
        <div className="queue-cards">
          {board.queues.map((queue) => {
            const head = queue.waiting[0];
            const colour = head ? clockColour(head, now) : 'waiting';
            return (
              <div
                key={queue.id}
                className={`queue-card clock-${colour}`}
                data-testid={`queue-${queue.id}`}
                data-clock={colour}
              >
                <h3 style={{ borderColor: queue.color }}>{queueName(queue.id)}</h3>
                <p className="big">{queue.waitingCount}</p>
                <p>
                  {head
                    ? tr('sup.longest', {
                        t: minutesText(now - Math.min(...queue.waiting.map((w) => w.enteredAt)), tr),
                      })
                    : tr('counter.empty')}
                </p>
                {head && (
                  <p className="clock">
                    {head.number} · {clockText(head.clock, now, tr)}
                  </p>
                )}
              </div>
            );
          })}
        </div>
      </section>
    </div>
  );
}
