/**
 * 0. The limits of this machine, measured in the same run as the hub, so the hub's figures can be
 * read as ratios to them: a plain Socket.IO relay (no hub code: an event in, an ack back, the same
 * event broadcast to the same number of clients in the same separate process); a plain
 * better-sqlite3 durable commit of one row (WAL, synchronous=FULL); a plain TCP connect-and-write
 * of a ticket-sized payload to a local listener (what the hub does per ticket to a network printer).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer as createTcpServer, connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startRelay } from '../lib/relay';
import type { MeasureResult, Row, Sizes } from '../lib/types';
import { fmtSummary, log, nowMs, type Summary, sleep, summarize } from '../lib/util';

export interface RawData {
  /** Emit -> ack from a plain Socket.IO server (no broadcast). */
  ack: Summary;
  /** Emit -> the relayed event at every one of `clients` clients. */
  relayAll: Summary;
  clients: number;
  /** One row inserted and committed, WAL, synchronous=FULL. */
  commit: Summary;
  /** TCP connect, write TICKET_BYTES, until the listener has them all. */
  tcp: Summary;
}

/** About a ticket's ESC/POS bytes with its QR code. */
const TICKET_BYTES = 4096;
const GAP_MS = 20;

async function relay(sizes: Sizes): Promise<{ ack: Summary; all: Summary; clients: number }> {
  const relay = await startRelay(Math.max(1, sizes.callClients - 1));
  try {
    const acks: number[] = [];
    const all: number[] = [];
    const warmup = 5;
    for (let n = 0; n < sizes.calls + warmup; n++) {
      const acked = await relay.ack();
      const relayed = await relay.relay();
      if (n >= warmup) {
        acks.push(acked);
        all.push(relayed);
      }
      await sleep(GAP_MS);
    }
    return { ack: summarize(acks), all: summarize(all), clients: relay.clients };
  } finally {
    await relay.close();
  }
}

function durableCommits(count: number): Summary {
  const dir = mkdtempSync(join(tmpdir(), 'pst-raw-'));
  const db = new Database(join(dir, 'raw.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, at INTEGER, payload TEXT)');
    const insert = db.prepare('INSERT INTO rows (at, payload) VALUES (?, ?)');
    const payload = JSON.stringify({ type: 'ticket.issued', number: 'K-001', serviceId: 'konsultasi' });
    const times: number[] = [];
    for (let i = 0; i < count + 10; i++) {
      const t0 = nowMs();
      insert.run(Date.now(), payload);
      if (i >= 10) times.push(nowMs() - t0);
    }
    return summarize(times);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function tcpWrites(count: number): Promise<Summary> {
  let expect = 0;
  let got = 0;
  let done = () => {};
  const server = createTcpServer((socket) => {
    socket.on('data', (chunk) => {
      got += chunk.length;
      if (got >= expect) done();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  const bytes = Buffer.alloc(TICKET_BYTES, 0x41);
  const times: number[] = [];
  try {
    for (let i = 0; i < count + 5; i++) {
      got = 0;
      expect = bytes.length;
      const t0 = nowMs();
      const received = new Promise<void>((resolve) => {
        done = resolve;
      });
      const socket = tcpConnect(port, '127.0.0.1', () => socket.end(bytes));
      await received;
      if (i >= 5) times.push(nowMs() - t0);
      socket.destroy();
      await sleep(5);
    }
    return summarize(times);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export async function rawLimits(sizes: Sizes): Promise<MeasureResult<RawData>> {
  const label = 'raw limits';
  log(`${label}: plain Socket.IO relay to ${sizes.callClients} clients, ${sizes.calls} events`);
  const r = await relay(sizes);
  log(`${label}: plain durable commits and TCP writes`);
  const commit = durableCommits(Math.max(sizes.takesIdle, 50));
  const tcp = await tcpWrites(Math.max(sizes.takesIdle, 50));
  const data: RawData = { ack: r.ack, relayAll: r.all, clients: r.clients, commit, tcp };
  const rows: Row[] = [
    {
      measurement: label,
      metric: 'Socket.IO emit -> ack, plain server',
      value: fmtSummary(r.ack),
      verdict: 'info',
    },
    {
      measurement: label,
      metric: `Socket.IO emit -> relayed event at all ${r.clients} clients, plain server`,
      value: fmtSummary(r.all),
      verdict: 'info',
    },
    {
      measurement: label,
      metric: 'better-sqlite3 commit of one row, WAL, synchronous=FULL',
      value: fmtSummary(commit),
      verdict: 'info',
    },
    {
      measurement: label,
      metric: `TCP connect + write of ${TICKET_BYTES} bytes to a local listener`,
      value: fmtSummary(tcp),
      verdict: 'info',
    },
  ];
  const details = [
    `**${label}**: the same operations without the hub, in the same run: a plain Socket.IO server that acks and ` +
      `broadcasts (clients in a separate process, as for the call-to-screen measurement), a plain better-sqlite3 ` +
      `durable commit of one row, and a TCP connect-and-write of ${TICKET_BYTES} bytes. The hub's figures are ` +
      'given as ratios to these in the "ratios" rows; the call-to-screen ratio uses the same relay timed again ' +
      'in the call-to-screen loop, one event per call.',
  ];
  return { rows, details, data };
}

/** The hub's figures as ratios to the raw limits measured in the same run. */
export function ratioRows(
  raw: RawData,
  tap: { idleAck: Summary; idle: Summary } | undefined,
  call: { all: Summary; allLessSync?: Summary | null; relayAll?: Summary } | undefined,
): Row[] {
  const rows: Row[] = [];
  const x = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);
  if (call) {
    // The relay timed in the same loop as the calls when there is one: a relay measured minutes
    // earlier saw another load on this shared machine (the same code read 1.34x and 2.76x).
    const relayAll = call.relayAll ?? raw.relayAll;
    const relayName = call.relayAll ? 'plain relay interleaved with the calls' : 'plain relay';
    const r50 = x(call.all.median, relayAll.median);
    const r99 = x(call.all.p99, relayAll.p99);
    rows.push({
      measurement: 'ratios',
      metric: `call to screen (all clients) / ${relayName} to as many clients`,
      value: `median ${r50.toFixed(2)}x, p99 ${r99.toFixed(2)}x`,
      target: '<= 1.5x',
      verdict: r50 <= 1.5 ? 'met' : 'missed',
      note: `hub ${call.all.median.toFixed(1)} / ${call.all.p99.toFixed(1)} ms, relay ${relayAll.median.toFixed(1)} / ${relayAll.p99.toFixed(1)} ms`,
    });
    // A screen may show a call only once it is on disk: the relay plus one durable commit is the
    // least a durable broadcast can cost (informational; the goal above is against the relay alone).
    const durableLimit = relayAll.median + raw.commit.median;
    rows.push({
      measurement: 'ratios',
      metric: `call to screen (all clients, median) / (${relayName} + one durable commit)`,
      value: `${x(call.all.median, durableLimit).toFixed(2)}x`,
      target: '-',
      verdict: 'info',
      note: `hub ${call.all.median.toFixed(2)} ms, relay ${relayAll.median.toFixed(2)} + commit ${raw.commit.median.toFixed(2)} ms`,
    });
    // What the hub's code costs besides the disk: each call less its own fsync (informational).
    if (call.allLessSync)
      rows.push({
        measurement: 'ratios',
        metric: `call to screen less the call's fsync / ${relayName} to as many clients`,
        value: `median ${x(call.allLessSync.median, relayAll.median).toFixed(2)}x, p99 ${x(call.allLessSync.p99, relayAll.p99).toFixed(2)}x`,
        target: '-',
        verdict: 'info',
        note: `hub less fsync ${call.allLessSync.median.toFixed(1)} / ${call.allLessSync.p99.toFixed(1)} ms`,
      });
  }
  if (tap) {
    const limit = raw.ack.median + raw.commit.median;
    const ratio = x(tap.idleAck.median, limit);
    rows.push({
      measurement: 'ratios',
      metric: 'tap-to-ticket ack (idle, median) / (plain relay ack + one durable commit)',
      value: `${ratio.toFixed(2)}x`,
      target: '<= 3x',
      verdict: ratio <= 3 ? 'met' : 'missed',
      note: `hub ${tap.idleAck.median.toFixed(2)} ms, raw ${raw.ack.median.toFixed(2)} + ${raw.commit.median.toFixed(2)} ms`,
    });
    const bytesLimit = limit + raw.tcp.median;
    const bytesRatio = x(tap.idle.median, bytesLimit);
    rows.push({
      measurement: 'ratios',
      metric: 'tap to ticket bytes at the printer (idle, median) / (relay ack + durable commit + TCP write)',
      value: `${bytesRatio.toFixed(2)}x`,
      verdict: 'info',
      note: `hub ${tap.idle.median.toFixed(2)} ms, raw ${bytesLimit.toFixed(2)} ms`,
    });
  }
  return rows;
}
