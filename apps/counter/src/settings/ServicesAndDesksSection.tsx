import type { QueueConfig } from '@pst/shared';
import { useT } from '@pst/ui';
import { useState } from 'react';
import { useCounter } from '../store';
import { WorkProfileEditor, withServices } from '../WorkProfileEditor';
import type { SettingsSection, SettingsSectionProps } from './section';
import { TicketTextsEditor } from './TicketTextsEditor';

/** Services (name, prefix, colour, target, active), desks and the ticket's texts: one config, saved whole. */
function ServicesAndDesksForm({ settings }: SettingsSectionProps) {
  const config = settings.config;
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
      <table className="services-table">
        <thead>
          <tr>
            <th>{tr('set.name')}</th>
            <th className="narrow">{tr('set.prefix')}</th>
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
              <td className="narrow">
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
            <th>{tr('profile.title')}</th>
          </tr>
        </thead>
        <tbody>
          {draft.desks.map((d, i) => (
            <tr key={d.id}>
              <td className="desk-name-cell">
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
                          desk(
                            i,
                            withServices(
                              d,
                              e.target.checked ? [...d.services, s.id] : d.services.filter((x) => x !== s.id),
                            ),
                          )
                        }
                      />
                      {s.name}
                    </label>
                  ))}
              </td>
              <td>
                <WorkProfileEditor
                  desk={d}
                  services={draft.services}
                  onChange={(profile) => desk(i, { profile })}
                />
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

export const servicesAndDesksSection: SettingsSection = {
  id: 'services-desks',
  Component: ServicesAndDesksForm,
  draftOf: (settings) => settings.config,
};
