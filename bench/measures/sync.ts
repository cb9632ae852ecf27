/**
 * 6. Side by side, in the same run: measurements 1-3 with durable commits (the hub's default: an
 * fsync of the WAL before every ack, shared by the commands of one event-loop turn, i.e. group
 * commit) and with SQLite `synchronous = NORMAL` and no sync before the ack (what the hub did before,
 * and what a power cut can take back); the sustained load also with `synchronous = FULL` (an fsync
 * inside every commit, on the event loop). Ratios durable / NORMAL; for commands/s, of the medians of
 * `syncLoadRounds` sustained loads of each, run alternately (one run alone says little: see Sizes).
 */
import type { Durability } from '@pst/hub';
import type { MeasureResult, Row, Sizes } from '../lib/types';
import { log, summarize } from '../lib/util';
import { type CallData, callToScreen } from './call-to-screen';
import { cpuPerCommandUs, type SustainedData, sustainedLoad } from './sustained-load';
import { type TapData, tapToTicket } from './tap-to-ticket';

export interface SyncInputs {
  tap?: TapData;
  call?: CallData;
  load?: SustainedData;
}

export interface SyncData {
  durable: Required<SyncInputs>;
  normal: Required<SyncInputs>;
  full: SustainedData;
  /** Every sustained load of each durability, in the order run (the first durable one is `durable.load`). */
  loads: { group: SustainedData[]; normal: SustainedData[] };
}

/** Durable commands/s as a share of NORMAL's, measured in the same run. */
export const TARGET_DURABLE_RATIO = 0.95;
export const TARGET_TAKE_P99_MS = 25;

export async function syncCompare(sizes: Sizes, durable: SyncInputs = {}): Promise<MeasureResult<SyncData>> {
  const label = 'durable vs NORMAL';
  const run = async (durability: Durability, given: SyncInputs): Promise<Required<SyncInputs>> => {
    log(`${label}: measurements 1-3 with durability ${durability}`);
    const suffix = ` (durability ${durability})`;
    const tap =
      given.tap ?? (await tapToTicket(sizes, { durability, label: `tap to ticket bytes${suffix}` })).data;
    const call =
      given.call ?? (await callToScreen(sizes, { durability, label: `call to screen${suffix}` })).data;
    const load =
      given.load ?? (await sustainedLoad(sizes, { durability, label: `sustained load${suffix}` })).data;
    return { tap, call, load };
  };
  const d = await run('group', durable);
  const n = await run('normal', {});
  const full = (await sustainedLoad(sizes, { durability: 'full', label: 'sustained load (durability full)' }))
    .data;
  // More rounds of the two, alternating which goes first, for the medians.
  const loads = { group: [d.load], normal: [n.load] };
  for (let round = 2; round <= sizes.syncLoadRounds; round++) {
    const order: Durability[] = round % 2 === 0 ? ['normal', 'group'] : ['group', 'normal'];
    for (const durability of order) {
      const label = `sustained load (durability ${durability}, round ${round})`;
      const data = (await sustainedLoad(sizes, { durability, label })).data;
      (durability === 'group' ? loads.group : loads.normal).push(data);
    }
  }
  const ratio = (a: number, b: number) => (a > 0 ? (b / a).toFixed(2) : 'n/a');
  const pair = (metric: string, a: number, b: number, unit: string, digits = 1): Row => ({
    measurement: label,
    metric,
    value: `NORMAL ${a.toFixed(digits)}${unit}, durable ${b.toFixed(digits)}${unit}: durable/NORMAL = ${ratio(a, b)}`,
    verdict: 'info',
  });
  const cps = (data: SustainedData) => data.load.commandsPerSecond;
  const medianOf = (runs: SustainedData[], value: (data: SustainedData) => number) =>
    summarize(runs.map(value)).median;
  const groupCps = medianOf(loads.group, cps);
  const normalCps = medianOf(loads.normal, cps);
  const durableRatio = normalCps > 0 ? groupCps / normalCps : 0;
  const each = (runs: SustainedData[]) => runs.map((r) => cps(r).toFixed(0)).join(' · ');
  // One run's p99 moves as much as its commands/s (Sizes): judged, like the ratio, on the median run.
  const takeP99Of = (data: SustainedData) => data.load.latency['ticket:take']?.p99 ?? Number.NaN;
  const takeP99 = medianOf(loads.group, takeP99Of);
  const p99s = (runs: SustainedData[]) => runs.map((r) => takeP99Of(r).toFixed(1)).join(' · ');
  const rows: Row[] = [
    pair('tap to ticket bytes, idle, median', n.tap.idle.median, d.tap.idle.median, ' ms'),
    pair('tap to ticket bytes, under load, p99', n.tap.loaded.p99, d.tap.loaded.p99, ' ms'),
    pair('call to screen, all clients, p99', n.call.all.p99, d.call.all.p99, ' ms'),
    {
      measurement: label,
      metric: `sustained load, commands/s, durable / NORMAL (medians of ${loads.group.length} alternating runs each)`,
      value: `NORMAL ${normalCps.toFixed(0)}, durable ${groupCps.toFixed(0)}: ${durableRatio.toFixed(2)} (FULL, one run, ${cps(full).toFixed(0)}: ${ratio(normalCps, cps(full))})`,
      note:
        `runs: NORMAL ${each(loads.normal)}, durable ${each(loads.group)}; hub CPU per command (median): ` +
        `NORMAL ${medianOf(loads.normal, cpuPerCommandUs).toFixed(0)} µs, durable ${medianOf(loads.group, cpuPerCommandUs).toFixed(0)} µs, FULL ${cpuPerCommandUs(full).toFixed(0)} µs`,
      target: `>= ${TARGET_DURABLE_RATIO}`,
      verdict: durableRatio >= TARGET_DURABLE_RATIO ? 'met' : 'missed',
    },
    {
      measurement: label,
      metric: `sustained load, durable, ticket:take ack p99 (median of ${loads.group.length} runs)`,
      value: `${takeP99.toFixed(1)} ms (NORMAL ${medianOf(loads.normal, takeP99Of).toFixed(1)} ms, FULL, one run, ${takeP99Of(full).toFixed(1)} ms)`,
      note: `runs: durable ${p99s(loads.group)} ms, NORMAL ${p99s(loads.normal)} ms`,
      target: `< ${TARGET_TAKE_P99_MS} ms`,
      verdict: takeP99 < TARGET_TAKE_P99_MS ? 'met' : 'missed',
    },
    pair(
      'sustained load, desk:call-next ack p99',
      n.load.load.latency['desk:call-next']?.p99 ?? 0,
      d.load.load.latency['desk:call-next']?.p99 ?? 0,
      ' ms',
    ),
  ];
  const check = (data: SustainedData) => (data.check.ok ? 'pass' : 'FAIL');
  const details = [
    `**${label}**: the same runs with \`createHub({ durability })\`: \`group\` (the default: acknowledged after an fsync of ` +
      "the WAL that the commands of one event-loop turn share, after the turn's one commit), " +
      '`normal` (no sync before the ack; a power cut can take ' +
      'acknowledged commands back) and, for the sustained load, `full` (SQLite fsyncs inside every commit). Database ' +
      `check after the loads: durable ${loads.group.map(check).join('/')}, NORMAL ${loads.normal.map(check).join('/')}, ` +
      `FULL ${check(full)}. The commands/s ratio is of the medians of ${sizes.syncLoadRounds} sustained loads of each ` +
      "(the first durable one is the sustained-load measure's when the whole bench runs; from the second round on, which " +
      "goes first alternates), and so is the take p99's; the other rows are single runs, where differences under about 10% are within the " +
      'run-to-run noise.',
  ];
  return { rows, details, data: { durable: d, normal: n, full, loads } };
}
