/**
 * Every benchmark once at a tiny size: it completes and its counts agree with each other. No time
 * is asserted (that is what `npm run bench` and docs/benchmarks.md are for).
 */
import { LOGIN_THROTTLE } from '@pst/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileChildren } from './lib/compile';
import { TINY } from './lib/types';
import { callToScreen } from './measures/call-to-screen';
import { centralRollup } from './measures/central';
import { loginFlood } from './measures/login-flood';
import { memory } from './measures/memory';
import { officeDay } from './measures/office-day';
import { powerCuts } from './measures/power-cut';
import { profile } from './measures/profile';
import { ratioRows, rawLimits } from './measures/raw';
import { scale } from './measures/scale';
import { sustainedLoad } from './measures/sustained-load';
import { type SyncInputs, syncCompare } from './measures/sync';
import { tapToTicket } from './measures/tap-to-ticket';

describe('benchmarks at a tiny size', () => {
  // Children start on plain Node, as in `npm run bench`; the durable runs below are reused by `sync`.
  beforeAll(compileChildren, 60_000);
  const durable: SyncInputs = {};

  it('raw limits: relay to every client, durable commits, TCP writes, and the ratios they give', async () => {
    const { data } = await rawLimits(TINY);
    expect(data.clients).toBe(TINY.callClients);
    expect(data.relayAll.n).toBe(TINY.calls);
    expect(data.ack.n).toBe(TINY.calls);
    expect(data.commit.n).toBeGreaterThanOrEqual(50);
    expect(data.tcp.n).toBeGreaterThanOrEqual(50);
    const tap = { idle: data.commit, idleAck: data.commit };
    expect(ratioRows(data, tap, { all: data.relayAll }).map((r) => r.value)).toEqual([
      'median 1.00x, p99 1.00x',
      // relay / (relay + a commit): below 1
      expect.stringMatching(/^0\.\d\dx$/),
      expect.stringMatching(/^\d+\.\d\dx$/),
      expect.stringMatching(/^\d+\.\d\dx$/),
    ]);
  });

  it('tap to ticket bytes: every take printed and timed, idle and under load', async () => {
    const { data, rows } = await tapToTicket(TINY);
    durable.tap = data;
    expect(data.idle.n).toBe(TINY.takesIdle);
    expect(data.loaded.n).toBe(TINY.takesLoaded);
    expect(data.idle.min).toBeGreaterThan(0);
    expect(data.printFailures).toBe(0);
    expect(data.load.errors).toBe(0);
    expect(data.hubPrinterJobs).toBe(0);
    expect(rows.length).toBe(2);
  });

  // The timed kiosk's own takes: a warm-up of 3, then idle and under load.
  const timedTakes = 3 + TINY.takesIdle + TINY.takesLoaded;

  it('tap to ticket bytes with two kiosks at one printer (the hub prints for both)', async () => {
    const { data, rows } = await tapToTicket(TINY, { printers: 'pair' });
    expect(data.loaded.n).toBe(TINY.takesLoaded);
    expect(data.printFailures).toBe(0);
    expect(data.load.errors).toBe(0);
    // The load's first kiosk printed there too, the load's other kiosks did not (each waits for its
    // paper before the next take, so every job is out when the load ends).
    expect(data.load.takenByKiosk.every((n) => n > 0)).toBe(true);
    expect(data.hubPrinterJobs).toBe(timedTakes + (data.load.takenByKiosk[0] as number));
    expect(rows[1]?.target).toBe('p99 < 50 ms');
  });

  it('tap to ticket bytes with every kiosk at one printer (the hub prints every ticket)', async () => {
    const { data, rows } = await tapToTicket(TINY, { printers: 'shared' });
    expect(data.loaded.n).toBe(TINY.takesLoaded);
    expect(data.printFailures).toBe(0);
    expect(data.load.errors).toBe(0);
    expect(data.hubPrinterJobs).toBe(timedTakes + data.load.tickets.length);
    expect(rows[1]?.verdict).toBe('info');
  });

  it('call to screen: every call reaches every client', async () => {
    const { data } = await callToScreen(TINY);
    durable.call = data;
    expect(data.clients).toBe(TINY.callClients);
    expect(data.all.n).toBe(TINY.calls);
    expect(data.all.min).toBeGreaterThanOrEqual(data.first.min);
    // Group commit is the default: each call's own fsync is timed, and the call less it.
    expect(data.callSync?.n).toBe(TINY.calls);
    expect(data.allLessSync?.n).toBe(TINY.calls);
    // The plain relay timed in the same loop, one event per call; the ratio row says it uses it.
    expect(data.relayAll.n).toBe(TINY.calls);
    const [ratio] = ratioRows({ ...data, ack: data.first, commit: data.first, tcp: data.first }, undefined, {
      all: data.relayAll,
      relayAll: data.relayAll,
    });
    expect(ratio?.metric).toContain('interleaved with the calls');
    expect(ratio?.value).toBe('median 1.00x, p99 1.00x');
  });

  it('sustained load: what was acknowledged is in the database, numbers without gaps', async () => {
    const { data } = await sustainedLoad(TINY);
    durable.load = data;
    expect(data.load.errors).toBe(0);
    expect(data.load.okTotal).toBeGreaterThan(0);
    expect(data.load.ok['ticket:take']).toBeGreaterThan(0);
    expect(data.check.missing).toEqual([]);
    expect(data.check.notFinished).toEqual([]);
    expect(data.check.tickets).toBe(data.load.tickets.length);
    expect(data.check.ok).toBe(true);
    expect(data.printer.jobs).toBe(data.load.tickets.length);
  });

  it('scale: generated years, a hub started on them, reports that add up', async () => {
    const { data } = await scale(TINY);
    const { meta } = data.generated;
    expect(meta.tickets).toBeGreaterThan(1000);
    expect(meta.stages).toBeGreaterThan(meta.tickets);
    expect(data.firstStartMs).toBeGreaterThan(0);
    for (const { report } of [data.monthly, data.yearly]) {
      const perDay = report.visitors.perDay.reduce((s, d) => s + d.total, 0);
      expect(perDay).toBe(report.visitors.total);
      // Every visit starts at the front office: one front-office stage per ticket of the range.
      expect(report.byQueue['front-office']?.count).toBe(report.visitors.total);
      expect(report.satisfaction.respondents).toBeGreaterThan(0);
    }
    expect(data.yearly.report.visitors.total).toBeLessThanOrEqual(meta.tickets);
    expect(data.bytesPer100k).toBeGreaterThan(0);
  });

  it('memory: RSS sampled idle, with clients, after the load and through steady traffic', async () => {
    const { data, rows } = await memory(TINY);
    expect(data.idle).toBeGreaterThan(10 * 1024 * 1024);
    // The morning's PIN logins went through, each opening a session of its own, before the idle reading after them.
    expect(data.logins).toBe(TINY.memoryLogins);
    expect(data.afterLogins).toBeGreaterThan(10 * 1024 * 1024);
    expect(data.withClients).toBeGreaterThan(0);
    expect(data.afterLoad).toBeGreaterThan(0);
    expect(data.load.errors).toBe(0);
    expect(data.steady.samples.length).toBeGreaterThanOrEqual(2);
    expect(data.steady.max).toBeGreaterThanOrEqual(data.steady.first);
    // Most of the hub's RSS is V8's pages, malloc and node's binary, each found by its mappings.
    const { parts } = data.steady.heapEnd;
    expect(parts.v8Pages + parts.malloc + parts.nodeBinary).toBeGreaterThan(parts.rss / 2);
    expect(Object.keys(data.steady.secondHalfParts)).toEqual(
      expect.arrayContaining(["V8's pages", 'malloc']),
    );
    expect(data.steady.load.errors).toBe(0);
    // The steady row is judged by the memory target, its growth given per visit of the day.
    const steadyRow = rows.find((row) => row.metric.startsWith('steady traffic'));
    expect(steadyRow?.target).toBe('max < 150 MB');
    expect(steadyRow?.note).toMatch(
      /RSS per visit -?\d+\.\d KB over the run, -?\d+\.\d KB in its second half/,
    );
  });

  it("office days: each day's visits taken and served on one hub's fast clock, through the night, RSS sampled", async () => {
    const { data, rows } = await officeDay(TINY);
    expect(data.days.length).toBe(TINY.officeDays);
    for (const run of data.days) {
      expect(run.day.errorSamples).toEqual([]);
      expect(run.day.taken).toBe(TINY.officeDayVisits);
      expect(run.day.finished).toBeGreaterThan(0);
      // The day's state starts empty (yesterday ended) and holds that day's tickets at closing.
      expect(run.start.tickets).toBe(0);
      expect(run.end.tickets).toBe(TINY.officeDayVisits);
      expect(run.end.clock - run.start.clock).toBeGreaterThan(3_600_000);
      expect(run.samples.length).toBeGreaterThanOrEqual(2);
      // The climb split by part of the heap (V8's spaces) and by mapping.
      expect(Object.keys(run.parts)).toEqual(expect.arrayContaining(['old_space', "V8's pages", 'malloc']));
    }
    // The next day opens on the next calendar day: the clock went through the night.
    const [day1, day2] = data.days;
    expect((day2?.start.clock ?? 0) - (day1?.start.clock ?? 0)).toBeGreaterThan(20 * 3_600_000);
    expect(rows.length).toBe(TINY.officeDays + 1);
  });

  it('durable vs NORMAL: every setting measured, every database consistent', async () => {
    const { data, rows } = await syncCompare(TINY, durable);
    expect(data.durable.load.check.ok).toBe(true);
    expect(data.normal.load.check.ok).toBe(true);
    expect(data.full.check.ok).toBe(true);
    // The ratio's rounds: each durability as often, every database consistent.
    expect(data.loads.group).toHaveLength(TINY.syncLoadRounds);
    expect(data.loads.normal).toHaveLength(TINY.syncLoadRounds);
    for (const load of [...data.loads.group, ...data.loads.normal]) expect(load.check.ok).toBe(true);
    expect(data.normal.call.all.n).toBe(TINY.calls);
    expect(rows.length).toBe(6);
  });

  it('CPU profile: the hub process writes a profile that can be summarised', async () => {
    const { data } = await profile(TINY);
    expect(data.summary.totalMs).toBeGreaterThan(0);
    expect(data.summary.areas.map(([area]) => area)).toContain('hub (packages/hub)');
  });

  it('central roll-up: every office has every generated day, every push stored once, pages timed', async () => {
    const { data, rows } = await centralRollup(TINY);
    expect(data.rows).toBe(data.offices * data.days);
    expect(data.stored).toBe(data.offices);
    expect(data.national.n).toBe(TINY.centralRuns);
    expect(data.province.n).toBe(TINY.centralRuns);
    expect(rows.length).toBe(4);
  });

  it('power cuts: each run cuts as often as asked and loses nothing (skipped with its reason without FUSE)', async () => {
    const { data, rows } = await powerCuts(TINY.powerCuts, TINY.seed);
    if (data.skipped) {
      expect(rows[0]?.value).toBe(`skipped: ${data.skipped}`);
      return;
    }
    expect(data.runs.map((r) => r.report.cuts.length)).toEqual([TINY.powerCuts, TINY.powerCuts]);
    expect(rows.map((r) => r.verdict)).toEqual(['met', 'met']);
  }, 120_000);

  it('login flood: every take answered during both floods; the throttled flood mostly refused unchecked', async () => {
    const { data, rows } = await loginFlood(TINY);
    expect(data.idle.n).toBe(TINY.takesIdle);
    expect(data.throttled.n).toBe(TINY.takesIdle);
    expect(data.unthrottled.n).toBe(TINY.takesIdle);
    // The throttle's tarpit holds refused tries (429 after their wait, or still held when the flood
    // stops); only the first few tries of the account ever reach a PIN check (401).
    const { statuses } = data.throttledFlood;
    expect((statuses['429'] ?? 0) + (statuses.pending ?? 0)).toBeGreaterThan(0);
    expect(statuses['401'] ?? 0).toBeLessThanOrEqual(LOGIN_THROTTLE.lockAfter);
    expect(data.unthrottledFlood.statuses['429'] ?? 0).toBe(0);
    expect(data.unknownUser.n).toBe(data.wrongPin.n);
    expect(rows.length).toBe(4);
  });
});
