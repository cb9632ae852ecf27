import { type FSWatcher, mkdirSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * How the command line tells a running hub that a credential was revoked. The database stays the
 * only truth: the CLI writes the revocation there first, then touches a file in
 * `<dataDir>/signals/`; the hub watches that folder (inotify on Linux, ReadDirectoryChangesW on
 * Windows: no polling) and, on any change, checks every open socket's token against the database
 * and disconnects those no longer valid. The signal carries no data, so writing it can only make
 * the hub check sooner; a lost signal is caught by the half-minute sweep.
 */
const SIGNALS = 'signals';
const REVOKED = 'revoked';

export function signalRevocation(dataDir: string): void {
  const dir = join(dataDir, SIGNALS);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(join(dir, REVOKED), `${Date.now()}\n`, { mode: 0o600 });
}

export function watchRevocations(dataDir: string, onSignal: () => void): FSWatcher {
  const dir = join(dataDir, SIGNALS);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const watcher = watch(dir, { persistent: false }, () => onSignal());
  watcher.on('error', () => undefined);
  return watcher;
}
