/** Offices for the benchmarks: a data dir with config, devices and staff sessions; hubs; clients. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHub, type Durability, type Hub, Store } from '@pst/hub';
import {
  DEFAULT_CONFIG,
  dayStart,
  type LoginThrottlePolicy,
  officeDay,
  type QueueConfig,
  type StaffRole,
} from '@pst/shared';
import { pino } from 'pino';

export const DB_FILE = 'pst.sqlite';
const HOUR = 3_600_000;

export function tempDir(prefix = 'pst-bench-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * How far to move the hub's clock so that the office day starts at 09:00 WIB: a run begun
 * shortly before midnight would otherwise see the day end (and every desk close) halfway.
 */
export function morningSkew(now = Date.now()): number {
  const tz = DEFAULT_CONFIG.office.timeZone;
  return dayStart(officeDay(now, tz), tz) + 9 * HOUR - now;
}

/** The default office with `front` front-office desks and `service` service desks (each serves all four services). */
export function officeConfig(front: number, service: number): QueueConfig {
  const services = DEFAULT_CONFIG.services.map((s) => s.id);
  return {
    ...DEFAULT_CONFIG,
    office: { ...DEFAULT_CONFIG.office, frontOfficeFirst: true },
    desks: [
      ...Array.from({ length: front }, (_, i) => ({
        id: `fo-${i + 1}`,
        name: `Front Office ${i + 1}`,
        kind: 'front-office' as const,
        services: [],
      })),
      // Rotated call order, so that no service starves.
      ...Array.from({ length: service }, (_, i) => ({
        id: `layanan-${i + 1}`,
        name: `Meja Layanan ${i + 1}`,
        kind: 'service' as const,
        services: [...services.slice(i % services.length), ...services.slice(0, i % services.length)],
      })),
    ],
  };
}

/** Every bench staff member's PIN (the morning logins of the office-day measure use it). */
export const BENCH_PIN = '123456';

export interface StaffToken {
  token: string;
  /** For a new session by `POST /api/login`. */
  username: string;
  role: StaffRole;
  deskId: string;
}

export interface OfficeTokens {
  kiosks: string[];
  displays: string[];
  /** One staff member per desk of the config, each with a session. */
  staff: StaffToken[];
}

/**
 * Writes the office into a data dir before any hub opens it: the queue config, kiosk and display
 * devices, and one logged-in staff member per desk (front-office desks get front-office staff,
 * service desks consultants).
 */
export function prepareOffice(
  dataDir: string,
  options: { config?: QueueConfig; kiosks?: number; displays?: number; now: number },
): OfficeTokens {
  const store = new Store(join(dataDir, DB_FILE));
  try {
    const config = options.config ?? DEFAULT_CONFIG;
    store.setSetting('queue-config', config);
    const kiosks = Array.from(
      { length: options.kiosks ?? 0 },
      (_, i) => store.addDevice('kiosk', `Kiosk ${i + 1}`, null, options.now).token,
    );
    const displays = Array.from(
      { length: options.displays ?? 0 },
      (_, i) => store.addDevice('display', `Display ${i + 1}`, null, options.now).token,
    );
    const staff = config.desks.map((desk, i) => {
      const role: StaffRole = desk.kind === 'front-office' ? 'front-office' : 'consultant';
      const username = `bench-${i + 1}`;
      store.addStaff({ username, name: `Petugas ${i + 1}`, role, pin: BENCH_PIN }, options.now);
      const session = store.login(username, BENCH_PIN, options.now);
      if (!session) throw new Error(`login of ${username} failed`);
      return { token: session.token, username, role, deskId: desk.id };
    });
    return { kiosks, displays, staff };
  } finally {
    store.close();
  }
}

export interface BenchHubOptions {
  dataDir: string;
  printerPort: number;
  skew: number;
  durability?: Durability;
  /** Wrong-PIN throttling; the login-flood measure widens it to time PIN hashing alone. */
  loginThrottle?: LoginThrottlePolicy;
  /** The hub's clock (default: real time moved by `skew`). */
  clock?: () => number;
}

/**
 * Real time moved by `skew`, until `speedUp` makes it run `factor` times faster from then on (the
 * office-day measure: the day starts once every client is connected, not while they connect).
 */
export function benchClock(skew: number): { now(): number; speedUp(factor: number): void } {
  let from = 0;
  let at = 0;
  let factor = 1;
  // Once moved, the clock goes on from where it is (also when set back to real pace: never backwards).
  const now = () => (from === 0 ? Date.now() + skew : at + (Date.now() - from) * factor);
  return {
    now,
    speedUp(to) {
      at = now();
      from = Date.now();
      factor = to;
    },
  };
}

/** A real hub on 127.0.0.1, port 0, printing to the fake printer over raw TCP. */
export async function startHub(options: BenchHubOptions): Promise<Hub> {
  const hub = await createHub({
    dataDir: options.dataDir,
    port: 0,
    host: '127.0.0.1',
    logger: pino({ level: 'silent' }),
    kioskRateLimit: { burst: 1e9, refillMs: 1 },
    publicUrl: 'http://pst.local:3324',
    printer: { kind: 'network', host: '127.0.0.1', port: options.printerPort },
    durability: options.durability,
    // Nothing from the benchmarks goes out to the LAN.
    mdns: false,
    loginThrottle: options.loginThrottle,
    clock: options.clock ?? benchClock(options.skew).now,
  });
  // The kiosks take tickets at any hour: a run on a weekend or a holiday measures the same office.
  hub.store.setSetting('opening-hours', { hours: null });
  return hub;
}
