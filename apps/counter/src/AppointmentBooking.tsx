/** Booking the follow-up (janji temu) from an online request, and the day's appointments (issue 21). */
import {
  type AppointmentDay,
  type AppointmentKind,
  type AppointmentView,
  DEFAULT_TIME_ZONE,
  errorText,
  formatClock,
  formatLongDay,
  formatTime,
  mayMarkAttendance,
  NO_VALUE,
  officeDay,
  openServices,
  type StringKey,
} from '@pst/shared';
import { DateField, useHubNow, useT } from '@pst/ui';
import { useCallback, useEffect, useState } from 'react';
import { type BookingProblem, bookingProblem } from './appointment-form';
import { send } from './online-store';
import { useCounter } from './store';

function useDay(date: string): [AppointmentDay | null, () => void] {
  const [day, setDay] = useState<AppointmentDay | null>(null);
  const hub = useCounter((s) => s.hub);
  const load = useCallback(() => {
    if (hub && date) void send((h) => h.send('appointment:list', { date })).then(setDay);
  }, [hub, date]);
  useEffect(load, [load]);
  return [day, load];
}

/**
 * A Zoom meeting has no kiosk check-in: from its slot time on, its consultant (or a supervisor or
 * admin) marks whether the user came.
 */
function ZoomAttendance({ appointment, onMarked }: { appointment: AppointmentView; onMarked: () => void }) {
  const tr = useT();
  const now = useHubNow(30_000);
  const staff = useCounter((s) => s.session?.staff);
  if (appointment.kind !== 'zoom' || now < appointment.slotAt) return null;
  if (!staff || !mayMarkAttendance(appointment, { staffId: staff.id, role: staff.role })) return null;
  const mark = async (attended: boolean) => {
    const marked = await send((hub) =>
      hub.send('appointment:attendance', { appointmentId: appointment.id, attended }),
    );
    if (marked) onMarked();
  };
  return (
    <span className="appt-attendance">
      {' '}
      {/* The mark given looks chosen (and stays pressable for nothing); the other is the alternative. */}
      <button
        type="button"
        className={appointment.attended === true ? 'primary chosen' : ''}
        aria-pressed={appointment.attended === true}
        onClick={() => appointment.attended !== true && void mark(true)}
      >
        {tr('on.appt.markAttended')}
      </button>{' '}
      <button
        type="button"
        className={appointment.attended === false ? 'primary chosen' : ''}
        aria-pressed={appointment.attended === false}
        onClick={() => appointment.attended !== false && void mark(false)}
      >
        {tr('on.appt.markAbsent')}
      </button>
    </span>
  );
}

export function AppointmentList({ day, onChanged }: { day: AppointmentDay | null; onChanged: () => void }) {
  const tr = useT();
  const lang = useCounter((s) => s.lang);
  const tz = useCounter((s) => s.board?.office.timeZone ?? DEFAULT_TIME_ZONE);
  if (!day || day.appointments.length === 0) return <p className="muted">{tr('on.appt.none')}</p>;
  return (
    <ul className="appointment-list">
      {day.appointments.map((a: AppointmentView) => (
        <li key={a.id} className={`appt-${a.status}`}>
          <strong>{formatTime(a.slotAt, lang, tz)}</strong> · {a.requesterName} ·{' '}
          {tr(`on.appt.${a.kind}` as StringKey)}
          {a.staffName && ` · ${a.staffName}`} · <code>{a.code}</code> ·{' '}
          <em>{tr(`on.appt.status.${a.status}` as StringKey)}</em>
          <ZoomAttendance appointment={a} onMarked={onChanged} />
        </li>
      ))}
    </ul>
  );
}

/** The booking form on a request's page: the requester's name and WhatsApp number filled in. */
export function AppointmentBooking({
  requestId,
  requesterName,
  phone,
}: {
  requestId: string;
  requesterName: string;
  phone: string;
}) {
  const tr = useT();
  const lang = useCounter((s) => s.lang);
  const tz = useCounter((s) => s.board?.office.timeZone ?? DEFAULT_TIME_ZONE);
  const allServices = useCounter((s) => s.board?.services);
  const services = openServices(allServices ?? []);
  const now = useHubNow(60_000);
  const [form, setForm] = useState({
    kind: 'langsung' as AppointmentKind,
    date: officeDay(now, tz),
    time: '10:00',
    serviceId: 'konsultasi',
    staffId: '',
    phone,
    zoomLink: '',
  });
  const [message, setMessage] = useState('');
  // Problems show once staff pressed Book, and go as soon as the form is put right.
  const [tried, setTried] = useState(false);
  const [day, reload] = useDay(form.date);
  const edit = (change: Partial<typeof form>) => setForm((f) => ({ ...f, ...change }));
  // A time the chosen day does not offer (another day's hours) falls back to the day's first.
  const time = !day || day.times.includes(form.time) ? form.time : (day.times[0] ?? form.time);
  const booking = {
    requestId,
    kind: form.kind,
    serviceId: form.serviceId,
    date: form.date,
    time,
    staffId: form.staffId || null,
    requesterName,
    phone: form.phone,
    // A link typed before switching to an in-person meeting is not sent (nor checked).
    zoomLink: form.kind === 'zoom' ? form.zoomLink : '',
  };
  const problem: BookingProblem | null = tried ? bookingProblem(booking) : null;
  const book = async () => {
    setTried(true);
    const found = bookingProblem(booking);
    if (found && found.field !== 'zoomLink')
      useCounter.setState({ notice: { kind: 'error', text: errorText(found.code, lang) } });
    if (found) return;
    const booked = await send((hub) => hub.send('appointment:book', booking));
    if (booked) {
      setMessage(booked.message);
      reload();
    }
  };
  return (
    <section className="appointment-booking" aria-label={tr('on.appt.title')}>
      <h4>{tr('on.appt.title')}</h4>
      <div className="grid">
        <label className="field">
          <span>{tr('on.appt.kind')}</span>
          <select value={form.kind} onChange={(e) => edit({ kind: e.target.value as AppointmentKind })}>
            <option value="langsung">{tr('on.appt.langsung')}</option>
            <option value="zoom">{tr('on.appt.zoom')}</option>
          </select>
        </label>
        <label className="field">
          <span>{tr('on.appt.service')}</span>
          <select value={form.serviceId} onChange={(e) => edit({ serviceId: e.target.value })}>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field" htmlFor="appointment-date">
          <span>{tr('on.appt.date')}</span>
          <DateField id="appointment-date" value={form.date} onChange={(date) => edit({ date })} />
        </label>
        {/* The times the office's opening hours allow that day (the hub's list, from shared's rule). */}
        {day && day.times.length === 0 ? (
          <p className="field muted" role="status">
            {tr('on.appt.closedDay')}
          </p>
        ) : (
          <label className="field">
            <span>{tr('on.appt.time')}</span>
            <select value={time} onChange={(e) => edit({ time: e.target.value })}>
              {(day?.times ?? [time]).map((t) => (
                <option key={t} value={t}>
                  {formatClock(t, lang)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span>{tr('on.appt.staff')}</span>
          <select value={form.staffId} onChange={(e) => edit({ staffId: e.target.value })}>
            <option value="">{tr('on.appt.anyStaff')}</option>
            {(day?.consultants ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{tr('on.appt.phone')}</span>
          <input value={form.phone} inputMode="tel" onChange={(e) => edit({ phone: e.target.value })} />
        </label>
        {form.kind === 'zoom' && (
          <label className={`field wide ${problem?.field === 'zoomLink' ? 'invalid' : ''}`}>
            <span>{tr('on.appt.zoomLink')}</span>
            <input
              type="url"
              value={form.zoomLink}
              aria-invalid={problem?.field === 'zoomLink'}
              aria-describedby={problem?.field === 'zoomLink' ? 'appt-zoom-problem' : undefined}
              onChange={(e) => edit({ zoomLink: e.target.value })}
            />
            {problem?.field === 'zoomLink' && (
              <small className="field-error" id="appt-zoom-problem" role="alert">
                {errorText(problem.code, lang)}
              </small>
            )}
          </label>
        )}
      </div>
      <button type="button" className="primary" onClick={() => void book()}>
        {tr('on.appt.book')}
      </button>
      {message && (
        <p className="notice ok" role="status">
          {tr('on.appt.booked')} <span data-testid="appointment-message">{message}</span>
        </p>
      )}
      <h5>
        {tr('on.appt.day')} {form.date ? formatLongDay(form.date, lang) : NO_VALUE}
      </h5>
      <AppointmentList day={day} onChanged={reload} />
    </section>
  );
}
