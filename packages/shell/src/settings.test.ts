import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashPin } from '@pst/shared/pin-hash';
import { describe, expect, it } from 'vitest';
import { defaultSettings, loadSettings, openSettings, SETTINGS_FILE, writeSettings } from './settings';
import { tempDir } from './test-fakes';

function fileWith(text: string): string {
  const file = join(tempDir(), SETTINGS_FILE);
  writeFileSync(file, text, 'utf8');
  return file;
}

describe('settings', () => {
  it('gives the defaults, without a problem, on first run (no file)', () => {
    expect(loadSettings(join(tempDir(), SETTINGS_FILE), 'kiosk')).toEqual({
      settings: { hubUrl: null, autoStart: true },
      problem: null,
    });
    expect(defaultSettings('display').autoStart).toBe(true);
    expect(defaultSettings('counter').autoStart).toBe(false);
  });

  it.each([
    ['not JSON', '{"hubUrl": "http://10.0.0.5:3324",', /not valid JSON/],
    ['not an object', '[1, 2]', /does not hold a JSON object/],
    ['a field of the wrong kind', '{"hubUrl": "http://10.0.0.5:3324", "autoStart": "yes"}', /autoStart/],
    ['a hub address that is no address', '{"hubUrl": "ftp://10.0.0.5"}', /hubUrl/],
    ['bounds too small', '{"windowBounds": {"x": 0, "y": 0, "width": 5, "height": 5}}', /windowBounds/],
    ['a PIN in clear instead of a hash', '{"exitPinHash": "1234"}', /exitPinHash/],
  ])('falls back to the defaults and reports a broken file: %s', (_name, text, problem) => {
    const file = fileWith(text);
    const loaded = loadSettings(file, 'kiosk');
    expect(loaded.settings).toEqual(defaultSettings('kiosk'));
    expect(loaded.problem).toMatch(problem);
    // The broken file is kept for whoever investigates.
    expect(readFileSync(`${file}.broken`, 'utf8')).toBe(text);
  });

  it('fills fields a hand-written file leaves out, and normalises the hub address', () => {
    const loaded = loadSettings(fileWith('{"hubUrl": "http://192.168.1.10:3324/kiosk/"}'), 'counter');
    expect(loaded).toEqual({
      settings: { hubUrl: 'http://192.168.1.10:3324', autoStart: false },
      problem: null,
    });
  });

  it('drops a remembered desk id the id rule no longer takes, and keeps the rest', () => {
    const loaded = loadSettings(
      fileWith('{"hubUrl": "http://192.168.1.10:3324", "deskId": "Meja_1.lama"}'),
      'counter',
    );
    expect(loaded).toEqual({
      settings: { hubUrl: 'http://192.168.1.10:3324', autoStart: false },
      problem: null,
    });
  });

  it('writes through a temporary file and reads back what it wrote', async () => {
    const dir = tempDir();
    const store = openSettings(dir, 'counter');
    const exitPinHash = await hashPin('2468');
    store.update({ hubUrl: 'http://hub.local:3324', windowBounds: { x: 5, y: 6, width: 1200, height: 700 } });
    store.update({ exitPinHash });
    expect(existsSync(join(dir, `${SETTINGS_FILE}.tmp`))).toBe(false);
    expect(openSettings(dir, 'counter').get()).toEqual({
      hubUrl: 'http://hub.local:3324',
      autoStart: false,
      exitPinHash,
      windowBounds: { x: 5, y: 6, width: 1200, height: 700 },
    });
  });

  it('refuses to write invalid settings', () => {
    const file = join(tempDir(), SETTINGS_FILE);
    expect(() => writeSettings(file, { hubUrl: 'not a url at all', autoStart: true })).toThrow();
    expect(existsSync(file)).toBe(false);
  });
});
