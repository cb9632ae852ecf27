/**
 * 2. Call to screen: from a desk's `desk:call-next` emit until `ticket:called` has reached every one
 * of the connected clients (displays and desks; the calling desk is one of them).
 */
import type { Durability } from '@pst/hub';
import { forkScript } from '../lib/child';
import { type Client, connect, ok, send } from '../lib/client';
import { type Relay, startRelay } from '../lib/relay';
import { startOffice } from '../lib/scenario';
import type { MeasureResult, Row, Sizes } from '../lib/types';
import { fmtSummary, log, nowMs, type Summary, sleep, summarize } from '../lib/util';

export interface CallData {
  all: Summary;
  first: Summary;
  ack: Summary;
  clients: number;
  /** The hub's WAL fsyncs while the calls were timed (none without group commit): count, mean ms. */
  syncs: { count: number; meanMs: number };
  /**
   * Per call, the fsync(s) that held it back, and the call's time to all clients less that: what
   * the hub costs besides the disk.
   * Null without group commit.
   */
  callSync: Summary | null;
  allLessSync: Summary | null;
  /**
   * The plain relay (bench/lib/relay.ts) to as many clients, one event per call in the same loop
   * (alternately before and after the call, the same gap between): the ratio's denominator under
   * the same load as the calls.
   */
  relayAll: Summary;
}

export const TARGET_CALL_P99 = 20;
/** Longer than the board's 50 ms debounce: each call starts with no board broadcast pending. */
const GAP_MS = 60;
/**
 * After a call (and its cancel) the board follows 50 ms later, to every client: encoding and writing
 * it in the hub's process, parsing it in the listeners'. The relay's event must not go out while that
 * still runs (with 60 ms it did: the relay read 3.9 ms in the loop against 3.1 ms alone, on a quiet
 * machine, and the ratio looked better than it is), so the loop waits this long after a call.
 */
const SETTLE_MS = 200;

export async function callToScreen(
  sizes: Sizes,
  options: { durability?: Durability; label?: string } = {},
): Promise<MeasureResult<CallData>> {
  const label = options.label ?? 'call to screen';
  const office = await startOffice(sizes, {
    durability: options.durability,
    defaultDesks: true,
    kiosks: 1,
    displays: Math.max(0, sizes.callClients - 4),
  });
  const clientsProcess = forkScript('clients-process.ts');
  const opened: Client[] = [];
  let relay: Relay | null = null;
  try {
    const [front, ...others] = office.tokens.staff;
    if (!front) throw new Error('no front-office desk');
    const caller = await connect(office.hub.url, front.token);
    opened.push(caller);
    await ok(caller, 'desk:open', { deskId: front.deskId });
    for (const desk of others) {
      const c = await connect(office.hub.url, desk.token);
      await ok(c, 'desk:open', { deskId: desk.deskId });
      c.disconnect();
    }
    // Tickets to call: one per call, taken up front.
    const kiosk = await connect(office.hub.url, office.tokens.kiosks[0] as string);
    opened.push(kiosk);
    const warmup = 5;
    log(`${label}: taking ${sizes.calls + warmup} tickets to call`);
    for (let i = 0; i < sizes.calls + warmup; i++)
      await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });

    // The other clients (desks and displays) in a process of their own, like screens on the LAN.
    const listenerTokens = [...others.map((d) => d.token), ...office.tokens.displays];
    await clientsProcess.started;
    const connected = clientsProcess.next<{ type: 'connected'; n: number }>('connected', 120_000);
    clientsProcess.send({ type: 'connect', url: office.hub.url, tokens: listenerTokens });
    const n = (await connected).n;
    const clients = n + 1;
    // The plain relay, its as many listeners in a process of their own too.
    const plain = await startRelay(n);
    relay = plain; // closed in `finally`
    log(
      `${label}: ${clients} clients connected to the hub and ${relay.clients} to a plain relay, ${sizes.calls} calls`,
    );

    const remote = new Map<string, { first: number; last: number }>();
    const remoteWaiters = new Map<string, () => void>();
    clientsProcess.on('called', (m) => {
      if (m.recall !== 0) return;
      remote.set(String(m.ticketId), { first: Number(m.first), last: Number(m.last) });
      remoteWaiters.get(String(m.ticketId))?.();
    });
    const own = new Map<string, number>();
    caller.on('ticket:called', (call) => {
      if (call.recall === 0) own.set(call.ticketId, nowMs());
    });
    await sleep(500);

    const all: number[] = [];
    const first: number[] = [];
    const acks: number[] = [];
    const callSyncs: number[] = [];
    const syncStats = office.hub.store.groupSync?.stats;
    let syncsBefore = { syncs: 0, ms: 0 };
    const checkpointStats = office.hub.store.walCheckpoints?.stats;
    let checkpointsBefore = 0;
    const relayAll: number[] = [];
    const hubCall = async (timed: boolean) => {
      const syncMsBefore = syncStats?.ms ?? 0;
      const t0 = nowMs();
      const reply = await send(caller, 'desk:call-next', { deskId: front.deskId });
      const acked = nowMs();
      // Nothing else writes during a call (the board is sent 50 ms later), so the fsyncs between
      // the emit and the ack are the call's own: the screens got it only after them.
      const callSyncMs = (syncStats?.ms ?? 0) - syncMsBefore;
      if (!reply.ok) throw new Error(`desk:call-next refused: ${reply.error.code}`);
      const ticketId = reply.data.ticketId;
      if (!remote.has(ticketId)) {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`${ticketId}: not every client got the call`)),
            30_000,
          );
          remoteWaiters.set(ticketId, () => {
            clearTimeout(timer);
            resolve();
          });
        });
        remoteWaiters.delete(ticketId);
      }
      const there = remote.get(ticketId) as { first: number; last: number };
      const mine = own.get(ticketId) ?? acked;
      if (timed) {
        all.push(Math.max(there.last, mine) - t0);
        first.push(Math.min(there.first, mine) - t0);
        acks.push(acked - t0);
        callSyncs.push(callSyncMs);
      }
      remote.delete(ticketId);
      own.delete(ticketId);
      await ok(caller, 'ticket:cancel', { ticketId, reason: 'Benchmark' });
    };
    for (let i = 0; i < sizes.calls + warmup; i++) {
      if (i === warmup) {
        if (syncStats) syncsBefore = { ...syncStats };
        checkpointsBefore = checkpointStats?.checkpoints ?? 0;
      }
      // One call and one relayed event, which goes first alternating, so both see the same load.
      const relayOnce = async () => {
        const ms = await plain.relay();
        if (i >= warmup) relayAll.push(ms);
        await sleep(GAP_MS);
      };
      const relayFirst = i % 2 === 1;
      if (relayFirst) await relayOnce();
      await hubCall(i >= warmup);
      await sleep(SETTLE_MS);
      if (!relayFirst) await relayOnce();
    }

    // Calls, cancels and boards each wait for an fsync of the WAL before anything goes out.
    const syncCount = (syncStats?.syncs ?? 0) - syncsBefore.syncs;
    const syncs = {
      count: syncCount,
      meanMs: syncCount > 0 ? ((syncStats?.ms ?? 0) - syncsBefore.ms) / syncCount : 0,
    };
    const data: CallData = {
      all: summarize(all),
      first: summarize(first),
      ack: summarize(acks),
      clients,
      syncs,
      callSync: syncStats ? summarize(callSyncs) : null,
      allLessSync: syncStats ? summarize(all.map((ms, i) => ms - (callSyncs[i] ?? 0))) : null,
      relayAll: summarize(relayAll),
    };
    const rows: Row[] = [
      {
        measurement: label,
        metric: `desk:call-next emit -> ticket:called at all ${clients} clients (max over clients)`,
        value: fmtSummary(data.all),
        target: `p99 < ${TARGET_CALL_P99} ms`,
        verdict: data.all.p99 < TARGET_CALL_P99 ? 'met' : 'missed',
        note: `first client: median ${data.first.median.toFixed(1)} ms`,
      },
    ];
    if (data.callSync && data.allLessSync)
      rows.push({
        measurement: label,
        metric: "the call's own fsync of the WAL (waited for before the broadcast); the call less it",
        value: `fsync ${fmtSummary(data.callSync, 2)}; less it ${fmtSummary(data.allLessSync)}`,
        verdict: 'info',
        note: 'a screen gets a call only after its fsync',
      });
    const details = [
      `**${label}**${options.durability ? ` (durability ${options.durability})` : ''}: ${clients} clients ` +
        `(the calling front-office desk, ${others.length} other desks and ${n - others.length} displays, those in a ` +
        `separate process); all clients ${fmtSummary(data.all)}; first client ${fmtSummary(data.first)}; ` +
        `ack to the desk ${fmtSummary(data.ack)}. Each call is followed by ticket:cancel and a ${SETTLE_MS} ms pause (its board goes out meanwhile), ` +
        `and paired with one event of the plain relay to as many clients (alternately before and after the call, ` +
        `${GAP_MS} ms after the relay's event): relay to all ${fmtSummary(data.relayAll)}. ` +
        (syncs.count > 0
          ? `Before a call goes out it waits for the fsync of the WAL that holds it: ${syncs.count} fsyncs meanwhile, ` +
            `${syncs.meanMs.toFixed(2)} ms each on average; ` +
            `${(checkpointStats?.checkpoints ?? 0) - checkpointsBefore} WAL checkpoints, each after a sync, between commands.`
          : 'No fsync before the broadcast in this mode.'),
    ];
    return { rows, details, data };
  } finally {
    for (const c of opened) c.disconnect();
    await relay?.close();
    await clientsProcess.kill();
    await office.close().catch(() => undefined);
  }
}
