import { formatTime, grantableRoles, mayManageAccount, STAFF_ROLES, staffChangeRefusal } from '@pst/shared';
import { useT } from '@pst/ui';
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useCounter } from '../store';
import { RoleSelect } from './RoleSelect';
import { RowForm } from './RowForm';
import type { SettingsSection, SettingsSectionProps } from './section';

/** Staff accounts: what the hub would refuse this actor (shared/staff-roles.ts) is not offered. */
function StaffForm({ settings }: SettingsSectionProps) {
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
      <RowForm
        onSubmit={() => {
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
        <RoleSelect roles={roles} value={form.role} onChange={(role) => setForm({ ...form, role })} />
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
      </RowForm>
    </section>
  );
}

export const staffSection: SettingsSection = { id: 'staff', Component: StaffForm };
