/**
 * 3. Sustained load: kiosks and desks acting as fast as they can against one hub for a while;
 * commands per second, errors, and afterwards the database against what was acknowledged.
 */
import type { Durability } from '@pst/hub';
import { describeUse, type ProcessUse, watchProcess } from '../lib/hostload';
import type { LoadResult } from '../lib/load';
import { kioskPrinters, loadSpec, startLoad, startOffice } from '../lib/scenario';
import type { MeasureResult, Row, Sizes } from '../lib/types';
import { log } from '../lib/util';
import { checkDatabase, type DbCheck, describeCheck } from '../lib/verify';

export interface SustainedData {
  load: LoadResult;
  check: DbCheck;
  use: ProcessUse;
  printer: { jobs: number; bytes: number; statusRequests: number };
}

export const TARGET_CPS = 2000;

/** CPU time the hub's process spent per acknowledged command over the run, µs. */
export function cpuPerCommandUs(data: Pick<SustainedData, 'load' | 'use'>): number {
  return data.load.okTotal > 0 ? (data.use.cpuMs * 1000) / data.load.okTotal : Number.NaN;
}

type SyncStats = { syncs: number; ms: number };
type CheckpointStats = { checkpoints: number; ms: number };

/** The group commit's fsyncs and the WAL checkpoints over a run, from their counters before and after. */
function describeSyncs(
  after: SyncStats,
  before: SyncStats,
  commands: number,
  checkpoints?: { after: CheckpointStats; before: CheckpointStats },
): string {
  const syncs = after.syncs - before.syncs;
  if (syncs === 0) return 'Group commit: no fsync.';
  const n = checkpoints ? checkpoints.after.checkpoints - checkpoints.before.checkpoints : 0;
  const ms = checkpoints ? checkpoints.after.ms - checkpoints.before.ms : 0;
  return (
    `Group commit: ${syncs} fsyncs on the event loop (${(commands / syncs).toFixed(1)} acknowledged commands each), ` +
    `${((after.ms - before.ms) / syncs).toFixed(2)} ms each on average, ${(after.ms - before.ms).toFixed(0)} ms in all. ` +
    (n > 0
      ? `WAL checkpoints: ${n}, ${(ms / n).toFixed(1)} ms each on average, ${ms.toFixed(0)} ms in all.`
      : '')
  ).trim();
}

export async function sustainedLoad(
  sizes: Sizes,
  options: { durability?: Durability; label?: string } = {},
): Promise<MeasureResult<SustainedData>> {
  const label = options.label ?? 'sustained load';
  const office = await startOffice(sizes, { durability: options.durability });
  try {
    log(
      `${label}: ${sizes.kiosks} kiosks + ${sizes.frontDesks + sizes.serviceDesks} desks for ${sizes.loadSeconds} s`,
    );
    const load = startLoad(
      loadSpec(office.hub.url, office.config, office.tokens, sizes, sizes.loadSeconds * 1000, {
        ...kioskPrinters(office, sizes.kiosks),
      }),
    );
    await load.ready;
    // The group commit's fsyncs during the load (durability group only): how many commands each covers.
    const syncStats = office.hub.store.groupSync?.stats;
    const syncsBefore = syncStats && { ...syncStats };
    const checkpointStats = office.hub.store.walCheckpoints?.stats;
    const checkpointsBefore = checkpointStats && { ...checkpointStats };
    const watch = watchProcess();
    const result = await load.result;
    const use = watch.stop();
    const syncs =
      syncStats &&
      syncsBefore &&
      describeSyncs(
        syncStats,
        syncsBefore,
        result.okTotal,
        checkpointStats && checkpointsBefore && { after: checkpointStats, before: checkpointsBefore },
      );
    const printer = await office.printer.stats();
    await office.closeHub();
    const check = checkDatabase(office.dbFile, result.tickets, result.finished);
    log(
      `${label}: ${result.commandsPerSecond.toFixed(0)} commands/s, ${result.errors} errors, db ${check.ok ? 'ok' : 'FAILED'}`,
    );

    const take = result.latency['ticket:take'];
    const rows: Row[] = [
      {
        measurement: label,
        metric: 'commands/s completed (acknowledged ok)',
        value: `${result.commandsPerSecond.toFixed(0)} (${result.okTotal} in ${result.seconds.toFixed(0)} s)`,
        target: `>= ${TARGET_CPS}`,
        verdict: result.commandsPerSecond >= TARGET_CPS ? 'met' : 'missed',
        note: take
          ? `ticket:take ack median ${take.median.toFixed(0)} ms / p99 ${take.p99.toFixed(0)} ms; each kiosk waits for its paper (on its own printer) before the next take`
          : undefined,
      },
      {
        measurement: label,
        metric: 'errors (refusals other than QUEUE_EMPTY, timeouts)',
        value: String(result.errors),
        target: '0',
        verdict: result.errors === 0 ? 'met' : 'missed',
        note: `${result.emptyPolls} call-next on an empty queue (desk then waits for the next board), not counted`,
      },
      {
        measurement: label,
        metric: 'database afterwards: acknowledged tickets present, numbers gap-free',
        value: check.ok ? 'pass' : 'FAIL',
        target: 'pass',
        verdict: check.ok ? 'met' : 'missed',
        note: `${result.tickets.length} tickets, ${check.domainEvents} domain events`,
      },
    ];
    rows.push({
      measurement: label,
      metric: 'hub CPU time per acknowledged command',
      value: `${cpuPerCommandUs({ load: result, use }).toFixed(0)} µs`,
      verdict: 'info',
      note: `hub process CPU ${(use.cpu * 100).toFixed(0)}% of one core over the run (a shared machine's other work slows it, but is not counted here)`,
    });
    const perCommand = Object.entries(result.latency)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([name, s]) =>
          `| ${name} | ${result.ok[name] ?? 0} | ${s.median.toFixed(1)} | ${s.p99.toFixed(1)} | ${s.max.toFixed(0)} |`,
      );
    const details = [
      `**${label}** (${sizes.kiosks} kiosks, ${sizes.frontDesks} front-office + ${sizes.serviceDesks} service desks, ${result.seconds.toFixed(0)} s${options.durability ? `, durability ${options.durability}` : ''}): ` +
        `${describeUse(use)}. Printer: ${printer.jobs} jobs, ${printer.statusRequests} status requests. ` +
        `Database: ${describeCheck(check, result.tickets.length)}.` +
        (syncs ? ` ${syncs}` : '') +
        (result.capped ? ' A service reached ticket 9990 and kiosks stopped taking it.' : '') +
        (result.errorSamples.length ? ` Error samples: ${result.errorSamples.slice(0, 5).join('; ')}` : ''),
      [
        '| command | acknowledged | median ms | p99 ms | max ms |',
        '|---|---|---|---|---|',
        ...perCommand,
      ].join('\n'),
    ];
    return { rows, details, data: { load: result, check, use, printer } };
  } finally {
    await office.close().catch(() => undefined);
  }
}
