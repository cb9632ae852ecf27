import { CALL_REASONS, type CallReason, reasonNeedsNote, type WaitingTicketView } from '@pst/shared';
import { useT } from '@pst/ui';
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useCloseOnEscape } from './desk-shortcuts';
import { useCounter } from './store';

/**
 * Calls a chosen waiting ticket (issue 20) after asking why: the reason list of the office's procedure,
 * plus a note (required for "Lainnya"). Big touch targets; keyboard: arrows pick a reason, Enter calls,
 * Escape closes. `ahead`: the tickets listed before it in its queue, which this call goes ahead of.
 */
export function CallChosenDialog({
  ticket,
  ahead,
  onClose,
}: {
  ticket: WaitingTicketView;
  ahead: WaitingTicketView[];
  onClose: () => void;
}) {
  const tr = useT();
  const { callChosen, busy, online } = useCounter(
    useShallow((s) => ({ callChosen: s.callChosen, busy: s.busy, online: s.connection === 'online' })),
  );
  const [reason, setReason] = useState<CallReason | null>(null);
  const [note, setNote] = useState('');
  useCloseOnEscape(onClose);
  // The first reason takes the focus, so the keyboard starts in the list (arrows move, Enter calls).
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const needsNote = reason !== null && reasonNeedsNote(reason);
  const ready = reason !== null && (!needsNote || note.trim().length > 0) && !busy && online;
  const title = tr('pick.title', { number: ticket.number });
  return (
    <div className="dialog-backdrop">
      <form
        className="dialog pick-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        onSubmit={(event) => {
          event.preventDefault();
          if (ready && reason)
            void callChosen(ticket.id, reason, note.trim()).then((done) => done && onClose());
        }}
      >
        <h3>{title}</h3>
        <p className="pick-effect" data-testid="pick-effect">
          {ahead.length > 0
            ? tr('pick.overtakes', { n: ahead.length, numbers: ahead.map((t) => t.number).join(', ') })
            : tr('pick.isHead', { number: ticket.number })}
          {ahead.length > 0 && ` ${tr('pick.clockKept')}`}
        </p>
        <fieldset className="pick-reasons">
          <legend>{tr('pick.reason')}</legend>
          {CALL_REASONS.map((r, i) => (
            <label key={r} className={`pick-reason${reason === r ? ' chosen' : ''}`}>
              <input
                type="radio"
                name="call-reason"
                value={r}
                checked={reason === r}
                ref={i === 0 ? first : undefined}
                onChange={() => setReason(r)}
              />
              {tr(`callReason.${r}`)}
            </label>
          ))}
        </fieldset>
        <label className="pick-note">
          {tr('pick.note')}
          <textarea
            rows={2}
            maxLength={200}
            value={note}
            required={needsNote}
            aria-describedby={needsNote ? 'pick-note-required' : undefined}
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
        {needsNote && !note.trim() && (
          <p className="hint" id="pick-note-required">
            {tr('pick.noteRequired')}
          </p>
        )}
        <div className="row">
          <button type="submit" className="primary big-touch" disabled={!ready}>
            {tr('pick.confirm')}
          </button>
          <button type="button" className="big-touch" onClick={onClose}>
            {tr('pick.back')} <kbd>Esc</kbd>
          </button>
        </div>
      </form>
    </div>
  );
}
