import {
  DEFAULT_TIME_ZONE,
  formatDateTime,
  formatDue,
  formatWorkingDaysLeft,
  GUEST_BOOK_OPTIONS,
  NOTE_DIRECTIONS,
  type NoteDirection,
  type OfficeTimeZone,
  ONLINE_CHANNEL_LABELS,
  ONLINE_CHANNELS,
  type OnlineChannel,
  type OnlineRequestSummary,
  type StringKey,
} from '@pst/shared';
import { useHubNow, useT } from '@pst/ui';
import { type ReactNode, useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { AppointmentBooking } from './AppointmentBooking';
import { CheckField, ChoiceOptions } from './form-fields';
import type { GuestBookDraft } from './guest-book-form';
import { OnlineRating } from './OnlineRating';
import { type OnlineFilter, useOnline } from './online-store';
import { useCounter } from './store';

const FILTERS: OnlineFilter[] = ['open', 'overdue', 'closed', 'all'];
/** The hub computes each request's colour at the time it answers: ask again every minute. */
const REFRESH_MS = 60_000;

function useTimeZone(): OfficeTimeZone {
  return useCounter((s) => s.board?.office.timeZone ?? DEFAULT_TIME_ZONE);
}

/** Keeps the list (and the open request) fresh: on every `online:changed` push and each minute. */
export function useOnlineUpdates(what: 'list' | 'overdue'): void {
  const hub = useCounter((s) => s.hub);
  const connected = useCounter((s) => s.connection === 'online');
  useEffect(() => {
    if (!hub || !connected) return;
    const { loadList, loadOverdue, refresh } = useOnline.getState();
    const load = what === 'list' ? () => void loadList() : () => void loadOverdue();
    load();
    const onChange = ({ requestId }: { requestId: string }) =>
      what === 'list' ? void refresh(requestId) : load();
    hub.socket.on('online:changed', onChange);
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      hub.socket.off('online:changed', onChange);
      clearInterval(timer);
    };
  }, [hub, connected, what]);
}

function DueCell({ request }: { request: OnlineRequestSummary }) {
  const tr = useT();
  const tz = useTimeZone();
  const lang = useCounter((s) => s.lang);
  if (request.dueAt === null) return <span className="muted">{tr('on.level.stopped')}</span>;
  return (
    <span>
      {formatDue(request.dueAt, lang, tz)}
      {request.workingMsLeft !== null && (
        <small className="due-left">
          {' · '}
          {formatWorkingDaysLeft(request.workingMsLeft, request.level === 'overdue', lang)}
        </small>
      )}
    </span>
  );
}

function StateLabel({ request }: { request: OnlineRequestSummary }) {
  const tr = useT();
  return (
    <span>
      {tr(`on.state.${request.state}` as StringKey)}
      {request.closeReason && ` (${tr(`on.reason.${request.closeReason}` as StringKey)})`}
      {request.isProposedForClosing && <strong className="propose"> · {tr('on.proposeClose')}</strong>}
    </span>
  );
}

/** The table of requests, coloured by how near each due time is. */
function RequestTable({ rows, onPick }: { rows: OnlineRequestSummary[]; onPick?: (id: string) => void }) {
  const tr = useT();
  const selectedId = useOnline((s) => s.selected?.id);
  if (rows.length === 0) return <p className="muted">{tr('on.empty')}</p>;
  return (
    <table className="online-table">
      <thead>
        <tr>
          <th>{tr('on.id')}</th>
          <th>{tr('on.channel')}</th>
          <th>{tr('on.requester')}</th>
          <th>{tr('on.topic')}</th>
          <th>{tr('on.state')}</th>
          <th>{tr('on.due')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr
            key={r.id}
            className={`level-${r.level} ${selectedId === r.id ? 'selected' : ''}`}
            data-request={r.id}
            title={tr(`on.level.${r.level}` as StringKey)}
          >
            <td>
              {onPick ? (
                <button type="button" className="link" onClick={() => onPick(r.id)}>
                  {r.id}
                </button>
              ) : (
                r.id
              )}
            </td>
            <td>{ONLINE_CHANNEL_LABELS[r.channel]}</td>
            <td>{r.requesterName}</td>
            <td>{r.topic}</td>
            <td>
              <StateLabel request={r} />
            </td>
            <td>
              <DueCell request={r} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "Permintaan online": the list, a request's page, and the form for a new one. */
export function OnlineRequests({ onBack }: { onBack?: () => void }) {
  const tr = useT();
  useOnlineUpdates('list');
  const s = useOnline(
    useShallow((st) => ({
      filter: st.filter,
      list: st.list,
      selected: st.selected,
      form: st.form,
      loadList: st.loadList,
      select: st.select,
      startForm: st.startForm,
    })),
  );
  const now = useHubNow(REFRESH_MS);
  const tz = useTimeZone();
  return (
    <section className="online" aria-label={tr('on.title')}>
      <div className="online-head">
        <h2>{tr('on.title')}</h2>
        <div className="online-filters">
          {FILTERS.map((f) => (
            <button
              key={f}
              type="button"
              className={s.filter === f ? 'active' : ''}
              aria-current={s.filter === f}
              onClick={() => void s.loadList(f)}
            >
              {tr(`on.filter.${f}` as StringKey)}
            </button>
          ))}
        </div>
        <button type="button" className="primary" onClick={() => s.startForm(now, tz)}>
          {tr('on.new')}
        </button>
        {onBack && (
          <button type="button" onClick={onBack}>
            {tr('on.back')}
          </button>
        )}
      </div>
      <div className="online-body">
        <div className="online-list">
          <RequestTable rows={s.list} onPick={(id) => void s.select(id)} />
        </div>
        <div className="online-side">{s.form ? <NewRequestForm /> : s.selected ? <RequestPage /> : null}</div>
      </div>
    </section>
  );
}

/** One request: who, what, the clock, every exchange, and the actions its state allows. */
function RequestPage() {
  const tr = useT();
  const tz = useTimeZone();
  const lang = useCounter((s) => s.lang);
  const {
    selected: r,
    act,
    note,
  } = useOnline(useShallow((st) => ({ selected: st.selected, act: st.act, note: st.note })));
  const [text, setText] = useState('');
  const [direction, setDirection] = useState<NoteDirection>('dari-pengguna');
  const [isRating, setRating] = useState(false);
  if (!r) return null;
  if (isRating) return <OnlineRating onDone={() => setRating(false)} />;
  const contacts = [r.requester.phone, r.requester.email].filter(Boolean).join(' · ');
  return (
    <article className={`online-page card level-${r.level}`} aria-label={r.id}>
      <h3>
        {r.id} · <StateLabel request={r} />
      </h3>
      <dl>
        <dt>{tr('on.requester')}</dt>
        <dd>
          {r.requester.fullName} ({r.requester.institutionName || r.requester.institutionCategory}) ·{' '}
          {contacts}
        </dd>
        <dt>{tr('on.channel')}</dt>
        <dd>
          {ONLINE_CHANNEL_LABELS[r.channel]} · {tr('on.receivedAt')} {formatDateTime(r.receivedAt, lang, tz)}
        </dd>
        <dt>{tr('on.topic')}</dt>
        <dd>{r.topic}</dd>
        <dt>{tr('on.dataNeeded')}</dt>
        <dd>{r.dataNeeded || '—'}</dd>
        <dt>{tr('on.due')}</dt>
        <dd className="due">
          {r.dueAt === null ? tr('on.clockStopped') : <DueCell request={r} />}
          {r.firstAnsweredAt !== null && (
            <div>{tr('on.answeredAt', { time: formatDateTime(r.firstAnsweredAt, lang, tz) })}</div>
          )}
        </dd>
      </dl>
      {r.actions.length > 0 && (
        <div className="online-actions">
          <label className="wide">
            {tr('on.noteText')}
            <textarea value={text} rows={3} onChange={(e) => setText(e.target.value)} />
          </label>
          <div className="row">
            {r.actions.map((action) => (
              <button
                key={action}
                type="button"
                className={action === 'close-no-response' ? 'warn' : 'primary'}
                onClick={() => void act(action, text).then((done) => done && setText(''))}
              >
                {tr(`on.action.${action}` as StringKey)}
              </button>
            ))}
          </div>
          <div className="row">
            <select
              aria-label={tr('on.noteKind')}
              value={direction}
              onChange={(e) => setDirection(e.target.value as NoteDirection)}
            >
              {NOTE_DIRECTIONS.map((d) => (
                <option key={d} value={d}>
                  {tr(`on.dir.${d}` as StringKey)}
                </option>
              ))}
            </select>
            <button
              type="button"
              disabled={!text.trim()}
              onClick={() => void note(direction, text).then((done) => done && setText(''))}
            >
              {tr('on.addNote')}
            </button>
          </div>
        </div>
      )}
      {r.rating ? (
        <p className="muted">
          {tr('on.rate.done', {
            time: formatDateTime(r.rating.at, lang, tz),
            source: r.rating.source === 'whatsapp' ? 'WhatsApp' : tr('on.rate.formulir'),
          })}
        </p>
      ) : (
        r.firstAnsweredAt !== null && (
          <button type="button" onClick={() => setRating(true)}>
            {tr('on.rate.open')}
          </button>
        )
      )}
      {r.state !== 'ditutup' && (
        <AppointmentBooking
          key={r.id}
          requestId={r.id}
          requesterName={r.requester.fullName}
          phone={r.requester.phone ?? ''}
        />
      )}
      <h4>{tr('on.history')}</h4>
      <ol className="online-history">
        {r.history.map((h, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: history entries never change or reorder
          <li key={i} className={`history-${h.kind}`}>
            <time>{formatDateTime(h.at, lang, tz)}</time> · {h.staffName} ·{' '}
            {h.kind === 'state' ? (
              <strong>{tr(`on.state.${h.state}` as StringKey)}</strong>
            ) : (
              <>
                <em>{tr(`on.dir.${h.direction}` as StringKey)}:</em> {h.text}
              </>
            )}
          </li>
        ))}
      </ol>
    </article>
  );
}

type TextField = Exclude<keyof GuestBookDraft, 'servicesUsed' | 'consent' | 'visitType' | 'groupSize'>;

/** A new request: channel, when it came, the requester (guest-book fields and consent), what is asked. */
function NewRequestForm() {
  const tr = useT();
  const tz = useTimeZone();
  const s = useOnline(
    useShallow((st) => ({
      form: st.form,
      errors: st.formErrors,
      editForm: st.editForm,
      editRequester: st.editRequester,
      lookup: st.lookupRequester,
      record: st.record,
    })),
  );
  const form = s.form;
  if (!form) return null;
  const draft = form.requester;
  const field = (name: TextField | 'topic', label: string, control: ReactNode, wide = false) => (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is passed in and rendered inside
    <label className={`field ${wide ? 'wide' : ''} ${s.errors[name] ? 'invalid' : ''}`}>
      <span>{label}</span>
      {control}
      {s.errors[name] && <small className="field-error">{s.errors[name]}</small>}
    </label>
  );
  const text = (name: TextField, props: Record<string, unknown> = {}) => (
    <input
      name={name}
      value={draft[name]}
      aria-invalid={!!s.errors[name]}
      onChange={(e) => s.editRequester({ [name]: e.target.value })}
      {...props}
    />
  );
  const select = (name: TextField, options: readonly string[]) => (
    <select name={name} value={draft[name]} onChange={(e) => s.editRequester({ [name]: e.target.value })}>
      <ChoiceOptions options={options} />
    </select>
  );
  const gb = (name: TextField) => tr(`gb.${name}` as StringKey);
  return (
    <form
      className="guest-book online-form card"
      noValidate
      aria-label={tr('on.new')}
      onSubmit={(e) => {
        e.preventDefault();
        void s.record(tz);
      }}
    >
      <h3>{tr('on.new')}</h3>
      <div className="grid">
        <label className="field">
          <span>{tr('on.channel')}</span>
          <select
            name="channel"
            value={form.channel}
            onChange={(e) => s.editForm({ channel: e.target.value as OnlineChannel })}
          >
            {ONLINE_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {ONLINE_CHANNEL_LABELS[c]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{tr('on.receivedAt')}</span>
          <input
            name="receivedAt"
            type="datetime-local"
            value={form.receivedAt}
            onChange={(e) => s.editForm({ receivedAt: e.target.value })}
          />
        </label>
        <p className="wide muted">{tr('on.contactRule')}</p>
        {field('phone', gb('phone'), text('phone', { inputMode: 'tel', autoComplete: 'off' }))}
        {field('email', gb('email'), text('email', { type: 'email', autoComplete: 'off' }))}
        <div className="lookup wide">
          <button type="button" disabled={!draft.phone} onClick={() => void s.lookup('phone')}>
            {tr('counter.findByPhone')}
          </button>
          <button type="button" disabled={!draft.email} onClick={() => void s.lookup('email')}>
            {tr('counter.findByEmail')}
          </button>
        </div>
        {field('fullName', gb('fullName'), text('fullName', { autoComplete: 'off' }))}
        {field('identityType', gb('identityType'), select('identityType', GUEST_BOOK_OPTIONS.identityType))}
        {field('identityNumber', gb('identityNumber'), text('identityNumber', { autoComplete: 'off' }))}
        {field('gender', gb('gender'), select('gender', GUEST_BOOK_OPTIONS.gender))}
        {field('birthYear', gb('birthYear'), text('birthYear', { inputMode: 'numeric', maxLength: 4 }))}
        {field('education', gb('education'), select('education', GUEST_BOOK_OPTIONS.education))}
        {field('occupation', gb('occupation'), select('occupation', GUEST_BOOK_OPTIONS.occupation))}
        {field(
          'institutionCategory',
          gb('institutionCategory'),
          select('institutionCategory', GUEST_BOOK_OPTIONS.institutionCategory),
        )}
        {field('institutionName', gb('institutionName'), text('institutionName'))}
        {field('purpose', gb('purpose'), select('purpose', GUEST_BOOK_OPTIONS.purpose))}
        {field(
          'topic',
          tr('on.topic'),
          <input
            name="topic"
            value={form.topic}
            aria-invalid={!!s.errors.topic}
            onChange={(e) => s.editForm({ topic: e.target.value })}
          />,
          true,
        )}
        {field(
          'dataNeeded',
          gb('dataNeeded'),
          <textarea
            name="dataNeeded"
            rows={2}
            value={draft.dataNeeded}
            onChange={(e) => s.editRequester({ dataNeeded: e.target.value })}
          />,
          true,
        )}
        <label className="field wide">
          <span>{tr('on.firstMessage')}</span>
          <textarea
            name="note"
            rows={3}
            value={form.note}
            onChange={(e) => s.editForm({ note: e.target.value })}
          />
        </label>
        <CheckField
          name="consent"
          className="consent"
          label={tr('counter.consent')}
          checked={draft.consent}
          onCheck={(consent) => s.editRequester({ consent })}
          error={s.errors.consent}
        />
        <CheckField
          name="isComplete"
          label={tr('on.isComplete')}
          checked={form.isComplete}
          onCheck={(isComplete) => s.editForm({ isComplete })}
        />
      </div>
      <div className="row">
        <button type="submit" className="primary">
          {tr('on.save')}
        </button>
        <button type="button" onClick={() => useOnline.setState({ form: null })}>
          {tr('on.cancel')}
        </button>
      </div>
    </form>
  );
}

/** On the supervisor's board: online requests past their due time. */
export function OnlineOverdue() {
  const tr = useT();
  useOnlineUpdates('overdue');
  const overdue = useOnline((s) => s.overdue);
  // An empty card would push the desks and queues down: OnlineOverdueNone says "none" below them.
  if (overdue.length === 0) return null;
  return (
    <section className="online-overdue card" aria-label={tr('on.overdueTitle')}>
      <h2>{tr('on.overdueTitle')}</h2>
      <RequestTable rows={overdue} />
    </section>
  );
}

/** One line under the supervisor's board while no online request is overdue. */
export function OnlineOverdueNone() {
  const tr = useT();
  const none = useOnline((s) => s.overdue.length === 0);
  return none ? <p className="muted online-overdue-none">{tr('on.noOverdue')}</p> : null;
}

/** For desk staff: the way to the online requests, with how many are open. */
export function OnlineEntry() {
  const tr = useT();
  const { openCount, setOpen } = useOnline(
    useShallow((s) => ({ openCount: s.openCount, setOpen: s.setOpen })),
  );
  const hub = useCounter((s) => s.hub);
  // Only once connected: a command sent before is refused as OFFLINE, and its notice would stand.
  const connected = useCounter((s) => s.connection === 'online');
  useEffect(() => {
    if (hub && connected) void useOnline.getState().loadList('open');
  }, [hub, connected]);
  return (
    <div className="online-entry no-print">
      <button type="button" onClick={() => setOpen(true)}>
        {tr('on.openCount', { n: openCount })}
      </button>
    </div>
  );
}
