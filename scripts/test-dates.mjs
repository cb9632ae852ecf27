#!/usr/bin/env node
// Runs every workspace's tests with the system clock moved to other dates (Debian's `faketime`), so no
// test can depend on the day it runs. The monotonic clock stays real, so timers behave.
//   node scripts/test-dates.mjs            every date below
//   node scripts/test-dates.mjs --ci       the date just before midnight WIB, and one more that changes each day
//   node scripts/test-dates.mjs 2030-06-15T03:00:00Z [...]   the given instants (UTC)
import { spawnSync } from 'node:child_process';

// Instants in UTC (WIB = UTC+7). Each is chosen for a trap: a new year, a month start, a far year with no
// holiday table, a suite that crosses midnight WIB while it runs.
const DATES = [
  ['2026-12-31T17:05:00Z', '1 Jan 2027 00.05 WIB: a new year, a new office day'],
  ['2027-03-01T02:00:00Z', '1 Mar 2027 09.00 WIB: the first of a month after February'],
  ['2030-06-15T03:00:00Z', 'Sat 15 Jun 2030 10.00 WIB: years past the holiday table, a weekend'],
  ['2027-06-30T16:58:00Z', '30 Jun 2027 23.58 WIB: the suite crosses midnight WIB'],
];

const args = process.argv.slice(2);
const pick = () => {
  if (args[0] === '--ci') {
    const day = Math.floor(Date.now() / 86_400_000);
    return [DATES[3], DATES[day % 3]];
  }
  if (args.length > 0) return args.map((at) => [at, at]);
  return DATES;
};

const probe = spawnSync('faketime', ['--version'], { stdio: 'ignore' });
if (probe.error) {
  console.error('faketime is not installed (Debian: apt-get install faketime).');
  process.exit(1);
}

const failed = [];
for (const [at, why] of pick()) {
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) {
    console.error(`Not an instant: ${at}`);
    process.exit(2);
  }
  // faketime reads its start in the TZ of its own process: give it UTC, and the suite runs in UTC too.
  // Loose env mode: turbo otherwise hands tasks only the variables it knows, and faketime's LD_PRELOAD
  // and FAKETIME_* would not reach the tests.
  const stamp = instant.toISOString().slice(0, 19).replace('T', ' ');
  console.log(`\n=== Tests at ${stamp} UTC (${why}) ===`);
  const run = spawnSync(
    'faketime',
    [stamp, 'npx', 'turbo', 'run', 'test', '--concurrency=2', '--env-mode=loose'],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        TZ: 'UTC',
        FAKETIME_DONT_FAKE_MONOTONIC: '1',
        TURBO_TELEMETRY_DISABLED: '1',
        DO_NOT_TRACK: '1',
      },
    },
  );
  if (run.status !== 0) failed.push(stamp);
}
if (failed.length > 0) {
  console.error(`\nTests failed at: ${failed.join(', ')} UTC`);
  process.exit(1);
}
console.log('\nAll dates passed.');
