import { describe, expect, it } from 'vitest';
import {
  COUNTER_CHANNELS,
  COUNTER_EVENTS,
  createPreloadBridge,
  type IpcRendererLike,
  KIOSK_PRINTER_CHANNELS,
  kindFromArgv,
  SHELL_CHANNELS,
} from './bridge';

describe('createPreloadBridge', () => {
  it('forwards each method to its own channel and nothing else', async () => {
    const sent: unknown[][] = [];
    const bridge = createPreloadBridge(
      {
        invoke: async (...args: unknown[]) => {
          sent.push(args);
          return { ok: true, data: null };
        },
        on: () => undefined,
        removeListener: () => undefined,
      },
      ['electron', '--type=renderer', '--pst-shell-kind=kiosk'],
    );
    expect(bridge.kind).toBe('kiosk');
    await bridge.getSettings();
    await bridge.testHub('192.168.1.10');
    await bridge.saveHubUrl('192.168.1.10', { exitPin: '2468' });
    await bridge.exit('2468');
    await bridge.openSetup('2468');
    await bridge.discoverHubs();
    expect(sent).toEqual([
      [SHELL_CHANNELS.getSettings],
      [SHELL_CHANNELS.testHub, '192.168.1.10'],
      [SHELL_CHANNELS.saveHubUrl, '192.168.1.10', { exitPin: '2468' }],
      [SHELL_CHANNELS.exit, '2468'],
      [SHELL_CHANNELS.openSetup, '2468'],
      [SHELL_CHANNELS.discoverHubs],
    ]);
    expect(Object.keys(bridge).sort()).toEqual([
      'discoverHubs',
      'exit',
      'getSettings',
      'kind',
      'kioskPrinter',
      'openSetup',
      'saveHubUrl',
      'testHub',
    ]);
  });

  it('kiosk: the printer calls go to their own channels; other apps have none', async () => {
    const sent: unknown[][] = [];
    const ipc: IpcRendererLike = {
      invoke: async (...args) => {
        sent.push(args);
        return { ok: true, data: null };
      },
      on: () => undefined,
      removeListener: () => undefined,
    };
    const printer = createPreloadBridge(ipc, ['--pst-shell-kind=kiosk']).kioskPrinter;
    if (!printer) throw new Error('the kiosk printer bridge is missing');
    const usb = { kind: 'usb', vendorId: 0x0416, productId: 0x5011 } as const;
    await printer.getPrinter();
    const job = { jobId: 'a1', ticketId: '20261125-K001', data: 'G0A=' };
    await printer.print(job);
    await printer.lastFailedPrint();
    await printer.listPrinters();
    await printer.savePrinter(usb);
    await printer.printTest(usb);
    await printer.printTest();
    expect(sent).toEqual([
      [KIOSK_PRINTER_CHANNELS.getPrinter],
      [KIOSK_PRINTER_CHANNELS.print, job],
      [KIOSK_PRINTER_CHANNELS.lastFailedPrint],
      [KIOSK_PRINTER_CHANNELS.listPrinters],
      [KIOSK_PRINTER_CHANNELS.savePrinter, usb],
      [KIOSK_PRINTER_CHANNELS.printTest, usb],
      [KIOSK_PRINTER_CHANNELS.printTest],
    ]);
    expect(createPreloadBridge(ipc, ['--pst-shell-kind=counter']).kioskPrinter).toBeUndefined();
    expect(createPreloadBridge(ipc, ['--pst-shell-kind=display']).kioskPrinter).toBeUndefined();
  });

  it('counter: adds the counter calls and the "call next" subscription, without the event object', async () => {
    const sent: unknown[][] = [];
    const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
    const ipc: IpcRendererLike = {
      invoke: async (...args) => {
        sent.push(args);
        return { ok: true, data: null };
      },
      on: (channel, listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
      removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
    };
    const bridge = createPreloadBridge(ipc, ['--pst-shell-kind=counter']);
    const counter = bridge.counter;
    if (!counter) throw new Error('the counter bridge is missing');
    await counter.getState();
    await counter.saveDesk('konsultasi-1');
    await counter.notify({ tag: 't1', title: 'K-001', body: '8 menit' });
    expect(sent).toEqual([
      [COUNTER_CHANNELS.getState],
      [COUNTER_CHANNELS.saveDesk, 'konsultasi-1'],
      [COUNTER_CHANNELS.notify, { tag: 't1', title: 'K-001', body: '8 menit' }],
    ]);
    const heard: unknown[][] = [];
    const stop = counter.onCallNext((...args: unknown[]) => heard.push(args));
    for (const listener of listeners.get(COUNTER_EVENTS.callNext) ?? []) listener({ sender: 'secret' }, 'x');
    expect(heard).toEqual([[]]);
    stop();
    expect(listeners.get(COUNTER_EVENTS.callNext)?.size).toBe(0);
    expect(createPreloadBridge(ipc, ['--pst-shell-kind=kiosk']).counter).toBeUndefined();
  });

  it('needs the kind argument main passes to the renderer', () => {
    expect(kindFromArgv(['--pst-shell-kind=display'])).toBe('display');
    expect(() => kindFromArgv(['--pst-shell-kind=rating'])).toThrow();
    expect(() => kindFromArgv([])).toThrow();
  });

  it('has one distinct channel per method', () => {
    const channels = [
      ...Object.values(SHELL_CHANNELS),
      ...Object.values(COUNTER_CHANNELS),
      ...Object.values(COUNTER_EVENTS),
      ...Object.values(KIOSK_PRINTER_CHANNELS),
    ];
    expect(new Set(channels).size).toBe(channels.length);
  });
});
