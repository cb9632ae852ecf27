import { DEFAULT_OPENING_HOURS, type OpeningHours } from '@pst/shared';
import { TimeField, useT } from '@pst/ui';
import { useState } from 'react';
import { useCounter } from '../store';
import type { SettingsSection, SettingsSectionProps } from './section';

/** When the kiosk gives tickets: a time per weekday, or any hour (the hub enforces it, staff are exempt). */
function OpeningHoursForm({ settings }: SettingsSectionProps) {
  const tr = useT();
  const settingsCommand = useCounter((s) => s.settingsCommand);
  const [enabled, setEnabled] = useState(settings.openingHours !== null);
  const [week, setWeek] = useState(() => [...(settings.openingHours ?? DEFAULT_OPENING_HOURS).week]);
  const days = tr('set.weekdays').split(',');
  const setDay = (i: number, value: OpeningHours['week'][number]) =>
    setWeek((w) => w.map((d, j) => (j === i ? value : d)));
  return (
    <section className="panel" aria-labelledby="hours-title">
      <h2 id="hours-title">{tr('set.hours')}</h2>
      <p className="muted">{tr('set.hoursHint')}</p>
      <label className="check">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        {tr('set.hoursOn')}
      </label>
      <table>
        <tbody>
          {week.map((day, i) => (
            <tr key={days[i]}>
              <th scope="row">{days[i]}</th>
              <td>
                <label className="check inline">
                  <input
                    type="checkbox"
                    disabled={!enabled}
                    checked={day !== null}
                    onChange={(e) => setDay(i, e.target.checked ? { open: '08:00', close: '15:30' } : null)}
                  />
                  {tr('set.hoursOpen')}
                </label>
              </td>
              <td>
                <TimeField
                  label={`${tr('set.hoursFrom')} ${days[i]}`}
                  disabled={!enabled || day === null}
                  value={day?.open ?? ''}
                  onChange={(open) => day && setDay(i, { ...day, open })}
                />
              </td>
              <td>
                <TimeField
                  label={`${tr('set.hoursTo')} ${days[i]}`}
                  disabled={!enabled || day === null}
                  value={day?.close ?? ''}
                  onChange={(close) => day && setDay(i, { ...day, close })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="primary"
        onClick={() =>
          void settingsCommand(
            'settings:opening-hours',
            { hours: enabled ? { week } : null },
            tr('set.saved'),
          )
        }
      >
        {tr('set.saveHours')}
      </button>
    </section>
  );
}

export const openingHoursSection: SettingsSection = {
  id: 'opening-hours',
  Component: OpeningHoursForm,
  draftOf: (settings) => settings.openingHours,
};
