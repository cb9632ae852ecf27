import { PIN_LENGTH, type StringKey } from '@pst/shared';
import type { ShellApi, ShellResult } from '@pst/shell/bridge';
import { type ReactNode, useEffect, useRef, useState } from 'react';

/** Holding the office name this long opens the staff dialog (a visitor does not hold a label). */
export const HOLD_MS = 3000;
/** The dialog closes by itself if nobody types, so it is never left open in the lobby. */
const IDLE_MS = 30_000;

type StaffShell = Pick<ShellApi, 'exit' | 'openSetup'>;

/** The kiosk shell's staff calls on `window.pstShell`: absent in a plain browser (nothing to leave). */
export function staffShell(): StaffShell | undefined {
  const shell = (globalThis as { pstShell?: { kind?: string } & Partial<StaffShell> }).pstShell;
  return shell?.kind === 'kiosk' && shell.exit && shell.openSetup ? (shell as StaffShell) : undefined;
}

const REFUSALS: Record<string, StringKey> = {
  WRONG_PIN: 'kiosk.staffWrongPin',
  LOCKED: 'kiosk.staffLocked',
  NO_EXIT_PIN: 'kiosk.staffNoPin',
};

/** What the dialog says after the shell answered: nothing when it went through. */
export function refusalKey(result: ShellResult<null>): StringKey | null {
  return result.ok ? null : (REFUSALS[result.error.code] ?? 'kiosk.staffWrongPin');
}

/**
 * Wraps the office name: pressing and holding it for three seconds opens a PIN dialog to leave the
 * kiosk or go back to its set-up page. Only in the kiosk's Electron shell; elsewhere just the name.
 */
export function StaffAccess({ children, tr }: { children: ReactNode; tr: (key: StringKey) => string }) {
  const shell = staffShell();
  const [open, setOpen] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const release = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  if (!shell) return <>{children}</>;
  return (
    <>
      <div
        className="staff-hold"
        data-testid="staff-hold"
        onPointerDown={() => {
          release();
          timer.current = setTimeout(() => setOpen(true), HOLD_MS);
        }}
        onPointerUp={release}
        onPointerLeave={release}
        onPointerCancel={release}
      >
        {children}
      </div>
      {open && <StaffDialog shell={shell} tr={tr} onClose={() => setOpen(false)} />}
    </>
  );
}

function StaffDialog({
  shell,
  tr,
  onClose,
}: {
  shell: StaffShell;
  tr: (key: StringKey) => string;
  onClose: () => void;
}) {
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<StringKey | null>(null);
  const [busy, setBusy] = useState(false);
  const pinField = useRef<HTMLInputElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: every key typed restarts the idle time-out
  useEffect(() => {
    const idle = setTimeout(onClose, IDLE_MS);
    return () => clearTimeout(idle);
  }, [onClose, pin]);
  const act = async (call: (pin: string) => Promise<ShellResult<null>>) => {
    setBusy(true);
    const refusal = refusalKey(await call(pin));
    setBusy(false);
    setPin('');
    if (refusal) {
      setMessage(refusal);
      // The field is cleared: keep the keyboard in it so the PIN can be typed again at once.
      pinField.current?.focus();
    } else onClose();
  };
  return (
    <div className="staff-backdrop">
      <form
        className="staff-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="staff-title"
        onSubmit={(event) => {
          event.preventDefault();
          void act(shell.openSetup);
        }}
      >
        <h2 id="staff-title">{tr('kiosk.staffTitle')}</h2>
        <label>
          {tr('kiosk.staffPin')}
          <input
            ref={pinField}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={PIN_LENGTH.max}
            value={pin}
            onChange={(event) => setPin(event.target.value.replace(/\D/g, ''))}
            // biome-ignore lint/a11y/noAutofocus: the dialog opens on the staff's own long press; its one field takes the PIN
            autoFocus
          />
        </label>
        {message && (
          <p className="staff-message" role="alert">
            {tr(message)}
          </p>
        )}
        <div className="staff-actions">
          <button type="submit" disabled={busy || pin.length < PIN_LENGTH.min}>
            {tr('kiosk.staffSetup')}
          </button>
          <button
            type="button"
            disabled={busy || pin.length < PIN_LENGTH.min}
            onClick={() => void act(shell.exit)}
          >
            {tr('kiosk.staffExit')}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            {tr('kiosk.staffCancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
