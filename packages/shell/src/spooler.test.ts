import { PrinterError, renderTicket } from '@pst/printer';
import { describe, expect, it } from 'vitest';
import { createSpoolerPrinter, receiptHtml } from './spooler';
import { createFakeElectron, createFakeSpooler } from './test-fakes';

const OFFICE = {
  name: 'BPS Kabupaten Kendal',
  address: 'Jl. Pramuka, Kendal',
  timeZone: 'Asia/Jakarta' as const,
  complaintChannels: ['Kotak saran di ruang PST'],
};
const TICKET = renderTicket(
  {
    id: '20261125-K012',
    number: 'K-012',
    serviceName: 'Konsultasi Statistik',
    priority: false,
    issuedAt: Date.UTC(2026, 10, 25, 2, 0),
    peopleAhead: 3,
    estimatedWaitMinutes: 12,
    statusUrl: 'http://192.168.1.10:3324/t/20261125-K012',
  },
  OFFICE,
  { width: 80 },
);

function spoolerPrinter(printers = ['EPSON TM-T82 Receipt']) {
  const spooler = createFakeSpooler(printers);
  const fake = createFakeElectron({ spooler });
  const listing = new fake.electron.BrowserWindow({});
  const printer = createSpoolerPrinter({
    BrowserWindow: fake.electron.BrowserWindow,
    deviceName: 'EPSON TM-T82 Receipt',
    paperWidth: 80,
    listPrinters: () => listing.webContents.getPrintersAsync(),
    timeoutMs: 200,
  });
  return { fake, spooler, printer };
}

const pageOf = (url: string) => decodeURIComponent(url.replace(/^data:text\/html;charset=utf-8,/, ''));

describe('receiptHtml: the ticket decoded from its ESC/POS bytes', () => {
  it('has the same lines in order, the number big, and the QR code as SVG', async () => {
    const page = await receiptHtml(TICKET, 80);
    const text = page.html.replace(/<[^>]+>/g, '');
    const order = ['BPS Kabupaten Kendal', 'NOMOR ANTRIAN', 'K-012', 'Konsultasi Statistik', 'GRATIS'];
    const at = order.map((line) => text.indexOf(line));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(page.html).toMatch(/font-weight:bold">K-012</);
    expect(page.html).toContain('data-qr="http://192.168.1.10:3324/t/20261125-K012"');
    expect(page.html).toContain('<svg');
    expect(page.html).toContain('@page { size: 80mm');
    // A receipt, not an A4 page: taller than the QR code, far shorter than A4.
    expect(page.heightMicrons).toBeGreaterThan(60_000);
    expect(page.heightMicrons).toBeLessThan(297_000);
  });

  it('escapes text, so a ticket cannot inject markup', async () => {
    const { EscPos } = await import('@pst/printer');
    const page = await receiptHtml(new EscPos().init().line('<script>x</script>').build(), 58);
    expect(page.html).not.toContain('<script>');
    expect(page.html).toContain('@page { size: 58mm');
  });
});

describe('createSpoolerPrinter', () => {
  it('prints silently on the named printer with a receipt-sized page, in a hidden window it then closes', async () => {
    const { fake, spooler, printer } = spoolerPrinter();
    await printer.print(TICKET);
    expect(spooler.jobs).toHaveLength(1);
    const job = spooler.jobs[0];
    expect(job?.options).toMatchObject({
      silent: true,
      deviceName: 'EPSON TM-T82 Receipt',
      margins: { marginType: 'none' },
      pageSize: { width: 80_000 },
    });
    const height = (job?.options?.pageSize as { height: number } | undefined)?.height;
    expect(height).toBe((await receiptHtml(TICKET, 80)).heightMicrons);
    expect(pageOf(job?.url ?? '')).toContain('K-012');
    const window = fake.windows[1];
    expect(window?.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, javascript: false },
    });
    expect(window?.destroyed).toBe(true);
    expect(await printer.status()).toMatchObject({ state: 'ok' });
  });

  it('a printer that is not installed is offline; a driver failure is an error; silence times out', async () => {
    const missing = spoolerPrinter(['Microsoft Print to PDF']);
    await expect(missing.printer.print(TICKET)).rejects.toMatchObject({ state: 'offline' });
    expect(missing.spooler.jobs).toEqual([]);
    expect(await missing.printer.status()).toMatchObject({ state: 'offline' });

    const failing = spoolerPrinter();
    failing.spooler.answer = { success: false, reason: 'Print job failed' };
    const error = await failing.printer.print(TICKET).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrinterError);
    expect(error).toMatchObject({ state: 'error', message: expect.stringContaining('Print job failed') });
    expect(failing.fake.windows[1]?.destroyed).toBe(true);

    const silent = spoolerPrinter();
    silent.spooler.answer = 'never';
    await expect(silent.printer.print(TICKET)).rejects.toMatchObject({ state: 'offline' });
    expect(silent.fake.windows[1]?.destroyed).toBe(true);
  });
});
