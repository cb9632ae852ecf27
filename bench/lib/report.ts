/** The results as markdown: the machine, the command, the table, the details. */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { describeShares, type MachineShares } from './hostload';
import type { Row } from './types';

export interface Machine {
  cpu: string;
  cores: number;
  memory: string;
  node: string;
  os: string;
}

export function machine(): Machine {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {}
  let os: string = process.platform;
  try {
    os = /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? os;
  } catch {}
  return {
    cpu,
    cores: cpus().length,
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    os,
  };
}

const VERDICT = { met: 'met', missed: '**MISSED**', info: '' } as const;

export function resultsTable(rows: readonly Row[]): string {
  const cell = (s: string | undefined) => (s ?? '').replaceAll('|', '\\|');
  return [
    '| # | measurement | metric | result | target | verdict | note |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((r, i) =>
      [
        '',
        String(i + 1),
        cell(r.measurement),
        cell(r.metric),
        cell(r.value),
        cell(r.target ?? '-'),
        VERDICT[r.verdict],
        cell(r.note),
        '',
      ]
        .join(' | ')
        .trim(),
    ),
  ].join('\n');
}

export function resultsMarkdown(input: {
  rows: readonly Row[];
  details: readonly string[];
  command: string;
  startedAt: Date;
  seconds: number;
  loadBefore: number[];
  machineShares: MachineShares | null;
  failures: readonly string[];
}): string {
  const m = machine();
  const missed = input.rows.filter((r) => r.verdict === 'missed');
  const load = loadavg();
  return [
    `Run on ${input.startedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC, ${(input.seconds / 60).toFixed(1)} min.`,
    '',
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memory} memory, ${m.os}`,
    `- Node ${m.node}; better-sqlite3, socket.io and socket.io-client as installed in the workspace`,
    `- Command: \`${input.command}\``,
    `- Load average (1/5/15 min) before: ${input.loadBefore.map((v) => v.toFixed(2)).join(' / ')}, after: ${load.map((v) => v.toFixed(2)).join(' / ')} (the machine is shared; other work there slows the runs)`,
    `- Over the run, of all the machine's CPU time: ${describeShares(input.machineShares)} (a virtual machine: its host's other guests take CPU and disk time that no load average shows)`,
    '',
    resultsTable(input.rows),
    '',
    missed.length
      ? `Targets missed: ${missed.map((r) => `${r.measurement}: ${r.metric}`).join('; ')}.`
      : 'Every target was met.',
    ...(input.failures.length ? ['', `Measurements that failed to run: ${input.failures.join('; ')}`] : []),
    '',
    '### Details',
    '',
    ...input.details.flatMap((d) => [d, '']),
  ].join('\n');
}

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

const SKELETON = `# Benchmarks

How fast and how big the hub is on this project's reference machine, measured with real hubs, real
socket.io clients, a raw-TCP printer stand-in and real SQLite files. Run them with \`npm run bench\`
(about 25 minutes; \`npm run bench -- --quick\` takes about 3; \`--only <name>\` runs one). The
section between the markers below is rewritten by every full run; the rest is kept.

${START}
${END}
`;

/** Puts the results between the markers of docs/benchmarks.md, keeping the rest of the file. */
export function mergeIntoDoc(existing: string | null, results: string): string {
  const doc = existing?.includes(START) && existing.includes(END) ? existing : SKELETON;
  const before = doc.slice(0, doc.indexOf(START) + START.length);
  const after = doc.slice(doc.indexOf(END));
  return `${before}\n\n## Results\n\n${results.trim()}\n\n${after}`;
}
