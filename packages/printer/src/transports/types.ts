export type PrinterState =
  | 'ok'
  | 'paper-near-end'
  | 'offline'
  | 'paper-out'
  | 'cover-open'
  | 'error'
  | 'unknown';

export interface PrinterStatus {
  state: PrinterState;
  detail: string;
}

/** Where ticket bytes go: a LAN printer, a device file, a folder; the Electron kiosk adds the OS spooler. */
export interface PrinterTransport {
  readonly description: string;
  /**
   * Resolves once the job is on its way for good; with the printer's status after it when the
   * printer tells (a network printer that answers DLE EOT: 'ok' or 'paper-near-end').
   */
  print(job: Uint8Array): Promise<PrinterStatus | void>;
  status(): Promise<PrinterStatus>;
  close(): Promise<void>;
}

/**
 * How far a failed job got, which decides whether it may be sent again:
 * - not-sent: no byte of the job left us (no connection, the printer said paper out first);
 * - torn: the printer dropped the connection before confirming it had read the job: not a whole
 *   ticket on paper;
 * - unknown: the printer had the whole job but did not confirm it (no answer, or paper ran out
 *   while it held it): sending it again could print a second copy.
 */
export type JobOutcome = 'not-sent' | 'torn' | 'unknown';

export class PrinterError extends Error {
  constructor(
    readonly state: Exclude<PrinterState, 'ok' | 'paper-near-end'>,
    message: string,
    readonly outcome: JobOutcome = 'not-sent',
  ) {
    super(message);
    this.name = 'PrinterError';
  }
}
