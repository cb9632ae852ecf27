import { formatDay } from '@pst/shared';
import { DateField, FileButton, useT } from '@pst/ui';
import { useState } from 'react';
import { importHolidays, useCounter } from '../store';
import type { SettingsSection, SettingsSectionProps } from './section';

/** The office's holidays and joint leave days (typed, or imported from a CSV/XLSX file), saved as one list. */
function HolidaysForm({ settings }: SettingsSectionProps) {
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
        <FileButton
          label={tr('set.importHolidays')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onFile={(file) => void importFile(file)}
        />
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
        <DateField label={tr('sup.date')} value={add.date} onChange={(date) => setAdd({ ...add, date })} />
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

export const holidaysSection: SettingsSection = {
  id: 'holidays',
  Component: HolidaysForm,
  draftOf: (settings) => settings.holidays,
};
