/**
 * The fake printer in a process of its own, as a real printer is a device of its own: it answers
 * at once even while the hub's event loop is busy. Parent messages: {type:'job', ticketId} ->
 * {type:'job', ticketId, job}; {type:'stats'} -> {type:'stats', ...}.
 */
import { fromParent, toParent } from './lib/child';
import { startFakePrinter } from './lib/fake-printer';

const printer = await startFakePrinter(Number(process.env.PST_BENCH_PRINTERS ?? 1));
fromParent(async (message) => {
  if (message.type === 'job') {
    const ticketId = String(message.ticketId);
    const job = await printer.job(ticketId).catch((error: unknown) => ({ error: String(error) }));
    toParent({ type: 'job', ticketId, job });
  } else if (message.type === 'stats') {
    toParent({ type: 'stats', ...printer.stats() });
  } else if (message.type === 'close') {
    await printer.close();
    process.exit(0);
  }
});
toParent({ type: 'ready', port: printer.port, ports: printer.ports, pid: process.pid });
if (!process.send) process.stdout.write(`${JSON.stringify({ port: printer.port, pid: process.pid })}\n`);
