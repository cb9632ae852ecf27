import { PIN_LENGTH } from '@pst/shared';
import { OfflineNotice, useT } from '@pst/ui';
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DeskScreen } from './DeskScreen';
import { desksFor } from './desk-logic';
import { Notice } from './Notice';
import { OnlineReport } from './OnlineReport';
import { OnlineEntry, OnlineOverdue, OnlineOverdueNone, OnlineRequests } from './OnlineRequests';
import { useOnline } from './online-store';
import { Reports } from './Reports';
import { SupervisorBoard } from './SupervisorBoard';
import { Settings } from './settings/Settings';
import { useShellIntegration } from './shell-integration';
import { isSupervisor, type Tab, useCounter } from './store';
import { useHub } from './use-hub';

export function App() {
  useHub();
  useShellIntegration();
  const session = useCounter((s) => s.session);
  if (!session) return <LoginScreen />;
  if (isSupervisor(session)) return <SupervisorShell />;
  return <DeskWork />;
}

function DeskWork() {
  const { deskId, board } = useCounter(useShallow((s) => ({ deskId: s.deskId, board: s.board })));
  const deskKnown = board?.desks.some((d) => d.id === deskId);
  const { isOnlineOpen, setOnlineOpen } = useOnline(
    useShallow((s) => ({ isOnlineOpen: s.isOpen, setOnlineOpen: s.setOpen })),
  );
  if (isOnlineOpen) {
    return (
      <main className="supervisor-main">
        <Notice />
        <OnlineRequests onBack={() => setOnlineOpen(false)} />
      </main>
    );
  }
  if (!deskId || (board && !deskKnown)) return <DeskPicker />;
  return (
    <>
      <OnlineEntry />
      <DeskScreen />
    </>
  );
}

/** Supervisors and admins: the live board, reports, and a desk when they stand in. */
function SupervisorShell() {
  const tr = useT();
  const { tab, setTab, session, logout, toggleLang, connection } = useCounter(
    useShallow((s) => ({
      tab: s.tab,
      setTab: s.setTab,
      session: s.session,
      logout: s.logout,
      toggleLang: s.toggleLang,
      connection: s.connection,
    })),
  );
  if (tab === 'desk') {
    return (
      <>
        <SupervisorNav tab={tab} setTab={setTab} />
        <DeskWork />
      </>
    );
  }
  return (
    <div className="desk-screen">
      <header className="topbar brand-bar no-print">
        <strong className="desk-name">{tr('counter.title')}</strong>
        <SupervisorNav tab={tab} setTab={setTab} />
        <div className="who">
          <span>{session?.staff.name}</span>
          <button type="button" className="link" onClick={toggleLang}>
            {tr('app.language')}
          </button>
          <button type="button" className="link" onClick={logout}>
            {tr('counter.logout')}
          </button>
        </div>
      </header>
      <OfflineNotice connection={connection} className="no-print" />
      <main className="supervisor-main">
        <Notice />
        {tab === 'board' ? (
          <>
            <OnlineOverdue />
            <SupervisorBoard />
            <OnlineOverdueNone />
          </>
        ) : tab === 'reports' ? (
          <>
            <Reports />
            <OnlineReport />
          </>
        ) : tab === 'online' ? (
          <OnlineRequests />
        ) : (
          <Settings />
        )}
      </main>
    </div>
  );
}

function SupervisorNav({ tab, setTab }: { tab: Tab; setTab: (tab: Tab) => void }) {
  const tr = useT();
  return (
    <nav className="tabs no-print" aria-label={tr('counter.title')}>
      {(
        [
          ['board', 'sup.board'],
          ['reports', 'sup.reports'],
          ['online', 'on.title'],
          ['settings', 'set.title'],
          ['desk', 'sup.myDesk'],
        ] as const
      ).map(([id, key]) => (
        <button
          key={id}
          type="button"
          className={tab === id ? 'active' : ''}
          aria-current={tab === id}
          onClick={() => setTab(id)}
        >
          {tr(key)}
        </button>
      ))}
    </nav>
  );
}

function LoginScreen() {
  const tr = useT();
  const { login, busy } = useCounter(useShallow((s) => ({ login: s.login, busy: s.busy })));
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  return (
    <main className="centered">
      <form
        className="card login"
        onSubmit={(event) => {
          event.preventDefault();
          void login(username, pin);
        }}
      >
        <h1>{tr('counter.title')}</h1>
        <label>
          {tr('counter.username')}
          <input
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoComplete="username"
            required
          />
        </label>
        <label>
          {tr('counter.pin')}
          <input
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
            type="password"
            inputMode="numeric"
            autoComplete="current-password"
            maxLength={PIN_LENGTH.max}
            required
          />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {tr('counter.login')}
        </button>
        <Notice />
      </form>
    </main>
  );
}

function DeskPicker() {
  const tr = useT();
  const { board, session, chooseDesk, logout } = useCounter(
    useShallow((s) => ({ board: s.board, session: s.session, chooseDesk: s.chooseDesk, logout: s.logout })),
  );
  const desks = desksFor(board, session?.staff.role ?? '');
  return (
    <main className="centered">
      <div className="card">
        <h1>{tr('counter.chooseDesk')}</h1>
        <p>{session?.staff.name}</p>
        <div className="desk-choices">
          {desks.map((desk) => (
            <button key={desk.id} type="button" className="desk-choice" onClick={() => chooseDesk(desk.id)}>
              <strong>{desk.name}</strong>
              <span>{desk.status === 'closed' ? tr('counter.deskClosed') : tr('counter.deskOpen')}</span>
            </button>
          ))}
        </div>
        <button type="button" onClick={logout}>
          {tr('counter.logout')}
        </button>
      </div>
    </main>
  );
}
