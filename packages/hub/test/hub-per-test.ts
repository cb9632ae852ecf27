import { afterEach } from 'vitest';
import { closeClients, type TestHub } from '../src/testing';

/**
 * After each test of a file: every client closed, and the file's hub (`current`, the one running now:
 * a test may start another) stopped once.
 */
export function stopHubAfterEach(current: () => TestHub | undefined): void {
  const stopped = new WeakSet<TestHub>();
  afterEach(async () => {
    closeClients();
    const hub = current();
    if (!hub || stopped.has(hub)) return;
    stopped.add(hub);
    await hub.stop();
  });
}
