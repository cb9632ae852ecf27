import { saveDeviceToken } from '@pst/client';
import { formatDate, formatTime, type StringKey, t } from '@pst/shared';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { StaffAccess } from './staff-access';
import { printOutcome, TICKET_SECONDS, useKiosk } from './store';
import { useHub } from './use-hub';

function useT() {
  const lang = useKiosk((s) => s.lang);
  return (key: StringKey, params?: Record<string, string | number>) => t(lang, key, params);
}

function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function App() {
  const { token, setToken } = useHub();
  const { connection, phase } = useKiosk(
    useShallow((s) => ({ connection: s.connection, phase: s.phase.name })),
  );
  if (!token || connection === 'unauthorized') {
    return (
      <PairingScreen
        onPair={(value) => {
          saveDeviceToken('kiosk', value);
          setToken(value);
        }}
      />
    );
  }
  return (
    <div className="kiosk">
      <Header />
      {connection !== 'online' && <OfflineBanner />}
      {phase === 'ticket' ? <TicketScreen /> : <ChooseScreen />}
    </div>
  );
}

function Header() {
  const tr = useT();
  const { lang, office, toggleLang } = useKiosk(
    useShallow((s) => ({ lang: s.lang, office: s.board?.office, toggleLang: s.toggleLang })),
  );
  const now = useNow();
  const tz = office?.timeZone ?? 'Asia/Jakarta';
  return (
    <header className="header">
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

function OfflineBanner() {
  const tr = useT();
  return (
    <div className="offline" role="alert">
      {tr('app.offline')}
    </div>
  );
}

function ChooseScreen() {
  const tr = useT();
  const { lang, board, priority, phase, error, connection, togglePriority, take } = useKiosk(
    useShallow((s) => ({
      lang: s.lang,
      board: s.board,
      priority: s.priority,
      phase: s.phase,
      error: s.error,
      connection: s.connection,
      togglePriority: s.togglePriority,
      take: s.take,
    })),
  );
  const services = board?.services.filter((s) => s.active) ?? [];
  const busy = phase.name === 'taking' || connection !== 'online';
  const waiting = (serviceId: string) => board?.queues.find((q) => q.id === serviceId)?.waitingCount ?? 0;
  return (
    <main className="choose">
      <h1>{tr('kiosk.welcome')}</h1>
      <p className="lead">{tr('kiosk.pick')}</p>
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
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
      {services.length === 0 && board && <p className="error">{tr('kiosk.unavailable')}</p>}
      <div className="services">
        {services.map((service) => (
          <button
            type="button"
            key={service.id}
            className="service"
            style={{ '--service-color': service.color } as React.CSSProperties}
            disabled={busy}
            onClick={() => void take(service.id)}
          >
            <span className="prefix">{service.prefix}</span>
            <span className="service-name">{lang === 'en' ? service.nameEn : service.name}</span>
            <span className="waiting">{tr('kiosk.waitingCount', { n: waiting(service.id) })}</span>
          </button>
        ))}
      </div>
      {phase.name === 'taking' && <p className="busy">{tr('kiosk.busy')}</p>}
      <footer className="footer">
        <strong>{tr('app.free')}</strong>
        {board?.office.runningText && <span> · {board.office.runningText}</span>}
      </footer>
    </main>
  );
}

function TicketScreen() {
  const tr = useT();
  const { lang, phase, reset, board, printed } = useKiosk(
    useShallow((s) => ({ lang: s.lang, phase: s.phase, reset: s.reset, board: s.board, printed: s.printed })),
  );
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
  return (
    <main className="ticket" onClick={reset} onKeyDown={reset}>
      <p className="your-number">{tr('kiosk.yourNumber')}</p>
      <p className="number" style={{ color: service?.color }} data-testid="ticket-number">
        {ticket.number}
      </p>
      <p className="ticket-service">{lang === 'en' ? service?.nameEn : service?.name}</p>
      {ticket.priority && <p className="badge">{tr('ticket.priority')}</p>}
      <div className="facts">
        <p>{tr('kiosk.peopleAhead', { n: ticket.peopleAhead })}</p>
        <p>{tr('kiosk.estimatedWait', { n: ticket.estimatedWaitMinutes })}</p>
      </div>
      {outcome === 'printing' ? (
        <p className="printing" role="status">
          {tr('kiosk.printing')}
        </p>
      ) : (
        <p className={printOk ? 'printed' : 'print-failed'} role={printOk ? 'status' : 'alert'}>
          {printOk ? tr('kiosk.printed') : tr('kiosk.printFailed')}
        </p>
      )}
      <p className="free">{tr('app.free')}</p>
      <p className="back">
        {tr('kiosk.back', { n: Math.max(0, left) })} · {tr('kiosk.tapToFinish')}
      </p>
    </main>
  );
}

function PairingScreen({ onPair }: { onPair: (token: string) => void }) {
  const tr = useT();
  const [value, setValue] = useState('');
  return (
    <main className="pairing">
      <h1>{tr('kiosk.pairTitle')}</h1>
      <p>{tr('kiosk.pairHint')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (value.trim()) onPair(value.trim());
        }}
      >
        <label>
          {tr('kiosk.pairToken')}
          <input
            value={value}
            onChange={(e) => setValue(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        <button type="submit">{tr('kiosk.pairButton')}</button>
      </form>
    </main>
  );
}
