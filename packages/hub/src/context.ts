import type {
  BoardSnapshot,
  ClientToHubEvents,
  HubToClientEvents,
  PrinterStatusView,
  SocketData,
  TicketView,
} from '@pst/shared';
import type { Logger } from 'pino';
import type { Server } from 'socket.io';
import type { RateLimiter } from './rate-limit';
import type { QueueRunner } from './runner';
import type { Store } from './storage/store';

export type HubServer = Server<ClientToHubEvents, HubToClientEvents, Record<string, never>, SocketData>;

/** What command handlers and HTTP routes reach of the hub. */
export interface HubContext {
  store: Store;
  runner: QueueRunner;
  io: HubServer;
  log: Logger;
  clock: () => number;
  kioskLimiter: RateLimiter;
  publicUrl(): string;
  board(): BoardSnapshot;
  boardChanged(): void;
  printerStatus(): PrinterStatusView;
  printTicket(ticket: TicketView, statusUrl: string): Promise<PrinterStatusView>;
}
