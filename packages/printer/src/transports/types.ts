export type PrinterState = 'ok' | 'offline' | 'paper-out' | 'cover-open' | 'error' | 'unknown';

export interface PrinterStatus {
  state: PrinterState;
  detail: string;
}

/** Where ticket bytes go: a LAN printer, a device file, a folder; the Electron kiosk adds the OS spooler. */
export interface PrinterTransport {
  readonly description: string;
  print(job: Uint8Array): Promise<void>;
  status(): Promise<PrinterStatus>;
  close(): Promise<void>;
}

export class PrinterError extends Error {
  constructor(
    readonly state: Exclude<PrinterState, 'ok'>,
    message: string,
  ) {
    super(message);
    this.name = 'PrinterError';
  }
}
