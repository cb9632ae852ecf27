import { errorBody, type SocketData } from '@pst/shared';
import { hashToken } from './auth';
import type { HubServer, HubSocketData } from './context';
import type { Store } from './storage/store';

/**
 * Who a token is: a paired device (with its desk, for a rating tablet) or a signed-in staff member,
 * with the token's hash, which the socket keeps for every later check.
 */
export function authenticate(store: Store, token: unknown, now: number): HubSocketData | null {
  if (typeof token !== 'string' || token.length === 0 || token.length > 200) return null;
  const tokenHash = hashToken(token);
  const identity = identify(store, tokenHash, now);
  return identity && { ...identity, tokenHash };
}

function identify(store: Store, tokenHash: string, now: number): SocketData | null {
  const device = store.deviceByTokenHash(tokenHash);
  if (device) {
    return device.deskId
      ? { role: device.role, deviceId: device.id, deskId: device.deskId }
      : { role: device.role, deviceId: device.id };
  }
  const staff = store.staffBySessionHash(tokenHash, now);
  return staff ? { role: staff.role, staffId: staff.id, staffName: staff.name } : null;
}

/**
 * Whether an open socket's credential still holds (checked at every command, so a revoked device or
 * an ended session loses its rights at once): one lookup of the kind it signed in with, by the
 * token's hash the socket keeps.
 */
export function credentialHolds(store: Store, data: HubSocketData, now: number): boolean {
  return data.deviceId
    ? store.deviceByTokenHash(data.tokenHash) !== null
    : store.staffBySessionHash(data.tokenHash, now) !== null;
}

/** A socket connects only with a valid token; its identity is the socket's data from then on. */
export function requireIdentity(io: HubServer, store: Store, clock: () => number): void {
  io.use((socket, next) => {
    const identity = authenticate(store, socket.handshake.auth?.token, clock());
    if (!identity) {
      const error = new Error(errorBody('UNAUTHENTICATED').message) as Error & { data: unknown };
      error.data = errorBody('UNAUTHENTICATED');
      next(error);
      return;
    }
    socket.data = identity;
    next();
  });
}

/** Disconnects every socket whose token is no longer valid (revoked device, disabled account, ended session). */
export function cutRevokedSockets(io: HubServer, store: Store, now: number): void {
  for (const socket of io.of('/').sockets.values()) {
    if (!credentialHolds(store, socket.data, now)) socket.disconnect(true);
  }
}
