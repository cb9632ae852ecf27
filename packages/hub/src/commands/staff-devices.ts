import { DomainError } from '@pst/queue-core';
import { mayManageAccount, staffChangeRefusal } from '@pst/shared';
import { accountKey, unlockLogin } from '../login';
import { pairingLink } from '../pairing';
import { type AreaHandlers, staffId, staffRole } from './handler';
import { settingsView } from './settings';

const PAIRING_APPS = { kiosk: 'kiosk', display: 'display', rating: 'rating' } as const;

/** Staff accounts and paired devices, managed by supervisors and admins. */
export const staffDeviceCommands = {
  'settings:staff': async (hub, ctx, { pin, ...input }) => {
    const actor = staffRole(ctx);
    const refusal = () => {
      const before = hub.store.staffByUsername(input.username);
      const isOwn = before?.id === ctx.data.staffId;
      return staffChangeRefusal(actor, before, input, hub.store.activeAdminCount(), isOwn);
    };
    const refused = refusal();
    if (refused) throw new DomainError(refused, input.username);
    if (!pin && !hub.store.staffByUsername(input.username))
      throw new DomainError('VALIDATION_FAILED', 'a new account needs a PIN');
    const pinHash = pin ? await hub.pins.hash(pin) : undefined;
    // Checked again after the hash (other commands ran meanwhile), then written in one go.
    const again = refusal();
    if (again) throw new DomainError(again, input.username);
    hub.store.saveStaff({ ...input, pinHash }, hub.clock(), staffId(ctx));
    // Sessions the change ended lose their sockets once this answer is out (runCommand, CUTS_SESSIONS).
    return settingsView(hub);
  },
  'settings:staff-unlock': (hub, ctx, { username }) => {
    const account = hub.store.staffByUsername(username);
    if (!account) throw new DomainError('NOT_FOUND', username);
    if (!mayManageAccount(staffRole(ctx), account.role, account.id === ctx.data.staffId))
      throw new DomainError('ROLE_ABOVE_OWN', username);
    unlockLogin(hub.store, accountKey(username), hub.clock(), staffId(ctx));
    return settingsView(hub);
  },
  'settings:device-pair': (hub, ctx, { role, name, deskId }) => {
    if (role === 'rating' && !hub.runner.state.config.desks.some((d) => d.id === deskId)) {
      throw new DomainError('UNKNOWN_DESK', deskId ?? '');
    }
    const { device, token } = hub.store.addDevice(
      role,
      name,
      role === 'rating' ? (deskId ?? null) : null,
      hub.clock(),
    );
    hub.store.audit(hub.clock(), 'device.paired', { id: device.id, role }, staffId(ctx));
    const link = pairingLink(hub.publicUrl(), PAIRING_APPS[role], token, hub.tlsFingerprint);
    return { deviceId: device.id, token, link };
  },
  'settings:device-revoke': (hub, ctx, { deviceId }) => {
    if (!hub.store.revokeDevice(deviceId, hub.clock())) throw new DomainError('NOT_FOUND', deviceId);
    hub.store.audit(hub.clock(), 'device.revoked-by', { deviceId }, staffId(ctx));
    hub.cutRevoked();
    return settingsView(hub);
  },
} satisfies AreaHandlers;
