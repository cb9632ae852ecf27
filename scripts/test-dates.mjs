#!/usr/bin/env node
// Runs the workspaces' tests with the system clock moved to other dates (Debian's `faketime`), so no
// test can depend on the day it runs. The monotonic clock stays real, so timers behave.
//   node scripts/test-dates.mjs            every workspace at every date below
//   node scripts/test-dates.mjs --ci       the suites that hold date logic at the date that crosses midnight
//                                          WIB (CI runs the whole `npm test` at the day's date before it)
//   node scripts/test-dates.mjs --day-date the day's date for CI's `npm test` (one of the first three below,
//                                          a different one each day), as faketime takes it
//   node scripts/test-dates.mjs 2030-06-15T03:00:00Z [...]   every workspace at the given instants (UTC)
//   --jobs N                               suites at once (default 2, the CI machine's cores)
//
// Each (date, workspace) pair is one job, its clock starting at its date when the job starts (so every
// suite at 23.58 WIB that runs over two minutes crosses midnight). A pool runs the jobs, the longest suites
// first, so the browser suite does not wait behind the hub's: turbo ran one date at a time and started
// tasks in its own order, which left a core idle for minutes. A job's output is printed whole when it ends.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

// Instants in UTC (WIB = UTC+7). Each is chosen for a trap: a new year, a month start, a far year with no
// holiday table, a suite that crosses midnight WIB while it runs.
const DATES = [
  ['2026-12-31T17:05:00Z', '1 Jan 2027 00.05 WIB: a new year, a new office day'],
  ['2027-03-01T02:00:00Z', '1 Mar 2027 09.00 WIB: the first of a month after February'],
  ['2030-06-15T03:00:00Z', 'Sat 15 Jun 2030 10.00 WIB: years past the holiday table, a weekend'],
  ['2027-06-30T16:58:00Z', '30 Jun 2027 23.58 WIB: the suite crosses midnight WIB'],
];

// The suites that in CI run at the day's date only (in its `npm test`): the browser suite (e2e) and the
// bench smoke test (long, and their dated parts are the hub's, which crosses midnight itself) and the
// shell, printer and client suites (no date logic). Every other suite, a new one too, also crosses
// midnight WIB in --ci. Every mode without --ci runs them all at every date.
const DAY_DATE_ONLY = new Set(['@pst/e2e', '@pst/bench', '@pst/shell', '@pst/printer', '@pst/client']);

// Started first (longest first), so the pool ends with short suites and no core waits on one long one.
const LONGEST_FIRST = ['@pst/e2e', '@pst/hub', '@pst/bench', '@pst/queue-core', '@pst/central', '@pst/shell'];

const root = join(import.meta.dirname, '..');

/** Every workspace with a test script, from the root package.json's workspace folders. */
function workspaces() {
  const patterns = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).workspaces;
  const dirs = patterns.flatMap((pattern) =>
    pattern.endsWith('/*')
      ? readdirSync(join(root, pattern.slice(0, -2))).map((name) => join(pattern.slice(0, -2), name))
      : [pattern],
  );
  return dirs
    .filter((dir) => existsSync(join(root, dir, 'package.json')))
    .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) }))
    .filter(({ pkg }) => pkg.scripts?.test)
    .map(({ dir, pkg }) => ({ dir, name: pkg.name }));
}

function parseArgs(argv) {
  let jobs = 2;
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--jobs') jobs = Number(argv[++i]);
    else rest.push(argv[i]);
  }
  if (!Number.isInteger(jobs) || jobs < 1) {
    console.error('--jobs takes a whole number from 1');
    process.exit(2);
  }
  return { jobs, rest };
}

/** The (date, suites) runs the arguments ask for. */
function plan(rest, all) {
  if (rest[0] === '--ci') return [{ date: DATES[3], suites: all.filter((w) => !DAY_DATE_ONLY.has(w.name)) }];
  const dates = rest.length > 0 ? rest.map((at) => [at, at]) : DATES;
  return dates.map((date) => ({ date, suites: all }));
}

const rank = (name) => {
  const at = LONGEST_FIRST.indexOf(name);
  return at === -1 ? LONGEST_FIRST.length : at;
};

/** An instant (UTC) as faketime takes it: 'YYYY-MM-DD hh:mm:ss' (in its process's TZ, UTC here). */
const faketimeStamp = (instant) => instant.toISOString().slice(0, 19).replace('T', ' ');

const { jobs: poolSize, rest } = parseArgs(process.argv.slice(2));
if (rest[0] === '--day-date') {
  // The next command is CI's faketime wrapper: clear what killed wrappers left behind (see below).
  removeStaleFaketimeFiles();
  const [at, why] = DATES[Math.floor(Date.now() / 86_400_000) % 3];
  console.error(`The day's date: ${why}`);
  console.log(faketimeStamp(new Date(at)));
  process.exit(0);
}
const runs = plan(rest, workspaces());

if (spawnSync('faketime', ['--version'], { stdio: 'ignore' }).error) {
  console.error('faketime is not installed (Debian: apt-get install faketime).');
  process.exit(1);
}

const queue = [];
for (const { date, suites } of runs) {
  const [at, why] = date;
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) {
    console.error(`Not an instant: ${at}`);
    process.exit(2);
  }
  const stamp = faketimeStamp(instant);
  console.log(`=== ${stamp} UTC (${why}): ${suites.map((s) => s.name).join(', ')}`);
  for (const suite of suites) queue.push({ ...suite, stamp });
}
// Stable sort: the same suite at two dates keeps the dates' order.
queue.sort((a, b) => rank(a.name) - rank(b.name));

// The browser suite loads the built apps and hub: build them once, on the real clock (turbo's cache
// makes this instant after `npm test`).
if (queue.some((job) => job.name === '@pst/e2e')) {
  console.log('\n=== Building what the browser suite loads');
  const build = spawnSync(
    'npx',
    ['turbo', 'run', 'build', '--filter=@pst/e2e^...', '--output-logs=errors-only'],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
    },
  );
  if (build.status !== 0) process.exit(1);
}

const running = new Set();
const results = [];
const started = Date.now();
const seconds = (ms) => `${Math.round(ms / 1000)} s`;

/**
 * The faketime wrapper keeps a semaphore and a shared-memory clock named by its pid in /dev/shm, and
 * leaves them behind when it is killed. A later wrapper that gets the same pid then fails at once
 * ("sem_open: File exists"): with a wrapper per suite and date, pids come round often enough. Those of
 * pids no longer running are removed before each suite starts.
 */
function removeStaleFaketimeFiles() {
  let names;
  try {
    names = readdirSync('/dev/shm');
  } catch {
    return;
  }
  for (const name of names) {
    const pid = /^(?:sem\.)?faketime_(?:sem|shm)_(\d+)$/.exec(name)?.[1];
    if (!pid) continue;
    try {
      process.kill(Number(pid), 0);
    } catch (error) {
      if (error.code !== 'ESRCH') continue;
      try {
        unlinkSync(join('/dev/shm', name));
      } catch {
        // Gone already, or another user's.
      }
    }
  }
}

/** One suite at one date: `npm test` in its folder under faketime, in a process group of its own. */
function runJob(job) {
  removeStaleFaketimeFiles();
  return new Promise((resolve) => {
    const begin = Date.now();
    console.log(`[${seconds(begin - started)}] start ${job.name} at ${job.stamp} UTC`);
    // faketime reads its start in the TZ of its own process: give it UTC, and the suite runs in UTC too.
    const child = spawn('faketime', [job.stamp, 'npm', 'run', '--silent', 'test'], {
      cwd: join(root, job.dir),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TZ: 'UTC', FAKETIME_DONT_FAKE_MONOTONIC: '1' },
    });
    running.add(child);
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('close', (code, signal) => {
      running.delete(child);
      const took = Date.now() - begin;
      const passed = code === 0;
      console.log(
        `\n--- ${job.name} at ${job.stamp} UTC: ${passed ? 'passed' : `FAILED (${signal ?? code})`} in ${seconds(took)}`,
      );
      const text = Buffer.concat(output);
      process.stdout.write(text);
      results.push({ ...job, passed, took, digest: passed ? [] : failureLines(text.toString()) });
      resolve();
    });
  });
}

/**
 * The lines of a failed suite's output that name what failed (vitest's FAIL and × lines, and the
 * errors under them), repeated at the end: CI shows only the end of a long log, and the suite's own
 * output may be far above it.
 */
function failureLines(text) {
  const plain = stripVTControlCharacters(text);
  const lines = plain.split('\n').filter((line) => /(^|\s)(FAIL|×)\s|Error:|expected /.test(line));
  return [...new Set(lines.map((line) => line.trim()))].slice(0, 40);
}

// Ctrl-C or a CI timeout: end every suite still running (each is a process group), then leave.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of running) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
    }
    process.exit(130);
  });
}

// Up to poolSize suites at once, the first waiting job whose workspace is not already running: a suite
// may keep fixed paths of its own (the hub's and the bench's bundles under node_modules/.cache), so
// one workspace never runs at two dates at once.
const busy = new Set();
const inFlight = new Set();
while (queue.length > 0 || inFlight.size > 0) {
  while (inFlight.size < poolSize) {
    const next = queue.findIndex((job) => !busy.has(job.name));
    if (next === -1) break;
    const [job] = queue.splice(next, 1);
    busy.add(job.name);
    const done = runJob(job).then(() => {
      busy.delete(job.name);
      inFlight.delete(done);
    });
    inFlight.add(done);
  }
  await Promise.race(inFlight);
}

console.log(`\n=== Times (${poolSize} at once, ${seconds(Date.now() - started)} in all)`);
for (const r of [...results].sort((a, b) => b.took - a.took)) {
  console.log(
    `${r.passed ? 'ok    ' : 'FAILED'} ${seconds(r.took).padStart(6)}  ${r.name} at ${r.stamp} UTC`,
  );
}
const failed = results.filter((r) => !r.passed);
if (failed.length > 0) {
  for (const r of failed) {
    console.error(`\n--- What failed in ${r.name} at ${r.stamp} UTC (the whole output is above)`);
    for (const line of r.digest) console.error(line);
  }
  console.error(`\nTests failed: ${failed.map((r) => `${r.name} at ${r.stamp} UTC`).join(', ')}`);
  process.exit(1);
}
console.log('\nAll dates passed.');
