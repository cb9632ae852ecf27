import type { SettingsView } from '@pst/shared';
import type { Ctx } from '../command-context';
import type { HubContext } from '../context';
import { accountKey } from '../login';
import { type AreaHandlers, staffId } from './handler';

export function settingsView(hub: HubContext): SettingsView {
  return {
    config: hub.runner.state.config,
    staff: hub.store.staff().map((account) => {
      const key = accountKey(account.username);
      const locked = hub.staffLogin.isLocked(key);
      return { ...account, loginLockedUntil: locked ? hub.clock() + hub.staffLogin.waitOf(key) : null };
    }),
    devices: hub.store.devices().map(({ id, role, name, deskId, revokedAt, lastSeenAt }) => ({
      id,
      role,
      name,
      deskId,
      revokedAt,
      lastSeenAt,
    })),
    holidays: hub.store.holidays(),
    dataCare: hub.store.dataCare(),
    openingHours: hub.store.openingHours(),
  };
}

/** A settings change: written and recorded in the audit trail in one transaction. */
function saveSetting(hub: HubContext, ctx: Ctx, key: string, value: unknown): SettingsView {
  hub.store.transaction(() => {
    hub.store.setSetting(key, value);
    hub.store.audit(hub.clock(), `settings.${key}`, value, staffId(ctx));
  });
  return settingsView(hub);
}

/** The office's settings: queues and desks, holidays, data care, opening hours. */
export const settingsCommands = {
  'settings:get': (hub) => settingsView(hub),
  'settings:config': (hub, ctx, { config }) => {
    // Through the domain, so desks and queues follow at once and the change is in the event log.
    hub.runner.execute({ type: 'configure', config }, staffId(ctx), () =>
      hub.store.setSetting('queue-config', config),
    );
    return settingsView(hub);
  },
  'settings:holidays': (hub, ctx, { holidays }) =>
    saveSetting(
      hub,
      ctx,
      'holidays',
      [...holidays].sort((a, b) => a.date.localeCompare(b.date)),
    ),
  'settings:data-care': (hub, ctx, care) => saveSetting(hub, ctx, 'data-care', care),
  'settings:opening-hours': (hub, ctx, { hours }) => saveSetting(hub, ctx, 'opening-hours', { hours }),
} satisfies AreaHandlers;
