/**
 * Power cuts, simulated: a real hub process runs on a FUSE file system that keeps every write not
 * fsync'ed in memory (tools/lazyfs.py, the idea of Jepsen's LazyFS). Kiosks and desks work it over
 * real Socket.IO; at a random moment the hub is killed (-9) and the file system forgets what was not
 * synced, as a power cut does; then the database is opened again and checked: every acknowledged
 * command is there, no ticket number given before the cut is given again, `integrity_check` is ok.
 * Used by test/power-cut.test.ts (CI) and the benchmarks (more cuts).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONFIG } from '@pst/shared';
import { buildHub } from '../build';
import { random } from './seed';
import { type Durability, domainEventsOnDisk } from './storage/database';
import { Store } from './storage/store';
import { walHeader } from './storage/wal-checkpoints';
import {
  type Client,
  closeClients,
  connectClient,
  removeDir,
  send,
  startHubProcess,
  tempDir,
} from './testing';

const LAZYFS = fileURLToPath(new URL('../tools/lazyfs.py', import.meta.url));
/** The hub the cuts run, built from the current sources as `npm run build` builds it (node resolves
 * its npm dependencies from here: packages/hub/node_modules, then the root's). */
const BUNDLE = fileURLToPath(new URL('../node_modules/.cache/pst-power-cut/cli.js', import.meta.url));
/** Debian's python3-fusepy installs into the system Python, which a PATH python may not be. */
const PYTHONS = ['/usr/bin/python3', 'python3'];
const SERVICES = ['konsultasi', 'perpustakaan', 'penjualan', 'rekomendasi'];
const SERVICE_DESKS = ['konsultasi-1', 'konsultasi-2', 'perpustakaan-1'];
/** What each acknowledged command must have left in the event log. */
const EVENT_OF = {
  'ticket:take': 'ticket.issued',
  'desk:call-next': 'ticket.called',
  'ticket:start': 'ticket.started',
  'ticket:finish': 'ticket.finished',
} as const;

function fusePython(): string | null {
  for (const python of PYTHONS) {
    const probe = spawnSync(python, ['-c', 'import fusepy'], { stdio: 'ignore' });
    if (probe.status === 0) return python;
    const pip = spawnSync(python, ['-c', 'import fuse; fuse.FUSE'], { stdio: 'ignore' });
    if (pip.status === 0) return python;
  }
  return null;
}

function fusermount(): string | null {
  for (const name of ['fusermount3', 'fusermount']) {
    if (spawnSync(name, ['-V'], { stdio: 'ignore' }).status === 0) return name;
  }
  return null;
}

/** Why power cuts cannot be simulated here (null: they can): the test skips with this message. */
export function powerCutUnavailable(): string | null {
  if (!existsSync('/dev/fuse')) return '/dev/fuse is missing (FUSE is not available on this machine)';
  if (!fusePython())
    return 'python3 cannot import fusepy: install the Debian packages fuse3 and python3-fusepy';
  if (!fusermount()) return 'fusermount3 is missing: install the Debian package fuse3';
  return null;
}

/** One mount of the forgetful file system over `backing`. */
class LazyMount {
  private constructor(
    private readonly process: ChildProcess,
    readonly mountPoint: string,
  ) {}

  static async mount(backing: string, mountPoint: string): Promise<LazyMount> {
    const python = fusePython();
    if (!python) throw new Error('fusepy is missing');
    mkdirSync(mountPoint, { recursive: true });
    const child = spawn(python, [LAZYFS, backing, mountPoint], { stdio: ['pipe', 'pipe', 'inherit'] });
    const mount = new LazyMount(child, mountPoint);
    // Mounted when the mount point shows the backing directory's database.
    const until = Date.now() + 20_000;
    while (!existsSync(join(mountPoint, 'pst.sqlite'))) {
      if (child.exitCode !== null) throw new Error(`lazyfs exited with ${child.exitCode}`);
      if (Date.now() > until) throw new Error('lazyfs did not mount in 20 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return mount;
  }

  /** The power goes: unsynced writes are forgotten, the process ends, the mount is taken away. */
  async cut(): Promise<string> {
    const said = new Promise<string>((resolve) => {
      let out = '';
      this.process.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
      });
      this.process.once('exit', () => resolve(out.trim()));
    });
    this.process.stdin?.end('cut\n');
    const line = await said;
    unmount(this.mountPoint);
    return line;
  }
}

function unmount(mountPoint: string): void {
  const tool = fusermount() ?? 'fusermount3';
  const result = spawnSync(tool, ['-u', mountPoint], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${tool} -u ${mountPoint}: ${result.stderr}`);
}

function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

export interface PowerCutOptions {
  durability: Durability;
  cuts: number;
  /**
   * For the control run: stop one round after the first cut that lost an acknowledged command
   * (that round shows whether its numbers are given out again).
   */
  untilLoss?: boolean;
  kiosks?: number;
  /** The cut falls at a random moment this long after the round's first acknowledged command. */
  minMs?: number;
  maxMs?: number;
  seed?: number;
  /** WAL pages that make the hub's checkpoint due (default: the hub's own mark). */
  checkpointPages?: number;
  log?: (line: string) => void;
}

export interface CutResult {
  /** Commands acknowledged ok before this cut. */
  acknowledged: number;
  /** Acknowledged commands missing after the cut (`command ticketId`). */
  lost: string[];
  /** Ticket ids acknowledged before an earlier cut and given out again after it. */
  reissued: string[];
  integrityOk: boolean;
  /** What the file system said it dropped. */
  dropped: string;
  afterMs: number;
  /** WAL checkpoints the hub completed in this round before the cut (the WAL started over). */
  checkpoints: number;
}

export interface PowerCutReport {
  durability: Durability;
  seed: number;
  cuts: CutResult[];
  acknowledged: number;
  lost: number;
  reissued: number;
  allIntegrityOk: boolean;
  checkpoints: number;
}

/** The office on the backing disk before the first mount: kiosks, consultants, no front office. */
function prepareOffice(backing: string, kiosks: number) {
  const store = new Store(join(backing, 'pst.sqlite'));
  try {
    const now = Date.now();
    store.setSetting('queue-config', {
      ...DEFAULT_CONFIG,
      office: { ...DEFAULT_CONFIG.office, frontOfficeFirst: false },
    });
    // The kiosks take tickets at whatever hour the test runs.
    store.setSetting('opening-hours', { hours: null });
    const kioskTokens = Array.from(
      { length: kiosks },
      (_, i) => store.addDevice('kiosk', `Kiosk ${i + 1}`, null, now).token,
    );
    const deskTokens = SERVICE_DESKS.map((_, i) => {
      const username = `konsultan-${i + 1}`;
      store.addStaff({ username, name: `Konsultan ${i + 1}`, role: 'consultant', pin: '123456' }, now);
      const session = store.login(username, '123456', now);
      if (!session) throw new Error(`login of ${username} failed`);
      return session.token;
    });
    return { kioskTokens, deskTokens };
  } finally {
    store.close();
  }
}

/** Kiosks take tickets and service desks call, start and finish them, until `stop` is set. */
async function burst(
  url: string,
  tokens: { kioskTokens: string[]; deskTokens: string[] },
  acked: (command: keyof typeof EVENT_OF, ticketId: string) => void,
  stopped: () => boolean,
): Promise<void> {
  const kiosks = await Promise.all(tokens.kioskTokens.map((t) => connectClient(url, t)));
  const desks = await Promise.all(tokens.deskTokens.map((t) => connectClient(url, t)));
  // Desks stay open across a restart, and may still hold the ticket they had when the power went.
  const board = await send(desks[0] as Client, 'board:get', {});
  if (!board.ok) throw new Error(`board:get: ${board.error.code}`);
  for (const [i, desk] of desks.entries()) {
    const deskId = SERVICE_DESKS[i] as string;
    const view = board.data.desks.find((d) => d.id === deskId);
    if (view?.status !== 'open') {
      const reply = await send(desk, 'desk:open', { deskId });
      if (!reply.ok) throw new Error(`desk:open ${deskId}: ${reply.error.code}`);
    }
    if (view?.current) {
      const ticketId = view.current.ticketId;
      const reply = await send(desk, 'ticket:finish', { deskId, ticketId });
      if (!reply.ok) throw new Error(`ticket:finish ${ticketId}: ${reply.error.code}`);
      acked('ticket:finish', ticketId);
    }
  }
  const kioskLoop = async (kiosk: Client, i: number) => {
    for (let n = 0; !stopped(); n++) {
      const serviceId = SERVICES[(i + n) % SERVICES.length] as string;
      const reply = await send(kiosk, 'ticket:take', { serviceId }).catch(() => null);
      if (!reply?.ok) return;
      acked('ticket:take', reply.data.ticket.id);
    }
  };
  const deskLoop = async (desk: Client, deskId: string) => {
    while (!stopped()) {
      const called = await send(desk, 'desk:call-next', { deskId }).catch(() => null);
      if (!called) return;
      if (!called.ok) {
        if (called.error.code !== 'QUEUE_EMPTY') return;
        // Wait for the next board (a new ticket may be there), or for the hub to go.
        await new Promise<void>((resolve) => {
          const done = () => {
            desk.off('board:snapshot', done);
            desk.off('disconnect', done);
            resolve();
          };
          desk.on('board:snapshot', done);
          desk.on('disconnect', done);
        });
        if (!desk.connected) return;
        continue;
      }
      const ticketId = called.data.ticketId;
      acked('desk:call-next', ticketId);
      for (const step of ['ticket:start', 'ticket:finish'] as const) {
        const reply = await send(desk, step, { deskId, ticketId }).catch(() => null);
        if (!reply?.ok) return;
        acked(step, ticketId);
      }
    }
  };
  await Promise.all([
    ...kiosks.map((k, i) => kioskLoop(k, i)),
    ...desks.map((d, i) => deskLoop(d, SERVICE_DESKS[i] as string)),
  ]);
}

/** Runs `cuts` power cuts in a row over one office and reports what each lost. */
export async function powerCutRun(options: PowerCutOptions): Promise<PowerCutReport> {
  const seed = options.seed ?? Date.now() % 100_000;
  const rand = random(seed);
  const minMs = options.minMs ?? 0;
  const maxMs = options.maxMs ?? 1000;
  const root = tempDir('pst-power-cut-');
  const backing = join(root, 'disk');
  const mountPoint = join(root, 'mnt');
  mkdirSync(backing);
  const tokens = prepareOffice(backing, options.kiosks ?? 4);
  await buildHub(BUNDLE);
  const everAcked = new Set<string>();
  const cuts: CutResult[] = [];
  try {
    for (let round = 0; round < options.cuts; round++) {
      const mount = await LazyMount.mount(backing, mountPoint);
      let hub: ChildProcess | undefined;
      try {
        const started = await startHubProcess([BUNDLE], mountPoint, [
          '--no-mdns',
          '--kiosk-burst',
          '1000000',
          '--durability',
          options.durability,
          ...(options.checkpointPages !== undefined
            ? ['--checkpoint-pages', String(options.checkpointPages)]
            : []),
        ]);
        hub = started.child;
        const acked: string[] = [];
        const reissued: string[] = [];
        let stop = false;
        let begin = () => {};
        const begun = new Promise<void>((resolve) => {
          begin = resolve;
        });
        const work = burst(
          started.url,
          tokens,
          (command, ticketId) => {
            if (stop) return;
            if (command === 'ticket:take' && everAcked.has(ticketId)) reissued.push(ticketId);
            if (command === 'ticket:take') everAcked.add(ticketId);
            acked.push(`${EVENT_OF[command]} ${ticketId}`);
            begin();
          },
          () => stop,
        );
        const failed = work.then(
          () => undefined,
          (error: unknown) => error,
        );
        const ready = await Promise.race([begun.then(() => true), failed.then(() => false)]);
        if (!ready) throw (await failed) ?? new Error('the burst ended before any command was acknowledged');
        // A command was acknowledged, so the WAL exists (through the mount: what the hub sees).
        const walFile = join(mountPoint, 'pst.sqlite-wal');
        const walBefore = walHeader(walFile).startedOver;
        const afterMs = Math.round(minMs + rand() * (maxMs - minMs));
        await new Promise((resolve) => setTimeout(resolve, afterMs));
        const checkpoints = walHeader(walFile).startedOver - walBefore;
        // The power goes: nothing acknowledged from here on counts, the hub dies, the cache is lost.
        stop = true;
        await killHard(hub);
        const dropped = await mount.cut();
        await failed;
        closeClients();
        const disk = domainEventsOnDisk(join(backing, 'pst.sqlite'));
        const lost = acked.filter((key) => !disk.done.has(key));
        cuts.push({
          acknowledged: acked.length,
          lost,
          reissued,
          integrityOk: disk.integrityOk,
          dropped,
          afterMs,
          checkpoints,
        });
        options.log?.(
          `cut ${round + 1}/${options.cuts} (${options.durability}) after ${afterMs} ms: ${acked.length} acknowledged, ` +
            `${lost.length} lost, ${reissued.length} reissued, integrity ${disk.integrityOk ? 'ok' : 'FAILED'}, ` +
            `${checkpoints} checkpoints; ${dropped}`,
        );
        if (options.untilLoss && cuts.length >= 2 && (cuts.at(-2)?.lost.length ?? 0) > 0) break;
      } catch (error) {
        if (hub) await killHard(hub);
        closeClients();
        try {
          unmount(mountPoint);
        } catch {
          // Already gone with the file system process.
        }
        throw error;
      }
    }
  } finally {
    removeDir(root);
  }
  return {
    durability: options.durability,
    seed,
    cuts,
    acknowledged: cuts.reduce((n, c) => n + c.acknowledged, 0),
    lost: cuts.reduce((n, c) => n + c.lost.length, 0),
    reissued: cuts.reduce((n, c) => n + c.reissued.length, 0),
    allIntegrityOk: cuts.every((c) => c.integrityOk),
    checkpoints: cuts.reduce((n, c) => n + c.checkpoints, 0),
  };
}
