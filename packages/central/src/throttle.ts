/**
 * Sign-in throttling: after 5 failed attempts on an account, or 20 from one address, within 15
 * minutes, that account or address waits until the oldest failure is 15 minutes old. In memory: a
 * restart forgets it, which only gives a guesser a few more tries per restart.
 */
const WINDOW_MS = 15 * 60_000;
const PER_ACCOUNT = 5;
const PER_ADDRESS = 20;

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly clock: () => number) {}

  allowed(username: string, address: string): boolean {
    return this.recent(`u:${username}`) < PER_ACCOUNT && this.recent(`a:${address}`) < PER_ADDRESS;
  }

  failed(username: string, address: string): void {
    for (const key of [`u:${username}`, `a:${address}`]) {
      const list = this.failures.get(key) ?? [];
      list.push(this.clock());
      this.failures.set(key, list);
    }
  }

  succeeded(username: string): void {
    this.failures.delete(`u:${username}`);
  }

  private recent(key: string): number {
    const since = this.clock() - WINDOW_MS;
    const list = (this.failures.get(key) ?? []).filter((at) => at > since);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list.length;
  }
}
