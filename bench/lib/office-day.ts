/**
 * A simulated office day: a day's visits at an office's pace against a hub whose clock runs `factor`
 * times faster than real time. Visitors arrive at the kiosks through the day (busiest in the
 * morning, quieter over lunch), front-office desks fill the guest book and forward them, service
 * desks call, serve and finish; every pause is in the hub's minutes, so the hub sees a day as it
 * is, only sooner. Only socket.io clients here, so it runs in a process of its own.
 */
import { type Client, connectAll, ok, send } from './client';
import { guestEntry, type LoadDesk, nextBoard } from './load';
import { between, nowMs, pick, prng, SERVICE_MIX, sleep, weighted } from './util';

export interface OfficeDaySpec {
  url: string;
  kiosks: string[];
  desks: LoadDesk[];
  visits: number;
  hours: number;
  /** Simulated milliseconds per real millisecond (the hub's clock runs as fast). */
  factor: number;
  seed: number;
}

export interface OfficeDayResult {
  /** Tickets taken, visits finished, commands acknowledged ok, and everything refused. */
  taken: number;
  finished: number;
  commands: number;
  errors: number;
  errorSamples: string[];
  realSeconds: number;
}

const MINUTE = 60_000;
/** Share of the day's visitors arriving in each hour from opening (09.00 WIB in the bench). */
const ARRIVALS_PER_HOUR = [0.1, 0.16, 0.16, 0.12, 0.07, 0.13, 0.15, 0.11];

/** The day's arrival times, in simulated ms from opening, in order. */
export function arrivals(rand: () => number, visits: number, hours: number): number[] {
  const weights = ARRIVALS_PER_HOUR.slice(0, Math.max(1, Math.ceil(hours))).map((w, h) => [h, w] as const);
  return Array.from({ length: visits }, () => {
    const hour = weighted(rand, weights);
    return Math.min(hours * 60, hour * 60 + rand() * 60) * MINUTE;
  }).sort((a, b) => a - b);
}

/** `ready` is called once every client is connected and every desk open; the day starts when it resolves. */
export async function runOfficeDay(
  spec: OfficeDaySpec,
  ready: () => Promise<void> = async () => {},
): Promise<OfficeDayResult> {
  const kiosks = await connectAll(spec.url, spec.kiosks);
  const desks = await connectAll(
    spec.url,
    spec.desks.map((d) => d.token),
  );
  for (const [i, desk] of spec.desks.entries())
    await ok(desks[i] as Client, 'desk:open', { deskId: desk.deskId });
  await ready();

  const start = nowMs();
  const endAt = start + (spec.hours * 60 * MINUTE) / spec.factor;
  /** A pause of `minutes` of the hub's time. */
  const simSleep = (minutes: number) => sleep((minutes * MINUTE) / spec.factor);
  const result: OfficeDayResult = {
    taken: 0,
    finished: 0,
    commands: 0,
    errors: 0,
    errorSamples: [],
    realSeconds: 0,
  };
  const refused = (what: string) => {
    result.errors++;
    if (result.errorSamples.length < 20) result.errorSamples.push(what);
  };
  const command = async <E extends Parameters<typeof send>[1]>(
    client: Client,
    event: E,
    payload: Parameters<typeof send<E>>[2],
  ) => {
    const reply = await send(client, event, payload).catch((e: Error) => {
      refused(`${event}: ${e.message}`);
      return null;
    });
    if (reply?.ok) result.commands++;
    else if (reply && !(event === 'desk:call-next' && reply.error.code === 'QUEUE_EMPTY'))
      refused(`${event}: ${reply.error.code}`);
    return reply;
  };

  const rand = prng(spec.seed);
  const times = arrivals(rand, spec.visits, spec.hours);
  async function kiosk(client: Client, index: number) {
    const r = prng(spec.seed * 1000 + index);
    for (let i = index; i < times.length; i += kiosks.length) {
      const wait = start + (times[i] as number) / spec.factor - nowMs();
      if (wait > 0) await sleep(wait);
      const reply = await command(client, 'ticket:take', {
        serviceId: weighted(r, SERVICE_MIX),
        priority: r() < 0.08,
      });
      if (reply?.ok) result.taken++;
    }
  }

  const transferred = new Set<string>();
  async function desk(client: Client, d: LoadDesk, index: number) {
    const r = prng(spec.seed * 1000 + 500 + index);
    while (nowMs() < endAt) {
      const call = await command(client, 'desk:call-next', { deskId: d.deskId });
      if (!call?.ok) {
        // Nobody waiting: the desk looks again at the next board, or a simulated minute later.
        await nextBoard(client, MINUTE / spec.factor);
        continue;
      }
      const { ticketId, serviceId } = call.data;
      await simSleep(0.5 + r());
      if (r() < 0.03) {
        await command(client, 'ticket:recall', { deskId: d.deskId, ticketId });
        await simSleep(2);
        await command(client, 'ticket:no-show', { deskId: d.deskId, ticketId });
      } else if (d.kind === 'front-office') {
        await simSleep(between(r, 2, 5));
        await command(client, 'guestbook:save', {
          deskId: d.deskId,
          ticketId,
          entry: guestEntry(r, serviceId),
          forwardTo: serviceId,
        });
      } else if (r() < 0.04 && !transferred.has(ticketId)) {
        transferred.add(ticketId);
        const to = pick(
          r,
          SERVICE_MIX.map(([id]) => id).filter((id) => id !== serviceId),
        );
        await command(client, 'ticket:transfer', {
          deskId: d.deskId,
          ticketId,
          serviceId: to,
          note: 'Dirujuk',
        });
      } else {
        await command(client, 'ticket:start', { deskId: d.deskId, ticketId });
        await simSleep(between(r, 5, 15));
        const done = await command(client, 'ticket:finish', { deskId: d.deskId, ticketId });
        if (done?.ok) result.finished++;
      }
    }
  }

  await Promise.all([
    ...kiosks.map((c, i) => kiosk(c, i)),
    ...desks.map((c, i) => desk(c, spec.desks[i] as LoadDesk, i)),
  ]);
  result.realSeconds = (nowMs() - start) / 1000;
  for (const c of [...kiosks, ...desks]) c.disconnect();
  return result;
}
