import { deskControlOf } from '@pst/shared';
import { useT } from '@pst/ui';
import { useState } from 'react';
import { useCounter } from '../store';
import type { SettingsSection, SettingsSectionProps } from './section';

/**
 * Hold and send to a named desk (issue 20, part 2): how long a parked ticket waits before it is
 * proposed as a no-show, and how long a ticket sent to a desk waits for it before the whole queue.
 */
function DeskControlForm({ settings }: SettingsSectionProps) {
  const config = settings.config;
  const tr = useT();
  const settingsCommand = useCounter((s) => s.settingsCommand);
  const [limits, setLimits] = useState(() => deskControlOf(config.office));
  const minutes = (key: keyof typeof limits, label: 'settings.parkLimit' | 'settings.sentFallback') => (
    <label>
      {tr(label)}
      <input
        type="number"
        min={1}
        max={240}
        required
        value={limits[key]}
        onChange={(e) => setLimits({ ...limits, [key]: Number(e.target.value) })}
      />
    </label>
  );
  return (
    <form
      className="panel desk-control-form"
      aria-label={tr('settings.deskControl')}
      onSubmit={(event) => {
        event.preventDefault();
        void settingsCommand(
          'settings:config',
          { config: { ...config, office: { ...config.office, ...limits } } },
          tr('settings.deskControlSaved'),
        );
      }}
    >
      <h2>{tr('settings.deskControl')}</h2>
      <div className="office-grid">
        {minutes('parkLimitMinutes', 'settings.parkLimit')}
        {minutes('sentFallbackMinutes', 'settings.sentFallback')}
      </div>
      <button type="submit" className="primary">
        {tr('settings.deskControlSave')}
      </button>
    </form>
  );
}

export const deskControlSection: SettingsSection = {
  id: 'desk-control',
  Component: DeskControlForm,
  draftOf: (settings) => deskControlOf(settings.config.office),
};
