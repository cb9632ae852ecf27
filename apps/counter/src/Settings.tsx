import {
  DEVICE_ROLES,
  formatDay,
  formatTime,
  grantableRoles,
  mayManageAccount,
  type NamedPrinterStatus,
  type QueueConfig,
  type SettingsView,
  STAFF_ROLES,
  type StringKey,
  staffChangeRefusal,
} from '@pst/shared';
import { useT } from '@pst/ui';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { OpeningHoursSection, VoiceClipsSection } from './KioskHoursAndVoice';
import { importHolidays, useCounter } from './store';

/** The head of PST's settings: every change is checked by the hub, applied live, and audited. */
export function Settings() {
  const tr = useT();
  const { settings, settingsCommand } = useCounter(
    useShallow((s) => ({ settings: s.settings, settingsCommand: s.settingsCommand })),
  );
  useEffect(() => {
    void useCounter.getState().settingsCommand('settings:get', {});
  }, []);
  if (!settings) return <p className="muted">{tr('sup.loading')}</p>;
  return (
    <div className="settings-page">
      <OfficeSection key={JSON.stringify(settings.config.office)} config={settings.config} />
      <ConfigEditor key={JSON.stringify(settings.config)} config={settings.config} />
      <StaffSection settings={settings} />
      <DevicesSection settings={settings} />
      <PrintersSection />
      <HolidaysSection key={JSON.stringify(settings.holidays)} settings={settings} />
      <OpeningHoursSection key={JSON.stringify(settings.openingHours)} settings={settings} />
      <VoiceClipsSection />
      <DataCareSection key={JSON.stringify(settings.dataCare)} settings={settings} save={settingsCommand} />
    </div>
  );
}

/**
 * Name, address, email and running text: what the display, the tablet and reports show. The phone and
 * the complaint channels are edited with the ticket's texts (they are printed on every ticket).
 */
function OfficeSection({ config }: { config: QueueConfig }) {
  const tr = useT();
  const settingsCommand = useCounter((s) => s.settingsCommand);
  const [office, setOffice] = useState(() => config.office);
  const text = (key: 'name' | 'address' | 'email', label: StringKey) => (
    <label>
      {tr(label)}
      <input value={office[key]} onChange={(e) => setOffice({ ...office, [key]: e.target.value })} />
    </label>
  );
  return (
    <form
      className="panel office-form"
      aria-label={tr('set.office')}
      onSubmit={(event) => {
        event.preventDefault();
        void settingsCommand('settings:config', { config: { ...config, office } }, tr('set.saved'));
      }}
    >
      <h2>{tr('set.office')}</h2>
      <div className="office-grid">
        {text('name', 'set.officeName')}
        {text('email', 'set.officeEmail')}
        {text('address', 'set.officeAddress')}
        <label>
          {tr('set.runningText')}
          <textarea
            rows={3}
            maxLength={500}
            value={office.runningText}
            onChange={(e) => setOffice({ ...office, runningText: e.target.value })}
          />
        </label>
      </div>
      <button type="submit" className="primary">
        {tr('set.saveOffice')}
      </button>
    </form>
  );
}

function ConfigEditor({ config }: { config: QueueConfig }) {
  const tr = useT();
  const settingsCommand = useCounter((s) => s.settingsCommand);
  const [draft, setDraft] = useState(() => structuredClone(config));
  const service = (i: number, change: Partial<QueueConfig['services'][number]>) =>
    setDraft((d) => ({ ...d, services: d.services.map((s, j) => (j === i ? { ...s, ...change } : s)) }));
  const desk = (i: number, change: Partial<QueueConfig['desks'][number]>) =>
    setDraft((d) => ({ ...d, desks: d.desks.map((s, j) => (j === i ? { ...s, ...change } : s)) }));
  return (
    <section className="panel">
      <h2>{tr('set.services')}</h2>
      <table>
        <thead>
          <tr>
            <th>{tr('set.name')}</th>
            <th>{tr('set.prefix')}</th>
            <th>{tr('set.color')}</th>
            <th>{tr('set.target')}</th>
            <th>{tr('set.active')}</th>
          </tr>
        </thead>
        <tbody>
          {draft.services.map((s, i) => (
            <tr key={s.id}>
              <td>
                <input
                  aria-label={`${tr('set.name')} ${s.id}`}
                  value={s.name}
                  onChange={(e) => service(i, { name: e.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label={`${tr('set.prefix')} ${s.id}`}
                  value={s.prefix}
                  maxLength={1}
                  onChange={(e) => service(i, { prefix: e.target.value.toUpperCase() })}
                />
              </td>
              <td>
                <input
                  aria-label={`${tr('set.color')} ${s.id}`}
                  type="color"
                  value={s.color}
                  onChange={(e) => service(i, { color: e.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label={`${tr('set.target')} ${s.id}`}
                  type="number"
                  min={1}
                  max={240}
                  value={s.targetMinutes}
                  onChange={(e) => service(i, { targetMinutes: Number(e.target.value) })}
                />
              </td>
              <td>
                <input
                  aria-label={`${tr('set.active')} ${s.id}`}
                  type="checkbox"
                  checked={s.active}
                  onChange={(e) => service(i, { active: e.target.checked })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{tr('set.desks')}</h2>
      <table>
        <thead>
          <tr>
            <th>{tr('set.name')}</th>
            <th>{tr('set.kind')}</th>
            <th>{tr('set.services')}</th>
          </tr>
        </thead>
        <tbody>
          {draft.desks.map((d, i) => (
            <tr key={d.id}>
              <td>
                <input
                  aria-label={`${tr('set.name')} ${d.id}`}
                  value={d.name}
                  onChange={(e) => desk(i, { name: e.target.value })}
                />
              </td>
              <td>{d.kind === 'front-office' ? 'Front Office' : tr('set.services')}</td>
              <td>
                {d.kind === 'service' &&
                  draft.services.map((s) => (
                    <label key={s.id} className="check inline">
                      <input
                        type="checkbox"
                        checked={d.services.includes(s.id)}
                        onChange={(e) =>
                          desk(i, {
                            services: e.target.checked
                              ? [...d.services, s.id]
                              : d.services.filter((x) => x !== s.id),
                          })
                        }
                      />
                      {s.name}
                    </label>
                  ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <TicketTextsEditor draft={draft} setDraft={setDraft} />
      <button
        type="button"
        className="primary"
        onClick={() => void settingsCommand('settings:config', { config: draft }, tr('set.saved'))}
      >
        {tr('set.saveConfig')}
      </button>
    </section>
  );
}

/** What the printed ticket tells the visitor besides the number (issue 17): the office's own words. */
function TicketTextsEditor({
  draft,
  setDraft,
}: {
  draft: QueueConfig;
  setDraft: (change: (d: QueueConfig) => QueueConfig) => void;
}) {
  const tr = useT();
  const office = (change: Partial<QueueConfig['office']>) =>
    setDraft((d) => ({ ...d, office: { ...d.office, ...change } }));
  const texts = draft.office.ticketTexts;
  return (
    <fieldset className="ticket-texts">
      <legend>{tr('set.ticketTexts')}</legend>
      <label>
        {tr('set.ticketPhone')}
        <input value={draft.office.phone} onChange={(e) => office({ phone: e.target.value })} />
      </label>
      <label>
        {tr('set.ticketPromise')}
        <input
          value={texts.promise}
          onChange={(e) => office({ ticketTexts: { ...texts, promise: e.target.value } })}
        />
      </label>
      <label>
        {tr('set.ticketFrontOffice')}
        <input
          value={texts.frontOffice}
          onChange={(e) => office({ ticketTexts: { ...texts, frontOffice: e.target.value } })}
        />
      </label>
      <label>
        {tr('set.ticketChannels')}
        <textarea
          rows={6}
          value={draft.office.complaintChannels.join('\n')}
          onChange={(e) =>
            office({ complaintChannels: e.target.value.split('\n').filter((line) => line.trim()) })
          }
        />
      </label>
    </fieldset>
  );
}

function StaffSection({ settings }: { settings: SettingsView }) {
  const tr = useT();
  const { settingsCommand, me, lang } = useCounter(
    useShallow((s) => ({ settingsCommand: s.settingsCommand, me: s.session?.staff, lang: s.lang })),
  );
  const actor = me?.role ?? 'front-office';
  // The hub's own rules (shared/staff-roles.ts): what it would refuse is not offered here.
  const roles = grantableRoles(actor, STAFF_ROLES);
  const activeAdmins = settings.staff.filter((s) => s.role === 'admin' && s.active).length;
  const [form, setForm] = useState({
    username: '',
    name: '',
    role: 'front-office' as (typeof STAFF_ROLES)[number],
    pin: '',
  });
  return (
    <section className="panel">
      <h2>{tr('set.staff')}</h2>
      <table>
        <tbody>
          {settings.staff.map((s) => {
            const isOwn = s.id === me?.id;
            const mayManage = mayManageAccount(actor, s.role, isOwn);
            const toggleRefused = staffChangeRefusal(
              actor,
              s,
              { ...s, active: !s.active },
              activeAdmins,
              isOwn,
            );
            return (
              <tr key={s.id}>
                <td>{s.username}</td>
                <td>{s.name}</td>
                <td>{tr(`role.${s.role}`)}</td>
                <td>
                  <label className="check inline">
                    <input
                      type="checkbox"
                      checked={s.active}
                      disabled={toggleRefused !== null}
                      onChange={(e) =>
                        void settingsCommand(
                          'settings:staff',
                          { username: s.username, name: s.name, role: s.role, active: e.target.checked },
                          tr('set.saved'),
                        )
                      }
                    />
                    {tr('set.active')}
                  </label>
                </td>
                <td>
                  {s.loginLockedUntil !== null && (
                    <>
                      {tr('set.locked', { time: formatTime(s.loginLockedUntil, lang) })}{' '}
                      {mayManage && (
                        <button
                          type="button"
                          onClick={() =>
                            void settingsCommand(
                              'settings:staff-unlock',
                              { username: s.username },
                              tr('set.unlocked'),
                            )
                          }
                        >
                          {tr('set.unlock')}
                        </button>
                      )}
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          void settingsCommand(
            'settings:staff',
            { ...form, pin: form.pin || undefined },
            tr('set.saved'),
          ).then((r) => r && setForm({ ...form, pin: '' }));
        }}
      >
        <label>
          {tr('counter.username')}
          <input
            value={form.username}
            onChange={(e) => setForm({ ...form, username: e.target.value.trim().toLowerCase() })}
          />
        </label>
        <label>
          {tr('set.name')}
          <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </label>
        <label>
          {tr('set.role')}
          <select
            value={form.role}
            onChange={(e) => setForm({ ...form, role: e.target.value as typeof form.role })}
          >
            {roles.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        <label>
          {tr('set.newPin')}
          <input
            type="password"
            inputMode="numeric"
            value={form.pin}
            onChange={(e) => setForm({ ...form, pin: e.target.value.replace(/\D/g, '') })}
          />
        </label>
        <button type="submit">{tr('set.addStaff')}</button>
      </form>
    </section>
  );
}

function DevicesSection({ settings }: { settings: SettingsView }) {
  const tr = useT();
  const settingsCommand = useCounter((s) => s.settingsCommand);
  const [form, setForm] = useState({ role: 'kiosk' as (typeof DEVICE_ROLES)[number], name: '', deskId: '' });
  const [link, setLink] = useState<string | null>(null);
  return (
    <section className="panel">
      <h2>{tr('set.devices')}</h2>
      <table>
        <tbody>
          {settings.devices.map((d) => (
            <tr key={d.id}>
              <td>{d.name}</td>
              <td>{tr(`role.${d.role}`)}</td>
              <td>{settings.config.desks.find((desk) => desk.id === d.deskId)?.name ?? ''}</td>
              <td>
                {d.revokedAt ? (
                  tr('set.revoked')
                ) : (
                  <button
                    type="button"
                    className="warn"
                    onClick={() =>
                      void settingsCommand('settings:device-revoke', { deviceId: d.id }, tr('set.saved'))
                    }
                  >
                    {tr('set.revoke')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="row"
        aria-label={tr('set.pair')}
        onSubmit={(event) => {
          event.preventDefault();
          void settingsCommand('settings:device-pair', {
            role: form.role,
            name: form.name,
            ...(form.role === 'rating' ? { deskId: form.deskId } : {}),
          }).then((paired) => {
            if (!paired) return;
            setLink(paired.link);
            void settingsCommand('settings:get', {});
          });
        }}
      >
        <label>
          {tr('set.role')}
          <select
            value={form.role}
            onChange={(e) => setForm({ ...form, role: e.target.value as typeof form.role })}
          >
            {DEVICE_ROLES.map((r) => (
              <option key={r} value={r}>
                {tr(`role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {tr('set.name')}
          <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </label>
        {form.role === 'rating' && (
          <label>
            {tr('set.desks')}
            <select value={form.deskId} onChange={(e) => setForm({ ...form, deskId: e.target.value })}>
              <option value="">{tr('gb.choose')}</option>
              {settings.config.desks.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="submit">{tr('set.pair')}</button>
      </form>
      {link && (
        <p className="pair-link">
          {tr('set.pairLink')} <code data-testid="pair-link">{link}</code>
        </p>
      )}
    </section>
  );
}

function HolidaysSection({ settings }: { settings: SettingsView }) {
  const tr = useT();
  const lang = useCounter((s) => s.lang);
  const settingsCommand = useCounter((s) => s.settingsCommand);
  const [list, setList] = useState(settings.holidays);
  const [add, setAdd] = useState({ date: '', name: '', isJointLeave: false });
  const [imported, setImported] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const importFile = async (file: File) => {
    const result = await importHolidays(file);
    if (!result.ok) {
      const problem =
        result.field === 'name' ? tr('set.name') : result.field === 'date' ? 'tanggal' : file.name;
      setImported({ kind: 'error', text: tr('set.importFailed', { row: result.row, problem }) });
      return;
    }
    // Imported dates replace the same dates in the list; the rest stays (earlier years, hand-added days).
    const dates = new Set(result.holidays.map((h) => h.date));
    setList(
      [...list.filter((h) => !dates.has(h.date)), ...result.holidays].sort((a, b) =>
        a.date.localeCompare(b.date),
      ),
    );
    setImported({ kind: 'ok', text: tr('set.imported', { n: result.holidays.length }) });
  };
  return (
    <section className="panel" aria-label={tr('set.holidays')}>
      <h2>{tr('set.holidays')}</h2>
      <div className="row">
        <label>
          {tr('set.importHolidays')}
          <input
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void importFile(file);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      <p className="muted">{tr('set.importHint')}</p>
      {imported && (
        <p className={`notice ${imported.kind}`} role={imported.kind === 'error' ? 'alert' : 'status'}>
          {imported.text}
        </p>
      )}
      <ul className="holidays">
        {list.map((h) => (
          <li key={h.date}>
            {formatDay(h.date, lang)} · {h.name} {h.isJointLeave && `(${tr('set.jointLeave')})`}{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => setList(list.filter((x) => x.date !== h.date))}
            >
              {tr('set.remove')}
            </button>
          </li>
        ))}
      </ul>
      <div className="row">
        <input
          aria-label="Tanggal"
          type="date"
          value={add.date}
          onChange={(e) => setAdd({ ...add, date: e.target.value })}
        />
        <input
          aria-label={tr('set.name')}
          value={add.name}
          onChange={(e) => setAdd({ ...add, name: e.target.value })}
        />
        <label className="check inline">
          <input
            type="checkbox"
            checked={add.isJointLeave}
            onChange={(e) => setAdd({ ...add, isJointLeave: e.target.checked })}
          />
          {tr('set.jointLeave')}
        </label>
        <button
          type="button"
          disabled={!add.date || add.name.trim().length < 2}
          onClick={() => setList([...list.filter((x) => x.date !== add.date), add])}
        >
          {tr('set.addHoliday')}
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => void settingsCommand('settings:holidays', { holidays: list }, tr('set.saved'))}
        >
          {tr('set.saveHolidays')}
        </button>
      </div>
    </section>
  );
}

/** Each printer the hub prints through, with its state and a "print test ticket" button. */
function PrintersSection() {
  const tr = useT();
  const printers = useCounter(useShallow((s) => s.board?.printers ?? []));
  const settingsCommand = useCounter((s) => s.settingsCommand);
  const [results, setResults] = useState<Record<string, { tone: 'ok' | 'error' | 'busy'; text: string }>>({});
  const label = (printer: NamedPrinterStatus) =>
    printer.kind === 'hub' ? `${tr('set.printerHub')} (${printer.name})` : printer.name;
  const state = (printer: Pick<NamedPrinterStatus, 'state'>) => tr(`printer.${printer.state}` as StringKey);
  const test = async (printer: NamedPrinterStatus) => {
    const name = label(printer);
    setResults((r) => ({ ...r, [printer.id]: { tone: 'busy', text: tr('set.printTestBusy') } }));
    const deviceId = printer.kind === 'kiosk' ? printer.id.replace(/^kiosk:/, '') : undefined;
    const status = await settingsCommand('printer:test', deviceId ? { deviceId } : {});
    setResults((r) => {
      const next = { ...r };
      if (!status) delete next[printer.id];
      else if (status.state === 'ok')
        next[printer.id] = { tone: 'ok', text: tr('set.printTestOk', { printer: name }) };
      else
        next[printer.id] = {
          tone: 'error',
          text: tr('set.printTestFailed', { printer: name, state: state(status) }),
        };
      return next;
    });
  };
  return (
    <section className="panel" aria-label={tr('set.printers')}>
      <h2>{tr('set.printers')}</h2>
      <p className="muted">{tr('set.printTestHint')}</p>
      <table>
        <tbody>
          {printers.map((printer) => {
            const result = results[printer.id];
            return (
              <tr key={printer.id}>
                <td>{label(printer)}</td>
                <td>{state(printer)}</td>
                <td>
                  <button
                    type="button"
                    disabled={result?.tone === 'busy'}
                    onClick={() => void test(printer)}
                    data-testid={`print-test-${printer.id}`}
                  >
                    {tr('set.printTest')}
                  </button>
                </td>
                <td role="status" className={result?.tone === 'error' ? 'error' : undefined}>
                  {result?.text}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function DataCareSection({
  settings,
  save,
}: {
  settings: SettingsView;
  save: ReturnType<typeof useCounter.getState>['settingsCommand'];
}) {
  const tr = useT();
  const [care, setCare] = useState(settings.dataCare);
  const [who, setWho] = useState('');
  const [erased, setErased] = useState<number | null>(null);
  return (
    <section className="panel">
      <h2>{tr('set.dataCare')}</h2>
      <div className="row">
        <label>
          {tr('set.retention')}
          <input
            type="number"
            min={30}
            max={3650}
            value={care.retentionDays}
            onChange={(e) => setCare({ ...care, retentionDays: Number(e.target.value) })}
          />
        </label>
        <label>
          {tr('set.backups')}
          <input
            type="number"
            min={1}
            max={365}
            value={care.backupDays}
            onChange={(e) => setCare({ ...care, backupDays: Number(e.target.value) })}
          />
        </label>
        <button type="button" onClick={() => void save('settings:data-care', care, tr('set.saved'))}>
          {tr('set.saveDataCare')}
        </button>
      </div>
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          const by = who.includes('@') ? { email: who.trim() } : { phone: who.trim() };
          void save('guestbook:erase', by).then((r) => r && setErased(r.erased));
        }}
      >
        <label>
          {tr('set.erase')}
          <input value={who} onChange={(e) => setWho(e.target.value)} />
        </label>
        <button type="submit" className="warn" disabled={!who.trim()}>
          {tr('set.eraseButton')}
        </button>
      </form>
      {erased !== null && <p role="status">{tr('set.erased', { n: erased })}</p>}
    </section>
  );
}
