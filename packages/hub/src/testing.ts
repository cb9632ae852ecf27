import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PrinterConfig } from '@pst/printer';
import {
  type Ack,
  type ClientToHubEvents,
  type CommandName,
  type CommandResult,
  type CommandSender,
  DEFAULT_CONFIG,
  type DeviceRole,
  type HubToClientEvents,
  type Payload,
  type PrinterStatusView,
  type StaffRole,
  type TicketPrinted,
} from '@pst/shared';
import { pino } from 'pino';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { createHub, type Hub, type HubOptions } from './hub';
import { LOGIN_TARPIT } from './login-tarpit';
import { Store } from './storage/store';
import { readCertificate } from './tls';

export type Client = Socket<HubToClientEvents, ClientToHubEvents>;

/**
 * `hub start` as its own process on 127.0.0.1 and a free port, logging nothing: `entry` is node's
 * arguments up to the CLI script (a built bundle, or tsx and the sources), `options` any more of
 * `start`'s. Resolves with the process and its URL once it listens; rejects if it exits first.
 */
export function startHubProcess(
  entry: readonly string[],
  dataDir: string,
  options: readonly string[] = [],
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [...entry, '--data-dir', dataDir, 'start', '--port', '0', '--host', '127.0.0.1', ...options],
    { env: { ...process.env, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (match) resolve({ child, url: `http://127.0.0.1:${match[1]}` });
    });
    child.once('exit', (code) => reject(new Error(`hub exited early (${code}): ${out}`)));
  });
}

/** A real (tiny) WAV file, as a PC's recorder saves one: RIFF header, fmt chunk, `samples` of silence. */
export function wavFile(samples = 8): Buffer {
  const data = Buffer.alloc(44 + samples, 128);
  data.write('RIFF', 0);
  data.writeUInt32LE(36 + samples, 4);
  data.write('WAVEfmt ', 8);
  data.writeUInt32LE(16, 16);
  data.writeUInt16LE(1, 20);
  data.writeUInt16LE(1, 22);
  data.writeUInt32LE(8000, 24);
  data.writeUInt32LE(8000, 28);
  data.writeUInt16LE(1, 32);
  data.writeUInt16LE(8, 34);
  data.write('data', 36);
  data.writeUInt32LE(samples, 40);
  return data;
}

/** 09:00 WIB on a Wednesday. */
export const MORNING = Date.UTC(2026, 10, 25, 2, 0);

export interface TestHub extends Hub {
  dataDir: string;
  now: { value: number };
  advance(ms: number): void;
  device(role: DeviceRole, name?: string, deskId?: string): Promise<Client>;
  staff(role: StaffRole, username?: string): Promise<Client>;
  /** A new account of `role` (PIN 123456) signed in: its session token. */
  staffToken(role: StaffRole, username?: string): string;
  /** A new account of `role` (PIN 123456) signed in: its staff id (e.g. a consultant to book) and token. */
  staffAccount(role: StaffRole, username?: string): { id: string; token: string };
  connect(token: string): Promise<Client>;
  stop(): Promise<void>;
}

const clients: Client[] = [];

/** The names the office's staff go by in tests and screenshots (a screen shows the name, never the username). */
const STAFF_NAMES: Record<string, string> = {
  rina: 'Rina Wulandari',
  budi: 'Budi Santoso',
  kepala: 'Kepala PST',
};

export function tempDir(name = 'pst-hub-'): string {
  return mkdtempSync(join(tmpdir(), name));
}

/** A data dir whose office sends visitors straight to their service (no front office first). */
export function directOfficeDir(): string {
  const dataDir = tempDir();
  const store = new Store(join(dataDir, 'pst.sqlite'));
  store.setSetting('queue-config', {
    ...DEFAULT_CONFIG,
    office: { ...DEFAULT_CONFIG.office, frontOfficeFirst: false },
  });
  store.close();
  return dataDir;
}

/** A real hub on a random port of 127.0.0.1, a real SQLite file in a temp dir, a clock the test moves. */
export async function startHub(
  options: Partial<HubOptions> & {
    dataDir?: string;
    realTime?: boolean;
    /** Real time from this instant on (a test that must not cross midnight WIB while it runs). */
    startAt?: number;
  } = {},
): Promise<TestHub> {
  const dataDir = options.dataDir ?? tempDir();
  const { realTime, startAt, ...hubOptions } = options;
  // Real time (for browsers, whose clocks run) moved by `advance`; otherwise a clock that stands still.
  // `now.value` reads (and sets) the hub's own clock either way, and the records a test makes (devices,
  // staff, sessions) are made at it, so a real-time hub never sees them as made on another day.
  let skew = realTime && startAt !== undefined ? startAt - Date.now() : 0;
  let fixed = options.clock ? options.clock() : MORNING;
  const now = realTime
    ? {
        get value() {
          return Date.now() + skew;
        },
        set value(at: number) {
          skew = at - Date.now();
        },
      }
    : {
        get value() {
          return fixed;
        },
        set value(at: number) {
          fixed = at;
        },
      };
  const hub = await createHub({
    port: 0,
    host: '127.0.0.1',
    logger: pino({ level: 'silent' }),
    publicUrl: 'http://pst.local:3324',
    boardIntervalMs: 5,
    printRetryDelayMs: 5,
    appsDir: join(dataDir, 'no-apps'),
    // No mDNS packets from tests unless a test asks (then on 127.0.0.1 only, see mdns.test.ts).
    mdns: false,
    // Throttled sign-ins are answered on the next tick: a test's clock stands still, so a real hold
    // would last the whole lock. The tarpit's own test sets its hold (login-tarpit.test.ts).
    loginTarpit: { ...LOGIN_TARPIT, maxHoldMs: 0 },
    ...hubOptions,
    dataDir,
    clock: () => now.value,
    printer: options.printer ?? ({ kind: 'file', dir: join(dataDir, 'printed') } satisfies PrinterConfig),
  });
  // A test hub gives tickets around the clock, so no test depends on the hour it runs at; a test of
  // the service hours sets them itself (settings:opening-hours).
  if (hub.store.getSetting('opening-hours') === null) hub.store.setSetting('opening-hours', { hours: null });
  let staffCount = 0;
  const test: TestHub = {
    ...hub,
    dataDir,
    now,
    advance(ms) {
      now.value += ms;
    },
    async device(role, name = role, deskId) {
      const { token } = hub.store.addDevice(role, name, deskId ?? null, now.value);
      return test.connect(token);
    },
    staffToken(role, username) {
      return test.staffAccount(role, username).token;
    },
    staffAccount(role, username = `${role}-${++staffCount}`) {
      const { id } = hub.store.addStaff(
        { username, name: STAFF_NAMES[username] ?? `Petugas ${username}`, role, pin: '123456' },
        now.value,
      );
      const session = hub.store.login(username, '123456', now.value);
      if (!session) throw new Error('login failed');
      return { id, token: session.token };
    },
    async staff(role, username) {
      return test.connect(test.staffToken(role, username));
    },
    // Over TLS the test client trusts exactly the hub's own certificate.
    connect: (token) => connectClient(hub.url, token, tlsCa(hubOptions.tls, dataDir)),
    async stop() {
      await hub.close();
    },
  };
  return test;
}

function tlsCa(tls: HubOptions['tls'], dataDir: string): Partial<ManagerOptions & SocketOptions> {
  if (!tls) return {};
  const cert = tls === true ? readCertificate(dataDir)?.cert : tls.cert;
  return cert ? { ca: cert } : {};
}

export function connectClient(
  url: string,
  token: string,
  extra: Partial<ManagerOptions & SocketOptions> = {},
): Promise<Client> {
  const socket: Client = io(url, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...extra,
  });
  clients.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => reject(error));
  });
}

export function closeClients(): void {
  for (const c of clients.splice(0)) c.disconnect();
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Sends a command and returns its ack, typed by the contract. */
export function send<E extends CommandName>(
  client: Client,
  event: E,
  payload: Payload<E>,
): Promise<Ack<CommandResult<E>>> {
  return (client.timeout(5000) as unknown as CommandSender).emitWithAck(event, payload);
}

/** Sends a command that must succeed and returns its data. */
export async function ok<E extends CommandName>(client: Client, event: E, payload: Payload<E>) {
  const reply = await send(client, event, payload);
  if (!reply.ok) throw new Error(`${event} refused: ${reply.error.code} ${reply.error.message}`);
  return reply.data;
}

/**
 * Takes a ticket and waits for how its printing ended: the ack comes as soon as the ticket is stored,
 * the `ticket:printed` push after the printer (listened for from before the take, as it may be quick).
 */
export async function takePrinted(client: Client, payload: Payload<'ticket:take'>) {
  const outcomes = new Map<string, PrinterStatusView>();
  let wake = () => {};
  const listener = ({ ticketId, printed }: TicketPrinted) => {
    outcomes.set(ticketId, printed);
    wake();
  };
  client.on('ticket:printed', listener);
  try {
    const taken = await ok(client, 'ticket:take', payload);
    const printed = await new Promise<PrinterStatusView>((resolve) => {
      wake = () => {
        const outcome = outcomes.get(taken.ticket.id);
        if (outcome) resolve(outcome);
      };
      wake();
    });
    return { ...taken, printed };
  } finally {
    client.off('ticket:printed', listener);
  }
}

/** Resolves with the next push of `event` that satisfies `match`. */
export function nextPush<E extends keyof HubToClientEvents>(
  client: Client,
  event: E,
  match: (...args: Parameters<HubToClientEvents[E]>) => boolean = () => true,
): Promise<Parameters<HubToClientEvents[E]>[0]> {
  return new Promise((resolve) => {
    const listener = (...args: Parameters<HubToClientEvents[E]>) => {
      if (!match(...args)) return;
      client.off(event, listener as never);
      resolve(args[0]);
    };
    client.on(event, listener as never);
  });
}

/** The guest-book entry of the tests, shared with the apps' tests (@pst/shared/testing). */
export { GUEST } from '@pst/shared/testing';
