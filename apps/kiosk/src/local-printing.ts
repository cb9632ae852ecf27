import type { HubConnection } from '@pst/client';
import type { PrintJob } from '@pst/shared';
import type { KioskPrinterApi, PrintOutcome } from '@pst/shell/bridge';

/** The kiosk shell's printer on `window.pstShell`: absent in a plain browser (the hub then prints). */
export function shellPrinter(): KioskPrinterApi | undefined {
  const shell = (globalThis as { pstShell?: { kind?: string; kioskPrinter?: KioskPrinterApi } }).pstShell;
  return shell?.kind === 'kiosk' ? shell.kioskPrinter : undefined;
}

/**
 * Kiosk-local printing: on every connect, tells the hub whether this kiosk prints its tickets
 * itself (`kiosk:printer`), then hands each `print:job` to the shell and answers `print:result`.
 * The shell keeps the jobs on disk (packages/shell/src/print-journal.ts): a job the hub sends again
 * (its retry, or after a reconnect or a kiosk restart) with an id already printed is answered from
 * there, not printed twice. Returns the function that stops listening.
 */
export function attachLocalPrinting(hub: HubConnection, printer: KioskPrinterApi | undefined): () => void {
  if (!printer) return () => undefined;
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

  const onJob = async (job: PrintJob) => {
    const outcome = local
      ? await printer
          .print(job)
          .catch((error: unknown): PrintOutcome => ({ state: 'error', detail: String(error).slice(0, 400) }))
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
