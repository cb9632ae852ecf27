import type { StringKey } from '@pst/shared';
import { useT } from '@pst/ui';
import { useState } from 'react';
import { useCounter } from '../store';
import type { SettingsSection, SettingsSectionProps } from './section';

/**
 * Name, address, email and running text: what the display, the tablet and reports show. The phone and
 * the complaint channels are edited with the ticket's texts (they are printed on every ticket).
 */
function OfficeForm({ settings }: SettingsSectionProps) {
  const config = settings.config;
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

export const officeSection: SettingsSection = {
  id: 'office',
  Component: OfficeForm,
  draftOf: (settings) => settings.config.office,
};
