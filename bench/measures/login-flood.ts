/**
 * Login flood (issue 16): a kiosk's `ticket:take` ack while another process floods `POST /api/login`
 * with wrong PINs, against the same takes with no flood; and what a wrong PIN costs against an
 * unknown username. Two floods: from one address with the hub's throttle (what an attacker on the
 * office Wi-Fi gets), and with the throttle widened so that every try is hashed (the worst case: as
 * many addresses as it takes), which times the PIN hashing itself against the event loop.
 */
import { LOGIN_THROTTLE, type LoginThrottlePolicy } from '@pst/shared';
import { forkScript } from '../lib/child';
import { connect, send } from '../lib/client';
import { type Office, startOffice } from '../lib/scenario';
import type { MeasureResult, Row, Sizes } from '../lib/types';
import { fmtSummary, log, nowMs, type Summary, sleep, summarize } from '../lib/util';

export interface LoginFloodData {
  idle: Summary;
  throttled: Summary;
  unthrottled: Summary;
  /** Flood answers by HTTP status, and the flood's tries per second. */
  throttledFlood: { statuses: Record<string, number>; perSecond: number };
  unthrottledFlood: { statuses: Record<string, number>; perSecond: number };
  wrongPin: Summary;
  unknownUser: Summary;
}

/** No throttling at all: every try reaches the PIN check. */
const WIDE_OPEN: LoginThrottlePolicy = { ...LOGIN_THROTTLE, freeFailures: 1e9, lockAfter: 1e9 };
const FLOOD_CONCURRENCY = 16;
const SERVICES = ['konsultasi', 'perpustakaan', 'penjualan', 'rekomendasi'];

async function takes(office: Office, n: number): Promise<number[]> {
  const kiosk = await connect(office.hub.url, office.tokens.kiosks[0] as string);
  const acks: number[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const t0 = nowMs();
      const reply = await send(kiosk, 'ticket:take', { serviceId: SERVICES[i % SERVICES.length] as string });
      acks.push(nowMs() - t0);
      if (!reply.ok) throw new Error(`ticket:take refused: ${reply.error.code}`);
      await sleep(10);
    }
  } finally {
    kiosk.disconnect();
  }
  return acks;
}

/** Times `n` takes while a flood process hammers the login of `username`. */
async function takesDuringFlood(office: Office, n: number, username: string) {
  const flood = forkScript('login-flood-process.ts');
  try {
    await flood.started;
    flood.send({ type: 'flood', url: office.hub.url, username, concurrency: FLOOD_CONCURRENCY });
    await flood.next('flooding');
    await sleep(500);
    const acks = await takes(office, n);
    flood.send({ type: 'stop' });
    const done = await flood.next<{ type: string; statuses: Record<string, number>; seconds: number }>(
      'flooded',
    );
    const total = Object.values(done.statuses).reduce((a, b) => a + b, 0);
    return { acks, statuses: done.statuses, perSecond: total / done.seconds };
  } finally {
    await flood.kill();
  }
}

async function loginTimes(office: Office, username: string, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = nowMs();
    const response = await fetch(`${office.hub.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, pin: '000000' }),
    });
    await response.arrayBuffer();
    times.push(nowMs() - t0);
  }
  return times;
}

const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}x` : 'n/a');

export async function loginFlood(sizes: Sizes): Promise<MeasureResult<LoginFloodData>> {
  const n = sizes.takesIdle;
  const username = 'bench-1';
  log(`login flood: ${n} takes idle, then during a throttled flood (one address)`);
  const guarded = await startOffice(sizes, { defaultDesks: true, kiosks: 1 });
  let idle: number[];
  let throttled: Awaited<ReturnType<typeof takesDuringFlood>>;
  try {
    await takes(guarded, 3);
    idle = await takes(guarded, n);
    throttled = await takesDuringFlood(guarded, n, username);
  } finally {
    await guarded.close().catch(() => undefined);
  }

  log('login flood: the same with every try hashed (throttle widened), and wrong PIN vs unknown user');
  const open = await startOffice(sizes, { defaultDesks: true, kiosks: 1, loginThrottle: WIDE_OPEN });
  let unthrottled: Awaited<ReturnType<typeof takesDuringFlood>>;
  let wrongPin: number[];
  let unknownUser: number[];
  try {
    await takes(open, 3);
    unthrottled = await takesDuringFlood(open, n, username);
    const tries = Math.max(10, Math.round(n / 4));
    wrongPin = await loginTimes(open, username, tries);
    unknownUser = await loginTimes(open, 'nobody-by-that-name', tries);
  } finally {
    await open.close().catch(() => undefined);
  }

  const data: LoginFloodData = {
    idle: summarize(idle),
    throttled: summarize(throttled.acks),
    unthrottled: summarize(unthrottled.acks),
    throttledFlood: { statuses: throttled.statuses, perSecond: throttled.perSecond },
    unthrottledFlood: { statuses: unthrottled.statuses, perSecond: unthrottled.perSecond },
    wrongPin: summarize(wrongPin),
    unknownUser: summarize(unknownUser),
  };
  const label = 'login flood';
  const rows: Row[] = [
    {
      measurement: label,
      metric: 'kiosk ticket:take ack, no flood',
      value: fmtSummary(data.idle),
      verdict: 'info',
    },
    {
      measurement: label,
      metric: 'the same during a login flood from one address (throttled)',
      value: fmtSummary(data.throttled),
      verdict: 'info',
      note: `median ${ratio(data.throttled.median, data.idle.median)}, p99 ${ratio(data.throttled.p99, data.idle.p99)} of no flood`,
    },
    {
      measurement: label,
      metric: 'the same during a flood where every try is hashed',
      value: fmtSummary(data.unthrottled),
      verdict: 'info',
      note: `median ${ratio(data.unthrottled.median, data.idle.median)}, p99 ${ratio(data.unthrottled.p99, data.idle.p99)} of no flood`,
    },
    {
      measurement: label,
      metric: 'POST /api/login, unknown username vs wrong PIN (median)',
      value: `${data.unknownUser.median.toFixed(1)} ms vs ${data.wrongPin.median.toFixed(1)} ms`,
      verdict: 'info',
      note: `ratio ${ratio(data.unknownUser.median, data.wrongPin.median)}`,
    },
  ];
  const fmtStatuses = (s: Record<string, number>) =>
    Object.entries(s)
      .map(([status, count]) => `${count} x ${status}`)
      .join(', ');
  const details = [
    `**${label}**: ${n} sequential kiosk takes (10 ms apart), ack times. No flood ${fmtSummary(data.idle)}. ` +
      `During a flood of ${FLOOD_CONCURRENCY} parallel wrong-PIN logins from one address, with the hub's throttle: ` +
      `${fmtSummary(data.throttled)}; the flood got ${fmtStatuses(data.throttledFlood.statuses)} ` +
      `(${data.throttledFlood.perSecond.toFixed(0)} answers/s, of which only the first ${LOGIN_THROTTLE.freeFailures}-${LOGIN_THROTTLE.lockAfter} were PIN checks). ` +
      `With the throttle widened so every try is hashed: ${fmtSummary(data.unthrottled)}; ` +
      `${fmtStatuses(data.unthrottledFlood.statuses)} (${data.unthrottledFlood.perSecond.toFixed(0)} PIN checks/s, one at a time on the thread pool). ` +
      `A wrong PIN takes ${fmtSummary(data.wrongPin)}, an unknown username ${fmtSummary(data.unknownUser)}.`,
  ];
  return { rows, details, data };
}
