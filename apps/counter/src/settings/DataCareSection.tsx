import { useT } from '@pst/ui';
import { useState } from 'react';
import { useCounter } from '../store';
import type { SettingsSection, SettingsSectionProps } from './section';

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

export const dataCareSection: SettingsSection = {
  id: 'data-care',
  Component: DataCareForm,
  draftOf: (settings) => settings.dataCare,
};
