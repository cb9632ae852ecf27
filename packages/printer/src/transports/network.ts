import { Socket } from 'node:net';
import { DLE, EOT } from '../escpos';
import { type JobOutcome, PrinterError, type PrinterStatus, type PrinterTransport } from './types';

export interface NetworkPrinterOptions {
  host: string;
  /** Raw TCP printing port (JetDirect / "port 9100"). */
  port?: number;
  /** How long connecting may take. */
  connectTimeoutMs?: number;
  /** How long the printer may take to read a job and answer the questions sent after it. */
  timeoutMs?: number;
  /** How long to wait for an answer to a status request; printers that never answer still print. */
  statusTimeoutMs?: number;
  /** TCP keep-alive on the idle connection, so a printer switched off is noticed between tickets. */
  keepAliveMs?: number;
  /**
   * Ask for Automatic Status Back (GS a) on each connection (default on): a printer that has it says
   * paper out or cover open the moment it happens, so the next job is held back instead of sent into
   * a printer that cannot print it. Printers without it ignore the command.
   */
  automaticStatusBack?: boolean;
  /** Told each status the printer sends unasked (ASB), as it comes. */
  onStatusBack?: (status: PrinterStatus) => void;
}

/** Real-time status requests (DLE EOT n). */
const OFFLINE_CAUSE = 2; // bit 2 cover open, bit 5 stopped at paper end, bit 6 error
const PAPER_SENSOR = 4; // bits 2-3 paper near end, bits 5-6 paper end
const QUESTIONS = [PAPER_SENSOR, OFFLINE_CAUSE] as const;
const REQUEST = Uint8Array.from(QUESTIONS.flatMap((n) => [DLE, EOT, n]));
/** GS a n: Automatic Status Back for offline (bit 1), errors (bit 2) and the paper sensor (bit 3). */
const ASB_ON = Uint8Array.of(0x1d, 0x61, 0x0e);
/** An ASB block's first byte: bit 4 set, bits 0, 1 and 7 clear (a DLE EOT answer has bit 1 set). */
const isAsbHead = (byte: number) => (byte & 0x93) === 0x10;

/** A status byte always has bit 1 and bit 4 set and bits 0 and 7 clear. */
const isStatusByte = (byte: number) => (byte & 0x93) === 0x12;

/** A printer that says so cannot print: sending it a job would only fill its buffer. */
const cannotPrint = (status: PrinterStatus) =>
  status.state === 'paper-out' ||
  status.state === 'cover-open' ||
  status.state === 'error' ||
  status.state === 'offline';

/**
 * One TCP connection to the printer, kept open between jobs. Answers to status requests are
 * collected as they come; `broken` is set (and every wait ends) when the connection fails.
 */
class Connection {
  broken: Error | null = null;
  /** The printer's unasked status (ASB, 4 bytes), whenever it comes. */
  onStatusBack: ((block: number[]) => void) | null = null;
  private readonly answers: number[] = [];
  private block: number[] = [];
  private wake: (() => void) | null = null;

  private constructor(readonly socket: Socket) {
    socket.on('data', (data: Buffer) => {
      for (const byte of data) {
        if (this.block.length > 0 || isAsbHead(byte)) {
          this.block.push(byte);
          if (this.block.length === 4) {
            this.onStatusBack?.(this.block);
            this.block = [];
          }
        } else this.answers.push(byte);
      }
      this.wake?.();
    });
    const fail = (error: Error) => {
      this.broken ??= error;
      this.wake?.();
    };
    socket.on('error', fail);
    socket.on('end', () => fail(new Error('the printer closed the connection')));
    socket.on('close', () => fail(new Error('connection closed')));
  }

  static open(host: string, port: number, timeoutMs: number, keepAliveMs: number): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const socket = new Socket();
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`no connection within ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        socket.destroy();
        reject(new Error(error.code ?? error.message));
      });
      socket.connect(port, host, () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        socket.setNoDelay(true);
        socket.setKeepAlive(true, keepAliveMs);
        resolve(new Connection(socket));
      });
    });
  }

  /**
   * Writes `before` (a job, or nothing) and the status requests in one write, and waits for their
   * answers in order: null when they did not all come within waitMs; throws when the connection
   * fails meanwhile.
   */
  async ask(waitMs: number, before?: Uint8Array): Promise<number[] | null> {
    this.answers.length = 0;
    this.socket.write(before ? Buffer.concat([before, REQUEST]) : REQUEST);
    let timer: NodeJS.Timeout | undefined;
    try {
      return await new Promise<number[] | null>((resolve, reject) => {
        timer = setTimeout(() => resolve(null), waitMs);
        this.wake = () => {
          if (this.answers.length >= QUESTIONS.length) resolve(this.answers.splice(0, QUESTIONS.length));
          else if (this.broken) reject(this.broken);
        };
        this.wake();
      });
    } finally {
      clearTimeout(timer);
      this.wake = null;
    }
  }

  /** Writes a job to a printer that answers no questions: done once the kernel has all of it. */
  send(job: Uint8Array, waitMs: number): Promise<boolean> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => resolve(false), waitMs);
      this.socket.write(job, (error) => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve(true);
      });
    });
  }

  destroy(): void {
    this.broken ??= new Error('connection closed');
    this.socket.destroy();
  }
}

/**
 * A LAN printer on raw TCP (port 9100) over one connection kept open (reconnected when it fails,
 * TCP keep-alive while idle). Each job goes out in one write followed by DLE EOT 4 and DLE EOT 2:
 * real-time requests are answered when the printer reads them, so their answers say both that it
 * has read the whole job and how its paper is afterwards. One status round trip per job; a probe
 * before the job only on a new connection or while the last answer said the printer cannot print.
 *
 * Never sends a job twice: when it is unclear whether the printer has the job, the error says
 * `unknown` and the caller decides (see JobOutcome).
 */
export function createNetworkPrinter(options: NetworkPrinterOptions): PrinterTransport {
  const port = options.port ?? 9100;
  const connectTimeoutMs = options.connectTimeoutMs ?? 3000;
  const timeoutMs = options.timeoutMs ?? 5000;
  const statusTimeoutMs = Math.min(options.statusTimeoutMs ?? 800, timeoutMs);
  const keepAliveMs = options.keepAliveMs ?? 10_000;
  const description = `network printer ${options.host}:${port}`;
  let connection: Connection | null = null;
  /** The printer's state from its last answers on this connection (null: not asked yet). */
  let known: PrinterStatus | null = null;
  /** Whether this printer answers status requests at all; learned again on each new connection. */
  let answers: boolean | null = null;
  let tail: Promise<unknown> = Promise.resolve();
  let closed = false;

  /** One job or status check at a time: the answers on the connection belong to one question. */
  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = tail.then(work);
    tail = run.catch(() => undefined);
    return run;
  }

  const fail = (state: PrinterError['state'], what: string, outcome: JobOutcome = 'not-sent') =>
    new PrinterError(state, `${description}: ${what}`, outcome);

  async function link(): Promise<Connection> {
    if (closed) throw fail('offline', 'the transport was closed');
    if (connection && !connection.broken) return connection;
    drop();
    try {
      connection = await Connection.open(options.host, port, connectTimeoutMs, keepAliveMs);
    } catch (error) {
      throw fail('offline', (error as Error).message);
    }
    if (options.automaticStatusBack ?? true) {
      const conn = connection;
      conn.onStatusBack = (block) => {
        if (conn !== connection) return;
        known = statusBack(block);
        options.onStatusBack?.(known);
      };
      conn.socket.write(ASB_ON);
    }
    if (closed) {
      drop();
      throw fail('offline', 'the transport was closed');
    }
    return connection;
  }

  function drop(): void {
    connection?.destroy();
    connection = null;
    known = null;
    answers = null;
  }

  function interpret([paper, cause]: number[]): PrinterStatus {
    if (cause === undefined || paper === undefined) throw new Error('two answers expected');
    if (cause & 0x04) return { state: 'cover-open', detail: `${description}: cover open` };
    if ((paper & 0x60) === 0x60 || cause & 0x20)
      return { state: 'paper-out', detail: `${description}: paper out` };
    if (cause & 0x40)
      return { state: 'error', detail: `${description}: printer error (cutter or mechanism)` };
    if ((paper & 0x0c) === 0x0c) return { state: 'paper-near-end', detail: `${description}: paper near end` };
    return { state: 'ok', detail: description };
  }

  /** An ASB block: byte 1 bit 3 offline, bit 5 cover open; byte 2 errors; byte 3 paper near end / roll end. */
  function statusBack([first = 0, errors = 0, paper = 0]: number[]): PrinterStatus {
    if (first & 0x20) return { state: 'cover-open', detail: `${description}: cover open` };
    if (paper & 0x0c) return { state: 'paper-out', detail: `${description}: paper out` };
    if (errors & 0x2c)
      return { state: 'error', detail: `${description}: printer error (cutter or mechanism)` };
    if (first & 0x08) return { state: 'offline', detail: `${description}: offline` };
    if (paper & 0x03) return { state: 'paper-near-end', detail: `${description}: paper near end` };
    return { state: 'ok', detail: description };
  }

  /** The printer's answers as a status; null when it did not answer (or answered nonsense). */
  function understood(bytes: number[] | null): PrinterStatus | null {
    if (bytes === null || !bytes.every(isStatusByte)) return null;
    answers = true;
    known = interpret(bytes);
    return known;
  }

  const silentStatus = (): PrinterStatus => ({
    state: 'unknown',
    detail: `${description}: does not report its status`,
  });

  /** Asks the printer's state on the connection (a probe before a job, or a check between jobs). */
  async function probe(conn: Connection): Promise<PrinterStatus> {
    const status = understood(await conn.ask(statusTimeoutMs));
    if (status) return status;
    if (answers === true) {
      // It answered before on this connection and stopped: hung, or not the printer it was.
      drop();
      throw fail('offline', `no answer to a status request within ${statusTimeoutMs} ms`);
    }
    answers = false;
    return silentStatus();
  }

  async function print(job: Uint8Array): Promise<PrinterStatus> {
    const conn = await link();
    if (answers !== false && (known === null || cannotPrint(known))) {
      const before = await probe(conn).catch((error: unknown) => {
        if (error instanceof PrinterError) throw error;
        drop();
        throw fail('offline', (error as Error).message);
      });
      if (cannotPrint(before)) throw new PrinterError(before.state as 'paper-out', before.detail);
    }
    if (answers === false) {
      const sent = await conn.send(job, timeoutMs).catch((error: Error) => {
        drop();
        throw fail('error', `${error.message} during the job`, 'torn');
      });
      if (!sent) {
        drop();
        throw fail('offline', `the printer did not take the job within ${timeoutMs} ms`, 'unknown');
      }
      return silentStatus();
    }
    let after: PrinterStatus | null;
    try {
      after = understood(await conn.ask(timeoutMs, job));
    } catch (error) {
      drop();
      throw fail('error', `${(error as Error).message} during the job`, 'torn');
    }
    if (!after) {
      drop();
      throw fail('offline', `the printer had the job but did not answer within ${timeoutMs} ms`, 'unknown');
    }
    // It has read the job, but cannot print it now: it may when the paper is in, or may not.
    if (cannotPrint(after)) throw new PrinterError(after.state as 'paper-out', after.detail, 'unknown');
    return after;
  }

  return {
    description,
    print: (job) => exclusive(() => print(job)),
    status: () =>
      exclusive(async () => {
        try {
          return await probe(await link());
        } catch (error) {
          drop();
          if (error instanceof PrinterError) return { state: error.state, detail: error.message };
          return { state: 'offline', detail: `${description}: ${(error as Error).message}` };
        }
      }),
    async close() {
      closed = true;
      drop();
      await tail;
    },
  };
}
