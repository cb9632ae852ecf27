import { DATA_CARE_DAYS } from '@pst/shared';
import { useT } from '@pst/ui';
import { useState } from 'react';
import { useCounter } from '../store';
import { RowForm } from './RowForm';
import type { SettingsSection, SettingsSectionProps } from './section';

/** The two kept-for periods, in days, with the bounds the hub's schema accepts. */
const DAY_FIELDS = [
  { key: 'retentionDays', label: 'set.retention', ...DATA_CARE_DAYS.retentionDays },
  { key: 'backupDays', label: 'set.backups', ...DATA_CARE_DAYS.backupDays },
] as const;

/** How long personal data and backups are kept, and erasing one visitor's data on request. */
function DataCareForm({ settings }: SettingsSectionProps) {
  const tr = useT();
  const save = useCounter((s) => s.settingsCommand);
  const [care, setCare] = useState(settings.dataCare);
  const [who, setWho] = useState('');
  const [erased, setErased] = useState<number | null>(null);
  return (
    <section className="panel">
      <h2>{tr('set.dataCare')}</h2>
      <div className="row">
        {DAY_FIELDS.map((field) => (
          <label key={field.key}>
            {tr(field.label)}
            <input
              type="number"
              min={field.min}
              max={field.max}
              value={care[field.key]}
              onChange={(e) => setCare({ ...care, [field.key]: Number(e.target.value) })}
            />
          </label>
        ))}
        <button type="button" onClick={() => void save('settings:data-care', care, tr('set.saved'))}>
          {tr('set.saveDataCare')}
        </button>
      </div>
      <RowForm
        onSubmit={() => {
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
      </RowForm>
      {erased !== null && <p role="status">{tr('set.erased', { n: erased })}</p>}
    </section>
  );
}

export const dataCareSection: SettingsSection = {
  id: 'data-care',
  Component: DataCareForm,
  draftOf: (settings) => settings.dataCare,
};
