import { DEVICE_ROLES } from '@pst/shared';
import { useT } from '@pst/ui';
import { useState } from 'react';
import { useCounter } from '../store';
import { RoleSelect } from './RoleSelect';
import { RowForm } from './RowForm';
import type { SettingsSection, SettingsSectionProps } from './section';

/** Paired kiosks, displays and rating tablets: revoke one, or pair a new one with a link. */
function DevicesForm({ settings }: SettingsSectionProps) {
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
      <RowForm
        label={tr('set.pair')}
        onSubmit={() => {
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
        <RoleSelect roles={DEVICE_ROLES} value={form.role} onChange={(role) => setForm({ ...form, role })} />
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
      </RowForm>
      {link && (
        <p className="pair-link">
          {tr('set.pairLink')} <code data-testid="pair-link">{link}</code>
        </p>
      )}
    </section>
  );
}

export const devicesSection: SettingsSection = { id: 'devices', Component: DevicesForm };
