import { useT } from '@pst/ui';
import { useEffect } from 'react';
import { useCounter } from '../store';
import { dataCareSection } from './DataCareSection';
import { deskControlSection } from './DeskControlSection';
import { devicesSection } from './DevicesSection';
import { holidaysSection } from './HolidaysSection';
import { officeSection } from './OfficeSection';
import { openingHoursSection } from './OpeningHoursSection';
import { printersSection } from './PrintersSection';
import { servicesAndDesksSection } from './ServicesAndDesksSection';
import { staffSection } from './StaffSection';
import type { SettingsSection } from './section';
import { voiceClipsSection } from './VoiceClipsSection';

/** The page's sections, top to bottom. */
const SECTIONS: readonly SettingsSection[] = [
  officeSection,
  servicesAndDesksSection,
  deskControlSection,
  staffSection,
  devicesSection,
  printersSection,
  holidaysSection,
  openingHoursSection,
  voiceClipsSection,
  dataCareSection,
];

/** The head of PST's settings: every change is checked by the hub, applied live, and audited. */
export function Settings() {
  const tr = useT();
  const settings = useCounter((s) => s.settings);
  useEffect(() => {
    void useCounter.getState().settingsCommand('settings:get', {});
  }, []);
  if (!settings) return <p className="muted">{tr('sup.loading')}</p>;
  return (
    <div className="settings-page">
      {SECTIONS.map(({ id, Component, draftOf }) => (
        <Component key={draftOf ? `${id}:${JSON.stringify(draftOf(settings))}` : id} settings={settings} />
      ))}
    </div>
  );
}
