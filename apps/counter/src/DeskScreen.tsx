import {
  FRONT_OFFICE_QUEUE,
  formatTime,
  mayCommand,
  NO_VALUE,
  overtakenBy,
  type StringKey,
  type WaitingTicketView,
} from '@pst/shared';
import { useHubNow, useT } from '@pst/ui';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CallChosenDialog } from './CallChosenDialog';
import { DeskParkActions, DeskParkPanel, deskParkAvailable, runDeskParkAction } from './DeskPark';
import {
  availableActions,
  clockColour,
  clockText,
  type DeskAction,
  deskQueues,
  isHeldByOther,
  minutesText,
  transferChoices,
} from './desk-logic';
import { isDeskParkAction } from './desk-park-logic';
import {
  DESK_SHORTCUTS,
  type ShortcutAction,
  shortcutKeyOf,
  shortcutOf,
  useCloseOnEscape,
} from './desk-shortcuts';
import { GuestBookForm } from './GuestBookForm';
import { Notice } from './Notice';
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
  const held = isHeldByOther(desk, session?.staff.id);
  useKeyboardShortcuts(online);
  return (
    <div className="desk-screen">
      <header className="topbar brand-bar">
        <div>
          <strong className="desk-name">{desk?.name ?? '…'}</strong>
          <span className={`status status-${desk?.status ?? 'closed'}`}>
            {tr(STATUS_KEY[desk?.status ?? 'closed'] as StringKey)}
          </span>
        </div>
        <div className="desk-buttons">
          <button
            type="button"
            disabled={!online || state.busy || desk?.status === 'open' || held}
            onClick={() => void state.deskCommand(desk?.status === 'paused' ? 'desk:resume' : 'desk:open')}
          >
            {desk?.status === 'paused' ? tr('counter.resume') : tr('counter.open')}
          </button>
          <button
            type="button"
            disabled={!online || state.busy || desk?.status !== 'open' || !!desk.current || held}
            onClick={() => void state.deskCommand('desk:pause')}
          >
            {tr('counter.pause')}
          </button>
          <button
            type="button"
            disabled={!online || state.busy || desk?.status === 'closed' || !!desk?.current || held}
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
      {held && <DeskHeldBanner />}
      {desk?.kind === 'front-office' && <PrinterAlert />}
      {desk?.kind === 'front-office' && <PrintFailures />}
      <div className="desk-body">
        <QueuePanel />
        <main className="work">
          <CurrentTicket />
          <DeskParkPanel />
          <Notice />
          {desk?.current && (desk.kind === 'front-office' ? <GuestBookForm /> : <VisitPanel />)}
        </main>
      </div>
    </div>
  );
}

function runAction(action: ShortcutAction): void {
  const store = useCounter.getState();
  if (action === 'callNext') void store.callNext();
  else if (action === 'recall') void store.ticketCommand('ticket:recall');
  else if (action === 'noShow') void store.ticketCommand('ticket:no-show');
  else if (action === 'start') void store.ticketCommand('ticket:start');
  else if (action === 'finish') void store.ticketCommand('ticket:finish');
  // "Panggil (pilih dari daftar)": to the queue list's first "Panggil"; Tab moves on, Enter opens its reason dialog.
  else if (action === 'pickTicket')
    document.querySelector<HTMLButtonElement>('.pick-ticket:enabled')?.focus();
  else if (isDeskParkAction(action)) runDeskParkAction(action);
}

/** The table of desk-shortcuts.ts: keys work anywhere at the desk except while typing in a field. */
function useKeyboardShortcuts(online: boolean) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = shortcutOf(event)?.action;
      if (!action || document.querySelector('.dialog-backdrop')) return;
      const store = useCounter.getState();
      const actions = availableActions(myDesk(store), online, store.session?.staff.id);
      const allowed =
        action === 'pickTicket'
          ? actions.callNext
          : isDeskParkAction(action)
            ? deskParkAvailable(action, online)
            : actions[action];
      if (!allowed || store.busy) return;
      event.preventDefault();
      runAction(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [online]);
}

function QueuePanel() {
  const tr = useT();
  const now = useHubNow();
  const { board, desk, lang, mayCancel } = useCounter(
    useShallow((s) => ({
      board: s.board,
      desk: myDesk(s),
      lang: s.lang,
      mayCancel: mayCommand(s.session?.staff.role ?? '', 'ticket:cancel'),
    })),
  );
  const [cancelling, setCancelling] = useState<WaitingTicketView | null>(null);
  const [picking, setPicking] = useState<{ ticket: WaitingTicketView; ahead: WaitingTicketView[] } | null>(
    null,
  );
  const mayPick = useCounter(
    (s) => availableActions(myDesk(s), s.connection === 'online', s.session?.staff.id).callNext && !s.busy,
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
              <WaitingRow
                key={ticket.id}
                ticket={ticket}
                now={now}
                onCancel={mayCancel ? () => setCancelling(ticket) : undefined}
                onPick={
                  mayPick
                    ? () => setPicking({ ticket, ahead: overtakenBy(queue.waiting, ticket) })
                    : undefined
                }
              />
            ))}
          </ol>
        </section>
      ))}
      {cancelling && (
        <CancelDialog
          ticketId={cancelling.id}
          number={cancelling.number}
          onClose={() => setCancelling(null)}
        />
      )}
      {picking && <CallChosenDialog {...picking} onClose={() => setPicking(null)} />}
    </aside>
  );
}

function WaitingRow({
  ticket,
  now,
  onCancel,
  onPick,
}: {
  ticket: WaitingTicketView;
  now: number;
  onCancel: (() => void) | undefined;
  /** Calls this ticket out of turn, after its reason dialog (disabled while the desk cannot call). */
  onPick: (() => void) | undefined;
}) {
  const tr = useT();
  const colour = clockColour(ticket, now);
  return (
    <li
      className={`waiting-row clock-${colour}`}
      data-testid={`waiting-${ticket.number}`}
      data-clock={colour}
    >
      <span className="number">{ticket.number}</span>
      {ticket.priority && <span className="priority-tag">{tr('counter.priority')}</span>}
      <span className="waited">{tr('counter.waited', { t: minutesText(now - ticket.enteredAt, tr) })}</span>
      <span className="clock">{clockText(ticket.clock, now, tr)}</span>
      <div className="row-actions">
        <button
          type="button"
          className="pick-ticket"
          aria-label={tr('pick.callAria', { number: ticket.number })}
          disabled={!onPick}
          onClick={onPick}
        >
          {tr('pick.call')}
        </button>
        {onCancel && (
          <button
            type="button"
            className="link-button cancel-ticket"
            aria-label={tr('counter.cancelTitle', { number: ticket.number })}
            onClick={onCancel}
          >
            {tr('counter.cancelTicket')}
          </button>
        )}
      </div>
    </li>
  );
}

const CANCEL_REASONS: StringKey[] = [
  'counter.cancelReasonDuplicate',
  'counter.cancelReasonMistake',
  'counter.cancelReasonLeft',
  'counter.cancelReasonWrongService',
];

/** Cancels a phantom or duplicate ticket with a reason, so it is never called, recalled and marked no-show. */
function CancelDialog({
  ticketId,
  number,
  onClose,
}: {
  ticketId: string;
  number: string;
  onClose: () => void;
}) {
  const tr = useT();
  const { cancelTicket, busy, online } = useCounter(
    useShallow((s) => ({ cancelTicket: s.cancelTicket, busy: s.busy, online: s.connection === 'online' })),
  );
  const [reason, setReason] = useState(tr(CANCEL_REASONS[0] as StringKey));
  useCloseOnEscape(onClose);
  return (
    <form
      className="dialog cancel-dialog"
      aria-label={tr('counter.cancelTitle', { number })}
      onSubmit={(event) => {
        event.preventDefault();
        void cancelTicket(ticketId, reason.trim()).then((done) => done && onClose());
      }}
    >
      <h3>{tr('counter.cancelTitle', { number })}</h3>
      <label>
        {tr('counter.cancelReason')}
        <input
          list="cancel-reasons"
          value={reason}
          maxLength={200}
          required
          onChange={(e) => setReason(e.target.value)}
        />
        <datalist id="cancel-reasons">
          {CANCEL_REASONS.map((key) => (
            <option key={key} value={tr(key)} />
          ))}
        </datalist>
      </label>
      <div className="row">
        <button type="submit" className="warn" disabled={!reason.trim() || busy || !online}>
          {tr('counter.cancelConfirm')}
        </button>
        <button type="button" onClick={onClose}>
          {tr('counter.cancelBack')}
        </button>
      </div>
    </form>
  );
}

/** Another staff member holds this desk: say so, and offer a take-over after a confirmation. */
function DeskHeldBanner() {
  const tr = useT();
  const { desk, takeOverDesk, busy } = useCounter(
    useShallow((s) => ({ desk: myDesk(s), takeOverDesk: s.takeOverDesk, busy: s.busy })),
  );
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="held-banner" role="alert">
      <p>{tr('counter.deskHeld')}</p>
      {confirming ? (
        <>
          <p>{tr('counter.takeOverConfirm', { desk: desk?.name ?? '' })}</p>
          <div className="row">
            <button
              type="button"
              className="warn"
              disabled={busy}
              onClick={() => void takeOverDesk().then(() => setConfirming(false))}
            >
              {tr('counter.takeOver')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {tr('counter.cancelBack')}
            </button>
          </div>
        </>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          {tr('counter.takeOver')}
        </button>
      )}
    </div>
  );
}

function CurrentTicket() {
  const tr = useT();
  const { desk, connection, busy, lang, board, me } = useCounter(
    useShallow((s) => ({
      desk: myDesk(s),
      connection: s.connection,
      busy: s.busy,
      lang: s.lang,
      board: s.board,
      me: s.session?.staff.id,
    })),
  );
  const actions = availableActions(desk, connection === 'online', me);
  // "Tidak hadir" waits for one recall (queue-core's RECALL_FIRST): say so where the button is.
  const noShowWaits = actions.recall && !actions.noShow;
  const current = desk?.current;
  const [transferring, setTransferring] = useState(false);
  const button = (action: DeskAction, key: StringKey, className = '') => (
    <button
      type="button"
      className={`action ${className}`}
      disabled={!actions[action] || busy}
      aria-describedby={action === 'noShow' && noShowWaits ? 'no-show-hint' : undefined}
      title={action === 'noShow' && noShowWaits ? tr('counter.noShowHint') : undefined}
      aria-keyshortcuts={shortcutKeyOf(action)}
      onClick={() => runAction(action)}
    >
      {tr(key)}
      {action === 'recall' && current?.recalls ? <span className="badge">{current.recalls}</span> : null}
      {shortcutKeyOf(action) && <kbd>{shortcutKeyOf(action)}</kbd>}
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
        <DeskParkActions />
      </div>
      {noShowWaits && (
        <p className="hint" id="no-show-hint" data-testid="no-show-hint">
          {tr('counter.noShowHint')}
        </p>
      )}
      <p className="muted shortcuts" data-testid="desk-shortcuts">
        {tr('pick.shortcutsTitle')}:{' '}
        {Object.entries(DESK_SHORTCUTS)
          .map(([key, s]) => `${key.toUpperCase()} ${tr(s.hint)}`)
          .join(' · ')}{' '}
        · Esc {tr('pick.escape')}
      </p>
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
  const options = transferChoices(board, visit);
  const [picked, setServiceId] = useState('');
  // The first choice until staff pick one (the visit, and so the choices, may arrive after the dialog opens).
  const serviceId = options.some((s) => s.id === picked) ? picked : (options[0]?.id ?? '');
  const [note, setNote] = useState('');
  useCloseOnEscape(onClose);
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
  const queueName = (id: string) => {
    const service = board?.services.find((s) => s.id === id);
    if (id === FRONT_OFFICE_QUEUE || !service)
      return id === FRONT_OFFICE_QUEUE ? tr('queue.frontOffice') : id;
    return lang === 'en' ? service.nameEn : service.name;
  };
  return (
    <section className="visit" aria-label={tr('counter.visit')}>
      <h2>
        {tr('counter.visit')} {visit.ticket.number}
      </h2>
      {visit.stages
        .filter((stage) => stage.outcome === 'transferred' && stage.note)
        .map((stage) => (
          <p key={`${stage.queue}-${stage.enteredAt}`} className="transfer-note" data-testid="transfer-note">
            <strong>{tr('counter.transferNoteFrom', { queue: queueName(stage.queue) })}:</strong> {stage.note}
          </p>
        ))}
      {gb ? (
        <dl>
          <dt>{tr('gb.fullName')}</dt>
          <dd>{gb.fullName}</dd>
          <dt>{tr('gb.institutionName')}</dt>
          <dd>{gb.institutionName || NO_VALUE}</dd>
          <dt>{tr('counter.purpose')}</dt>
          <dd>{gb.purpose}</dd>
          <dt>{tr('counter.dataNeeded')}</dt>
          <dd>{gb.dataNeeded || NO_VALUE}</dd>
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
