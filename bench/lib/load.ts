/**
 * The sustained load: kiosks taking tickets and desks working them off, each actor sending its
 * next command as soon as the last one is acknowledged (or after a pause, for steady traffic).
 * Front-office desks call and fill the guest book (forwarding the visitor to the service), service
 * desks call, start and finish; a few visitors do not show up or are transferred. Only socket.io
 * clients here, so it can run in a process of its own.
 */
import type { BoardSnapshot, GuestBookInput } from '@pst/shared';
import { type Client, connectAll, ok, printLocally, printOutcomes, send } from './client';
import { between, nowMs, pick, prng, SERVICE_MIX, type Summary, sleep, summarize, weighted } from './util';

export interface LoadDesk {
  token: string;
  deskId: string;
  kind: 'front-office' | 'service';
}

export interface LoadSpec {
  url: string;
  kiosks: string[];
  desks: LoadDesk[];
  durationMs: number;
  seed: number;
  /** Steady traffic: pause after each command of a kiosk / a desk (0: as fast as it can). */
  kioskPauseMs?: number;
  deskPauseMs?: number;
  /** A kiosk waits while this many people already wait at the front office (a full waiting room). */
  maxWaiting?: number;
  /** Each kiosk's own printer (same order as `kiosks`); where none, the hub prints that kiosk's tickets. */
  kioskPrinters?: Array<KioskPrinterAddress | null>;
}

export interface KioskPrinterAddress {
  host: string;
  port: number;
}

export interface LoadResult {
  seconds: number;
  /** Commands acknowledged ok within the run, per command. */
  ok: Record<string, number>;
  okTotal: number;
  commandsPerSecond: number;
  /** call-next answered QUEUE_EMPTY (the desk then waits for the next board): not counted as work. */
  emptyPolls: number;
  /** Refusals other than QUEUE_EMPTY, timeouts and disconnects. */
  errors: number;
  errorSamples: string[];
  latency: Record<string, Summary>;
  /** Every ticket whose take was acknowledged, and the ones acknowledged finished. */
  tickets: string[];
  /** How many of them each kiosk took (same order as `kiosks`). */
  takenByKiosk: number[];
  finished: string[];
  /** True when a service reached ticket number 9990 and kiosks stopped taking it. */
  capped: boolean;
}

const SERVICES_USED: Record<string, GuestBookInput['servicesUsed'][number]> = {
  konsultasi: 'Konsultasi Statistik',
  perpustakaan: 'Perpustakaan',
  penjualan: 'Penjualan Produk Statistik',
  rekomendasi: 'Rekomendasi Statistik',
};
const NAMES = ['Siti', 'Ahmad', 'Dewi', 'Budi', 'Rina', 'Agus', 'Nur', 'Eko', 'Sri', 'Joko'];
const SURNAMES = ['Rahayu', 'Santoso', 'Lestari', 'Wibowo', 'Kurniawan', 'Hidayat', 'Pratiwi'];
/** Ticket ids allow four digits (\d{3,4}): stay below the 10,000th ticket of a service in one day. */
const NUMBER_CAP = 9990;

export function guestEntry(rand: () => number, serviceId: string): GuestBookInput {
  const name = `${pick(rand, NAMES)} ${pick(rand, SURNAMES)}`;
  return {
    identityType: 'KTP',
    identityNumber: `3324${between(rand, 100000000000, 999999999999)}`,
    fullName: name,
    gender: rand() < 0.5 ? 'Laki-laki' : 'Perempuan',
    birthYear: between(rand, 1960, 2007),
    education: pick(rand, ['<= SLTA/Sederajat', 'D1/D2/D3', 'D4/S1', 'S2', 'S3'] as const),
    occupation: pick(rand, ['Pelajar/Mahasiswa', 'Peneliti/Dosen', 'ASN/TNI/Polri', 'Wiraswasta'] as const),
    institutionCategory: pick(rand, [
      'Pemerintah Daerah',
      'Lembaga Penelitian & Pendidikan',
      'Swasta',
    ] as const),
    institutionName: pick(rand, ['Universitas Diponegoro', 'Bappeda Kab. Kendal', 'SMA N 1 Kendal', '']),
    email: `${name.toLowerCase().replace(/\s+/g, '.')}${between(rand, 1, 999)}@example.com`,
    phone: `08${between(rand, 11, 99)}${between(rand, 10000000, 99999999)}`,
    purpose: pick(rand, ['Tugas Sekolah/Tugas Kuliah', 'Penelitian', 'Pemerintahan', 'Komersial'] as const),
    servicesUsed: [SERVICES_USED[serviceId] ?? 'Lainnya'],
    dataNeeded: pick(rand, ['Data kemiskinan', 'PDRB kabupaten', 'Penduduk per kecamatan', 'IPM']),
    visitType: 'Perorangan',
    consent: true,
  };
}

/** The next board this client receives, or nothing after `timeoutMs`. */
export function nextBoard(client: Client, timeoutMs: number): Promise<BoardSnapshot | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      client.off('board:snapshot', listener);
      resolve(null);
    }, timeoutMs);
    const listener = (board: BoardSnapshot) => {
      clearTimeout(timer);
      resolve(board);
    };
    client.once('board:snapshot', listener);
  });
}

export async function runLoad(
  spec: LoadSpec,
  hooks: { signal?: AbortSignal; onReady?: () => void } = {},
): Promise<LoadResult> {
  const kiosks = await connectAll(spec.url, spec.kiosks);
  const closePrinters = await Promise.all(
    (spec.kioskPrinters ?? []).map((printer, i) => printer && printLocally(kiosks[i] as Client, printer)),
  );
  const desks = await connectAll(
    spec.url,
    spec.desks.map((d) => d.token),
  );
  for (const [i, desk] of spec.desks.entries())
    await ok(desks[i] as Client, 'desk:open', { deskId: desk.deskId });
  hooks.onReady?.();

  const counts: Record<string, number> = {};
  const latencies: Record<string, number[]> = {};
  const errorSamples: string[] = [];
  const tickets: string[] = [];
  const takenByKiosk = spec.kiosks.map(() => 0);
  const finished: string[] = [];
  const transferred = new Set<string>();
  const maxSeq: Record<string, number> = {};
  let emptyPolls = 0;
  let errors = 0;
  let capped = false;
  const startedAt = nowMs();
  let stopAt = startedAt + spec.durationMs;
  let stopped = false;
  const stopTimer = setTimeout(() => {
    stopped = true;
  }, spec.durationMs);
  hooks.signal?.addEventListener('abort', () => {
    stopped = true;
    stopAt = Math.min(stopAt, nowMs());
  });

  const error = (what: string) => {
    errors++;
    if (errorSamples.length < 20) errorSamples.push(what);
  };

  /** Sends one command; counts it when acknowledged ok before the end of the run. */
  async function command<E extends Parameters<typeof send>[1]>(
    client: Client,
    event: E,
    payload: Parameters<typeof send<E>>[2],
  ) {
    const sent = nowMs();
    try {
      const reply = await send(client, event, payload);
      const acked = nowMs();
      if (reply.ok && acked <= stopAt) {
        counts[event] = (counts[event] ?? 0) + 1;
        latencies[event] ??= [];
        latencies[event].push(acked - sent);
      }
      return reply;
    } catch (e) {
      error(`${event}: ${(e as Error).message}`);
      return null;
    }
  }

  async function kiosk(client: Client, index: number) {
    const rand = prng(spec.seed * 1000 + index);
    const printed = printOutcomes(client);
    let board: BoardSnapshot | null = null;
    client.on('board:snapshot', (b) => {
      board = b;
    });
    while (!stopped) {
      const open = SERVICE_MIX.filter(([id]) => (maxSeq[id] ?? 0) < NUMBER_CAP);
      if (open.length < SERVICE_MIX.length) capped = true;
      if (open.length === 0) break;
      const serviceId = weighted(rand, open);
      const reply = await command(client, 'ticket:take', { serviceId, priority: rand() < 0.08 });
      if (!reply) continue;
      if (!reply.ok) {
        error(`ticket:take: ${reply.error.code}`);
        continue;
      }
      const { ticket } = reply.data;
      tickets.push(ticket.id);
      takenByKiosk[index] = (takenByKiosk[index] ?? 0) + 1;
      const seq = Number(ticket.number.split('-')[1]);
      maxSeq[serviceId] = Math.max(maxSeq[serviceId] ?? 0, seq);
      // The next visitor taps once the paper is out, as at a real kiosk.
      await printed(ticket.id);
      if (spec.kioskPauseMs) await sleep(spec.kioskPauseMs);
      // A full waiting room: wait until the front office has worked some of it off.
      const limit = spec.maxWaiting ?? Number.POSITIVE_INFINITY;
      if (ticket.peopleAhead >= limit) {
        while (!stopped) {
          const b: BoardSnapshot | null = (await nextBoard(client, 250)) ?? board;
          const waiting = b?.queues.find((q) => q.id === ticket.queue)?.waitingCount ?? 0;
          if (waiting < limit) break;
        }
      }
    }
  }

  async function desk(client: Client, d: LoadDesk, index: number) {
    const rand = prng(spec.seed * 1000 + 500 + index);
    const deskId = d.deskId;
    const pause = () => (spec.deskPauseMs ? sleep(spec.deskPauseMs) : Promise.resolve());
    while (!stopped) {
      const call = await command(client, 'desk:call-next', { deskId });
      if (!call) continue;
      if (!call.ok) {
        if (call.error.code === 'QUEUE_EMPTY') {
          emptyPolls++;
          await nextBoard(client, 250);
          await pause();
        } else {
          error(`desk:call-next: ${call.error.code}`);
          await sleep(50);
        }
        continue;
      }
      await pause();
      const ticketId = call.data.ticketId;
      const steps: Array<() => ReturnType<typeof command>> = [];
      const r = rand();
      if (r < 0.03) {
        steps.push(() => command(client, 'ticket:recall', { deskId, ticketId }));
        steps.push(() => command(client, 'ticket:no-show', { deskId, ticketId }));
      } else if (d.kind === 'front-office') {
        steps.push(() =>
          command(client, 'guestbook:save', {
            deskId,
            ticketId,
            entry: guestEntry(rand, call.data.serviceId),
            forwardTo: call.data.serviceId,
          }),
        );
      } else if (r < 0.06 && !transferred.has(ticketId)) {
        const to = pick(
          rand,
          SERVICE_MIX.map(([id]) => id).filter((id) => id !== call.data.serviceId),
        );
        transferred.add(ticketId);
        steps.push(() =>
          command(client, 'ticket:transfer', { deskId, ticketId, serviceId: to, note: 'Dirujuk' }),
        );
      } else {
        steps.push(() => command(client, 'ticket:start', { deskId, ticketId }));
        steps.push(async () => {
          const reply = await command(client, 'ticket:finish', { deskId, ticketId });
          if (reply?.ok) finished.push(ticketId);
          return reply;
        });
      }
      for (const step of steps) {
        const reply = await step();
        if (!reply?.ok) {
          if (reply) error(`${ticketId}: ${reply.error.code}`);
          // Free the desk whatever happened, so that one failure does not stop it for good.
          await send(client, 'ticket:finish', { deskId, ticketId }).catch(() => null);
          break;
        }
        await pause();
      }
    }
  }

  await Promise.all([
    ...kiosks.map((c, i) => kiosk(c, i)),
    ...desks.map((c, i) => desk(c, spec.desks[i] as LoadDesk, i)),
  ]);
  clearTimeout(stopTimer);
  await Promise.all(closePrinters.map((close) => close?.()));
  for (const c of [...kiosks, ...desks]) c.disconnect();

  const seconds = (stopAt - startedAt) / 1000;
  const okTotal = Object.values(counts).reduce((a, b) => a + b, 0);
  return {
    seconds,
    ok: counts,
    okTotal,
    commandsPerSecond: okTotal / seconds,
    emptyPolls,
    errors,
    errorSamples,
    latency: Object.fromEntries(Object.entries(latencies).map(([k, v]) => [k, summarize(v)])),
    tickets,
    takenByKiosk,
    finished,
    capped,
  };
}
