/**
 * Printing a ticket through the operating system's spooler, for thermal printers that only come
 * with a (Windows) driver: the ESC/POS bytes the hub rendered are decoded back into lines and QR
 * codes, laid out as a receipt-sized HTML page in a hidden window, and printed silently.
 */
import { type DecodedBlock, decodeEscPosBlocks, PrinterError, type PrinterTransport } from '@pst/printer';
import QRCode from 'qrcode';
import type { PaperWidthMm } from './bridge';
import type { BrowserWindowFactory, BrowserWindowLike, PrinterInfoLike } from './electron-like';

/** The printable width of each paper (576 and 384 dots at 203 dpi) and its ESC/POS font-A columns. */
const PRINTABLE_MM: Record<PaperWidthMm, number> = { 80: 72, 58: 48 };
const COLUMNS: Record<PaperWidthMm, number> = { 80: 48, 58: 32 };
/** Font A is 24 dots high: 3 mm per line at size 1. */
const LINE_MM = 3;
const QR_MM: Record<PaperWidthMm, number> = { 80: 30, 58: 26 };
const MARGIN_MM = 3;

export interface ReceiptPage {
  html: string;
  /** The page height the content needs, in microns (Electron's custom `pageSize`). */
  heightMicrons: number;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The ticket as a receipt-sized HTML page: the same lines, sizes, alignment and QR codes as on paper. */
export async function receiptHtml(bytes: Uint8Array, paperWidth: PaperWidthMm): Promise<ReceiptPage> {
  const printable = PRINTABLE_MM[paperWidth];
  // Monospace characters are about 0.6 em wide: the paper's columns fill the printable width.
  const fontMm = +(printable / (COLUMNS[paperWidth] * 0.6)).toFixed(3);
  let heightMm = 2 * MARGIN_MM;
  const body: string[] = [];
  for (const block of decodeEscPosBlocks(bytes) as DecodedBlock[]) {
    if (block.kind === 'line') {
      const { text, align, bold, width, height } = block.line;
      heightMm += LINE_MM * height;
      const style = [`text-align:${align}`, `font-size:${(fontMm * height).toFixed(3)}mm`];
      if (bold) style.push('font-weight:bold');
      // ESC/POS can stretch one way only (GS ! with width != height): scale the glyphs sideways.
      const inner =
        width === height
          ? escapeHtml(text)
          : `<span style="display:inline-block;transform:scaleX(${(width / height).toFixed(3)});transform-origin:${align}">${escapeHtml(text)}</span>`;
      body.push(`<div class="l" style="${style.join(';')}">${inner || '&nbsp;'}</div>`);
    } else if (block.kind === 'qr') {
      heightMm += QR_MM[paperWidth] + LINE_MM;
      const svg = await QRCode.toString(block.data, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
      body.push(
        `<div class="qr" style="text-align:${block.align}"><div style="width:${QR_MM[paperWidth]}mm;display:inline-block" data-qr="${escapeHtml(block.data)}">${svg}</div></div>`,
      );
    } else if (block.kind === 'feed') {
      heightMm += LINE_MM * block.lines;
      body.push(`<div style="height:${LINE_MM * block.lines}mm"></div>`);
    }
    // A cut is the end of the page; bytes the decoder does not know print nothing.
  }
  const heightMicrons = Math.ceil(heightMm * 1000);
  const html = `<!doctype html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>
@page { size: ${paperWidth}mm ${heightMm.toFixed(1)}mm; margin: 0 }
html, body { margin: 0; padding: 0; background: #fff; color: #000 }
body { width: ${paperWidth}mm; box-sizing: border-box; padding: ${MARGIN_MM}mm ${(paperWidth - printable) / 2}mm;
  font-family: "Consolas", "DejaVu Sans Mono", "Courier New", monospace; line-height: 1.2 }
.l { white-space: pre-wrap; overflow-wrap: anywhere }
.qr svg { width: 100%; height: auto; display: block }
</style></head>
<body>${body.join('\n')}</body></html>`;
  return { html, heightMicrons };
}

export interface SpoolerPrinterOptions {
  /** `electron.BrowserWindow`: each job renders in a hidden window of its own. */
  BrowserWindow: BrowserWindowFactory;
  /** The printer's name as the operating system knows it (`PrinterInfo.name`). */
  deviceName: string;
  paperWidth: PaperWidthMm;
  /** The operating system's printers (`webContents.getPrintersAsync()`). */
  listPrinters(): Promise<PrinterInfoLike[]>;
  /** Loading and spooling one job: default 20 s (a driver that never answers counts as offline). */
  timeoutMs?: number;
}

/**
 * The kiosk's OS-spooler printer, as a PrinterTransport like the hub's own transports. A driver
 * reports no paper or cover state to us: 'ok' means the spooler took the job.
 */
export function createSpoolerPrinter(options: SpoolerPrinterOptions): PrinterTransport {
  const { deviceName, paperWidth } = options;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const description = `OS printer "${deviceName}" (${paperWidth} mm)`;

  async function present(): Promise<boolean> {
    try {
      return (await options.listPrinters()).some((printer) => printer.name === deviceName);
    } catch {
      return false;
    }
  }

  function spool(window: BrowserWindowLike, heightMicrons: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new PrinterError('offline', `${description}: the spooler did not answer within ${timeoutMs} ms`),
          ),
        timeoutMs,
      );
      window.webContents.print(
        {
          silent: true,
          deviceName,
          printBackground: true,
          margins: { marginType: 'none' },
          pageSize: { width: paperWidth * 1000, height: heightMicrons },
        },
        (success, failureReason) => {
          clearTimeout(timer);
          if (success) resolve();
          else reject(new PrinterError('error', `${description}: ${failureReason || 'printing failed'}`));
        },
      );
    });
  }

  return {
    description,
    async print(job) {
      if (!(await present()))
        throw new PrinterError('offline', `${description}: no such printer on this computer`);
      const page = await receiptHtml(job, paperWidth);
      const window = new options.BrowserWindow({
        show: false,
        width: 400,
        height: 800,
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
      });
      try {
        await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(page.html)}`);
        await spool(window, page.heightMicrons);
      } catch (error) {
        if (error instanceof PrinterError) throw error;
        throw new PrinterError('error', `${description}: ${(error as Error).message}`);
      } finally {
        if (!window.isDestroyed()) window.destroy();
      }
    },
    async status() {
      return (await present())
        ? { state: 'ok', detail: `${description}: installed (the driver does not report paper or cover)` }
        : { state: 'offline', detail: `${description}: no such printer on this computer` };
    },
    async close() {},
  };
}
