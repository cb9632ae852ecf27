/** "Saya punya janji temu": the entry on the start screen and the code screen (issue 21). */
import { APPOINTMENT_CODE_ALPHABET, APPOINTMENT_CODE_LENGTH } from '@pst/shared';
import { useT } from '@pst/ui';
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useKiosk } from './store';
import { visitorErrorText } from './visitor-error';

export function AppointmentEntry({ disabled }: { disabled: boolean }) {
  const tr = useT();
  const open = useKiosk((s) => s.openAppointment);
  return (
    <button type="button" className="appointment-entry" disabled={disabled} onClick={open}>
      <strong>{tr('on.kiosk.have')}</strong>
      <small>{tr('on.kiosk.haveHint')}</small>
    </button>
  );
}

/** A touch keypad with the code's own letters (no 0/O, 1/I/L), so nothing else can be typed. */
export function AppointmentScreen() {
  const tr = useT();
  const { lang, phase, error, connection, redeem, reset } = useKiosk(
    useShallow((s) => ({
      lang: s.lang,
      phase: s.phase,
      error: s.error,
      connection: s.connection,
      redeem: s.redeem,
      reset: s.reset,
    })),
  );
  const [code, setCode] = useState('');
  const isSending = phase.name === 'appointment' && phase.isSending;
  const type = (c: string) =>
    setCode((current) => (current.length < APPOINTMENT_CODE_LENGTH ? current + c : current));
  return (
    <main className="appointment">
      <h1>{tr('on.kiosk.title')}</h1>
      <p className="lead">{tr('on.kiosk.hint')}</p>
      <output className="code" aria-label={tr('on.kiosk.code')} data-testid="appointment-code">
        {code.padEnd(APPOINTMENT_CODE_LENGTH, '·')}
      </output>
      {error && (
        <p className="error" role="alert">
          {visitorErrorText(error.code, lang)}
        </p>
      )}
      <div className="keypad">
        {[...APPOINTMENT_CODE_ALPHABET].map((c) => (
          <button type="button" key={c} onClick={() => type(c)} disabled={isSending}>
            {c}
          </button>
        ))}
        <button
          type="button"
          className="wide"
          onClick={() => setCode((s) => s.slice(0, -1))}
          disabled={isSending}
        >
          {tr('on.kiosk.delete')}
        </button>
      </div>
      <div className="appointment-actions">
        <button type="button" className="secondary" onClick={reset}>
          {tr('on.kiosk.back')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={code.length !== APPOINTMENT_CODE_LENGTH || isSending || connection !== 'online'}
          onClick={() => void redeem(code).then(() => setCode(''))}
        >
          {tr('on.kiosk.submit')}
        </button>
      </div>
    </main>
  );
}
