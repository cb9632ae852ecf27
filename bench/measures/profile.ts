/**
 * Where the hub's time goes under the sustained load: the hub in its own process under
 * `node --cpu-prof`, the profile summarised by area (hub, queue-core, socket.io, SQLite, GC...),
 * by function (self time) and by our own functions (inclusive time).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadResult } from '../lib/load';
import { removeDir, tempDir } from '../lib/office';
import { loadSpec, startLoad } from '../lib/scenario';
import type { MeasureResult, Row, Sizes } from '../lib/types';
import { log } from '../lib/util';
import { startHubOffice } from './memory';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  totalMs: number;
  areas: Array<[string, number]>;
  selfTop: Array<[string, number]>;
  inclusiveTop: Array<[string, number]>;
}

const AREAS: Array<[string, RegExp]> = [
  ['hub (packages/hub)', /\/packages\/hub\//],
  ['queue-core', /\/packages\/queue-core\//],
  ['shared (contract, zod schemas)', /\/packages\/shared\//],
  ['printer (render, transport)', /\/packages\/printer\//],
  ['zod', /node_modules\/zod\//],
  [
    'socket.io / engine.io / ws',
    /node_modules\/(socket\.io|engine\.io|socket\.io-parser|socket\.io-adapter|ws)\//,
  ],
  ['better-sqlite3 (JS side)', /node_modules\/better-sqlite3\//],
  ['pino', /node_modules\/pino/],
  ['express and other modules', /node_modules\//],
  ['node internals (net, streams, events, timers)', /^node:/],
];

function shortName(frame: ProfileNode['callFrame']): string {
  const url = frame.url.replace(/^file:\/\//, '').replace(/^.*\/(packages|node_modules)\//, '$1/');
  const where = url ? ` ${url}:${frame.lineNumber + 1}` : '';
  return `${frame.functionName || '(anonymous)'}${where}`;
}

function area(frame: ProfileNode['callFrame']): string {
  if (frame.functionName === '(garbage collector)') return 'garbage collector';
  if (frame.functionName === '(idle)') return 'idle';
  if (frame.functionName === '(program)') return '(program: V8/native outside JS)';
  if (!frame.url) return 'native functions (better-sqlite3 statements, crypto, JSON...)';
  for (const [name, pattern] of AREAS) if (pattern.test(frame.url)) return name;
  return 'other';
}

/**
 * The hub runs bundled (one file, as in production): its frames are mapped back through the
 * bundle's source map to the TypeScript files and lines they came from, so that areas and names
 * read as in the sources.
 */
export function unbundle(profile: CpuProfile): CpuProfile {
  const maps = new Map<string, SourceMap | null>();
  const mapOf = (url: string) => {
    if (!maps.has(url)) {
      const file = `${fileURLToPath(url)}.map`;
      maps.set(url, existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8'))) : null);
    }
    return maps.get(url) ?? null;
  };
  for (const node of profile.nodes) {
    const frame = node.callFrame;
    if (!frame.url.startsWith('file://') || !/\.cache\/pst-bench\//.test(frame.url)) continue;
    const entry = mapOf(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber);
    if (!entry || !('originalSource' in entry)) continue;
    frame.url = entry.originalSource;
    frame.lineNumber = entry.originalLine;
  }
  return profile;
}

export function summarizeProfile(profile: CpuProfile): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const totalMs = [...self.values()].reduce((a, b) => a + b, 0);
  const add = (map: Map<string, number>, key: string, v: number) => map.set(key, (map.get(key) ?? 0) + v);

  const areas = new Map<string, number>();
  const selfByFn = new Map<string, number>();
  for (const [id, t] of self) {
    const frame = (byId.get(id) as ProfileNode).callFrame;
    add(areas, area(frame), t);
    add(selfByFn, shortName(frame), t);
  }

  // Inclusive time of our own functions (packages/...), each counted once per stack.
  const inclusive = new Map<string, number>();
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const totals = new Map<number, number>();
  const total = (id: number): number => {
    const known = totals.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id) as ProfileNode;
    const sum = (self.get(id) ?? 0) + (node.children ?? []).reduce((s, c) => s + total(c), 0);
    totals.set(id, sum);
    return sum;
  };
  const root = profile.nodes.find((n) => !parent.has(n.id));
  if (root) total(root.id);
  for (const n of profile.nodes) {
    if (!/\/packages\//.test(n.callFrame.url)) continue;
    const key = shortName(n.callFrame);
    let up = parent.get(n.id);
    let nested = false;
    while (up !== undefined) {
      if (shortName((byId.get(up) as ProfileNode).callFrame) === key) {
        nested = true;
        break;
      }
      up = parent.get(up);
    }
    if (!nested) add(inclusive, key, totals.get(n.id) ?? 0);
  }
  const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k);
  return { totalMs, areas: top(areas, 20), selfTop: top(selfByFn, 20), inclusiveTop: top(inclusive, 20) };
}

export interface ProfileData {
  summary: ProfileSummary;
  load: LoadResult;
}

export async function profile(sizes: Sizes): Promise<MeasureResult<ProfileData>> {
  const label = 'CPU profile';
  const dir = tempDir('pst-bench-prof-');
  const office = await startHubOffice(sizes, 0, { nodeArgs: ['--cpu-prof', '--cpu-prof-dir', dir] });
  let load: LoadResult;
  try {
    log(`${label}: hub under --cpu-prof, sustained load for ${sizes.profileSeconds} s`);
    load = await startLoad(
      loadSpec(office.hub.url, office.config, office.tokens, sizes, sizes.profileSeconds * 1000),
    ).result;
  } finally {
    // Closing the hub makes its process exit normally, which is when the profile is written.
    await office.close();
  }
  try {
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error(`no .cpuprofile in ${dir}`);
    const summary = summarizeProfile(
      unbundle(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile),
    );
    const pct = (t: number) => `${((t / summary.totalMs) * 100).toFixed(1)}%`;
    const busy = summary.totalMs - (summary.areas.find(([a]) => a === 'idle')?.[1] ?? 0);
    const rows: Row[] = [
      {
        measurement: label,
        metric: `hub CPU busy under the load (${load.commandsPerSecond.toFixed(0)} commands/s)`,
        value: `${pct(busy)} of ${(summary.totalMs / 1000).toFixed(1)} s sampled`,
        verdict: 'info',
        note: `top area: ${summary.areas.filter(([a]) => a !== 'idle')[0]?.[0] ?? '-'}`,
      },
    ];
    const table = (title: string, entries: Array<[string, number]>) =>
      [
        `| ${title} | ms | share |`,
        '|---|---|---|',
        ...entries.map(([k, t]) => `| \`${k.replaceAll('|', '\\|')}\` | ${t.toFixed(0)} | ${pct(t)} |`),
      ].join('\n');
    const details = [
      `**${label}**: \`node --cpu-prof\` on bench/hub-process.ts built like the hub (frames mapped back to the sources), under the sustained load ` +
        `(${sizes.kiosks} kiosks, ${sizes.frontDesks + sizes.serviceDesks} desks, ${sizes.profileSeconds} s, ` +
        `${load.commandsPerSecond.toFixed(0)} commands/s; the profiler itself costs some throughput).`,
      table('area (self time)', summary.areas),
      table('function (self time)', summary.selfTop.slice(0, 15)),
      table('our function (inclusive time)', summary.inclusiveTop.slice(0, 15)),
    ];
    return { rows, details, data: { summary, load } };
  } finally {
    removeDir(dir);
  }
}
