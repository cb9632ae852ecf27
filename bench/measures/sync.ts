/**
 * 6. Side by side: measurements 1-3 with SQLite `synchronous = NORMAL` (the hub's default) and
 * `FULL` (an fsync at every commit), as FULL / NORMAL ratios.
 */
import type { MeasureResult, Row, Sizes } from '../lib/types';
import { log } from '../lib/util';
import { type CallData, callToScreen } from './call-to-screen';
import { type SustainedData, sustainedLoad } from './sustained-load';
import { type TapData, tapToTicket } from './tap-to-ticket';

export interface SyncInputs {
  tap?: TapData;
  call?: CallData;
  load?: SustainedData;
}

export interface SyncData {
  normal: Required<SyncInputs>;
  full: Required<SyncInputs>;
}

export async function syncCompare(sizes: Sizes, normal: SyncInputs = {}): Promise<MeasureResult<SyncData>> {
  const label = 'NORMAL vs FULL';
  const run = async (synchronous: 'NORMAL' | 'FULL', given: SyncInputs): Promise<Required<SyncInputs>> => {
    log(`${label}: measurements 1-3 with synchronous=${synchronous}`);
    const suffix = ` (synchronous=${synchronous})`;
    const tap =
      given.tap ?? (await tapToTicket(sizes, { synchronous, label: `tap to ticket bytes${suffix}` })).data;
    const call =
      given.call ?? (await callToScreen(sizes, { synchronous, label: `call to screen${suffix}` })).data;
    const load =
      given.load ?? (await sustainedLoad(sizes, { synchronous, label: `sustained load${suffix}` })).data;
    return { tap, call, load };
  };
  const n = await run('NORMAL', normal);
  const f = await run('FULL', {});
  const ratio = (a: number, b: number) => (a > 0 ? (b / a).toFixed(2) : 'n/a');
  const pair = (metric: string, a: number, b: number, unit: string, digits = 1): Row => ({
    measurement: label,
    metric,
    value: `NORMAL ${a.toFixed(digits)}${unit}, FULL ${b.toFixed(digits)}${unit}: FULL/NORMAL = ${ratio(a, b)}`,
    verdict: 'info',
  });
  const rows: Row[] = [
    pair('tap to ticket bytes, idle, median', n.tap.idle.median, f.tap.idle.median, ' ms'),
    pair('tap to ticket bytes, under load, p99', n.tap.loaded.p99, f.tap.loaded.p99, ' ms'),
    pair('call to screen, all clients, p99', n.call.all.p99, f.call.all.p99, ' ms'),
    pair('sustained load, commands/s', n.load.load.commandsPerSecond, f.load.load.commandsPerSecond, '', 0),
    pair(
      'sustained load, desk:call-next ack p99',
      n.load.load.latency['desk:call-next']?.p99 ?? 0,
      f.load.load.latency['desk:call-next']?.p99 ?? 0,
      ' ms',
    ),
  ];
  const check = (d: SustainedData) => (d.check.ok ? 'pass' : 'FAIL');
  const details = [
    `**${label}**: the same runs with \`createHub({ synchronous })\`. Database check after the FULL load: ${check(f.load)} ` +
      `(NORMAL: ${check(n.load)}). Ratios above 1 mean FULL is slower (or, for commands/s, faster). ` +
      'Single runs on a shared machine: differences under about 10% are within the run-to-run noise.',
  ];
  return { rows, details, data: { normal: n, full: f } };
}
