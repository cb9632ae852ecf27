import { copyFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { idSchema } from '@pst/shared';
import { isPinHash } from '@pst/shared/pin-hash';
import { z } from 'zod';
import type { AppKind } from './bridge';
import { parseHubAddress } from './hub-address';
import { kioskPrinterSettingSchema } from './printer-setting';
import { FINGERPRINT_PATTERN } from './tls-pin';

export const SETTINGS_FILE = 'pst-shell.json';

const boundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(100).max(20_000),
  height: z.number().int().min(100).max(20_000),
});

const hubUrlSchema = z.string().transform((value, ctx) => {
  const parsed = parseHubAddress(value);
  if (parsed) return parsed.hubUrl;
  ctx.addIssue({ code: 'custom', message: 'not an http(s) hub address' });
  return z.NEVER;
});

export const settingsSchema = z.object({
  hubUrl: hubUrlSchema.nullable(),
  /** SHA-256 fingerprint of an https hub's self-signed certificate: the only one accepted for it. */
  hubFingerprint: z.string().regex(FINGERPRINT_PATTERN).optional(),
  autoStart: z.boolean(),
  /** Electron's display id for the lobby screen; the primary display when unset or gone. */
  displayId: z.number().int().optional(),
  exitPinHash: z.string().refine(isPinHash, 'not a PIN hash').optional(),
  /** Wrong staff PINs at this kiosk (shared/login-throttle.ts), kept so a restart forgives nothing. */
  exitPinFailures: z
    .strictObject({ failures: z.number().int().min(0), lastAt: z.number().int().min(0) })
    .optional(),
  /** The counter's last window position and size (the size it has when not maximized). */
  windowBounds: boundsSchema.optional(),
  /** Whether the counter's window was maximized when last moved, resized or closed. */
  windowMaximized: z.boolean().optional(),
  /**
   * The desk last chosen on this PC (counter); kept here so a cleared browser profile keeps it. Only a
   * preference: one the id rule no longer takes (an older shell's looser rule) is dropped on its own,
   * not taken as a broken file that would lose the hub's address.
   */
  deskId: idSchema.optional().catch(undefined),
  /**
   * The counter's global "call next" key combination, in Electron's accelerator syntax
   * (`F9`, `Control+Alt+Space`); null switches it off, absent means the default.
   */
  callNextShortcut: z.string().min(1).max(64).nullable().optional(),
  /** The kiosk's own ticket printer; absent or `hub`: the hub prints the kiosk's tickets. */
  kioskPrinter: kioskPrinterSettingSchema.optional(),
});

export type ShellSettings = z.infer<typeof settingsSchema>;

/** Kiosk and lobby display start with the PC; a staff desk is an ordinary program. */
export function defaultSettings(kind: AppKind): ShellSettings {
  return { hubUrl: null, autoStart: kind !== 'counter' };
}

export interface LoadedSettings {
  settings: ShellSettings;
  /** Why the file was not used, when it exists but is broken; null when fine or absent. */
  problem: string | null;
}

/**
 * Reads the settings file. A missing file means first run (defaults, no problem). A broken
 * file (not JSON, or a field of the wrong kind) also gives the defaults, so the set-up page
 * shows instead of a crash, and the problem is reported; the broken file is kept next to it
 * as `.broken` for whoever investigates. Fields left out of a hand-written file take their
 * defaults.
 */
export function loadSettings(file: string, kind: AppKind): LoadedSettings {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { settings: defaultSettings(kind), problem: null };
    return { settings: defaultSettings(kind), problem: `cannot read ${file}: ${(error as Error).message}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return broken(file, kind, `${file} is not valid JSON (${(error as Error).message})`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return broken(file, kind, `${file} does not hold a JSON object`);
  }
  const parsed = settingsSchema.safeParse({ ...defaultSettings(kind), ...json });
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
    return broken(file, kind, `${file} has invalid settings: ${fields}`);
  }
  return { settings: parsed.data, problem: null };
}

function broken(file: string, kind: AppKind, problem: string): LoadedSettings {
  try {
    copyFileSync(file, `${file}.broken`);
  } catch {
    // Keeping a copy is a courtesy; the defaults work without it.
  }
  return { settings: defaultSettings(kind), problem };
}

/** Writes through a temporary file and a rename, so a power cut never leaves half a file. */
export function writeSettings(file: string, settings: ShellSettings): void {
  const valid = settingsSchema.parse(settings);
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(valid, null, 2)}\n`, 'utf8');
  renameSync(temporary, file);
}

export interface SettingsStore {
  readonly file: string;
  /** The problem found when the file was loaded, if any. */
  readonly problem: string | null;
  get(): ShellSettings;
  update(patch: Partial<ShellSettings>): ShellSettings;
}

/** The settings of one app, kept as JSON in its userData folder. */
export function openSettings(userDataDir: string, kind: AppKind): SettingsStore {
  const file = join(userDataDir, SETTINGS_FILE);
  const loaded = loadSettings(file, kind);
  let current = loaded.settings;
  return {
    file,
    problem: loaded.problem,
    get: () => current,
    update(patch) {
      const next = settingsSchema.parse({ ...current, ...patch });
      writeSettings(file, next);
      current = next;
      return current;
    },
  };
}
