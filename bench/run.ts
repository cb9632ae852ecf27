/**
 * The benchmark suite: real hubs on 127.0.0.1, real socket.io clients, a raw-TCP printer stand-in,
 * real SQLite files.
 *
 *   npm run bench                     all measurements, then docs/benchmarks.md is rewritten
 *   npm run bench -- --quick          a short run of everything (printed only, unless --write)
 *   npm run bench -- --only memory    one or more measurements, comma-separated (printed only, unless --write)
 *
 * Options: --load-seconds N, --steady-seconds N, --scale-visits N, --seed N, --office-days N, --no-write,
 * --wait-idle (wait, at most 15 min, until the machine's load average is below 1.0).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compileChildren } from './lib/compile';
import { watchMachine } from './lib/hostload';
import { mergeIntoDoc, resultsMarkdown, resultsTable } from './lib/report';
import { FULL, type MeasureResult, QUICK, type Row, type Sizes } from './lib/types';
import { log, sleep } from './lib/util';
import { type CallData, callToScreen } from './measures/call-to-screen';
import { centralRollup } from './measures/central';
import { loginFlood } from './measures/login-flood';
import { memory } from './measures/memory';
import { officeDay } from './measures/office-day';
import { powerCuts } from './measures/power-cut';
import { profile } from './measures/profile';
import { type RawData, ratioRows, rawLimits } from './measures/raw';
import { scale } from './measures/scale';
import { type SustainedData, sustainedLoad } from './measures/sustained-load';
import { syncCompare } from './measures/sync';
import { type TapData, tapToTicket } from './measures/tap-to-ticket';

export const MEASUREMENTS = [
  'raw',
  'tap-to-ticket',
  'call-to-screen',
  'sustained-load',
  'scale',
  'memory',
  'sync',
  'profile',
  'central',
  'login-flood',
  'office-day',
  'power-cut',
] as const;
export type MeasurementName = (typeof MEASUREMENTS)[number];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    'load-seconds': { type: 'string' },
    'steady-seconds': { type: 'string' },
    'scale-visits': { type: 'string' },
    seed: { type: 'string' },
    'office-days': { type: 'string' },
    write: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    'wait-idle': { type: 'boolean', default: false },
  },
});

const sizes: Sizes = { ...(values.quick ? QUICK : FULL) };
if (values['load-seconds']) sizes.loadSeconds = Number(values['load-seconds']);
if (values['steady-seconds']) sizes.steadySeconds = Number(values['steady-seconds']);
if (values['scale-visits']) sizes.scaleVisits = Number(values['scale-visits']);
if (values.seed) sizes.seed = Number(values.seed);
if (values['office-days']) sizes.officeDays = Number(values['office-days']);

const selected: MeasurementName[] = values.only
  ? values.only.split(',').map((name) => {
      const match = MEASUREMENTS.find((m) => m === name.trim() || m.startsWith(name.trim()));
      if (!match) throw new Error(`unknown measurement '${name}'; one of: ${MEASUREMENTS.join(', ')}`);
      return match;
    })
  : [...MEASUREMENTS];
const partial =
  values.quick ||
  !!values.only ||
  !!values['load-seconds'] ||
  !!values['steady-seconds'] ||
  !!values['scale-visits'] ||
  !!values['office-days'];
const write = !values['no-write'] && (values.write || !partial);
const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;

if (values['wait-idle']) {
  const until = Date.now() + 15 * 60_000;
  while ((loadavg()[0] ?? 0) >= 1 && Date.now() < until) {
    log(`waiting for a quieter machine (load average ${(loadavg()[0] ?? 0).toFixed(2)})`);
    await sleep(30_000);
  }
}

// The child processes start on plain Node, built like the hub (not through tsx each time).
await compileChildren();
const startedAt = new Date();
const loadBefore = loadavg();
const machineShares = watchMachine();
const rows: Row[] = [];
const details: string[] = [];
const failures: string[] = [];
const durable: { tap?: TapData; call?: CallData; load?: SustainedData } = {};
let raw: RawData | undefined;

async function measure(name: MeasurementName): Promise<MeasureResult | null> {
  switch (name) {
    case 'raw': {
      const r = await rawLimits(sizes);
      raw = r.data;
      return r;
    }
    case 'tap-to-ticket': {
      const r = await tapToTicket(sizes);
      durable.tap = r.data;
      // Then two kiosks at one printer, printed by the hub (an office's set-up), and every kiosk at one.
      const pair = await tapToTicket(sizes, { printers: 'pair' });
      const shared = await tapToTicket(sizes, { printers: 'shared' });
      return {
        ...r,
        rows: [...r.rows, ...pair.rows, ...shared.rows],
        details: [...r.details, ...pair.details, ...shared.details],
      };
    }
    case 'call-to-screen': {
      const r = await callToScreen(sizes);
      durable.call = r.data;
      return r;
    }
    case 'sustained-load': {
      const r = await sustainedLoad(sizes);
      durable.load = r.data;
      return r;
    }
    case 'scale':
      return scale(sizes);
    case 'memory':
      return memory(sizes);
    case 'sync':
      return syncCompare(sizes, durable);
    case 'profile':
      return profile(sizes);
    case 'central':
      return centralRollup(sizes);
    case 'login-flood':
      return loginFlood(sizes);
    case 'office-day':
      return officeDay(sizes);
    case 'power-cut':
      return powerCuts(sizes.powerCuts, sizes.seed);
  }
}

for (const name of selected) {
  log(`--- ${name}`);
  try {
    const result = await measure(name);
    if (!result) continue;
    rows.push(...result.rows);
    details.push(...result.details);
    process.stdout.write(`\n${resultsTable(result.rows)}\n\n`);
  } catch (error) {
    log(`${name} failed: ${(error as Error).stack ?? error}`);
    failures.push(`${name}: ${(error as Error).message}`);
  }
}

if (raw && (durable.tap || durable.call)) {
  const ratios = ratioRows(raw, durable.tap, durable.call);
  rows.push(...ratios);
  process.stdout.write(`\n${resultsTable(ratios)}\n\n`);
}

const markdown = resultsMarkdown({
  rows,
  details,
  command,
  startedAt,
  seconds: (Date.now() - startedAt.getTime()) / 1000,
  loadBefore,
  machineShares: machineShares.stop(),
  failures,
});
process.stdout.write(`\n${markdown}\n`);
if (write) {
  const doc = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
  writeFileSync(doc, mergeIntoDoc(existsSync(doc) ? readFileSync(doc, 'utf8') : null, markdown));
  log(`results written to ${doc}`);
} else {
  log('partial run: docs/benchmarks.md left as it is (pass --write to rewrite it)');
}
process.exit(failures.length ? 1 : 0);
