/**
 * What the counter does with its Electron shell when it runs in one (`window.pstShell.counter`):
 * the desk kept on this PC, the global "call next" key, desktop notifications. In a plain browser
 * only the notifications remain, through the Web Notifications API when permission was granted.
 */

import { FRONT_OFFICE_QUEUE, t } from '@pst/shared';
import type { CounterBridge, ShellBridge, ShortcutStatus } from '@pst/shell/bridge';
import { useT } from '@pst/ui';
import { useEffect } from 'react';
import { create } from 'zustand';
import { type BreachWarning, breachWarnings, mayCallNext } from './desk-logic';
import { type CounterState, isSupervisor, myDesk, useCounter } from './store';

/** The counter's shell bridge, or null in a plain browser (or another app's shell). */
export function counterShell(): CounterBridge | null {
  return (globalThis as { pstShell?: ShellBridge }).pstShell?.counter ?? null;
}

interface ShellState {
  shortcut: { accelerator: string | null; status: ShortcutStatus } | null;
  dismissed: boolean;
  dismiss(): void;
}

export const useShellState = create<ShellState>()((set) => ({
  shortcut: null,
  dismissed: false,
  dismiss: () => set({ dismissed: true }),
}));

/** `Control+Alt+Space` as people write it. */
export function keyLabel(accelerator: string): string {
  return accelerator.replace(/\b(CommandOrControl|CmdOrCtrl|Control)\b/g, 'Ctrl');
}

const atDesk = (s: CounterState) => !isSupervisor(s.session) || s.tab === 'desk';

/** The global key's press: the same action as the button, only when the button is enabled. */
export function callNextFromShortcut(): void {
  const s = useCounter.getState();
  const allowed = mayCallNext({
    signedIn: s.session !== null,
    atDesk: atDesk(s),
    busy: s.busy,
    desk: myDesk(s),
    online: s.connection === 'online',
    staffId: s.session?.staff.id,
  });
  if (allowed) void s.callNext();
}

function noticeText(s: CounterState, warning: BreachWarning): { title: string; body: string } {
  const queue =
    warning.queueId === FRONT_OFFICE_QUEUE
      ? t(s.lang, 'queue.frontOffice')
      : (s.board?.queues.find((q) => q.id === warning.queueId)?.[s.lang === 'en' ? 'nameEn' : 'name'] ??
        warning.queueId);
  return {
    title: t(s.lang, 'counter.breachSoonTitle', { number: warning.number, target: warning.targetMinutes }),
    body: t(s.lang, 'counter.breachSoonBody', {
      number: warning.number,
      queue,
      waited: warning.minutesWaited,
      left: warning.minutesLeft,
    }),
  };
}

function deliver(shell: CounterBridge | null, tag: string, text: { title: string; body: string }): void {
  if (shell) {
    shell.notify({ tag, ...text }).catch(() => undefined);
    return;
  }
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  try {
    const notification = new Notification(text.title, { body: text.body, tag });
    notification.onclick = () => {
      window.focus();
      notification.close();
    };
  } catch {
    // Some browsers allow notifications only from a service worker; the list still shows amber.
  }
}

/** How often waiting clocks are checked between board updates (amber lasts two minutes). */
const CHECK_MS = 15_000;

/** Mounted once, in App. */
export function useShellIntegration(): void {
  // The remembered desk and the global key: only with the shell.
  useEffect(() => {
    const shell = counterShell();
    if (!shell) return;
    let active = true;
    /** The desk the shell holds, once known: written only when the page's choice differs. */
    let shellDesk: string | null | undefined;
    const saveDesk = (deskId: string | null) => {
      if (deskId === shellDesk) return;
      shellDesk = deskId;
      shell.saveDesk(deskId).catch(() => undefined);
    };
    const stopKey = shell.onCallNext(callNextFromShortcut);
    const stopDesk = useCounter.subscribe((s, before) => {
      if (s.deskId !== before.deskId) saveDesk(s.deskId);
    });
    shell
      .getState()
      .then((reply) => {
        if (!active || !reply.ok) return;
        useShellState.setState({ shortcut: reply.data.shortcut });
        shellDesk = reply.data.deskId;
        const { deskId, chooseDesk } = useCounter.getState();
        // The browser profile was cleared (or is new): the shell still knows this PC's desk.
        if (deskId === null && shellDesk !== null) chooseDesk(shellDesk);
        else saveDesk(deskId);
      })
      .catch(() => undefined);
    return () => {
      active = false;
      stopKey();
      stopDesk();
    };
  }, []);

  // Tickets about to miss the target: checked on every board update and every few seconds.
  useEffect(() => {
    const shell = counterShell();
    const warned = new Set<string>();
    const check = () => {
      const s = useCounter.getState();
      if (!s.session || !atDesk(s)) return;
      for (const warning of breachWarnings(s.board, myDesk(s), Date.now() + s.hubOffset, warned)) {
        warned.add(warning.ticketId);
        deliver(shell, warning.ticketId, noticeText(s, warning));
      }
    };
    const timer = setInterval(check, CHECK_MS);
    const stop = useCounter.subscribe((s, before) => {
      if (s.board !== before.board || s.deskId !== before.deskId) check();
    });
    return () => {
      clearInterval(timer);
      stop();
    };
  }, []);
}

/** A quiet line under the desk's header when the global key could not be registered. */
export function ShortcutNotice() {
  const tr = useT();
  const { shortcut, dismissed, dismiss } = useShellState();
  if (!shortcut?.accelerator || dismissed) return null;
  if (shortcut.status !== 'taken' && shortcut.status !== 'invalid') return null;
  const key = keyLabel(shortcut.accelerator);
  return (
    <div className="shell-notice" role="status">
      <span>
        {shortcut.status === 'taken'
          ? tr('counter.shortcutTaken', { key })
          : tr('counter.shortcutInvalid', { key })}
      </span>
      <button type="button" className="link" onClick={dismiss}>
        {tr('counter.dismiss')}
      </button>
    </div>
  );
}

/** The global key, next to the in-window keys, when the shell holds it. */
export function GlobalShortcutHint() {
  const tr = useT();
  const shortcut = useShellState((s) => s.shortcut);
  if (shortcut?.status !== 'registered' || !shortcut.accelerator) return null;
  return (
    <p className="muted shortcuts">{tr('counter.globalShortcut', { key: keyLabel(shortcut.accelerator) })}</p>
  );
}
