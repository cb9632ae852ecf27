import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PrinterConfig, PrinterTransport } from '@pst/printer';
import { HUB_PORT, LOGIN_THROTTLE, type LoginThrottlePolicy, openingStatus } from '@pst/shared';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import { PinHasher } from './auth';
import { BoardBroadcaster, boardSnapshot } from './board';
import { CentralPusher, type CentralPusherOptions } from './central-pusher';
import { CodeThrottle } from './code-throttle';
import type { HubContext, HubServer } from './context';
import { startHousekeeping } from './housekeeping';
import { createHttpApp } from './http';
import { createHubPrinting } from './hub-printing';
import { reachableHost } from './lan';
import { createHubLogger } from './logger';
import { StaffLogin } from './login';
import { LoginTarpit, type TarpitLimits } from './login-tarpit';
import { announceHub, type HubAnnouncement, type MdnsOptions } from './mdns';
import { RateLimiter } from './rate-limit';
import { watchRevocations } from './revocation-signal';
import { QueueRunner } from './runner';
import { SOCKET_HEADERS } from './security-headers';
import { cutRevokedSockets, requireIdentity } from './socket-auth';
import { serveConnections } from './socket-connections';
import { coalesceWrites } from './socket-writes';
import type { Durability } from './storage/database';
import { Store } from './storage/store';
import { certificateFingerprint, type HubTls, loadOrCreateCertificate } from './tls';

export const HUB_VERSION = '0.1.0';
const REPO_APPS_DIR = fileURLToPath(new URL('../../../apps', import.meta.url));

export interface HubOptions {
  dataDir: string;
  port?: number;
  host?: string;
  /** A printer transport, or its configuration; default: files under <dataDir>/printed. */
  printer?: PrinterTransport | PrinterConfig;
  paperWidth?: 58 | 80;
  /** The hub's only clock (injectable so tests can move time). */
  clock?: () => number;
  logger?: Logger;
  /** The address printed in ticket QR codes; default: this machine's first LAN address. */
  publicUrl?: string;
  appsDir?: string;
  /** When a commit counts as on disk (default `group`: fsync'ed, with group commit, before the ack). */
  durability?: Durability;
  /** WAL pages that make a checkpoint due (default: the store's; smaller only for the power-cut test). */
  checkpointPages?: number;
  /**
   * Called when the disk failed an fsync of the WAL: the hub acknowledges nothing more and must
   * end without closing the database (`pst-hub start` exits so the service restarts it from disk).
   */
  onDiskFailed?: (error: Error) => void;
  /** Tickets a kiosk may take at once, and how fast that allowance refills. */
  kioskRateLimit?: { burst: number; refillMs: number };
  boardIntervalMs?: number;
  /** First pause before a ticket job that did not reach the paper is tried again (doubles, up to 30x). */
  printRetryDelayMs?: number;
  /** How long a kiosk that prints locally may take to answer a `print:job` (default 8 s). */
  kioskPrintTimeoutMs?: number;
  /** How long a job for a disconnected kiosk waits for it (default 10 minutes). */
  kioskJobMaxWaitMs?: number;
  /**
   * Serve HTTPS (and Socket.IO over it): `true` uses the self-signed certificate kept in
   * `<dataDir>/tls/` (made on first use), or pass a key and certificate. Default: plain HTTP.
   */
  tls?: boolean | HubTls;
  /**
   * Announce the hub on the LAN over mDNS (`_pst-hub._tcp`): default on; `false` turns it off,
   * an object picks the interface or the name.
   */
  mdns?: boolean | MdnsOptions;
  /** Timings of the push to the central roll-up service (which runs once `hub central set` gave an address). */
  central?: Pick<CentralPusherOptions, 'intervalMs' | 'retry' | 'requestTimeoutMs'>;
  /** Wrong-PIN throttling (default: shared LOGIN_THROTTLE); the bench widens it to measure hashing alone. */
  loginThrottle?: LoginThrottlePolicy;
  /** Caps and longest hold of throttled sign-in answers (login-tarpit.ts). */
  loginTarpit?: TarpitLimits;
}

export interface Hub {
  url: string;
  port: number;
  /** SHA-256 fingerprint of the TLS certificate (`AB:CD:...`); null when the hub serves plain HTTP. */
  fingerprint: string | null;
  /** The mDNS announcement, while the hub is announced. */
  announcement: HubAnnouncement | null;
  store: Store;
  context: HubContext;
  /** Pushes closed days to the central roll-up service; tests call pushNow() instead of waiting. */
  central: CentralPusher;
  /** What the half-minute timer runs (end of day, data care, printer check); tests call it instead of waiting. */
  housekeeping(): Promise<void>;
  close(): Promise<void>;
}

export async function createHub(options: HubOptions): Promise<Hub> {
  const clock = options.clock ?? Date.now;
  const log = options.logger ?? createHubLogger();
  const tls = options.tls === true ? await loadOrCreateCertificate(options.dataDir) : options.tls || null;
  const fingerprint = tls ? certificateFingerprint(tls.cert) : null;
  const scheme = tls ? 'https' : 'http';
  const store = new Store(join(options.dataDir, 'pst.sqlite'), {
    durability: options.durability,
    checkpointPages: options.checkpointPages,
  });
  const runner = new QueueRunner(store, clock);
  store.onSyncFailed = (error) => {
    log.fatal(
      { err: error },
      'fsync of the database WAL failed: nothing more is acknowledged; restart the hub',
    );
    options.onDiskFailed?.(error);
  };
  store.onCheckpointFailed = (error) =>
    log.warn({ err: error }, 'WAL checkpoint failed; SQLite retries later');
  const limits = options.kioskRateLimit ?? { burst: 6, refillMs: 5000 };
  // Express answers every request that is not Socket.IO's: it is the server's handler before
  // Socket.IO attaches, so Socket.IO can route only its own path to itself (a request must never
  // reach both, or the second answer crashes the process).
  let app: ReturnType<typeof createHttpApp> | null = null;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    if (app) app(req, res);
    else res.writeHead(503).end();
  };
  const httpServer = tls
    ? createHttpsServer({ key: tls.key, cert: tls.cert }, handler)
    : createServer(handler);
  const io: HubServer = new Server(httpServer, {
    serveClient: false,
    // Frames above 1 MB close the connection; anything below is answered (a huge string gets VALIDATION_FAILED).
    maxHttpBufferSize: 1024 * 1024,
  });
  io.engine.on('headers', (headers: Record<string, string>) => Object.assign(headers, SOCKET_HEADERS));
  coalesceWrites(io);
  let port = options.port ?? HUB_PORT;
  let closing = false;

  const board = new BoardBroadcaster(
    // The board shows what is on disk: a power cut never takes back a number a screen showed (taken
    // now, sent once everything written so far is synced).
    () => {
      const snapshot = context.board();
      void store.synced().then(
        () => io.emit('board:snapshot', snapshot),
        () => undefined,
      );
    },
    options.boardIntervalMs ?? 50,
  );
  const publicUrl = () => options.publicUrl ?? `${scheme}://${reachableHost(options.host)}:${port}`;
  const printing = createHubPrinting({
    dataDir: options.dataDir,
    printer: options.printer,
    paperWidth: options.paperWidth,
    printRetryDelayMs: options.printRetryDelayMs,
    kioskPrintTimeoutMs: options.kioskPrintTimeoutMs,
    kioskJobMaxWaitMs: options.kioskJobMaxWaitMs,
    store,
    runner,
    io,
    log,
    clock,
    publicUrl,
    boardChanged: () => board.schedule(),
  });
  const pins = new PinHasher();
  const loginThrottle = options.loginThrottle ?? LOGIN_THROTTLE;
  const loginTarpit = new LoginTarpit(options.loginTarpit);
  // A revoked device, a disabled account or an ended session loses its open sockets (and pushes) at once.
  const cutRevoked = () => {
    if (!closing) cutRevokedSockets(io, store, clock());
  };

  const context: HubContext = {
    store,
    online: store.online,
    runner,
    io,
    log,
    clock,
    kioskLimiter: new RateLimiter(limits.burst, limits.refillMs),
    pins,
    staffLogin: new StaffLogin(store, pins, clock, loginThrottle),
    loginTarpit,
    cutRevoked,
    codeThrottle: new CodeThrottle(store.codeAttempts),
    publicUrl,
    tlsFingerprint: fingerprint,
    board: () =>
      boardSnapshot(
        runner,
        printing.printerStatus(),
        printing.printers(),
        printing.failures(),
        clock(),
        context.opening(),
        store.holidays(),
      ),
    opening: () =>
      openingStatus(store.openingHours(), store.holidays(), clock(), runner.state.config.office.timeZone),
    boardChanged: () => board.schedule(),
    printerStatus: printing.printerStatus,
    printers: printing.printers,
    kioskPrinters: printing.kioskPrinters,
    printTest: printing.printTest,
    queueTicketPrint: printing.queueTicketPrint,
    reprintTicket: printing.reprintTicket,
    printTicket: printing.printTicket,
  };

  requireIdentity(io, store, clock);
  serveConnections(context);
  app = createHttpApp(context, {
    appsDir: options.appsDir ?? REPO_APPS_DIR,
    dataDir: options.dataDir,
    version: HUB_VERSION,
    startedAt: Date.now(),
  });
  // A revocation made by the command line (another process) reaches the open sockets at once.
  const revocations = watchRevocations(options.dataDir, cutRevoked);
  const housekeeping = startHousekeeping(context, {
    dataDir: options.dataDir,
    forgetLoginFailuresAfterMs: loginThrottle.forgetAfterMs,
    checkPrinter: printing.checkPrinter,
  });
  const central = new CentralPusher({
    ...options.central,
    store,
    log,
    beforeStep: housekeeping.keepReportDays,
  });
  central.start();

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, options.host ?? '0.0.0.0', () => resolve());
  });
  port = (httpServer.address() as AddressInfo).port;
  // Jobs kept from before a restart: printed now if their visitors still wait.
  printing.resumeJobs();
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  log.info(
    { port, dataDir: options.dataDir, printer: printing.description, tls: fingerprint ?? false },
    'hub started',
  );
  const announcement =
    options.mdns === false
      ? null
      : announce(options, { port, office: runner.state.config.office.name, fingerprint }, log);

  return {
    url: `${scheme}://${host}:${port}`,
    port,
    fingerprint,
    announcement,
    store,
    context,
    central,
    housekeeping: housekeeping.run,
    async close() {
      closing = true;
      housekeeping.stop();
      await central.close();
      revocations.close();
      await announcement?.close();
      await printing.stopJobs();
      board.stop();
      // Held sign-in answers go out now: the server's close waits for every open request.
      loginTarpit.close();
      // Closing the transport (not disconnecting each socket) lets clients reconnect to the next start.
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await printing.close();
      store.close();
    },
  };
}

/** The hub on the LAN over mDNS, on the interface it is bound to; null when that fails (logged). */
function announce(
  options: HubOptions,
  hub: { port: number; office: string; fingerprint: string | null },
  log: Logger,
): HubAnnouncement | null {
  const mdns: MdnsOptions = options.mdns === true || options.mdns === undefined ? {} : options.mdns || {};
  const bound =
    options.host && options.host !== '0.0.0.0' && options.host !== '::' ? options.host : undefined;
  try {
    return announceHub(
      { port: hub.port, version: HUB_VERSION, office: hub.office, fingerprint: hub.fingerprint },
      { ...mdns, interface: mdns.interface ?? bound },
      log,
    );
  } catch (error) {
    log.warn({ err: error }, 'mDNS announcement failed');
    return null;
  }
}
