import { EventEmitter } from 'node:events';
import type { HubConnection } from '@pst/client';
import type { PrintJob } from '@pst/shared';
import type { KioskPrinterApi, KioskPrintJob, PrintOutcome } from '@pst/shell/bridge';
import { describe, expect, it } from 'vitest';
import { attachLocalPrinting } from './local-printing';

/** A hub connection whose socket the test drives, recording every command sent. */
function fakeHub() {
  const socket = Object.assign(new EventEmitter(), { connected: false });
  const sent: Array<{ event: string; payload: unknown }> = [];
  const hub = {
    socket,
    send: async (event: string, payload: unknown) => {
      sent.push({ event, payload });
      return { ok: true, data: null };
    },
  } as unknown as HubConnection;
  const connect = () => {
    socket.connected = true;
    socket.emit('connect');
  };
  return { hub, socket, sent, connect };
}

function fakePrinter(local: boolean, outcomes: PrintOutcome['state'][] = []) {
  const printed: string[] = [];
  const jobs: KioskPrintJob[] = [];
  const printer: KioskPrinterApi = {
    getPrinter: async () => ({
      setting: local ? { kind: 'usb', vendorId: 0x0416, productId: 0x5011 } : { kind: 'hub' },
      local,
      description: local ? 'USB printer 0416:5011' : 'printed by the hub',
    }),
    print: async (job) => {
      printed.push(job.data);
      jobs.push(job);
      return { state: outcomes.shift() ?? 'ok', detail: 'USB printer 0416:5011' };
    },
    lastFailedPrint: async () => null,
    listPrinters: async () => ({ ok: true, data: { usb: [], os: [] } }),
    savePrinter: async () => ({ ok: false, error: { code: 'NOT_ALLOWED', message: '' } }),
    printTest: async () => ({ ok: false, error: { code: 'NOT_ALLOWED', message: '' } }),
  };
  return { printer, printed, jobs };
}

/** The kiosk's answers to the hub's print jobs so far. */
const results = (sent: Array<{ event: string; payload: unknown }>) =>
  sent.filter((s) => s.event === 'print:result').map((s) => s.payload);
const job = (jobId: string): PrintJob => ({ jobId, ticketId: '20261125-K001', data: 'G0A=' });

describe('kiosk-local printing in the kiosk page', () => {
  it('declares local printing on every connect and answers each print:job with its result', async () => {
    const { hub, socket, sent, connect } = fakeHub();
    const { printer, printed } = fakePrinter(true, ['ok', 'paper-out']);
    attachLocalPrinting(hub, printer);
    connect();
    await expect
      .poll(() => sent)
      .toEqual([{ event: 'kiosk:printer', payload: { local: true, description: 'USB printer 0416:5011' } }]);
    socket.emit('print:job', job('a1'));
    socket.emit('print:job', job('b2'));
    await expect
      .poll(() => sent.slice(1))
      .toEqual([
        { event: 'print:result', payload: { jobId: 'a1', state: 'ok', detail: 'USB printer 0416:5011' } },
        {
          event: 'print:result',
          payload: { jobId: 'b2', state: 'paper-out', detail: 'USB printer 0416:5011' },
        },
      ]);
    expect(printed).toEqual(['G0A=', 'G0A=']);
    connect();
    await expect.poll(() => sent.filter((s) => s.event === 'kiosk:printer')).toHaveLength(2);
  });

  it('hands every job whole to the shell, which keeps them on disk and knows a job sent again', async () => {
    const { hub, socket, sent, connect } = fakeHub();
    const { printer, jobs } = fakePrinter(true, ['error', 'ok']);
    attachLocalPrinting(hub, printer);
    connect();
    await expect.poll(() => sent).toHaveLength(1);
    socket.emit('print:job', job('x'));
    await expect.poll(() => results(sent)).toHaveLength(1);
    socket.emit('print:job', job('x')); // the hub's retry after 'error': the shell decides
    await expect.poll(() => results(sent)).toHaveLength(2);
    expect(jobs).toEqual([job('x'), job('x')]);
    expect(results(sent)).toEqual([
      expect.objectContaining({ jobId: 'x', state: 'error' }),
      expect.objectContaining({ jobId: 'x', state: 'ok' }),
    ]);
  });

  it('a shell set to "printed by the hub" says so and prints nothing; a browser has no bridge', async () => {
    const { hub, socket, sent, connect } = fakeHub();
    const { printer, printed } = fakePrinter(false);
    attachLocalPrinting(hub, printer);
    connect();
    await expect.poll(() => sent).toHaveLength(1);
    socket.emit('print:job', job('z'));
    await expect.poll(() => results(sent)).toHaveLength(1);
    expect(printed).toEqual([]);
    expect(sent).toEqual([
      { event: 'kiosk:printer', payload: { local: false, description: 'printed by the hub' } },
      {
        event: 'print:result',
        payload: { jobId: 'z', state: 'error', detail: 'this kiosk does not print locally' },
      },
    ]);

    const browser = fakeHub();
    attachLocalPrinting(browser.hub, undefined);
    // Without a bridge nothing listens, so there is nothing to wait for.
    expect(browser.socket.listenerCount('connect')).toBe(0);
    expect(browser.socket.listenerCount('print:job')).toBe(0);
    browser.connect();
    expect(browser.sent).toEqual([]);
  });
});
