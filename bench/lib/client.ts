/** socket.io-client helpers (no hub code here: child processes that only drive clients load this). */

import { createNetworkPrinter, PrinterError } from '@pst/printer';
import type {
  Ack,
  ClientToHubEvents,
  CommandName,
  CommandResult,
  CommandSender,
  HubToClientEvents,
  Payload,
  PrinterStatusView,
} from '@pst/shared';
import { io, type Socket } from 'socket.io-client';

export type Client = Socket<HubToClientEvents, ClientToHubEvents>;

export function connect(url: string, token: string, timeoutMs = 20_000): Promise<Client> {
  const socket: Client = io(url, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: timeoutMs,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.disconnect();
      reject(error);
    });
  });
}

/** Connects many clients, a batch at a time. */
export async function connectAll(url: string, tokens: readonly string[], batch = 25): Promise<Client[]> {
  const clients: Client[] = [];
  for (let i = 0; i < tokens.length; i += batch) {
    clients.push(...(await Promise.all(tokens.slice(i, i + batch).map((t) => connect(url, t)))));
  }
  return clients;
}

/** Sends a command and returns its ack, typed by the contract. */
export function send<E extends CommandName>(
  client: Client,
  event: E,
  payload: Payload<E>,
  timeoutMs = 30_000,
): Promise<Ack<CommandResult<E>>> {
  return (client.timeout(timeoutMs) as unknown as CommandSender).emitWithAck(event, payload);
}

export async function ok<E extends CommandName>(
  client: Client,
  event: E,
  payload: Payload<E>,
): Promise<CommandResult<E>> {
  const reply = await send(client, event, payload);
  if (!reply.ok) throw new Error(`${event} refused: ${reply.error.code} ${reply.error.message}`);
  return reply.data;
}

/**
 * Follows a kiosk's `ticket:printed` pushes (from before its first take: one may come before the ack):
 * the function returned resolves with how the printing of a ticket ended.
 */
export function printOutcomes(client: Client): (ticketId: string) => Promise<PrinterStatusView> {
  const arrived = new Map<string, PrinterStatusView>();
  const waiting = new Map<string, (printed: PrinterStatusView) => void>();
  client.on('ticket:printed', ({ ticketId, printed }) => {
    const resolve = waiting.get(ticketId);
    waiting.delete(ticketId);
    if (resolve) resolve(printed);
    else arrived.set(ticketId, printed);
  });
  return (ticketId) =>
    new Promise((resolve) => {
      const printed = arrived.get(ticketId);
      arrived.delete(ticketId);
      if (printed) resolve(printed);
      else waiting.set(ticketId, resolve);
    });
}

/**
 * The kiosk prints its own tickets, as the kiosk app's Electron shell does with a printer of its own:
 * it says so (`kiosk:printer`), prints each `print:job` on its network printer over one kept
 * connection, and answers `print:result`. Returns a function that closes the printer.
 */
export async function printLocally(client: Client, printer: { host: string; port: number }) {
  const transport = createNetworkPrinter({ host: printer.host, port: printer.port });
  // Results still on their way to the hub: closing waits for them, so a disconnect right after the
  // last ticket does not cut an answer off.
  const reporting = new Set<Promise<unknown>>();
  client.on('print:job', (job) => {
    const result = transport
      .print(Buffer.from(job.data, 'base64'))
      .then(
        () => ({ state: 'ok' as const, detail: '' }),
        (error: unknown) => ({
          state:
            error instanceof PrinterError && error.state !== 'unknown' ? error.state : ('error' as const),
          detail: String(error).slice(0, 400),
        }),
      )
      .then((result) => send(client, 'print:result', { jobId: job.jobId, ...result }));
    reporting.add(result);
    const settled = () => reporting.delete(result);
    result.then(settled, settled);
  });
  await ok(client, 'kiosk:printer', { local: true, description: transport.description });
  return async () => {
    await Promise.allSettled(reporting);
    transport.close();
  };
}
