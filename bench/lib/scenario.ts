/** The set-ups the measurements share: an office with a hub and a printer, and the load beside it. */
import { join } from 'node:path';
import type { Durability, Hub } from '@pst/hub';
import { DEFAULT_CONFIG, type LoginThrottlePolicy, type QueueConfig } from '@pst/shared';
import { type Child, forkScript } from './child';
import type { PrintedJob, PrinterStats } from './fake-printer';
import type { KioskPrinterAddress, LoadDesk, LoadResult, LoadSpec } from './load';
import {
  DB_FILE,
  morningSkew,
  type OfficeTokens,
  officeConfig,
  prepareOffice,
  removeDir,
  startHub,
  tempDir,
} from './office';
import type { OfficeDayResult, OfficeDaySpec } from './office-day';
import type { Sizes } from './types';

/**
 * Where the kiosks' tickets print. 'per-kiosk': each kiosk on a printer stand-in of its own, as
 * kiosks with a printer each do in an office. 'pair': the timed kiosk (the one after the load's) and
 * the load's first kiosk share one printer, which the hub prints on (an office's two kiosks at one
 * printer); the load's other kiosks print on their own. 'shared': the hub prints every kiosk's
 * tickets on one printer.
 */
export type PrinterSetUp = 'per-kiosk' | 'pair' | 'shared';

export interface Printer {
  port: number;
  ports: number[];
  child: Child;
  /** The job of a ticket, once the fake printer has all of it. */
  job(ticketId: string): Promise<PrintedJob>;
  stats(): Promise<PrinterStats>;
  close(): Promise<void>;
}

export async function startPrinter(count = 1): Promise<Printer> {
  const child = forkScript('printer-process.ts', { env: { PST_BENCH_PRINTERS: String(count) } });
  const { port, ports } = await child.next<{ type: 'ready'; port: number; ports: number[] }>('ready');
  return {
    port,
    ports,
    child,
    async job(ticketId) {
      const reply = child.next<{ type: 'job'; ticketId: string; job: PrintedJob | { error: string } }>(
        'job',
        60_000,
        (m) => m.ticketId === ticketId,
      );
      child.send({ type: 'job', ticketId });
      const { job } = await reply;
      if ('error' in job) throw new Error(job.error);
      return job;
    },
    async stats() {
      const reply = child.next<{ type: 'stats' } & PrinterStats>('stats');
      child.send({ type: 'stats' });
      const { type: _, ...stats } = await reply;
      return stats;
    },
    close: () => child.kill(),
  };
}

export interface Office {
  dataDir: string;
  dbFile: string;
  config: QueueConfig;
  tokens: OfficeTokens;
  skew: number;
  printer: Printer;
  printers: PrinterSetUp;
  /** The printer stand-in of the kiosk of that token index, when kiosks print on their own. */
  kioskPrinter(index: number): KioskPrinterAddress | null;
  hub: Hub;
  /** Closes the hub (once); the office's files stay until `close`. */
  closeHub(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A data dir with the load's office (`sizes.frontDesks` + `sizes.serviceDesks` desks, or the
 * default four), devices and sessions, a fake printer process and a hub in this process.
 */
export async function startOffice(
  sizes: Sizes,
  options: {
    durability?: Durability;
    kiosks?: number;
    displays?: number;
    defaultDesks?: boolean;
    /** Default 'per-kiosk'. */
    printers?: PrinterSetUp;
    loginThrottle?: LoginThrottlePolicy;
  } = {},
): Promise<Office> {
  const dataDir = tempDir();
  const skew = morningSkew();
  const kioskCount = options.kiosks ?? sizes.kiosks + 1;
  const config = options.defaultDesks ? DEFAULT_CONFIG : officeConfig(sizes.frontDesks, sizes.serviceDesks);
  const tokens = prepareOffice(dataDir, {
    config,
    kiosks: kioskCount,
    displays: options.displays ?? 0,
    now: Date.now() + skew,
  });
  const printers = options.printers ?? 'per-kiosk';
  const printer = await startPrinter(printers === 'shared' ? 1 : kioskCount + 1);
  /** The kiosks the hub prints for (on the printer stand-in's first port). */
  const hubPrinted = (index: number) =>
    printers === 'shared' || (printers === 'pair' && (index === 0 || index === timedKiosk(sizes)));
  const hub = await startHub({
    dataDir,
    printerPort: printer.port,
    skew,
    durability: options.durability,
    loginThrottle: options.loginThrottle,
  });
  let hubClosed: Promise<void> | null = null;
  const closeHub = () => {
    hubClosed ??= hub.close();
    return hubClosed;
  };
  return {
    dataDir,
    dbFile: join(dataDir, DB_FILE),
    config,
    tokens,
    skew,
    printer,
    printers,
    kioskPrinter: (index) =>
      hubPrinted(index) ? null : { host: '127.0.0.1', port: printer.ports[index + 1] as number },
    hub,
    closeHub,
    async close() {
      await closeHub();
      await printer.close();
      removeDir(dataDir);
    },
  };
}

/** The kiosk whose takes a measure times: the one after the load's kiosks. */
export function timedKiosk(sizes: Sizes): number {
  return sizes.kiosks;
}

/** The load of measurement 3 on this office: the first `sizes.kiosks` kiosks and every desk. */
export function loadSpec(
  url: string,
  config: QueueConfig,
  tokens: OfficeTokens,
  sizes: Sizes,
  durationMs: number,
  extra: Partial<LoadSpec> = {},
): LoadSpec {
  const desks: LoadDesk[] = tokens.staff.map((s) => ({
    token: s.token,
    deskId: s.deskId,
    kind: config.desks.find((d) => d.id === s.deskId)?.kind ?? 'service',
  }));
  return {
    url,
    kiosks: tokens.kiosks.slice(0, sizes.kiosks),
    desks,
    durationMs,
    seed: sizes.seed,
    maxWaiting: 100,
    ...extra,
  };
}

/** The load's kiosks' own printers (the first `count` kiosks; null where the hub prints), unless all share one. */
export function kioskPrinters(office: Office, count: number): Partial<LoadSpec> {
  if (office.printers === 'shared') return {};
  return { kioskPrinters: Array.from({ length: count }, (_, i) => office.kioskPrinter(i)) };
}

export interface RunningLoad<R = LoadResult> {
  child: Child;
  /** Resolves once every client is connected and every desk open. */
  ready: Promise<void>;
  result: Promise<R>;
  stop(): void;
}

/** Runs the load in its own process. */
export function startLoad(spec: LoadSpec): RunningLoad {
  return inLoadProcess({ type: 'run', spec }, spec.durationMs);
}

/** Runs a simulated office day in its own process. */
export function startOfficeDay(spec: OfficeDaySpec): RunningLoad<OfficeDayResult> {
  return inLoadProcess({ type: 'run-day', spec }, (spec.hours * 3_600_000) / spec.factor);
}

function inLoadProcess<R>(message: { type: string; spec: unknown }, durationMs: number): RunningLoad<R> {
  const child = forkScript('load-process.ts');
  // A message sent before the child listens would be lost: wait for its 'started'.
  void child.next('started', 60_000).then(() => child.send(message));
  const ready = child.next('ready', 120_000).then(() => undefined);
  const result = child
    .next<{ type: 'result'; result: R }>('result', durationMs + 300_000)
    .then((m) => m.result)
    .finally(() => void child.kill());
  return { child, ready, result, stop: () => child.send({ type: 'stop' }) };
}
