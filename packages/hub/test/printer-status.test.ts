import { PrinterError, type PrinterState, type PrinterTransport } from '@pst/printer';
import { afterEach, describe, expect, it } from 'vitest';
import { nextPush, ok, startHub, type TestHub, takePrinted } from '../src/testing';

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

interface TestPrinter extends PrinterTransport {
  state: PrinterState;
  jobs: number;
  statusChecks: number;
}

/** A printer whose state the test sets, as someone at the kiosk would by refilling the paper. */
function printerIn(initial: PrinterState): TestPrinter {
  const printer: TestPrinter = {
    state: initial,
    jobs: 0,
    statusChecks: 0,
    description: 'printer under test',
    async print() {
      if (printer.state !== 'ok') throw new PrinterError(printer.state as 'paper-out', 'Kertas habis');
      printer.jobs++;
    },
    async status() {
      printer.statusChecks++;
      return { state: printer.state, detail: printer.state === 'ok' ? 'siap' : 'Kertas habis' };
    },
    async close() {},
  };
  return printer;
}

describe('printer status between tickets', () => {
  it('asks a failed printer again, so the alert clears when paper is refilled, without a ticket', async () => {
    const printer = printerIn('paper-out');
    hub = await startHub({ printer });
    const kiosk = await hub.device('kiosk');
    const desk = await hub.staff('front-office');
    const taken = await takePrinted(kiosk, { serviceId: 'konsultasi' });
    expect(taken.printed.state).toBe('paper-out');
    expect((await ok(desk, 'board:get', {})).printer.state).toBe('paper-out');

    printer.state = 'ok';
    const cleared = nextPush(desk, 'printer:status');
    await hub.housekeeping();
    expect(await cleared).toMatchObject({ state: 'ok' });
    expect((await ok(desk, 'board:get', {})).printer.state).toBe('ok');
    // The visitor still waits: the ticket is printed now that the printer is ready (once).
    await expect.poll(() => printer.jobs).toBe(1);

    // A healthy printer is left alone.
    const checks = printer.statusChecks;
    await hub.housekeeping();
    expect(printer.statusChecks).toBe(checks);
  });
});
