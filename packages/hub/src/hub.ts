import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createPrinter,
  type PrinterConfig,
  type PrinterTransport,
  renderTestTicket,
  renderTicket,
} from '@pst/printer';
import { ticketView } from '@pst/queue-core';
import {
  type CommandName,
  errorBody,
  FRONT_OFFICE_QUEUE,
  HUB_PORT,
  LOGIN_THROTTLE,
  type LoginThrottlePolicy,
  type NamedPrinterStatus,
  ONLINE_ROLES,
  officeDay,
  openingStatus,
  type PrinterStatusView,
  type PrintFailureView,
  type SocketData,
  schemas,
  ticketStatusPath,
} from '@pst/shared';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import { PinHasher } from './auth';
import { BoardBroadcaster, boardSnapshot } from './board';
import { CentralPusher, type CentralPusherOptions } from './central-pusher';
import { CodeThrottle } from './code-throttle';
import { runCommand } from './commands/run-command';
import type { HubContext, HubServer } from './context';
import { applyOnlineRetention, applyRetention, dailyBackup } from './data-care';
import { createHttpApp } from './http';
import { KioskPrinters, type KioskSocket } from './kiosk-printers';
import { reachableHost } from './lan';
import { StaffLogin } from './login';
import { announceHub, type HubAnnouncement, type MdnsOptions } from './mdns';
import { ONLINE_ROOM } from './online';
import { createHubLogger } from './pairing';
import { PrintQueue } from './print-queue';
import { RateLimiter } from './rate-limit';
import { missedRatingRequest } from './rating-requests';
import { keepClosedDays } from './reports';
import { watchRevocations } from './revocation-signal';
import { QueueRunner } from './runner';
import { SOCKET_HEADERS } from './security-headers';
import type { Durability } from './storage/database';
import { Store } from './storage/store';
import { type TicketPrintResult, TicketPrints } from './ticket-prints';
import { certificateFingerprint, type HubTls, loadOrCreateCertificate } from './tls';

export const HUB_VERSION = '0.1.0';
const COMMANDS = Object.keys(schemas) as CommandName[];
/** Guest-book entries erased per retention step (a few tens of milliseconds of work). */
const RETENTION_BATCH = 500;
/** Closed days whose report facts are kept per step: a week of rows is tens of milliseconds. */
const REPORT_DAYS_BATCH = 7;
const REPO_APPS_DIR = fileURLToPath(new URL('../../../apps', import.meta.url));
/** A job first tried this long after it was queued (the hub was down) is marked CETAK ULANG too. */
const LATE_PRINT_MS = 60_000;

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
  const store = new Store(join(options.dataDir, 'pst.sqlite'), { durability: options.durability });
  const runner = new QueueRunner(store, clock);
  const printer =
    options.printer && 'print' in options.printer
      ? options.printer
      : createPrinter(options.printer ?? { kind: 'file', dir: join(options.dataDir, 'printed') }, {
          // The printer's own word, unasked: on the board at once, and waiting tickets print when it is ready.
          onStatusBack: (status) => {
            prints.note(status.state, status.detail);
            if ((status.state === 'ok' || status.state === 'paper-near-end') && ticketPrints.waiting)
              ticketPrints.wake();
          },
        });
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
  let port = options.port ?? HUB_PORT;
  let commandSeq = 0;

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
  const prints = new PrintQueue(printer, {
    clock,
    retryDelayMs: options.printRetryDelayMs,
    onStatus: (status) => {
      io.emit('printer:status', status);
      if (status.state !== 'ok') log.warn({ printer: status }, 'printer problem');
      board.schedule();
    },
  });

  const kioskPrinters = new KioskPrinters({
    clock,
    log,
    retryDelayMs: options.printRetryDelayMs,
    resultTimeoutMs: options.kioskPrintTimeoutMs,
    maxWaitMs: options.kioskJobMaxWaitMs,
    onStatus: (status) => {
      if (status && status.state !== 'ok' && status.state !== 'unknown')
        log.warn({ printer: status }, 'kiosk printer problem');
      board.schedule();
    },
    onLateResult: (ticketId, status) => recordPrint(ticketId, status),
  });
  const hubPrinter = (): NamedPrinterStatus => ({
    ...prints.status,
    id: 'hub',
    kind: 'hub',
    name: printer.description,
    connected: true,
  });
  const recordPrint = (ticketId: string, status: { state: string }) => {
    store.setPrintState(ticketId, status.state === 'ok' ? 'printed' : `failed:${status.state}`);
    if (status.state !== 'ok') store.audit(clock(), 'print.failed', { ticketId, printer: status }, 'hub');
  };
  const paperWidth = options.paperWidth ?? 80;
  const pins = new PinHasher();
  const loginThrottle = options.loginThrottle ?? LOGIN_THROTTLE;

  // A revoked device, a disabled account or an ended session loses its open sockets (and pushes) at once.
  function cutRevoked(): void {
    if (closing) return;
    for (const socket of io.of('/').sockets.values()) {
      if (!authenticate(store, socket.handshake.auth.token, clock())) socket.disconnect(true);
    }
  }

  /**
   * A ticket's bytes now (people ahead as they are now). A late print or a reprint (`reprintAt`) is
   * only for a visitor who still waits: null otherwise. The first print goes out whatever happened
   * meanwhile (a desk may call the number before a busy printer gets to it: the visitor is at the kiosk).
   */
  const ticketBytes = (ticketId: string, reprintAt: number | null): Uint8Array | null => {
    const ticket = runner.state.tickets.get(ticketId);
    if (!ticket) return null;
    const view = ticketView(runner.state, ticket);
    if (reprintAt !== null && view.status !== 'waiting') return null;
    const office = runner.state.config.office;
    const service = runner.state.config.services.find((s) => s.id === view.serviceId);
    return renderTicket(
      {
        id: view.id,
        number: view.number,
        serviceName: service?.name ?? view.serviceId,
        priority: view.priority,
        issuedAt: view.issuedAt,
        peopleAhead: view.peopleAhead,
        estimatedWaitMinutes: view.estimatedWaitMinutes,
        statusUrl: `${context.publicUrl()}${ticketStatusPath(view.id)}`,
        frontOfficeFirst: view.queue === FRONT_OFFICE_QUEUE,
        reprintAt,
      },
      office,
      { width: paperWidth },
    );
  };
  const ticketPrints = new TicketPrints({
    store,
    printer: prints,
    log,
    clock,
    retryBaseMs: options.printRetryDelayMs ?? 1000,
    render: (job) => {
      const late = job.reprint || job.attempts > 0 || clock() - job.createdAt > LATE_PRINT_MS;
      return ticketBytes(job.ticketId, late ? clock() : null);
    },
    onResult: (job, { outcome, status }) => {
      if (outcome === 'printed') store.setPrintState(job.ticketId, 'printed');
      else if (outcome === 'unknown') {
        store.setPrintState(job.ticketId, `unknown:${status.state}`);
        store.audit(clock(), 'print.unknown', { ticketId: job.ticketId, printer: status }, 'hub');
      } else if (outcome === 'failed') {
        store.setPrintState(job.ticketId, `failed:${status.state}`);
        if (job.attempts === 0)
          store.audit(clock(), 'print.failed', { ticketId: job.ticketId, printer: status }, 'hub');
      }
      board.schedule();
    },
  });
  /** What a visitor (or staff) hears of a ticket job: 'ok' once on paper, else why not. */
  const heard = ({ outcome, status }: TicketPrintResult): PrinterStatusView => ({
    ...status,
    state: outcome === 'printed' ? 'ok' : outcome === 'unknown' ? 'unknown' : status.state,
  });
  const printFailures = (): PrintFailureView[] =>
    store.printTrouble(runner.state.day).map((row) => {
      const ticket = runner.state.tickets.get(row.id);
      const [print, printerState] = row.printState.split(':') as ['failed' | 'unknown', string];
      return {
        ticketId: row.id,
        number: row.number,
        print,
        printerState: printerState as PrinterStatusView['state'],
        status: ticket ? ticketView(runner.state, ticket).status : 'unserved',
        issuedAt: ticket?.issuedAt ?? 0,
      };
    });

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
    cutRevoked,
    codeThrottle: new CodeThrottle(),
    publicUrl: () => options.publicUrl ?? `${scheme}://${reachableHost(options.host)}:${port}`,
    tlsFingerprint: fingerprint,
    board: () =>
      boardSnapshot(
        runner,
        prints.status,
        context.printers(),
        printFailures(),
        clock(),
        context.opening(),
        store.holidays(),
      ),
    opening: () =>
      openingStatus(store.openingHours(), store.holidays(), clock(), runner.state.config.office.timeZone),
    boardChanged: () => board.schedule(),
    printerStatus: () => prints.status,
    printers: () => [hubPrinter(), ...kioskPrinters.statuses()],
    kioskPrinters,
    async printTest(deviceId) {
      const office = runner.state.config.office;
      const target =
        deviceId === undefined
          ? printer.description
          : (store.devices().find((d) => d.id === deviceId)?.name ?? deviceId);
      const bytes = renderTestTicket({ printer: target, at: clock(), url: context.publicUrl() }, office, {
        width: paperWidth,
      });
      if (deviceId === undefined) {
        await prints.print(bytes);
        return hubPrinter();
      }
      return kioskPrinters.print(deviceId, null, bytes, false);
    },
    queueTicketPrint(ticketId, deviceId) {
      if (kioskPrinters.printsLocally(deviceId)) return null;
      return store.addPrintJob({
        ticketId,
        day: runner.state.day,
        reprint: false,
        requestedBy: deviceId ?? 'hub',
        at: clock(),
      });
    },
    async reprintTicket(ticketId, requestedBy) {
      const ticket = runner.state.tickets.get(ticketId);
      // A ticket of a kiosk that prints locally is printed there again.
      if (ticket && kioskPrinters.printsLocally(ticket.source)) {
        const bytes = ticketBytes(ticketId, clock());
        if (!bytes) return { state: 'error', detail: 'not waiting', pendingJobs: 0, at: clock() };
        const status = await kioskPrinters.print(ticket.source, ticketId, bytes, false);
        recordPrint(ticketId, status);
        const { id: _id, kind: _kind, name: _name, connected: _connected, ...view } = status;
        return view;
      }
      return heard(await ticketPrints.add({ ticketId, day: runner.state.day, reprint: true, requestedBy }));
    },
    async printTicket(ticketId, deviceId, jobId) {
      if (jobId !== null && jobId !== undefined) return heard(await ticketPrints.resultOf(jobId));
      const bytes = ticketBytes(ticketId, null);
      // A kiosk that prints locally gets the job (it stopped doing so meanwhile: the hub prints it).
      if (!bytes || !kioskPrinters.printsLocally(deviceId))
        return heard(
          await ticketPrints.add({ ticketId, day: runner.state.day, reprint: false, requestedBy: 'hub' }),
        );
      const status = await kioskPrinters.print(deviceId, ticketId, bytes, true);
      recordPrint(ticketId, status);
      const { id: _id, kind: _kind, name: _name, connected: _connected, ...view } = status;
      return view;
    },
  };

  io.use((socket, next) => {
    const identity = authenticate(store, socket.handshake.auth?.token, clock());
    if (!identity) {
      const error = new Error(errorBody('UNAUTHENTICATED').message) as Error & { data: unknown };
      error.data = errorBody('UNAUTHENTICATED');
      next(error);
      return;
    }
    socket.data = identity;
    next();
  });

  io.on('connection', (socket) => {
    const token = socket.handshake.auth.token as string;
    const data = socket.data;
    if (data.deviceId) store.touchDevice(data.deviceId, clock());
    if (data.role === 'rating' && data.deskId) {
      void socket.join(`rating:${data.deskId}`);
      const missed = missedRatingRequest(runner.state, data.deskId, clock());
      if (missed) socket.emit('rating:request', missed);
    }
    if ((ONLINE_ROLES as readonly string[]).includes(data.role)) void socket.join(ONLINE_ROOM);
    if (data.role === 'kiosk' && data.deviceId) {
      const deviceId = data.deviceId;
      // A kiosk that prints locally gets the jobs that waited for it.
      kioskPrinters.connected(deviceId, socket as KioskSocket);
      socket.on('disconnect', () => kioskPrinters.disconnected(deviceId, socket as KioskSocket));
    }
    socket.emit('board:snapshot', context.board());
    for (const name of COMMANDS) {
      socket.on(name, (payload: unknown, ack: unknown) => {
        // A revoked device or an expired session loses its rights at its next command.
        if (!authenticate(store, token, clock())) {
          if (typeof ack === 'function') ack({ ok: false, error: errorBody('UNAUTHENTICATED') });
          socket.disconnect(true);
          return;
        }
        const reqLog = log.child({ req: ++commandSeq, role: data.role, command: name });
        void runCommand(context, { data, log: reqLog, socket: socket as KioskSocket }, name, payload, ack);
      });
    }
    socket.onAny((event: unknown, ...args: unknown[]) => {
      if (COMMANDS.includes(event as CommandName)) return;
      const ack = args[args.length - 1];
      if (typeof ack === 'function')
        ack({ ok: false, error: errorBody('VALIDATION_FAILED', 'id', { event: 'unknown' }) });
    });
  });

  app = createHttpApp(context, {
    appsDir: options.appsDir ?? REPO_APPS_DIR,
    dataDir: options.dataDir,
    version: HUB_VERSION,
    startedAt: Date.now(),
  });

  // Every 30 s: the office day ends at midnight even when nobody takes tickets, and the board goes
  // out again so every screen's clock and breach count follow the hub's time.
  const endDay = () => {
    try {
      runner.execute({ type: 'endDay' }, 'hub');
    } catch (error) {
      log.error({ err: error }, 'ending the day failed');
    }
    board.schedule();
    // Sessions that expired meanwhile lose their pushes too, not only their commands.
    cutRevoked();
    store.forgetLoginFailures(clock() - loginThrottle.forgetAfterMs);
  };
  // A revocation made by the command line (another process) reaches the open sockets at once.
  const revocations = watchRevocations(options.dataDir, cutRevoked);
  // Once per office day: personal data past its retention is erased and the database backed up.
  let caredFor = '';
  let closing = false;
  const dataCare = () => {
    const tz = runner.state.config.office.timeZone;
    const day = officeDay(clock(), tz);
    if (day === caredFor) return;
    caredFor = day;
    const care = store.dataCare();
    // In batches, each its own short transaction, so commands are served in between.
    const retention = () => {
      try {
        const erased = applyRetention(store, clock(), tz, care.retentionDays, RETENTION_BATCH);
        if (closing) return;
        // Erasing forgets the facts of the days it touched: they are kept again after it.
        setImmediate(erased === RETENTION_BATCH ? retention : keepReportDays);
      } catch (error) {
        log.error({ err: error }, 'retention failed');
      }
    };
    const keepReportDays = () => {
      try {
        const kept = keepClosedDays(store.reports, tz, day, REPORT_DAYS_BATCH);
        if (kept === REPORT_DAYS_BATCH && !closing) setImmediate(keepReportDays);
      } catch (error) {
        log.error({ err: error }, 'keeping report days failed');
      }
    };
    retention();
    try {
      applyOnlineRetention(context.online, store, clock(), tz, care.retentionDays, RETENTION_BATCH);
    } catch (error) {
      log.error({ err: error }, 'online retention failed');
    }
    dailyBackup(store, join(options.dataDir, 'backups'), day, care.backupDays).catch((error: unknown) =>
      log.error({ err: error }, 'daily backup failed'),
    );
  };
  // A printer in trouble is asked again (DLE EOT) between tickets, so its alert clears once paper is
  // refilled, not only at the next ticket; never while a job prints (printers take one connection).
  // Once it answers ready again, the tickets that wait for paper are printed (marked CETAK ULANG).
  const checkPrinter = async () => {
    if (prints.status.state !== 'ok' && prints.status.pendingJobs === 0) await prints.refresh();
    const state = prints.status.state;
    if (ticketPrints.waiting && (state === 'ok' || state === 'paper-near-end' || state === 'unknown'))
      ticketPrints.wake();
  };
  // The kiosk opens and closes by the clock, with no command to push the board: push it when that turns.
  let wasOpen = context.opening().open;
  const openingTurned = () => {
    const { open } = context.opening();
    if (open !== wasOpen) board.schedule();
    wasOpen = open;
  };
  const housekeeping = async () => {
    openingTurned();
    endDay();
    dataCare();
    await checkPrinter();
  };
  // At start only the day's work: the printer is first asked half a minute in (or at the first ticket).
  endDay();
  dataCare();
  const dayTimer = setInterval(() => void housekeeping(), 30_000);
  dayTimer.unref();
  const central = new CentralPusher({
    ...options.central,
    store,
    log,
    beforeStep: () => {
      const tz = runner.state.config.office.timeZone;
      keepClosedDays(store.reports, tz, officeDay(clock(), tz), REPORT_DAYS_BATCH);
    },
  });
  central.start();

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, options.host ?? '0.0.0.0', () => resolve());
  });
  port = (httpServer.address() as AddressInfo).port;
  // Jobs kept from before a restart: printed now if their visitors still wait.
  ticketPrints.wake();
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  log.info(
    { port, dataDir: options.dataDir, printer: printer.description, tls: fingerprint ?? false },
    'hub started',
  );
  let announcement: HubAnnouncement | null = null;
  if (options.mdns !== false) {
    const mdns: MdnsOptions = options.mdns === true || options.mdns === undefined ? {} : options.mdns;
    const bound =
      options.host && options.host !== '0.0.0.0' && options.host !== '::' ? options.host : undefined;
    try {
      announcement = announceHub(
        { port, version: HUB_VERSION, office: runner.state.config.office.name, fingerprint },
        { ...mdns, interface: mdns.interface ?? bound },
        log,
      );
    } catch (error) {
      log.warn({ err: error }, 'mDNS announcement failed');
    }
  }

  return {
    url: `${scheme}://${host}:${port}`,
    port,
    fingerprint,
    announcement,
    store,
    context,
    central,
    housekeeping,
    async close() {
      closing = true;
      clearInterval(dayTimer);
      await central.close();
      revocations.close();
      await announcement?.close();
      await ticketPrints.close();
      board.stop();
      // Closing the transport (not disconnecting each socket) lets clients reconnect to the next start.
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await Promise.all([prints.close(), kioskPrinters.close()]);
      store.close();
    },
  };
}

function authenticate(store: Store, token: unknown, now: number): SocketData | null {
  if (typeof token !== 'string' || token.length === 0 || token.length > 200) return null;
  const device = store.deviceByToken(token);
  if (device) {
    return device.deskId
      ? { role: device.role, deviceId: device.id, deskId: device.deskId }
      : { role: device.role, deviceId: device.id };
  }
  const staff = store.staffBySession(token, now);
  return staff ? { role: staff.role, staffId: staff.id, staffName: staff.name } : null;
}
