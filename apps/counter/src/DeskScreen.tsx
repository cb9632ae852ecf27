import { FRONT_OFFICE_QUEUE, formatTime, type StringKey, type WaitingTicketView } from '@pst/shared';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Notice, useNow } from './App';
import { availableActions, clockColour, type DeskAction, deskQueues, minutesText } from './desk-logic';
import { GuestBookForm } from './GuestBookForm';
import { useT } from './i18n';
import { PrinterAlert, PrintFailures } from './PrinterAlert';
import { GlobalShortcutHint, ShortcutNotice } from './shell-integration';
import { myDesk, useCounter } from './store';

const STATUS_KEY: Record<string, StringKey> = {
  closed: 'counter.deskClosed',
  open: 'counter.deskOpen',
  paused: 'counter.deskPaused',
};

export function DeskScreen() {
  const tr = useT();
  const state = useCounter(
    useShallow((s) => ({
      desk: myDesk(s),
      session: s.session,
      connection: s.connection,
      lang: s.lang,
      toggleLang: s.toggleLang,
      logout: s.logout,
      chooseDesk: s.chooseDesk,
      deskCommand: s.deskCommand,
      busy: s.busy,
    })),
  );
  const { desk, session, connection } = state;
  const online = connection === 'online';
  useKeyboardShortcuts(online);
  return (
    <div className="desk-screen">
      <header className="topbar">
        <div>
          <strong className="desk-name">{desk?.name ?? '…'}</strong>
          <span className={`status status-${desk?.status ?? 'closed'}`}>
            {tr(STATUS_KEY[desk?.status ?? 'closed'] as StringKey)}
          </span>
        </div>
        <div className="desk-buttons">
          <button
            type="button"
            disabled={!online || state.busy || desk?.status === 'open'}
            onClick={() => void state.deskCommand(desk?.status === 'paused' ? 'desk:resume' : 'desk:open')}
          >
            {desk?.status === 'paused' ? tr('counter.resume') : tr('counter.open')}
          </button>
          <button
            type="button"
            disabled={!online || state.busy || desk?.status !== 'open' || !!desk.current}
            onClick={() => void state.deskCommand('desk:pause')}
          >
            {tr('counter.pause')}
          </button>
          <button
            type="button"
            disabled={!online || state.busy || desk?.status === 'closed' || !!desk?.current}
            onClick={() => void state.deskCommand('desk:close')}
          >
            {tr('counter.close')}
          </button>
        </div>
        <div className="who">
          <span>{session?.staff.name}</span>
          <button type="button" className="link" onClick={() => state.chooseDesk(null)}>
            {tr('counter.changeDesk')}
          </button>
          <button type="button" className="link" onClick={state.toggleLang}>
            {tr('app.language')}
          </button>
          <button type="button" className="link" onClick={state.logout}>
            {tr('counter.logout')}
          </button>
        </div>
      </header>
      {!online && (
        <div className="offline" role="alert">
          {tr('app.offline')}
        </div>
      )}
      <ShortcutNotice />
      {desk?.kind === 'front-office' && <PrinterAlert />}
      {desk?.kind === 'front-office' && <PrintFailures />}
      <div className="desk-body">
        <QueuePanel />
        <main className="work">
          <CurrentTicket />
          <Notice />
          {desk?.current && (desk.kind === 'front-office' ? <GuestBookForm /> : <VisitPanel />)}
        </main>
      </div>
    </div>
  );
}

const SHORTCUTS: Record<string, DeskAction> = {
  ' ': 'callNext',
  F2: 'callNext',
  F3: 'recall',
  F4: 'noShow',
  F5: 'start',
  F6: 'finish',
};

function runAction(action: DeskAction): void {
  const store = useCounter.getState();
  if (action === 'callNext') void store.callNext();
  else if (action === 'recall') void store.ticketCommand('ticket:recall');
  else if (action === 'noShow') void store.ticketCommand('ticket:no-show');
  else if (action === 'start') void store.ticketCommand('ticket:start');
  else if (action === 'finish') void store.ticketCommand('ticket:finish');
}

/** Keys work anywhere except while typing in a field (space is a letter there). */
function useKeyboardShortcuts(online: boolean) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = SHORTCUTS[event.key];
      const typing = (event.target as HTMLElement).closest('input, textarea, select');
      if (!action || (typing && event.key === ' ')) return;
      const store = useCounter.getState();
      if (!availableActions(myDesk(store), online)[action] || store.busy) return;
      event.preventDefault();
      runAction(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [online]);
}

function QueuePanel() {
  const tr = useT();
  const now = useNow();
  const { board, desk, lang } = useCounter(
    useShallow((s) => ({ board: s.board, desk: myDesk(s), lang: s.lang })),
  );
  const queues = deskQueues(board, desk);
  return (
    <aside className="queue-panel" aria-label={tr('counter.queue')}>
      <div className="counters">
        <div>
          <span className="big">{desk?.servedToday ?? 0}</span>
          <span>{tr('counter.servedToday')}</span>
        </div>
        <div>
          <span className="big">{board?.today.breaches ?? 0}</span>
          <span>{tr('counter.breachesToday')}</span>
        </div>
      </div>
      {queues.map((queue) => (
        <section key={queue.id}>
          <h2 style={{ borderColor: queue.color }}>
            {queue.id === FRONT_OFFICE_QUEUE
              ? tr('queue.frontOffice')
              : lang === 'en'
                ? queue.nameEn
                : queue.name}
            <span className="count">{queue.waitingCount}</span>
          </h2>
          {queue.waiting.length === 0 && <p className="muted">{tr('counter.empty')}</p>}
          <ol className="waiting-list">
            {queue.waiting.map((ticket) => (
              <WaitingRow key={ticket.id} ticket={ticket} now={now} />
            ))}
          </ol>
        </section>
      ))}
    </aside>
  );
}

function WaitingRow({ ticket, now }: { ticket: WaitingTicketView; now: number }) {
  const tr = useT();
  const colour = clockColour(ticket, now);
  const deadline = ticket.clock.deadline;
  const clockText =
    deadline === null
      ? tr('counter.clockNotStarted')
      : now > deadline
        ? tr('counter.clockLate', { t: minutesText(now - deadline) })
        : tr('counter.clockLeft', { t: minutesText(deadline - now + 59_999) });
  return (
    <li
      className={`waiting-row clock-${colour}`}
      data-testid={`waiting-${ticket.number}`}
      data-clock={colour}
    >
      <span className="number">{ticket.number}</span>
      {ticket.priority && <span className="priority-tag">{tr('counter.priority')}</span>}
      <span className="waited">{tr('counter.waited', { t: minutesText(now - ticket.enteredAt) })}</span>
      <span className="clock">{clockText}</span>
    </li>
  );
}

function CurrentTicket() {
  const tr = useT();
  const { desk, connection, busy, lang, board } = useCounter(
    useShallow((s) => ({
      desk: myDesk(s),
      connection: s.connection,
      busy: s.busy,
      lang: s.lang,
      board: s.board,
    })),
  );
  const actions = availableActions(desk, connection === 'online');
  const current = desk?.current;
  const [transferring, setTransferring] = useState(false);
  const button = (action: DeskAction, key: StringKey, className = '') => (
    <button
      type="button"
      className={`action ${className}`}
      disabled={!actions[action] || busy}
      onClick={() => runAction(action)}
    >
      {tr(key)}
      {action === 'recall' && current?.recalls ? <span className="badge">{current.recalls}</span> : null}
    </button>
  );
  return (
    <section className="current" aria-label={tr('counter.current')}>
      <div className="current-ticket">
        {current ? (
          <>
            <span className="current-number" data-testid="current-number">
              {current.number}
            </span>
            <span>
              {current.state === 'called' ? tr('counter.stateCalled') : tr('counter.stateServing')} ·{' '}
              {formatTime(current.since, lang, board?.office.timeZone)}
              {current.recalls > 0 && ` · ${tr('counter.recalls', { n: current.recalls })}`}
            </span>
          </>
        ) : (
          <span className="muted">{tr('counter.none')}</span>
        )}
      </div>
      <div className="actions">
        {button('callNext', 'counter.callNext', 'primary')}
        {button('recall', 'counter.recall')}
        {button('noShow', 'counter.noShow', 'warn')}
        {button('start', 'counter.start')}
        {desk?.kind !== 'front-office' && button('finish', 'counter.finish', 'ok')}
        {desk?.kind !== 'front-office' && (
          <button
            type="button"
            className="action"
            disabled={!actions.transfer || busy}
            onClick={() => setTransferring(true)}
          >
            {tr('counter.transfer')}
          </button>
        )}
      </div>
      <p className="muted shortcuts">{tr('counter.shortcuts')}</p>
      <GlobalShortcutHint />
      {transferring && current && <TransferDialog onClose={() => setTransferring(false)} />}
    </section>
  );
}

function TransferDialog({ onClose }: { onClose: () => void }) {
  const tr = useT();
  const { board, visit, transfer, lang } = useCounter(
    useShallow((s) => ({ board: s.board, visit: s.visit, transfer: s.transfer, lang: s.lang })),
  );
  const options = (board?.services ?? []).filter((s) => s.active && s.id !== visit?.ticket.queue);
  const [serviceId, setServiceId] = useState(options[0]?.id ?? '');
  const [note, setNote] = useState('');
  return (
    <form
      className="dialog"
      aria-label={tr('counter.transfer')}
      onSubmit={(event) => {
        event.preventDefault();
        void transfer(serviceId, note).then(onClose);
      }}
    >
      <label>
        {tr('counter.transferTo')}
        <select value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
          {options.map((s) => (
            <option key={s.id} value={s.id}>
              {lang === 'en' ? s.nameEn : s.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {tr('counter.transferNote')}
        <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
      </label>
      <div className="row">
        <button type="submit" className="primary" disabled={!serviceId}>
          {tr('counter.transfer')}
        </button>
        <button type="button" onClick={onClose}>
          {tr('counter.cancel')}
        </button>
      </div>
    </form>
  );
}

function VisitPanel() {
  const tr = useT();
  const { visit, addNote, lang, board } = useCounter(
    useShallow((s) => ({ visit: s.visit, addNote: s.addNote, lang: s.lang, board: s.board })),
  );
  const [note, setNote] = useState('');
  if (!visit) return null;
  const gb = visit.guestBook;
  return (
    <section className="visit" aria-label={tr('counter.visit')}>
      <h2>
        {tr('counter.visit')} {visit.ticket.number}
      </h2>
      {gb ? (
        <dl>
          <dt>{tr('gb.fullName')}</dt>
          <dd>{gb.fullName}</dd>
          <dt>{tr('gb.institutionName')}</dt>
          <dd>{gb.institutionName || '-'}</dd>
          <dt>{tr('counter.purpose')}</dt>
          <dd>{gb.purpose}</dd>
          <dt>{tr('counter.dataNeeded')}</dt>
          <dd>{gb.dataNeeded || '-'}</dd>
        </dl>
      ) : (
        <p className="muted">{tr('counter.noGuestBook')}</p>
      )}
      <h3>{tr('counter.notes')}</h3>
      <ul className="notes">
        {visit.notes.map((n) => (
          <li key={`${n.at}-${n.text}`}>
            <span className="muted">
              {formatTime(n.at, lang, board?.office.timeZone)} · {n.staffName}
            </span>{' '}
            {n.text}
          </li>
        ))}
      </ul>
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          void addNote(note).then((saved) => saved && setNote(''));
        }}
      >
        <textarea
          aria-label={tr('counter.notes')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          rows={2}
          maxLength={4000}
        />
        <button type="submit" disabled={!note.trim()}>
          {tr('counter.addNote')}
        </button>
      </form>
    </section>
  );
}
