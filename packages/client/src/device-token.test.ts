import { describe, expect, it } from 'vitest';
import { forgetDeviceToken, readDeviceToken, saveDeviceToken } from './device-token';

class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

const at = (hash: string) => ({ hash, pathname: '/kiosk/', search: '' }) as Location;
globalThis.history = { replaceState: () => undefined } as unknown as History;

describe('device token', () => {
  it('takes the token from a pairing link once, then from storage', () => {
    const storage = new MemoryStorage() as unknown as Storage;
    expect(readDeviceToken('kiosk', at(''), storage)).toBeNull();
    expect(readDeviceToken('kiosk', at('#token=abc123'), storage)).toBe('abc123');
    expect(readDeviceToken('kiosk', at(''), storage)).toBe('abc123');
    expect(readDeviceToken('display', at(''), storage)).toBeNull();
  });

  it('saves a pasted token trimmed and forgets it', () => {
    const storage = new MemoryStorage() as unknown as Storage;
    saveDeviceToken('rating', '  xyz  ', storage);
    expect(readDeviceToken('rating', at(''), storage)).toBe('xyz');
    forgetDeviceToken('rating', storage);
    expect(readDeviceToken('rating', at(''), storage)).toBeNull();
  });
});
