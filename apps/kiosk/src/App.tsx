import {
  type BoardSnapshot,
  DEFAULT_TIME_ZONE,
  entryQueue,
  FRONT_OFFICE_QUEUE,
  formatDate,
  formatTime,
  KIOSK_REPRINT_SECONDS,
  openServices,
} from '@pst/shared';
import { OfflineNotice, PairingScreen, useHubNow, useT } from '@pst/ui';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { AppointmentEntry, AppointmentScreen } from './appointment-screen';
import { StaffAccess } from './staff-access';
import { ERROR_SECONDS, IDLE_SECONDS, printOutcome, TICKET_SECONDS, useKiosk } from './store';
import { useHub } from './use-hub';
import { visitorErrorText } from './visitor-error';

/** Whether the tap guard (TAP_GUARD_MS after a screen change) has passed: re-renders when it does. */
function useReady(): boolean {
  const readyAt = useKiosk((s) => s.readyAt);
  const [, rerender] = useState(0);
  const wait = readyAt - Date.now();
  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => rerender((n) => n + 1), wait);
    return () => clearTimeout(timer);
  }, [wait]);
  return wait <= 0;
}

export function App() {
  const { token, pair } = useHub();
  const { connection, phase, opening } = useKiosk(
    useShallow((s) => ({ connection: s.connection, phase: s.phase.name, opening: s.board?.opening })),
  );
  useIdleReset();
  if (!token || connection === 'unauthorized') {
    return <PairingScreen title="kiosk.pairTitle" hint="kiosk.pairHint" onPair={pair} />;
  }
  return (
    <div className="kiosk">
      <Header />
      <OfflineNotice connection={connection} />
      {phase === 'ticket' ? (
        <TicketScreen />
      ) : phase === 'appointment' ? (
        <AppointmentScreen />
      ) : opening?.open === false ? (
        <ClosedScreen />
      ) : (
        <ChooseScreen />
      )}
      <RepeatQuestion />
    </div>
  );
}

/**
 * A visitor who walked away from the start screen (in English, with priority on) leaves it as the
 * next visitor expects it: back to Indonesian after a minute without a touch.
 */
function useIdleReset() {
  const { lang, priority, phase, reset } = useKiosk(
    useShallow((s) => ({ lang: s.lang, priority: s.priority, phase: s.phase.name, reset: s.reset })),
  );
  const dirty = phase === 'choose' && (lang !== 'id' || priority);
  useEffect(() => {
    if (!dirty) return;
    let timer = setTimeout(reset, IDLE_SECONDS * 1000);
    const touched = () => {
      clearTimeout(timer);
      timer = setTimeout(reset, IDLE_SECONDS * 1000);
    };
    document.addEventListener('pointerdown', touched);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('pointerdown', touched);
    };
  }, [dirty, reset]);
}

function Header() {
  const tr = useT();
  const { lang, office, toggleLang } = useKiosk(
    useShallow((s) => ({ lang: s.lang, office: s.board?.office, toggleLang: s.toggleLang })),
  );
  const now = useHubNow();
  const tz = office?.timeZone ?? DEFAULT_TIME_ZONE;
  return (
    <header className="header brand-bar">
      <div>
        <StaffAccess tr={tr}>
          <div className="office">{office?.name ?? 'BPS'}</div>
          <div className="subtitle">{tr('app.title')}</div>
        </StaffAccess>
      </div>
      <div className="header-right">
        <div className="clock">
          <div className="time">{formatTime(now, lang, tz)}</div>
          <div className="date">{formatDate(now, lang, tz)}</div>
        </div>
        <button type="button" className="lang" onClick={toggleLang}>
          {tr('app.language')}
        </button>
      </div>
    </header>
  );
}

function ChooseScreen() {
  const tr = useT();
  const { lang, board, priority, phase, error, connection, togglePriority, choose, clearError } = useKiosk(
    useShallow((s) => ({
      lang: s.lang,
      board: s.board,
      priority: s.priority,
      phase: s.phase,
      error: s.error,
      connection: s.connection,
      togglePriority: s.togglePriority,
      choose: s.choose,
      clearError: s.clearError,
    })),
  );
  // A refusal is read, then goes: the next visitor never finds the last one's trouble on screen.
  useEffect(() => {
    if (!error) return;
    const timer = setTimeout(clearError, ERROR_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [error, clearError]);
  const ready = useReady();
  const services = openServices(board?.services ?? []);
  const busy = phase.name === 'taking' || connection !== 'online';
  const frontOffice = board?.office.frontOfficeFirst
    ? board.queues.find((q) => q.id === FRONT_OFFICE_QUEUE)
    : undefined;
  return (
    <main className="choose">
      {/*
       * What the kiosk says takes the place of the welcome while it is said: no room is kept empty
       * for a message, and a message never moves the cards under a finger.
       */}
      <div className="intro">
        <h1>{tr('kiosk.welcome')}</h1>
        <p className="lead">{tr('kiosk.pick')}</p>
        {error ? (
          <p className="notice error" role="alert">
            {visitorErrorText(error.code, lang)}
          </p>
        ) : phase.name === 'taking' ? (
          <p className="notice busy">{tr('kiosk.busy')}</p>
        ) : services.length === 0 && board ? (
          <p className="notice error">{tr('kiosk.unavailable')}</p>
        ) : null}
      </div>
      <button
        type="button"
        className={`priority ${priority ? 'on' : ''}`}
        aria-pressed={priority}
        onClick={togglePriority}
        disabled={busy}
      >
        <span className="priority-box" aria-hidden="true">
          {priority ? '✓' : ''}
        </span>
        <span>
          <strong>{priority ? tr('kiosk.priorityOn') : tr('kiosk.priority')}</strong>
          <small>{tr('kiosk.priorityHint')}</small>
        </span>
      </button>
      {frontOffice && (
        <div className="front-office" data-testid="front-office-waiting">
          <span>{tr('kiosk.frontOfficeFirst')}</span>
          <strong>
            {tr('kiosk.frontOfficeWaiting', {
              n: frontOffice.waitingCount,
              m: frontOffice.estimatedWaitMinutes,
            })}
          </strong>
        </div>
      )}
      <div className="services">
        {services.map((service) => (
          <button
            type="button"
            key={service.id}
            className="service"
            style={{ '--service-color': service.color } as React.CSSProperties}
            disabled={busy || !ready}
            onClick={() => void choose(service.id)}
          >
            <span className="prefix">{service.prefix}</span>
            <span className="service-name">{lang === 'en' ? service.nameEn : service.name}</span>
            {board && !frontOffice && (
              <span className="waiting">
                {tr('kiosk.waitingCount', { n: waitingFor(board, service.id) })}
              </span>
            )}
          </button>
        ))}
      </div>
      <AppointmentEntry disabled={busy} />
      <footer className="footer">
        <strong>{tr('app.free')}</strong>
        {board?.office.runningText && <span> · {board.office.runningText}</span>}
      </footer>
    </main>
  );
}

/** People a new ticket for this service would find ahead of it: the line it joins, as the ticket counts. */
function waitingFor(board: BoardSnapshot, serviceId: string): number {
  const line = entryQueue(board.office, serviceId);
  return board.queues.find((q) => q.id === line)?.waitingCount ?? 0;
}

function ClosedScreen() {
  const tr = useT();
  const { lang, board } = useKiosk(useShallow((s) => ({ lang: s.lang, board: s.board })));
  const opening = board?.opening;
  if (!board || !opening || opening.open) return null;
  const tz = board.office.timeZone;
  return (
    <main className="closed" data-testid="kiosk-closed">
      <h1>{tr('kiosk.closedTitle')}</h1>
      {opening.holiday && <p className="holiday">{tr('kiosk.closedHoliday', { name: opening.holiday })}</p>}
      {opening.opensAt !== null && (
        <p className="opens">
          {tr('kiosk.opensAt', {
            date: formatDate(opening.opensAt, lang, tz),
            time: formatTime(opening.opensAt, lang, tz),
          })}
        </p>
      )}
      <p>{tr('kiosk.closedHint')}</p>
      <p className="free">{tr('app.free')}</p>
    </main>
  );
}

/** Asked when a service is tapped soon after the last ticket: a second one takes a deliberate "yes". */
function RepeatQuestion() {
  const tr = useT();
  const { confirm, lastTicket, confirmTake, cancelConfirm } = useKiosk(
    useShallow((s) => ({
      confirm: s.confirm,
      lastTicket: s.lastTicket,
      confirmTake: s.confirmTake,
      cancelConfirm: s.cancelConfirm,
    })),
  );
  const ready = useReady();
  if (!confirm || !lastTicket) return null;
  return (
    <div className="repeat-backdrop">
      <div className="repeat" role="dialog" aria-modal="true" aria-labelledby="repeat-title">
        <h2 id="repeat-title">{tr('kiosk.repeatTitle', { number: lastTicket.number })}</h2>
        <p>{tr('kiosk.repeatQuestion')}</p>
        <div className="repeat-actions">
          <button type="button" className="repeat-no" onClick={cancelConfirm}>
            {tr('kiosk.repeatNo')}
          </button>
          <button type="button" className="repeat-yes" disabled={!ready} onClick={() => void confirmTake()}>
            {tr('kiosk.repeatYes')}
          </button>
        </div>
      </div>
    </div>
  );
}

function TicketScreen() {
  const tr = useT();
  const { lang, phase, reset, finish, board, printed, reprint, reprinting } = useKiosk(
    useShallow((s) => ({
      lang: s.lang,
      phase: s.phase,
      reset: s.reset,
      finish: s.finish,
      board: s.board,
      printed: s.printed,
      reprint: s.reprint,
      reprinting: s.reprinting,
    })),
  );
  const ready = useReady();
  const [shown, setShown] = useState(0);
  const [settledAt, setSettledAt] = useState<number | null>(null);
  useEffect(() => {
    const timer = setInterval(() => setShown((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  const ticket = phase.name === 'ticket' ? phase.result.ticket : null;
  const outcome = ticket ? printOutcome(ticket.id, printed, shown) : 'printing';
  // The countdown back to the start begins once the visitor knows whether to take the paper.
  useEffect(() => {
    if (outcome !== 'printing' && settledAt === null) setSettledAt(shown);
  }, [outcome, settledAt, shown]);
  const left = settledAt === null ? TICKET_SECONDS : TICKET_SECONDS - (shown - settledAt);
  useEffect(() => {
    if (left <= 0) reset();
  }, [left, reset]);
  if (!ticket) return null;
  const service = board?.services.find((s) => s.id === ticket.serviceId);
  const printOk = outcome === 'ok';
  const frontOffice = ticket.queue === FRONT_OFFICE_QUEUE;
  return (
    // In landscape the number and what it means stand left, what the visitor does stands right:
    // every action stays on screen at any size (the number is sized by the screen's short side).
    <main className="ticket">
      <div className="ticket-id">
        <p className="your-number">{tr('kiosk.yourNumber')}</p>
        <p className="number" style={{ color: service?.color }} data-testid="ticket-number">
          {ticket.number}
        </p>
        <p className="ticket-service">{lang === 'en' ? service?.nameEn : service?.name}</p>
        {ticket.priority && <p className="badge">{tr('ticket.priority')}</p>}
        <div className="facts">
          <p data-testid="people-ahead">
            {tr(frontOffice ? 'kiosk.peopleAheadFrontOffice' : 'kiosk.peopleAhead', {
              n: ticket.peopleAhead,
            })}
          </p>
          <p>{tr('kiosk.estimatedWait', { n: ticket.estimatedWaitMinutes })}</p>
        </div>
        {/* What to do now: walk-ins see the front office first (guest book), others the desk named. */}
        <p className="next-step" data-testid="next-step">
          {tr(frontOffice ? 'kiosk.nextFrontOffice' : 'kiosk.nextDesk')}
        </p>
      </div>
      <div className="ticket-actions">
        {outcome === 'printing' ? (
          <p className="printing" role="status">
            {tr('kiosk.printing')}
          </p>
        ) : (
          <p className={printOk ? 'printed' : 'print-failed'} role={printOk ? 'status' : 'alert'}>
            {printOk ? tr('kiosk.printed') : tr('kiosk.printFailed')}
          </p>
        )}
        {outcome === 'failed' && shown < KIOSK_REPRINT_SECONDS && (
          <div className="reprint">
            <p>{tr('kiosk.reprintHint')}</p>
            <button
              type="button"
              className="reprint-button"
              disabled={reprinting}
              onClick={(event) => {
                // The ticket screen returns to the start on a tap; this tap is for the paper.
                event.stopPropagation();
                void reprint(ticket.id);
              }}
            >
              {reprinting ? tr('kiosk.reprinting') : tr('kiosk.reprint')}
            </button>
          </div>
        )}
        <p className="free">{tr('app.free')}</p>
        <button type="button" className="finish" disabled={!ready} onClick={finish}>
          {tr('kiosk.finish')}
        </button>
        <p className="back">
          {tr('kiosk.finishHint')} · {tr('kiosk.back', { n: Math.max(0, left) })}
        </p>
      </div>
    </main>
  );
}
