import { GUEST_BOOK_OPTIONS, openServices, type StringKey } from '@pst/shared';
import { useT } from '@pst/ui';
import { type ChangeEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CheckField, ChoiceOptions } from './form-fields';
import { guestBookDesks, pickedDesk } from './guest-book-desks';
import { EMPTY_DRAFT, type GuestBookDraft } from './guest-book-form';
import { myDesk, useCounter } from './store';

type TextField = Exclude<keyof GuestBookDraft, 'servicesUsed' | 'consent'>;

/** The guest book of the called visit: filled at the front office, saved and forwarded in one action. */
export function GuestBookForm() {
  const tr = useT();
  const s = useCounter(
    useShallow((st) => {
      const ticketId = myDesk(st)?.current?.ticketId ?? '';
      return {
        ticketId,
        draft: st.drafts[ticketId] ?? EMPTY_DRAFT,
        errors: st.draftErrors,
        forwardTo: st.forwardTo[ticketId] ?? st.visit?.ticket.serviceId ?? '',
        forDesk: st.forDesk[ticketId],
        board: st.board,
        frontDesk: myDesk(st),
        services: st.board?.services,
        lang: st.lang,
        busy: st.busy,
        online: st.connection === 'online',
        editDraft: st.editDraft,
        setForwardTo: st.setForwardTo,
        setForDesk: st.setForDesk,
        lookupGuest: st.lookupGuest,
        saveGuestBook: st.saveGuestBook,
      };
    }),
  );
  const { draft, errors } = s;
  const desks = guestBookDesks(s.board, s.frontDesk, s.forwardTo);
  const toDesk = pickedDesk(desks, s.forDesk);
  const queueWaiting = s.board?.queues.find((q) => q.id === s.forwardTo)?.waitingCount ?? 0;
  const formRef = useRef<HTMLFormElement>(null);
  // Bumped by each refused submit: the first marked field is scrolled to and focused (at 1366x768
  // most of the form is below the fold, so a refusal would otherwise look like nothing happened).
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals === 0) return;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    first?.scrollIntoView({ block: 'center' });
    first?.focus({ preventScroll: true });
  }, [refusals]);

  const field = (name: TextField, control: ReactNode, wide = false) => (
    <label className={`field ${wide ? 'wide' : ''} ${errors[name] ? 'invalid' : ''}`} htmlFor={`gb-${name}`}>
      <span>{tr(`gb.${name}` as StringKey)}</span>
      {control}
      {errors[name] && (
        <small className="field-error" id={`err-${name}`}>
          {errors[name]}
        </small>
      )}
    </label>
  );
  /** What a text box and a select of one field share: its id, value, refusal and edit. */
  const bind = (name: TextField) => ({
    id: `gb-${name}`,
    name,
    value: draft[name],
    'aria-invalid': !!errors[name],
    'aria-describedby': errors[name] ? `err-${name}` : undefined,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      s.editDraft({ [name]: e.target.value }),
  });
  const text = (name: TextField, props: Record<string, unknown> = {}) => <input {...bind(name)} {...props} />;
  const select = (name: TextField, options: readonly string[]) => (
    <select {...bind(name)}>
      <ChoiceOptions options={options} />
    </select>
  );

  return (
    <form
      ref={formRef}
      className="guest-book"
      noValidate
      aria-label={tr('counter.guestBook')}
      onSubmit={(event) => {
        event.preventDefault();
        void s.saveGuestBook().then((check) => check && !check.ok && setRefusals((n) => n + 1));
      }}
    >
      <h2>{tr('counter.guestBook')}</h2>
      <div className="grid">
        {field('phone', text('phone', { inputMode: 'tel', autoComplete: 'off' }))}
        <div className="lookup">
          <button
            type="button"
            disabled={!s.online || !draft.phone}
            onClick={() => void s.lookupGuest('phone')}
          >
            {tr('counter.findByPhone')}
          </button>
          <button
            type="button"
            disabled={!s.online || !draft.email}
            onClick={() => void s.lookupGuest('email')}
          >
            {tr('counter.findByEmail')}
          </button>
        </div>
        {field('email', text('email', { type: 'email', autoComplete: 'off' }))}
        {field('fullName', text('fullName', { autoComplete: 'off' }))}
        {field('identityType', select('identityType', GUEST_BOOK_OPTIONS.identityType))}
        {field(
          'identityNumber',
          text('identityNumber', {
            inputMode: draft.identityType === 'KTP' ? 'numeric' : 'text',
            autoComplete: 'off',
          }),
        )}
        {field('gender', select('gender', GUEST_BOOK_OPTIONS.gender))}
        {field('birthYear', text('birthYear', { inputMode: 'numeric', maxLength: 4 }))}
        {field('education', select('education', GUEST_BOOK_OPTIONS.education))}
        {field('occupation', select('occupation', GUEST_BOOK_OPTIONS.occupation))}
        {field('institutionCategory', select('institutionCategory', GUEST_BOOK_OPTIONS.institutionCategory))}
        {field('institutionName', text('institutionName'))}
        {field('purpose', select('purpose', GUEST_BOOK_OPTIONS.purpose))}
        {field('visitType', select('visitType', GUEST_BOOK_OPTIONS.visitType))}
        {draft.visitType === 'Kelompok' && field('groupSize', text('groupSize', { inputMode: 'numeric' }))}
        {field('address', text('address'), true)}
        {field(
          'dataNeeded',
          <textarea
            id="gb-dataNeeded"
            name="dataNeeded"
            value={draft.dataNeeded}
            rows={2}
            onChange={(e) => s.editDraft({ dataNeeded: e.target.value })}
          />,
          true,
        )}
        <fieldset className={`wide ${errors.servicesUsed ? 'invalid' : ''}`}>
          <legend>{tr('gb.servicesUsed')}</legend>
          {GUEST_BOOK_OPTIONS.servicesUsed.map((service) => (
            <label key={service} className="check">
              <input
                type="checkbox"
                aria-invalid={!!errors.servicesUsed}
                checked={draft.servicesUsed.includes(service)}
                onChange={(e) =>
                  s.editDraft({
                    servicesUsed: e.target.checked
                      ? [...draft.servicesUsed, service]
                      : draft.servicesUsed.filter((x) => x !== service),
                  })
                }
              />
              {service}
            </label>
          ))}
          {errors.servicesUsed && <small className="field-error">{errors.servicesUsed}</small>}
        </fieldset>
        <CheckField
          className="consent"
          label={tr('counter.consent')}
          checked={draft.consent}
          onCheck={(consent) => s.editDraft({ consent })}
          error={errors.consent}
        />
      </div>
      <div className="forward">
        <div className="row">
          <label>
            {tr('counter.forwardTo')}
            <select name="forwardTo" value={s.forwardTo} onChange={(e) => s.setForwardTo(e.target.value)}>
              {openServices(s.services ?? []).map((service) => (
                <option key={service.id} value={service.id}>
                  {s.lang === 'en' ? service.nameEn : service.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        {/* Optional: a named desk of that service (Kirim ke meja), by the hub's send-to-desk rule. */}
        <fieldset className="gb-desk-choice" data-testid="gb-desk-choice">
          <legend>{tr('gbDesk.legend')}</legend>
          <label className="gb-desk-option">
            <input
              type="radio"
              name="forDesk"
              value=""
              checked={toDesk === null}
              onChange={() => s.setForDesk('')}
            />
            <span className="gb-desk-option-name">{tr('gbDesk.queue')}</span>
            <small>{tr('gbDesk.queueHint', { n: queueWaiting })}</small>
          </label>
          {desks.map((desk) => (
            <label key={desk.deskId} className="gb-desk-option">
              <input
                type="radio"
                name="forDesk"
                value={desk.deskId}
                checked={toDesk?.deskId === desk.deskId}
                onChange={() => s.setForDesk(desk.deskId)}
              />
              <span className="gb-desk-option-name">
                {desk.deskName}
                {desk.paused && <span className="muted"> ({tr('gbDesk.paused')})</span>}
              </span>
              <small>{tr('gbDesk.deskHint', { n: desk.waitingHere })}</small>
            </label>
          ))}
          {desks.length === 0 && <p className="muted">{tr('gbDesk.none')}</p>}
        </fieldset>
      </div>
      {/* Kept in sight at the screen's foot while the form is longer than the screen (a 1366x768 laptop). */}
      <div className="row submit">
        <button type="submit" className="primary" disabled={!s.online || s.busy}>
          {toDesk ? tr('gbDesk.save', { desk: toDesk.deskName }) : tr('counter.saveForward')}
        </button>
      </div>
    </form>
  );
}
