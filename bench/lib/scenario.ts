/** The set-ups the measurements share: an office with a hub and a printer, and the load beside it. */
import { join } from 'node:path';
import type { Hub } from '@pst/hub';
import { DEFAULT_CONFIG, type QueueConfig } from '@pst/shared';
import { type Child, forkScript } from './child';
import type { PrintedJob } from './fake-printer';
import type { LoadDesk, LoadResult, LoadSpec } from './load';
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
import type { Sizes } from './types';

export interface Printer {
  port: number;
  child: Child;
  /** The job of a ticket, once the fake printer has all of it. */
  job(ticketId: string): Promise<PrintedJob>;
  stats(): Promise<{ jobs: number; bytes: number; statusRequests: number }>;
  close(): Promise<void>;
}

export async function startPrinter(): Promise<Printer> {
  const child = forkScript('printer-process.ts');
  const { port } = await child.next<{ type: 'ready'; port: number }>('ready');
  return {
    port,
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
      const reply = child.next<{ type: 'stats'; jobs: number; bytes: number; statusRequests: number }>(
        'stats',
      );
      child.send({ type: 'stats' });
      const { jobs, bytes, statusRequests } = await reply;
      return { jobs, bytes, statusRequests };
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
    synchronous?: 'NORMAL' | 'FULL';
    kiosks?: number;
    displays?: number;
    defaultDesks?: boolean;
  } = {},
): Promise<Office> {
  const dataDir = tempDir();
  const skew = morningSkew();
  const config = options.defaultDesks ? DEFAULT_CONFIG : officeConfig(sizes.frontDesks, sizes.serviceDesks);
  const tokens = prepareOffice(dataDir, {
    config,
    kiosks: options.kiosks ?? sizes.kiosks + 1,
    displays: options.displays ?? 0,
    now: Date.now() + skew,
  });
  const printer = await startPrinter();
  const hub = await startHub({ dataDir, printerPort: printer.port, skew, synchronous: options.synchronous });
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
    hub,
    closeHub,
    async close() {
      await closeHub();
      await printer.close();
      removeDir(dataDir);
    },
  };
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

export interface RunningLoad {
  child: Child;
  /** Resolves once every client is connected and every desk open. */
  ready: Promise<void>;
  result: Promise<LoadResult>;
  stop(): void;
}

/** Runs the load in its own process. */
export function startLoad(spec: LoadSpec): RunningLoad {
  const child = forkScript('load-process.ts');
  // A message sent before the child listens would be lost: wait for its 'started'.
  void child.next('started', 60_000).then(() => child.send({ type: 'run', spec }));
  const ready = child.next('ready', 120_000).then(() => undefined);
  const result = child
    .next<{ type: 'result'; result: LoadResult }>('result', spec.durationMs + 300_000)
    .then((m) => m.result)
    .finally(() => void child.kill());
  return { child, ready, result, stop: () => child.send({ type: 'stop' }) };
}
