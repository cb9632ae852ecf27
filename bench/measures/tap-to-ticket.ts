/**
 * 1. Tap to ticket bytes: from a kiosk's `ticket:take` emit to the last byte of that ticket's job
 * arriving at the (fake, raw TCP) printer; with the hub idle, then with the sustained load running.
 * Each kiosk prints on a printer of its own (as in an office); or (`printers: 'pair'`) the timed kiosk
 * shares a printer with one kiosk of the load, the hub printing for both (an office's two kiosks at
 * one printer); or (`printers: 'shared'`) the hub prints every kiosk's tickets on one printer.
 */
import type { Durability } from '@pst/hub';
import { connect, printLocally, printOutcomes, send } from '../lib/client';
import { describeUse, watchProcess } from '../lib/hostload';
import type { LoadResult } from '../lib/load';
import {
  kioskPrinters,
  loadSpec,
  type Office,
  type PrinterSetUp,
  startLoad,
  startOffice,
  timedKiosk,
} from '../lib/scenario';
import type { MeasureResult, Row, Sizes } from '../lib/types';
import { fmtSummary, log, nowMs, type Summary, sleep, summarize } from '../lib/util';

export interface TapData {
  idle: Summary;
  loaded: Summary;
  idleAck: Summary;
  loadedAck: Summary;
  printFailures: number;
  /** Jobs that came out of the printer the hub prints on (none when every kiosk has its own). */
  hubPrinterJobs: number;
  load: LoadResult;
}

export const TARGET_TAP_P99 = 50;
const SERVICES = ['konsultasi', 'perpustakaan', 'penjualan', 'rekomendasi'];

/** Takes `n` tickets one after another; returns emit -> last printed byte and emit -> ack, in ms. */
async function takes(office: Office, kioskIndex: number, n: number, gapMs: number) {
  const kiosk = await connect(office.hub.url, office.tokens.kiosks[kioskIndex] as string);
  const own = office.kioskPrinter(kioskIndex);
  /** Where its tickets must come out: its own printer, or the one the hub prints on. */
  const printerPort = own?.port ?? office.printer.port;
  const closePrinter = own ? await printLocally(kiosk, own) : null;
  const printed = printOutcomes(kiosk);
  const bytes: number[] = [];
  const acks: number[] = [];
  let failures = 0;
  try {
    for (let i = 0; i < n; i++) {
      const t0 = nowMs();
      const reply = await send(kiosk, 'ticket:take', { serviceId: SERVICES[i % SERVICES.length] as string });
      const acked = nowMs();
      if (!reply.ok) throw new Error(`ticket:take refused: ${reply.error.code}`);
      const job = await office.printer.job(reply.data.ticket.id);
      if (job.port !== printerPort) throw new Error(`ticket printed on port ${job.port}, not ${printerPort}`);
      if ((await printed(reply.data.ticket.id)).state !== 'ok') failures++;
      bytes.push(job.lastByteAt - t0);
      acks.push(acked - t0);
      if (gapMs) await sleep(gapMs);
    }
  } finally {
    await closePrinter?.();
    kiosk.disconnect();
  }
  return { bytes, acks, failures };
}

export async function tapToTicket(
  sizes: Sizes,
  options: { durability?: Durability; label?: string; printers?: PrinterSetUp } = {},
): Promise<MeasureResult<TapData>> {
  const printers = options.printers ?? 'per-kiosk';
  const label =
    options.label ??
    {
      'per-kiosk': 'tap to ticket bytes',
      pair: 'tap to ticket bytes, two kiosks at one printer',
      shared: `tap to ticket bytes, all ${sizes.kiosks + 1} kiosks at one printer`,
    }[printers];
  const office = await startOffice(sizes, { durability: options.durability, printers });
  try {
    const measuring = timedKiosk(sizes);
    await takes(office, measuring, 3, 0); // warm-up
    log(`${label}: ${sizes.takesIdle} takes, idle`);
    const idle = await takes(office, measuring, sizes.takesIdle, 10);

    log(`${label}: ${sizes.takesLoaded} takes under the sustained load`);
    const load = startLoad(
      loadSpec(office.hub.url, office.config, office.tokens, sizes, 3_600_000, {
        seed: sizes.seed + 1,
        ...kioskPrinters(office, sizes.kiosks),
      }),
    );
    await load.ready;
    await sleep(Math.min(2000, sizes.loadSeconds * 500));
    const watch = watchProcess();
    let loaded: Awaited<ReturnType<typeof takes>>;
    try {
      loaded = await takes(office, measuring, sizes.takesLoaded, 20);
    } finally {
      load.stop();
    }
    const use = watch.stop();
    const loadResult = await load.result;
    const { firstPortJobs: hubPrinterJobs } = await office.printer.stats();

    const s = {
      idle: summarize(idle.bytes),
      loaded: summarize(loaded.bytes),
      idleAck: summarize(idle.acks),
      loadedAck: summarize(loaded.acks),
    };
    const failures = idle.failures + loaded.failures;
    const rows: Row[] = [
      {
        measurement: label,
        metric: 'ticket:take emit -> last byte at printer, idle hub',
        value: fmtSummary(s.idle),
        verdict: 'info',
      },
      printers === 'shared'
        ? {
            // No office has this: what it shows is the printer's line, not the hub (docs/benchmarks.md).
            measurement: label,
            metric: 'the same, under the sustained load (a line: no one printer serves so many)',
            value: fmtSummary(s.loaded),
            verdict: 'info',
            note:
              `load meanwhile: ${loadResult.commandsPerSecond.toFixed(0)} commands/s; its ${sizes.kiosks} kiosks tap again ` +
              `as soon as their paper is out, so the timed ticket waits behind up to ${sizes.kiosks} jobs; ack to the kiosk p99 ${s.loadedAck.p99.toFixed(1)} ms`,
          }
        : {
            measurement: label,
            metric: 'the same, under the sustained load',
            value: fmtSummary(s.loaded),
            target: `p99 < ${TARGET_TAP_P99} ms`,
            verdict: s.loaded.p99 < TARGET_TAP_P99 ? 'met' : 'missed',
            note: `load meanwhile: ${loadResult.commandsPerSecond.toFixed(0)} commands/s`,
          },
    ];
    const details = [
      `**${label}**${options.durability ? ` (durability ${options.durability})` : ''}: ` +
        `idle ${fmtSummary(s.idle)}; ack to the kiosk ${fmtSummary(s.idleAck)}. ` +
        `Under load ${fmtSummary(s.loaded)}; ack ${fmtSummary(s.loadedAck)}. ${failures} takes reported a print failure. ` +
        `While timing under load: ${describeUse(use)}; the load did ${loadResult.commandsPerSecond.toFixed(0)} commands/s ` +
        `with ${loadResult.errors} errors. The printer the hub prints on took ${hubPrinterJobs} jobs.`,
    ];
    return { rows, details, data: { ...s, printFailures: failures, hubPrinterJobs, load: loadResult } };
  } finally {
    await office.close().catch(() => undefined);
  }
}
