import type { HubConnection } from '@pst/client';
import type { PrintJob } from '@pst/shared';
import type { KioskPrinterApi, PrintOutcome } from '@pst/shell/bridge';

/** The kiosk shell's printer on `window.pstShell`: absent in a plain browser (the hub then prints). */
export function shellPrinter(): KioskPrinterApi | undefined {
  const shell = (globalThis as { pstShell?: { kind?: string; kioskPrinter?: KioskPrinterApi } }).pstShell;
  return shell?.kind === 'kiosk' ? shell.kioskPrinter : undefined;
}

/** How many finished job ids are remembered, so a job sent again is not printed twice. */
const REMEMBERED = 50;

/**
 * Kiosk-local printing: on every connect, tells the hub whether this kiosk prints its tickets
 * itself (`kiosk:printer`), then prints each `print:job` through the shell and answers
 * `print:result`. A job the hub sends again (its retry, or after a reconnect) with an id already
 * printed is answered from memory; one still printing waits for that same print.
 * Returns the function that stops listening.
 */
export function attachLocalPrinting(hub: HubConnection, printer: KioskPrinterApi | undefined): () => void {
  if (!printer) return () => undefined;
  const jobs = new Map<string, Promise<PrintOutcome>>();
  let local = false;

  const declare = async () => {
    try {
      const info = await printer.getPrinter();
      local = info.local;
      await hub.send('kiosk:printer', { local: info.local, description: info.description.slice(0, 120) });
    } catch {
      local = false;
    }
  };

  const print = (job: PrintJob): Promise<PrintOutcome> => {
    const known = jobs.get(job.jobId);
    if (known) return known;
    const printing = printer
      .print(job.data)
      .catch((error: unknown): PrintOutcome => ({ state: 'error', detail: String(error).slice(0, 400) }));
    jobs.set(job.jobId, printing);
    void printing.then((outcome) => {
      // Only a printed job is final: a failed one prints again when the hub retries it.
      if (outcome.state !== 'ok') jobs.delete(job.jobId);
      while (jobs.size > REMEMBERED) jobs.delete(jobs.keys().next().value as string);
    });
    return printing;
  };

  const onJob = async (job: PrintJob) => {
    const outcome = local
      ? await print(job)
      : ({ state: 'error', detail: 'this kiosk does not print locally' } satisfies PrintOutcome);
    await hub.send('print:result', {
      jobId: job.jobId,
      state: outcome.state,
      detail: outcome.detail.slice(0, 500),
    });
  };
  const onConnect = () => void declare();

  hub.socket.on('connect', onConnect);
  hub.socket.on('print:job', onJob);
  if (hub.socket.connected) void declare();
  return () => {
    hub.socket.off('connect', onConnect);
    hub.socket.off('print:job', onJob);
  };
}
