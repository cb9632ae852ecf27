/**
 * 5. Memory of the hub process (a child, so the benchmark's own clients do not count): idle, with many
 * connected clients, after the sustained load; then a steady-traffic run sampled every few seconds.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { MALLOC_SETTING } from '@pst/hub/malloc-setting';
import { type Child, forkScript } from '../lib/child';
import { compileScript } from '../lib/compile';
import type { LoadResult } from '../lib/load';
import { BENCH_PIN, morningSkew, officeConfig, prepareOffice, removeDir, tempDir } from '../lib/office';
import { loadSpec, type Printer, startLoad, startPrinter } from '../lib/scenario';
import type { MeasureResult, Row, Sizes } from '../lib/types';
import { log, mb, nowMs, sleep, slope, summarize } from '../lib/util';

export const TARGET_RSS_MB = 150;
/** The idle hub, built JavaScript on plain Node. */
export const TARGET_IDLE_RSS_MB = 80;

/** VmRSS of a process, in bytes, from /proc. */
export function rssOf(pid: number): number {
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]) * 1024;
}

/** Where a process's resident memory is, by mapping (Linux, /proc/<pid>/smaps), in bytes. */
export interface RssParts {
  rss: number;
  /** V8's heap pages: anonymous mappings on 256 KiB boundaries (V8's page size and alignment). */
  v8Pages: number;
  /** glibc's malloc: the brk heap, the threads' 64 MiB arenas and the other anonymous mappings. */
  malloc: number;
  /** Node's own executable: its code and read-only data (ICU's locale and time-zone tables). */
  nodeBinary: number;
  /** Other files: shared libraries, better-sqlite3's addon, SQLite's shared WAL index (-shm). */
  otherFiles: number;
}

const V8_PAGE = 256 * 1024;
const ARENA = 64 * 1024 * 1024;
/** Node's executable as the kernel names its mappings (the real path, not a symlink). */
const NODE_BINARY = realpathSync(process.execPath);
/** Each part of RSS by the name the rows give it. */
const PART_NAMES = {
  v8Pages: "V8's pages",
  malloc: 'malloc',
  nodeBinary: "node's binary",
  otherFiles: 'other files',
} as const;

/**
 * RSS split by what holds it. V8's pages are counted by mapping rather than by V8's heapTotal: after a
 * forced GC heapTotal fell by 10 MB while V8's mappings held 5 MB more (V8 keeps freed pages resident
 * for reuse, most likely its young generation's), so the steady run's "malloc" growth, when derived
 * from heapTotal, was mostly V8's own pages. By address alone: a large malloc block that happens to
 * start on a 256 KiB boundary (about one in 64 of glibc's mmap'ed blocks) counts as V8's.
 */
export function rssParts(pid: number): RssParts {
  const parts: RssParts = { rss: 0, v8Pages: 0, malloc: 0, nodeBinary: 0, otherFiles: 0 };
  let part: Exclude<keyof RssParts, 'rss'> | undefined;
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const mapping = /^([0-9a-f]+)-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (mapping) {
      const start = Number.parseInt(mapping[1] ?? '', 16);
      const name = mapping[2] ?? '';
      if (name === '') part = start % ARENA !== 0 && start % V8_PAGE === 0 ? 'v8Pages' : 'malloc';
      else if (name === '[heap]') part = 'malloc';
      else if (name.startsWith('['))
        part = undefined; // stack, vdso: a few pages
      else part = name === NODE_BINARY ? 'nodeBinary' : 'otherFiles';
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) {
      const bytes = Number(rss[1]) * 1024;
      parts.rss += bytes;
      if (part) parts[part] += bytes;
    }
  }
  return parts;
}

/** The hub's memory as the hub and the kernel see it (after a full GC, when asked). */
export interface MemorySnapshot {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  /** Bytes V8 itself holds from malloc (its compiler's zones, ...). */
  v8Malloced: number;
  /** The process's RSS by mapping, taken just after the hub's own figures. */
  parts: RssParts;
  /** Reserved bytes of each V8 heap space (new_space, old_space, code_space, ...). */
  spaces: Record<string, number>;
  tickets: number;
  /** The hub's clock when it was taken. */
  clock: number;
}

/** How RSS moved between two snapshots, part by part. */
export function describeGrowth(a: MemorySnapshot, b: MemorySnapshot): string {
  const d = (x: number) => `${x >= 0 ? '+' : ''}${(x / 1024 / 1024).toFixed(1)} MB`;
  const part = (name: keyof RssParts) => d(b.parts[name] - a.parts[name]);
  return (
    `RSS ${mb(a.rss)} -> ${mb(b.rss)} (${d(b.rss - a.rss)}), by mapping: V8's pages ${part('v8Pages')} ` +
    `(V8's heapTotal ${d(b.heapTotal - a.heapTotal)}, used ${d(b.heapUsed - a.heapUsed)}), ` +
    `malloc (SQLite's page cache, sockets, buffers: external ${d(b.external - a.external)}, V8's own ${d(b.v8Malloced - a.v8Malloced)}) ${part('malloc')}, ` +
    `node's binary (code, ICU data) ${part('nodeBinary')}, other files (libraries, SQLite's shared WAL index) ${part('otherFiles')}`
  );
}

/** The slope of each part of RSS over `points` ([x, parts]), in MB per unit of x, by its row name. */
export function partSlopes(points: ReadonlyArray<readonly [number, RssParts]>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(PART_NAMES).map(([key, name]) => [
      name,
      slope(points.map(([x, parts]) => [x, parts[key as keyof typeof PART_NAMES] / 1024 / 1024] as const)),
    ]),
  );
}

/** The parts that moved, largest first. */
export const describeParts = (parts: Record<string, number>) =>
  Object.entries(parts)
    .filter(([, v]) => Math.abs(v) >= 0.01)
    .sort(([, a], [, b]) => Math.abs(b) - Math.abs(a))
    .map(([name, v]) => `${name} ${v >= 0 ? '+' : ''}${v.toFixed(2)}`)
    .join(', ');

async function rssSettled(pid: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    samples.push(rssOf(pid));
    await sleep(300);
  }
  return summarize(samples).median;
}

interface HubChild {
  child: Child;
  pid: number;
  url: string;
  heap(gc: boolean): Promise<MemorySnapshot>;
  /**
   * From now on the hub's clock runs `factor` (default: the option's `timeFactor`) times faster than
   * real time; resolves with the hub's clock at the change.
   */
  speedUp(factor?: number): Promise<number>;
  close(): Promise<void>;
}

export interface HubChildOptions {
  nodeArgs?: string[];
  /** How many times faster than real time the hub's clock runs once asked to (the office-day measure). */
  timeFactor?: number;
  /** Front-office and service desks of the office (default: the sizes' sustained-load office). */
  desks?: [front: number, service: number];
  env?: NodeJS.ProcessEnv;
}

async function startHubChild(
  dataDir: string,
  printer: Printer,
  skew: number,
  options: HubChildOptions,
): Promise<HubChild> {
  // Built JavaScript on plain Node, as `npm start` and the service run the hub (no tsx in memory).
  const child = forkScript('hub-process.ts', {
    compiled: await compileScript('hub-process.ts'),
    nodeArgs: ['--expose-gc', ...(options.nodeArgs ?? [])],
    // glibc's malloc setting, as deploy/pst-hub.service and `pst-hub start` run the hub.
    env: { [MALLOC_SETTING.name]: MALLOC_SETTING.value, ...options.env },
    args: [
      '--data-dir',
      dataDir,
      '--printer-port',
      String(printer.port),
      `--skew=${skew}`,
      `--time-factor=${options.timeFactor ?? 1}`,
    ],
  });
  const ready = await child.next<{ type: 'ready'; port: number; pid: number }>('ready', 60_000);
  return {
    child,
    pid: ready.pid,
    url: `http://127.0.0.1:${ready.port}`,
    async heap(gc) {
      const reply = child.next<{ type: 'mem' } & Omit<MemorySnapshot, 'parts'>>('mem');
      child.send({ type: 'mem', gc });
      const { type: _type, ...memory } = await reply;
      return { ...memory, parts: rssParts(ready.pid) };
    },
    async speedUp(factor) {
      const reply = child.next<{ type: 'sped-up'; clock: number }>('sped-up');
      child.send(factor === undefined ? { type: 'speed-up' } : { type: 'speed-up', factor });
      return (await reply).clock;
    },
    async close() {
      child.send({ type: 'close' });
      const timer = setTimeout(() => void child.kill(), 30_000);
      await child.exited;
      clearTimeout(timer);
    },
  };
}

/** A prepared office whose hub runs in a child process, with clients in another. */
export async function startHubOffice(sizes: Sizes, clients: number, options: HubChildOptions = {}) {
  const dataDir = tempDir();
  const skew = morningSkew();
  const [front, service] = options.desks ?? [sizes.frontDesks, sizes.serviceDesks];
  const config = officeConfig(front, service);
  const tokens = prepareOffice(dataDir, {
    config,
    kiosks: sizes.kiosks,
    displays: clients,
    now: Date.now() + skew,
  });
  const printer = await startPrinter();
  const hub = await startHubChild(dataDir, printer, skew, options);
  const clientsProcess = forkScript('clients-process.ts');
  return {
    dataDir,
    config,
    tokens,
    printer,
    hub,
    async connectClients() {
      await clientsProcess.started;
      const connected = clientsProcess.next<{ type: 'connected'; n: number }>('connected', 120_000);
      clientsProcess.send({ type: 'connect', url: hub.url, tokens: tokens.displays });
      return (await connected).n;
    },
    async close() {
      await clientsProcess.kill();
      await hub.close().catch(() => undefined);
      await printer.close();
      removeDir(dataDir);
    },
  };
}

/**
 * Staff sign-ins by `POST /api/login` as in the morning, one after another (all at once from one
 * address is what the login throttle turns away), `count` in all, going round the office's staff.
 * Each checks a PIN (scrypt, 16 MiB on one of libuv's threads). Resolves with one new session per login.
 */
export async function staffLogins(office: HubOffice, count = office.tokens.staff.length): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const s = office.tokens.staff[i % office.tokens.staff.length] as { username: string };
    const response = await fetch(`${office.hub.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: s.username, pin: BENCH_PIN }),
    });
    const body = (await response.json()) as { ok: boolean; data?: { token: string } };
    if (!body.ok || !body.data) throw new Error(`login of ${s.username}: HTTP ${response.status}`);
    tokens.push(body.data.token);
  }
  return tokens;
}

export type HubOffice = Awaited<ReturnType<typeof startHubOffice>>;

export interface MemoryData {
  justStarted: number;
  idle: number;
  /** Idle again after the morning's staff logins (PIN checks), and the sessions they opened. */
  afterLogins: number;
  logins: number;
  withClients: number;
  duringLoadMax: number;
  afterLoad: number;
  afterLoadHeap: { heapUsed: number; tickets: number };
  load: LoadResult;
  steady: {
    samples: Array<[seconds: number, rss: number]>;
    /** Slopes of the second half by part of RSS (by mapping), MB per minute. */
    secondHalfParts: Record<string, number>;
    first: number;
    last: number;
    max: number;
    slopeMbPerMin: number;
    slopeSecondHalfMbPerMin: number;
    heapStart: MemorySnapshot;
    heapEnd: MemorySnapshot;
    load: LoadResult;
  };
}

export async function memory(sizes: Sizes): Promise<MeasureResult<MemoryData>> {
  const label = 'memory';
  const clients = sizes.memoryClients;

  // --- idle, with clients, after the sustained load
  const office = await startHubOffice(sizes, clients);
  let justStarted: number;
  let idle: number;
  let afterLogins: number;
  let withClients: number;
  let duringLoadMax = 0;
  let afterLoad: number;
  let afterLoadHeap: { heapUsed: number; tickets: number };
  let load: LoadResult;
  let sessions: number;
  try {
    await sleep(2 * sizes.settleMs);
    justStarted = await rssSettled(office.hub.pid);
    // Idle means at rest: V8's memory reducer gives back the young generation that loading the code
    // grew only after some quiet seconds (about 16 s after the start on the reference machine).
    await sleep(sizes.idleRestMs);
    idle = await rssSettled(office.hub.pid);
    log(
      `${label}: ${mb(justStarted)} just after the start, idle ${mb(idle)}; ${sizes.memoryLogins} staff logins`,
    );
    // The morning: the staff sign in (each a PIN check), then the hub rests again.
    sessions = new Set(await staffLogins(office, sizes.memoryLogins)).size;
    await sleep(sizes.idleRestMs + 2 * sizes.settleMs);
    afterLogins = await rssSettled(office.hub.pid);
    log(`${label}: idle after the logins ${mb(afterLogins)}; connecting ${clients} clients`);
    await office.connectClients();
    await sleep(3 * sizes.settleMs);
    withClients = await rssSettled(office.hub.pid);
    log(`${label}: with ${clients} clients ${mb(withClients)}; sustained load for ${sizes.loadSeconds} s`);
    const running = startLoad(
      loadSpec(office.hub.url, office.config, office.tokens, sizes, sizes.loadSeconds * 1000),
    );
    const sampler = setInterval(() => {
      duringLoadMax = Math.max(duringLoadMax, rssOf(office.hub.pid));
    }, 1000);
    load = await running.result.finally(() => clearInterval(sampler));
    await sleep(5 * sizes.settleMs);
    afterLoad = await rssSettled(office.hub.pid);
    const heap = await office.hub.heap(true);
    afterLoadHeap = { heapUsed: heap.heapUsed, tickets: heap.tickets };
    log(`${label}: after the load ${mb(afterLoad)} (${heap.tickets} tickets of the day in memory)`);
  } finally {
    await office.close();
  }

  // --- steady traffic on a fresh hub, with the clients connected, RSS sampled
  const steadyOffice = await startHubOffice(sizes, clients);
  let steady: MemoryData['steady'];
  try {
    await steadyOffice.connectClients();
    await sleep(3 * sizes.settleMs);
    const heapStart = await steadyOffice.hub.heap(true);
    // Two visits a second in all (each a full journey: take, front office, service): a very busy
    // office's day every few minutes, with every board and call going to all clients.
    const kioskPauseMs = sizes.kiosks * 500;
    log(`${label}: steady traffic for ${sizes.steadySeconds} s, RSS every ${sizes.sampleEveryMs / 1000} s`);
    const running = startLoad(
      loadSpec(
        steadyOffice.hub.url,
        steadyOffice.config,
        steadyOffice.tokens,
        sizes,
        sizes.steadySeconds * 1000,
        {
          kioskPauseMs,
          deskPauseMs: 500,
          seed: sizes.seed + 2,
        },
      ),
    );
    await running.ready;
    const t0 = nowMs();
    const sampled: Array<[number, RssParts]> = [];
    const take = () => sampled.push([(nowMs() - t0) / 1000, rssParts(steadyOffice.hub.pid)]);
    take();
    const sampler = setInterval(take, sizes.sampleEveryMs);
    const steadyLoad = await running.result.finally(() => clearInterval(sampler));
    take();
    const heapEnd = await steadyOffice.hub.heap(true);
    const samples = sampled.map(([s, parts]) => [s, parts.rss] as [number, number]);
    const values = samples.map(([, v]) => v);
    const toMb = (points: Array<[number, number]>) =>
      points.map(([s, v]) => [s / 60, v / 1024 / 1024] as [number, number]);
    const from = (samples[samples.length - 1]?.[0] ?? 0) / 2;
    const half = samples.filter(([s]) => s >= from);
    steady = {
      samples,
      secondHalfParts: partSlopes(sampled.filter(([s]) => s >= from).map(([s, parts]) => [s / 60, parts])),
      first: values[0] as number,
      last: values[values.length - 1] as number,
      max: Math.max(...values),
      slopeMbPerMin: slope(toMb(samples)),
      slopeSecondHalfMbPerMin: slope(toMb(half)),
      heapStart,
      heapEnd,
      load: steadyLoad,
    };
    log(
      `${label}: steady first ${mb(steady.first)} last ${mb(steady.last)} max ${mb(steady.max)}, slope ${steady.slopeMbPerMin.toFixed(2)} MB/min`,
    );
  } finally {
    await steadyOffice.close();
  }

  const grownTickets = steady.heapEnd.tickets - steady.heapStart.tickets;
  const heapGrowth = steady.heapEnd.heapUsed - steady.heapStart.heapUsed;
  const perTicket = grownTickets > 0 ? heapGrowth / grownTickets : 0;
  // Every ticket of the day stays in memory until the day ends, so RSS rises through one day by design.
  // Whether it levels off over days is the office-day measure's question; this run's is whether a day
  // far busier than any office's (its visits come two a second) stays within the memory target.
  const kbPerVisit = grownTickets > 0 ? (steady.last - steady.first) / 1024 / grownTickets : 0;
  const visitsPerMinute = grownTickets / (sizes.steadySeconds / 60);
  const secondHalfKbPerVisit =
    visitsPerMinute > 0 ? (steady.slopeSecondHalfMbPerMin * 1024) / visitsPerMinute : 0;
  const rows: Row[] = [
    {
      measurement: label,
      metric: `hub RSS, idle (built JavaScript, plain Node, ${sizes.idleRestMs / 1000} s after the start)`,
      value: mb(idle),
      note: `${mb(justStarted)} ${(2 * sizes.settleMs) / 1000} s after the start, before V8's memory reducer ran`,
      target: `< ${TARGET_IDLE_RSS_MB} MB`,
      verdict: idle < TARGET_IDLE_RSS_MB * 1024 * 1024 ? 'met' : 'missed',
    },
    {
      measurement: label,
      metric: `hub RSS, idle after ${sizes.memoryLogins} staff PIN logins (POST /api/login, the service's malloc setting)`,
      value: mb(afterLogins),
      note: `${MALLOC_SETTING.name}=${MALLOC_SETTING.value}; idle before them ${mb(idle)}; each login checks a PIN with scrypt (16 MiB)`,
      target: `< ${TARGET_IDLE_RSS_MB} MB`,
      verdict: afterLogins < TARGET_IDLE_RSS_MB * 1024 * 1024 ? 'met' : 'missed',
    },
    {
      measurement: label,
      metric: `hub RSS with ${clients} connected clients`,
      value: mb(withClients),
      target: `< ${TARGET_RSS_MB} MB`,
      verdict: withClients < TARGET_RSS_MB * 1024 * 1024 ? 'met' : 'missed',
    },
    {
      measurement: label,
      metric: `hub RSS after the sustained load (${clients} clients still connected)`,
      value: `${mb(afterLoad)} (max during the load ${mb(duringLoadMax)})`,
      target: `< ${TARGET_RSS_MB} MB`,
      verdict: afterLoad < TARGET_RSS_MB * 1024 * 1024 ? 'met' : 'missed',
      note: `${afterLoadHeap.tickets} tickets of the day held in memory; heap after GC ${mb(afterLoadHeap.heapUsed)}`,
    },
    {
      measurement: label,
      metric: `steady traffic ${(sizes.steadySeconds / 60).toFixed(1)} min, two visits a second, all of one day, RSS every ${sizes.sampleEveryMs / 1000} s`,
      value:
        `first ${mb(steady.first)} / last ${mb(steady.last)} / max ${mb(steady.max)}; slope ` +
        `${steady.slopeMbPerMin.toFixed(2)} MB/min (second half ${steady.slopeSecondHalfMbPerMin.toFixed(2)})`,
      target: `max < ${TARGET_RSS_MB} MB`,
      verdict: steady.max < TARGET_RSS_MB * 1024 * 1024 ? 'met' : 'missed',
      note:
        `${grownTickets} visits, each held until the day ends (growth over days: the office-day rows); ` +
        `RSS per visit ${kbPerVisit.toFixed(1)} KB over the run, ${secondHalfKbPerVisit.toFixed(1)} KB in its second half; heap after GC ${mb(steady.heapStart.heapUsed)} -> ${mb(steady.heapEnd.heapUsed)} (${(perTicket / 1024).toFixed(1)} KB per ticket of the day); ` +
        `second half by part (MB/min): ${describeParts(steady.secondHalfParts)}`,
    },
  ];
  const details = [
    `**${label}**: the hub in its own process (bench/hub-process.ts, built to JavaScript like npm run build and run on plain Node with the service's ${MALLOC_SETTING.name}=${MALLOC_SETTING.value}), RSS from /proc/<pid>/status (VmRSS). ` +
      `Idle ${mb(idle)} (${mb(justStarted)} right after the start), ${mb(afterLogins)} at rest after ${sizes.memoryLogins} staff logins; with ${clients} display clients (websocket, in another process) ${mb(withClients)}; ` +
      `sustained load ${load.commandsPerSecond.toFixed(0)} commands/s for ${load.seconds.toFixed(0)} s with the clients connected, ` +
      `max RSS during it ${mb(duringLoadMax)}, ${mb(afterLoad)} five seconds after. Steady traffic: ` +
      `${steady.load.okTotal} commands (${steady.load.commandsPerSecond.toFixed(1)}/s, ${steady.load.errors} errors) ` +
      `on a fresh hub with ${clients} clients.`,
    `Steady traffic, memory after a full GC at its start and its end: ${describeGrowth(steady.heapStart, steady.heapEnd)}.`,
    `Steady-traffic RSS samples (seconds: MB): ${steady.samples.map(([s, v]) => `${s.toFixed(0)}: ${(v / 1024 / 1024).toFixed(1)}`).join(', ')}`,
  ];
  return {
    rows,
    details,
    data: {
      justStarted,
      idle,
      afterLogins,
      logins: sessions,
      withClients,
      duringLoadMax,
      afterLoad,
      afterLoadHeap,
      load,
      steady,
    },
  };
}
