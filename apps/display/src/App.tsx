import { DEFAULT_TIME_ZONE, FRONT_OFFICE_QUEUE, formatDate, formatTime, NO_VALUE } from '@pst/shared';
import { OfflineNotice, PairingScreen, useHubNow, useT } from '@pst/ui';
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { recentRows } from './recent-rows';
import { SentToDesks } from './SentToDesks';
import { useDisplay } from './store';
import { useHub } from './use-hub';

export function App() {
  const { token, pair } = useHub();
  const connection = useDisplay((s) => s.connection);
  if (!token || connection === 'unauthorized') {
    return <PairingScreen title="display.pairTitle" hint="display.pairHint" onPair={pair} />;
  }
  return (
    <div className="display">
      <Header />
      <main className="stage">
        <CurrentCall />
        <aside className="side">
          <Desks />
          <SentToDesks />
          <RecentCalls />
        </aside>
      </main>
      <Queues />
      <Ticker />
      {/* Over the running text, across the screen: read from across the lobby, never over the clock. */}
      <OfflineNotice connection={connection} look="mark" />
    </div>
  );
}

/** A speaker drawn as SVG (no emoji font needed); crossed out while sound is off. */
function SpeakerIcon({ off }: { off: boolean }) {
  return (
    <svg className="speaker" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M3 9h4l5-4v14l-5-4H3z" fill="currentColor" />
      {off ? (
        <path d="M16 9l6 6M22 9l-6 6" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      ) : (
        <path
          d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12"
          stroke="currentColor"
          strokeWidth="2"
          fill="none"
          strokeLinecap="round"
        />
      )}
    </svg>
  );
}

/**
 * While the browser refuses sound (no touch yet since the page opened), the screen asks for one
 * tap, in words anyone passing can act on; while sound is off by choice it shows a quiet mark.
 */
function SoundMark() {
  const tr = useT();
  const { enabled, allowed } = useDisplay(
    useShallow((s) => ({ enabled: s.sound.enabled, allowed: s.soundAllowed })),
  );
  if (enabled && allowed === false)
    return (
      <span className="sound-mark ask" role="status" data-testid="sound-off">
        <SpeakerIcon off />
        {tr('display.enableSound')}
      </span>
    );
  if (!enabled)
    return (
      <span className="sound-mark" role="status" data-testid="sound-off">
        <SpeakerIcon off />
        {tr('display.soundOff')}
      </span>
    );
  return null;
}

function Header() {
  const tr = useT();
  const board = useDisplay((s) => s.board);
  const now = useHubNow();
  const tz = board?.office.timeZone ?? DEFAULT_TIME_ZONE;
  return (
    <header className="header">
      <div className="brand">
        <span className="logo" aria-hidden="true">
          BPS
        </span>
        <div>
          <div className="office">{board?.office.name ?? 'BPS'}</div>
          <div className="subtitle">{tr('app.title')}</div>
        </div>
      </div>
      <div className="marks">
        <SoundMark />
      </div>
      <div className="clock">
        <div className="time">{formatTime(now, 'id', tz)}</div>
        <div className="date">{formatDate(now, 'id', tz)}</div>
      </div>
      <SoundSettings />
    </header>
  );
}

function CurrentCall() {
  const tr = useT();
  const { latest, flash, board } = useDisplay(
    useShallow((s) => ({ latest: s.latest, flash: s.flash, board: s.board })),
  );
  const color = board?.services.find((s) => s.id === latest?.serviceId)?.color ?? '#0b4f8a';
  return (
    <section className="current" aria-live="assertive">
      {latest ? (
        <div key={flash} className={flash > 0 ? 'flash' : ''}>
          <p className="label">{tr('display.callNumber')}</p>
          <p className="number" data-testid="called-number" style={{ color }}>
            {latest.number}
          </p>
          <p className="label">{tr('display.goTo')}</p>
          <p className="desk" data-testid="called-desk">
            {latest.deskName}
          </p>
        </div>
      ) : (
        <p className="none">
          {/* A call of today was taken back: not "no call yet". */}
          {board?.recentCalls.length || board?.withdrawnCalls.length
            ? tr('display.waitNext')
            : tr('display.noCall')}
        </p>
      )}
    </section>
  );
}

function Desks() {
  const tr = useT();
  const desks = useDisplay((s) => s.board?.desks);
  const open = (desks ?? []).filter((d) => d.status !== 'closed');
  return (
    <section className="panel desks" data-testid="desks-panel">
      <h2>{tr('display.desks')}</h2>
      {open.length === 0 && <p className="empty">{tr('display.noDesks')}</p>}
      {/* Two columns from five desks on: eight desks fit beside the call at 1280x720. */}
      <ul className={`desk-list ${open.length > 4 ? 'two' : ''}`}>
        {open.map((desk) => (
          <li key={desk.id}>
            <span className="desk-name">{desk.name}</span>
            {/* A called visitor is still on the way: marked, so nobody reads it as served. */}
            <span className="desk-ticket">
              {desk.current?.state === 'called' && (
                <span className="desk-called">{tr('display.deskCalled')}</span>
              )}
              <strong>{desk.current?.number ?? '–'}</strong>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function RecentCalls() {
  const tr = useT();
  const { calls, latest } = useDisplay(
    useShallow((s) => ({ calls: s.board?.recentCalls, latest: s.latest })),
  );
  const rows = recentRows(calls ?? [], latest);
  return (
    // The slot is the panel's container: too short for a row (beside many desks and sent tickets), the
    // panel goes (styles.css).
    <div className="recent-slot">
      <section className="panel recent-panel" data-testid="recent-panel">
        <h2>{tr('display.recent')}</h2>
        {rows.length === 0 && <p className="empty">{NO_VALUE}</p>}
        {/* Rows that do not fit wrap into a column out of sight: whole rows or none, no fragments. */}
        <ul className="recent">
          {rows.map((row) => (
            <li key={row.key} data-testid="recent-row">
              <strong>{row.number}</strong>
              <span className="desk-name">{row.deskName}</span>
              {row.calls > 1 && <span className="times">{tr('display.calledTimes', { n: row.calls })}</span>}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function Queues() {
  const tr = useT();
  const queues = useDisplay((s) => s.board?.queues);
  return (
    <section className="queues">
      {(queues ?? []).map((queue) => (
        <div key={queue.id} className="queue" data-testid="queue-card" style={{ borderColor: queue.color }}>
          <span className="queue-name">
            {queue.id === FRONT_OFFICE_QUEUE ? tr('queue.frontOffice') : queue.name}
          </span>
          <span className="queue-count">
            {tr('display.waiting', { n: queue.waitingCount, m: queue.estimatedWaitMinutes })}
          </span>
        </div>
      ))}
    </section>
  );
}

function Ticker() {
  const tr = useT();
  const office = useDisplay((s) => s.board?.office);
  const text = [tr('app.free'), office?.runningText, ...(office?.complaintChannels ?? [])]
    .filter(Boolean)
    .join('   •   ');
  return (
    <footer className="ticker" role="marquee" aria-label={text}>
      <div className="ticker-track" aria-hidden="true">
        <span>{text}</span>
        <span>{text}</span>
      </div>
    </footer>
  );
}

function SoundSettings() {
  const tr = useT();
  const { sound, setSound } = useDisplay(useShallow((s) => ({ sound: s.sound, setSound: s.setSound })));
  const [open, setOpen] = useState(false);
  return (
    <div className="settings">
      {open && (
        <div className="settings-panel">
          <label>
            <input
              type="checkbox"
              checked={sound.enabled}
              onChange={(e) => setSound({ enabled: e.target.checked })}
            />
            {tr('display.sound')}
          </label>
          <label>
            {tr('display.volume')}
            <input
              type="range"
              min={0}
              max={1}
              step={0.1}
              value={sound.volume}
              onChange={(e) => setSound({ volume: Number(e.target.value) })}
            />
          </label>
        </div>
      )}
      <button
        type="button"
        className="gear"
        aria-label={tr('display.sound')}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <SpeakerIcon off={!sound.enabled} />
      </button>
    </div>
  );
}
