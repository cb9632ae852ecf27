import type {
  BoardSnapshot,
  ClientToHubEvents,
  HubToClientEvents,
  NamedPrinterStatus,
  OpeningStatus,
  PrinterStatusView,
  SocketData,
} from '@pst/shared';
import type { Logger } from 'pino';
import type { Server } from 'socket.io';
import type { PinHasher } from './auth';
import type { CodeThrottle } from './code-throttle';
import type { KioskPrinters } from './kiosk-printers';
import type { StaffLogin } from './login';
import type { LoginTarpit } from './login-tarpit';
import type { RateLimiter } from './rate-limit';
import type { QueueRunner } from './runner';
import type { OnlineStore } from './storage/online-store';
import type { Store } from './storage/store';

/** What the hub keeps of an authenticated socket: its identity, and its token's hash (socket-auth.ts). */
export interface HubSocketData extends SocketData {
  /** Hashed once when the socket connects: every later check of its credential looks up by it. */
  tokenHash: string;
}

export type HubServer = Server<ClientToHubEvents, HubToClientEvents, Record<string, never>, HubSocketData>;

/** What command handlers and HTTP routes reach of the hub. */
export interface HubContext {
  store: Store;
  /** Online requests and appointments (issue 21). */
  online: OnlineStore;
  runner: QueueRunner;
  io: HubServer;
  log: Logger;
  clock: () => number;
  kioskLimiter: RateLimiter;
  /** PIN hashing off the event loop, and the throttled staff sign-in. */
  pins: PinHasher;
  staffLogin: StaffLogin;
  /** Throttled sign-ins wait here for their answer. */
  loginTarpit: LoginTarpit;
  /** Disconnects every socket whose token is no longer valid (revoked device, ended session). */
  cutRevoked(): void;
  /** Wrong appointment codes per kiosk (issue 21). */
  codeThrottle: CodeThrottle;
  publicUrl(): string;
  /** SHA-256 fingerprint of the hub's TLS certificate; null when it serves plain HTTP. */
  tlsFingerprint: string | null;
  board(): BoardSnapshot;
  boardChanged(): void;
  /** Whether the kiosk gives tickets now (service hours, holidays) at the hub's clock. */
  opening(): OpeningStatus;
  printerStatus(): PrinterStatusView;
  /** The hub's printer, then each kiosk that prints locally. */
  printers(): NamedPrinterStatus[];
  kioskPrinters: KioskPrinters;
  /**
   * In the take's transaction: the ticket's print job, kept until printed (null: the kiosk that took
   * it prints locally).
   */
  queueTicketPrint(ticketId: string, deviceId?: string): number | null;
  /** Prints the ticket at the hub (its job, first attempt), or at the kiosk that took it when that kiosk prints locally. */
  printTicket(ticketId: string, deviceId?: string, jobId?: number | null): Promise<PrinterStatusView>;
  /** A waiting ticket printed again, marked CETAK ULANG (where it was printed first). */
  reprintTicket(ticketId: string, requestedBy: string): Promise<PrinterStatusView>;
  /** A marked test ticket (no number) on the hub's printer or on a locally printing kiosk. */
  printTest(deviceId?: string): Promise<NamedPrinterStatus>;
}
