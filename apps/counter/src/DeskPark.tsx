/**
 * Hold (tunda) and send to a named desk at the desk (issue 20, part 2): the buttons beside the
 * current ticket, the desk's lists (parked, sent here) and the send-to-desk picker.
 */
import { FRONT_OFFICE_QUEUE, formatTime, type Lang, t as translate } from '@pst/shared';
import { useHubNow, useT } from '@pst/ui';
import { useState } from 'react';
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { minutesText } from './desk-logic';
import { type DeskParkAction, deskParkActions, sendTargets } from './desk-park-logic';
import { shortcutKeyOf, useCloseOnEscape } from './desk-shortcuts';
import { myDesk, useCounter } from './store';

/** Whether the send-to-desk picker is open: the K key opens it too, Esc closes it. */
const useSendPicker = create<{ open: boolean; setOpen(open: boolean): void }>()((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));
const close = () => useSendPicker.getState().setOpen(false);

/** A queue's name as the board gives it (the front office's from the string table). */
function queueName(queue: string, lang: Lang): string {
  if (queue === FRONT_OFFICE_QUEUE) return translate(lang, 'queue.frontOffice');
  const service = useCounter.getState().board?.services.find((s) => s.id === queue);
  return service ? (lang === 'en' ? service.nameEn : service.name) : queue;
}

/** Whether an action applies now, from the store as it is (for keys and buttons alike). */
export function deskParkAvailable(action: DeskParkAction, online: boolean): boolean {
  const store = useCounter.getState();
  return deskParkActions(store.board, myDesk(store), online, store.session?.staff.id)[action];
}

/** Runs an action on the desk's current ticket (the picker opens for a send). */
export function runDeskParkAction(action: DeskParkAction): void {
  const store = useCounter.getState();
  const desk = myDesk(store);
  const current = desk?.current;
  if (!desk || !current) return;
  const payload = { deskId: desk.id, ticketId: current.ticketId };
  if (action === 'sendToDesk') useSendPicker.getState().setOpen(true);
  else if (action === 'park')
    void store.deskParkCommand(
      'ticket:park',
      payload,
      translate(store.lang, 'park.parked', { number: current.number }),
    );
  else if (action === 'transferBack' && current.cameFrom)
    void store.deskParkCommand(
      'ticket:transfer-back',
      payload,
      translate(store.lang, 'send.backDone', {
        number: current.number,
        queue: queueName(current.cameFrom, store.lang),
      }),
    );
}

/** "Tunda", "Kirim ke meja", "Kembalikan": beside the current ticket's actions. */
export function DeskParkActions() {
  const t = useT();
  const { board, desk, online, busy, me, lang } = useCounter(
    useShallow((s) => ({
      board: s.board,
      desk: myDesk(s),
      online: s.connection === 'online',
      busy: s.busy,
      me: s.session?.staff.id,
      lang: s.lang,
    })),
  );
  const actions = deskParkActions(board, desk, online, me);
  const cameFrom = desk?.current?.cameFrom ?? null;
  const button = (action: DeskParkAction, label: string, title?: string) => (
    <button
      type="button"
      className="action"
      disabled={!actions[action] || busy}
      title={title}
      aria-keyshortcuts={shortcutKeyOf(action)}
      data-testid={`desk-park-${action}`}
      onClick={() => runDeskParkAction(action)}
    >
      {label}
      <kbd>{shortcutKeyOf(action)}</kbd>
    </button>
  );
  return (
    <>
      {button('park', t('park.park'), t('park.parkHint'))}
      {button('sendToDesk', t('send.toDesk'))}
      {button(
        'transferBack',
        t('send.back'),
        cameFrom ? t('send.backTitle', { queue: queueName(cameFrom, lang) }) : undefined,
      )}
    </>
  );
}

function SendToDeskDialog() {
  const t = useT();
  const { board, desk, lang, deskParkCommand, busy } = useCounter(
    useShallow((s) => ({
      board: s.board,
      desk: myDesk(s),
      lang: s.lang,
      deskParkCommand: s.deskParkCommand,
      busy: s.busy,
    })),
  );
  const setOpen = useSendPicker((s) => s.setOpen);
  useCloseOnEscape(close);
  const targets = sendTargets(board, desk);
  const [choice, setChoice] = useState(0);
  const [note, setNote] = useState('');
  const target = targets[choice];
  const current = desk?.current;
  return (
    <form
      className="dialog send-dialog"
      aria-label={t('send.toDesk')}
      onSubmit={(event) => {
        event.preventDefault();
        if (!desk || !current || !target) return;
        void deskParkCommand(
          'ticket:send-to-desk',
          {
            deskId: desk.id,
            ticketId: current.ticketId,
            toDeskId: target.deskId,
            serviceId: target.queue,
            note,
          },
          t('send.sent', { number: current.number, desk: target.deskName }),
        ).then((sent) => sent && setOpen(false));
      }}
    >
      {targets.length === 0 ? (
        <p className="muted">{t('send.none')}</p>
      ) : (
        <label>
          {t('send.pick')}
          <select value={choice} onChange={(e) => setChoice(Number(e.target.value))}>
            {targets.map((option, index) => (
              <option key={`${option.deskId}/${option.queue}`} value={index}>
                {option.deskName} · {queueName(option.queue, lang)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('send.note')}
        <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
      </label>
      <div className="row">
        <button type="submit" className="primary" disabled={!target || busy}>
          {t('send.send')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('counter.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Below the current ticket: the send-to-desk picker when open, and the desk's lists. */
export function DeskParkPanel() {
  const open = useSendPicker((s) => s.open);
  const hasCurrent = useCounter((s) => !!myDesk(s)?.current);
  return (
    <>
      {open && hasCurrent && <SendToDeskDialog />}
      <DeskParkLists />
    </>
  );
}

/** The desk's parked tickets (call back, back to the queue, the no-show proposal) and those sent to it. */
function DeskParkLists() {
  const t = useT();
  const now = useHubNow();
  const { desk, online, busy, lang, tz, deskParkCommand } = useCounter(
    useShallow((s) => ({
      desk: myDesk(s),
      online: s.connection === 'online',
      busy: s.busy,
      lang: s.lang,
      tz: s.board?.office.timeZone,
      deskParkCommand: s.deskParkCommand,
    })),
  );
  if (!desk || (desk.parked.length === 0 && desk.sentHere.length === 0)) return null;
  const canAct = online && !busy && desk.status !== 'closed';
  return (
    <section className="desk-park" aria-label={t('park.list')}>
      {desk.parked.length > 0 && (
        <>
          <h3>{t('park.list')}</h3>
          <ul className="parked-list">
            {desk.parked.map((p) => {
              const payload = { deskId: desk.id, ticketId: p.ticketId };
              return (
                <li
                  key={p.ticketId}
                  className={p.overdue ? 'parked overdue' : 'parked'}
                  data-testid={`parked-${p.number}`}
                >
                  <span className="number">{p.number}</span>
                  <span className="muted">
                    {p.wasServing ? t('park.wasServing') : t('park.wasCalled')} ·{' '}
                    {t('park.since', { t: minutesText(now - p.parkedAt, t) })}
                  </span>
                  <button
                    type="button"
                    disabled={!canAct || desk.status !== 'open' || desk.current !== null}
                    onClick={() =>
                      void deskParkCommand(
                        'ticket:unpark',
                        { ...payload, to: 'desk' },
                        t('counter.calledTo', { number: p.number, desk: desk.name }),
                      )
                    }
                  >
                    {t('park.callBack')}
                  </button>
                  <button
                    type="button"
                    disabled={!canAct}
                    onClick={() =>
                      void deskParkCommand(
                        'ticket:unpark',
                        { ...payload, to: 'queue' },
                        t('send.backDone', { number: p.number, queue: queueName(p.serviceId, lang) }),
                      )
                    }
                  >
                    {t('park.toQueue')}
                  </button>
                  {p.overdue && (
                    <span className="proposal" role="alert">
                      {t('park.overdue')}{' '}
                      <button
                        type="button"
                        className="warn"
                        disabled={!canAct}
                        onClick={() =>
                          void deskParkCommand(
                            'ticket:no-show',
                            payload,
                            t('park.noShowDone', { number: p.number }),
                          )
                        }
                      >
                        {t('park.noShow')}
                      </button>
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {desk.sentHere.length > 0 && (
        <>
          <h3>{t('send.list')}</h3>
          <ul className="sent-list">
            {desk.sentHere.map((s) => (
              <li key={s.ticketId} data-testid={`sent-${s.number}`}>
                <span className="number">{s.number}</span>
                <span className="muted">
                  {queueName(s.queue, lang)} · {t('send.fallsBack', { time: formatTime(s.until, lang, tz) })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
