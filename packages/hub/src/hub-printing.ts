import { join } from 'node:path';
import {
  createPrinter,
  type PrinterConfig,
  type PrinterTransport,
  renderTestTicket,
  renderTicket,
} from '@pst/printer';
import { ticketView } from '@pst/queue-core';
import {
  FRONT_OFFICE_QUEUE,
  type NamedPrinterStatus,
  type PrinterStatusView,
  type PrintFailureView,
  ticketStatusPath,
} from '@pst/shared';
import type { Logger } from 'pino';
import type { HubContext, HubServer } from './context';
import { KioskPrinters } from './kiosk-printers';
import { PrintQueue } from './print-queue';
import type { QueueRunner } from './runner';
import type { Store } from './storage/store';
import { type TicketPrintResult, TicketPrints } from './ticket-prints';

/** A job first tried this long after it was queued (the hub was down) is marked CETAK ULANG too. */
const LATE_PRINT_MS = 60_000;

export interface HubPrintingOptions {
  dataDir: string;
  /** A printer transport, or its configuration; default: files under <dataDir>/printed. */
  printer?: PrinterTransport | PrinterConfig;
  paperWidth?: 58 | 80;
  printRetryDelayMs?: number;
  kioskPrintTimeoutMs?: number;
  kioskJobMaxWaitMs?: number;
  store: Store;
  runner: QueueRunner;
  io: HubServer;
  log: Logger;
  clock: () => number;
  /** The address in a ticket's QR code. */
  publicUrl(): string;
  /** A printer's state changed: the board goes out again. */
  boardChanged(): void;
}

/** What command handlers reach of printing (see HubContext). */
type PrintingOfContext = Pick<
  HubContext,
  | 'printerStatus'
  | 'printers'
  | 'kioskPrinters'
  | 'queueTicketPrint'
  | 'printTicket'
  | 'reprintTicket'
  | 'printTest'
>;

export interface HubPrinting extends PrintingOfContext {
  /** The hub printer's description (for the log). */
  description: string;
  /** Today's tickets whose paper failed or is unknown, for the board. */
  failures(): PrintFailureView[];
  /**
   * A printer in trouble is asked again (DLE EOT) between tickets, so its alert clears once paper is
   * refilled, not only at the next ticket; once it answers ready, tickets that wait for paper print.
   */
  checkPrinter(): Promise<void>;
  /** Prints the jobs kept from before a restart (if their visitors still wait). */
  resumeJobs(): void;
  /** Stops the ticket jobs (kept on disk for the next start). */
  stopJobs(): Promise<void>;
  /** Closes the printers' connections. */
  close(): Promise<void>;
}

/**
 * The hub's printing: its own printer (ticket jobs kept in SQLite until on paper, retried) and the
 * kiosks that print locally, and what a ticket's print outcome writes (print state, audit).
 */
export function createHubPrinting(options: HubPrintingOptions): HubPrinting {
  const { store, runner, io, log, clock } = options;
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
  const prints = new PrintQueue(printer, {
    clock,
    retryDelayMs: options.printRetryDelayMs,
    onStatus: (status) => {
      io.emit('printer:status', status);
      if (status.state !== 'ok') log.warn({ printer: status }, 'printer problem');
      options.boardChanged();
    },
  });
  /** A kiosk's print result, committed with the turn's commands (one commit less per ticket). */
  const recordPrint = (ticketId: string, status: { state: string }) => {
    store.joinTurn();
    store.setPrintState(ticketId, status.state === 'ok' ? 'printed' : `failed:${status.state}`);
    if (status.state !== 'ok') store.audit(clock(), 'print.failed', { ticketId, printer: status }, 'hub');
  };
  const kioskPrinters = new KioskPrinters({
    clock,
    log,
    retryDelayMs: options.printRetryDelayMs,
    resultTimeoutMs: options.kioskPrintTimeoutMs,
    maxWaitMs: options.kioskJobMaxWaitMs,
    onStatus: (status) => {
      if (status && status.state !== 'ok' && status.state !== 'unknown')
        log.warn({ printer: status }, 'kiosk printer problem');
      options.boardChanged();
    },
    onLateResult: (ticketId, status) => {
      recordPrint(ticketId, status);
      // The kiosk's own printer status carries its name and id: the push carries the view only.
      const { state, detail, pendingJobs, at } = status;
      if (state === 'ok') tellKiosk(ticketId, { state, detail, pendingJobs, at });
    },
  });
  /**
   * A ticket printed late (the recovery print after a failure, a waiting kiosk's job): the kiosk that
   * issued it hears so (`ticket:printed`), on whatever socket it has now, and drops its failure note and
   * its "Cetak ulang".
   */
  const tellKiosk = (ticketId: string, printed: PrinterStatusView) => {
    const source = runner.state.tickets.get(ticketId)?.source;
    if (!source) return;
    for (const socket of io.of('/').sockets.values())
      if (socket.data.role === 'kiosk' && socket.data.deviceId === source)
        socket.emit('ticket:printed', { ticketId, printed });
  };
  const hubPrinter = (): NamedPrinterStatus => ({
    ...prints.status,
    id: 'hub',
    kind: 'hub',
    name: printer.description,
    connected: true,
  });
  const paperWidth = options.paperWidth ?? 80;

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
        statusUrl: `${options.publicUrl()}${ticketStatusPath(view.id)}`,
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
      if (outcome === 'printed') {
        store.setPrintState(job.ticketId, 'printed');
        // Its visitor was told it failed (a first attempt that failed, or a job delayed behind one).
        if (job.attempts > 0 || job.reprint) tellKiosk(job.ticketId, { ...status, state: 'ok' });
      } else if (outcome === 'unknown') {
        store.setPrintState(job.ticketId, `unknown:${status.state}`);
        store.audit(clock(), 'print.unknown', { ticketId: job.ticketId, printer: status }, 'hub');
      } else if (outcome === 'failed') {
        store.setPrintState(job.ticketId, `failed:${status.state}`);
        if (job.attempts === 0)
          store.audit(clock(), 'print.failed', { ticketId: job.ticketId, printer: status }, 'hub');
      }
      options.boardChanged();
    },
  });
  /** What a visitor (or staff) hears of a ticket job: 'ok' once on paper, else why not. */
  const heard = ({ outcome, status }: TicketPrintResult): PrinterStatusView => ({
    ...status,
    state: outcome === 'printed' ? 'ok' : outcome === 'unknown' ? 'unknown' : status.state,
  });
  /** A kiosk's printed ticket: recorded, and answered as a ticket's print status. */
  const printedAtKiosk = async (
    deviceId: string,
    ticketId: string,
    bytes: Uint8Array,
    wait: boolean,
  ): Promise<PrinterStatusView> => {
    const status = await kioskPrinters.print(deviceId, ticketId, bytes, wait);
    recordPrint(ticketId, status);
    const { id: _id, kind: _kind, name: _name, connected: _connected, ...view } = status;
    return view;
  };

  return {
    description: printer.description,
    kioskPrinters,
    printerStatus: () => prints.status,
    printers: () => [hubPrinter(), ...kioskPrinters.statuses()],
    failures: () =>
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
      }),
    async printTest(deviceId) {
      const office = runner.state.config.office;
      const target =
        deviceId === undefined
          ? printer.description
          : (store.devices().find((d) => d.id === deviceId)?.name ?? deviceId);
      const bytes = renderTestTicket({ printer: target, at: clock(), url: options.publicUrl() }, office, {
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
        return printedAtKiosk(ticket.source, ticketId, bytes, false);
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
      return printedAtKiosk(deviceId, ticketId, bytes, true);
    },
    async checkPrinter() {
      // Never while a job prints (printers take one connection).
      if (prints.status.state !== 'ok' && prints.status.pendingJobs === 0) await prints.refresh();
      const state = prints.status.state;
      if (ticketPrints.waiting && (state === 'ok' || state === 'paper-near-end' || state === 'unknown'))
        ticketPrints.wake();
    },
    resumeJobs: () => ticketPrints.wake(),
    stopJobs: () => ticketPrints.close(),
    close: async () => {
      await Promise.all([prints.close(), kioskPrinters.close()]);
    },
  };
}
