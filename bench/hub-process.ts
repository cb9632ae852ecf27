/**
 * A real hub in a process of its own, for memory (the benchmark's clients must not count) and CPU
 * profiles. By hand:
 *
 *   node --cpu-prof --import tsx bench/hub-process.ts --data-dir /tmp/x [--printer-port 9100]
 *
 * prints {"port":..,"pid":..} and runs until SIGINT/SIGTERM. Forked by the bench, it talks IPC:
 * 'ready' {port, pid}; {type:'mem'} -> 'mem' {rss, heap, tickets, the hub's clock}; {type:'speed-up', factor?} makes the
 * hub's clock run `factor` (default --time-factor) times faster from then on (1: real pace again); {type:'close'} closes the hub
 * and exits normally (which is when --cpu-prof writes its profile).
 */
import { parseArgs } from 'node:util';
import { getHeapSpaceStatistics, getHeapStatistics } from 'node:v8';
import { DURABILITIES } from '@pst/hub';
import { fromParent, toParent } from './lib/child';
import { benchClock, startHub } from './lib/office';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    'printer-port': { type: 'string', default: '9100' },
    skew: { type: 'string', default: '0' },
    durability: { type: 'string', default: 'group' },
    'time-factor': { type: 'string', default: '1' },
  },
});
if (!values['data-dir']) throw new Error('--data-dir is required');

const clock = benchClock(Number(values.skew));
const hub = await startHub({
  dataDir: values['data-dir'],
  printerPort: Number(values['printer-port']),
  skew: Number(values.skew),
  durability: DURABILITIES.find((d) => d === values.durability) ?? 'group',
  clock: clock.now,
});

let closing = false;
async function close() {
  if (closing) return;
  closing = true;
  await hub.close();
  process.exit(0);
}
process.on('SIGINT', close);
process.on('SIGTERM', close);

fromParent(async (message) => {
  if (message.type === 'mem') {
    if (message.gc && typeof globalThis.gc === 'function') globalThis.gc();
    const usage = process.memoryUsage();
    toParent({
      type: 'mem',
      rss: usage.rss,
      heapUsed: usage.heapUsed,
      heapTotal: usage.heapTotal,
      external: usage.external,
      // What V8 itself holds from malloc (the compiler's zones, ...): part of the process's malloc.
      v8Malloced: getHeapStatistics().malloced_memory,
      // Each V8 heap space's reserved bytes: which one an RSS climb between major GCs is.
      spaces: Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, s.space_size])),
      tickets: hub.context.runner.state.tickets.size,
      clock: hub.context.clock(),
    });
  } else if (message.type === 'speed-up') {
    clock.speedUp(typeof message.factor === 'number' ? message.factor : Number(values['time-factor']));
    toParent({ type: 'sped-up', clock: clock.now() });
  } else if (message.type === 'close') {
    await close();
  }
});
toParent({ type: 'ready', port: hub.port, pid: process.pid });
if (!process.send) process.stdout.write(`${JSON.stringify({ port: hub.port, pid: process.pid })}\n`);
