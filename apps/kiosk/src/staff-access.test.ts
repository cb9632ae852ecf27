import { afterEach, describe, expect, it } from 'vitest';
import { refusalKey, staffShell } from './staff-access';

afterEach(() => {
  delete (globalThis as { pstShell?: unknown }).pstShell;
});

describe('kiosk staff access', () => {
  it('exists only in the kiosk shell', () => {
    expect(staffShell()).toBeUndefined();
    const calls = {
      exit: async () => ({ ok: true as const, data: null }),
      openSetup: async () => ({ ok: true as const, data: null }),
    };
    Object.assign(globalThis, { pstShell: { kind: 'counter', ...calls } });
    expect(staffShell()).toBeUndefined();
    Object.assign(globalThis, { pstShell: { kind: 'kiosk', ...calls } });
    expect(staffShell()).toBeDefined();
  });

  it('says why the shell refused, in the kiosk strings', () => {
    const refused = (code: string) => refusalKey({ ok: false, error: { code: code as never, message: '' } });
    expect(refusalKey({ ok: true, data: null })).toBeNull();
    expect(refused('WRONG_PIN')).toBe('kiosk.staffWrongPin');
    expect(refused('LOCKED')).toBe('kiosk.staffLocked');
    expect(refused('NO_EXIT_PIN')).toBe('kiosk.staffNoPin');
    expect(refused('NOT_ALLOWED')).toBe('kiosk.staffWrongPin');
  });
});
