import { describe, expect, it } from 'vitest';
import { DESK_SHORTCUTS, shortcutKeyOf, shortcutOf } from './desk-shortcuts';

/** A stand-in for the element a key press comes from: a field (input, textarea, select) or not. */
const target = (isField: boolean) => ({ closest: () => (isField ? {} : null), isContentEditable: false });
const press = (key: string, over: Partial<Parameters<typeof shortcutOf>[0]> = {}) =>
  shortcutOf({ key, ctrlKey: false, altKey: false, metaKey: false, target: target(false) as never, ...over });

describe('desk shortcuts', () => {
  it('one key per action, plain letters only (no function key, nothing a browser reserves)', () => {
    const keys = Object.keys(DESK_SHORTCUTS);
    expect(new Set(Object.values(DESK_SHORTCUTS).map((s) => s.action)).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z]$/);
    // Hold, send to a desk and send back (desk control, part 2).
    expect(keys.filter((k) => ['t', 'k', 'b'].includes(k))).toEqual(['t', 'k', 'b']);
  });

  it.each([
    ['n', 'callNext'],
    ['N', 'callNext'],
    ['u', 'recall'],
    ['m', 'start'],
    ['s', 'finish'],
    ['a', 'noShow'],
    ['p', 'pickTicket'],
    ['t', 'park'],
    ['K', 'sendToDesk'],
    ['b', 'transferBack'],
    ['x', null],
    ['F5', null],
    [' ', null],
  ])('%j asks for %s', (key, action) => {
    expect(press(key)?.action ?? null).toBe(action);
  });

  it('ignores keys typed into a field and keys held with Ctrl, Alt or Meta', () => {
    expect(press('n', { target: target(true) as never })).toBeNull();
    expect(press('n', { ctrlKey: true })).toBeNull();
    expect(press('s', { altKey: true })).toBeNull();
    expect(press('p', { metaKey: true })).toBeNull();
  });

  it('gives the hint shown on each button', () => {
    expect(shortcutKeyOf('callNext')).toBe('N');
    expect(shortcutKeyOf('transfer')).toBeUndefined();
  });
});
