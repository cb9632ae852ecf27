import { describe, expect, it } from 'vitest';
import { createPreloadBridge, kindFromArgv, SHELL_CHANNELS } from './bridge';

describe('createPreloadBridge', () => {
  it('forwards each method to its own channel and nothing else', async () => {
    const sent: unknown[][] = [];
    const bridge = createPreloadBridge(
      {
        invoke: async (...args: unknown[]) => {
          sent.push(args);
          return { ok: true, data: null };
        },
      },
      ['electron', '--type=renderer', '--pst-shell-kind=kiosk'],
    );
    expect(bridge.kind).toBe('kiosk');
    await bridge.getSettings();
    await bridge.testHub('192.168.1.10');
    await bridge.saveHubUrl('192.168.1.10', { exitPin: '2468' });
    await bridge.exit('2468');
    expect(sent).toEqual([
      [SHELL_CHANNELS.getSettings],
      [SHELL_CHANNELS.testHub, '192.168.1.10'],
      [SHELL_CHANNELS.saveHubUrl, '192.168.1.10', { exitPin: '2468' }],
      [SHELL_CHANNELS.exit, '2468'],
    ]);
    expect(Object.keys(bridge).sort()).toEqual(['exit', 'getSettings', 'kind', 'saveHubUrl', 'testHub']);
  });

  it('needs the kind argument main passes to the renderer', () => {
    expect(kindFromArgv(['--pst-shell-kind=display'])).toBe('display');
    expect(() => kindFromArgv(['--pst-shell-kind=rating'])).toThrow();
    expect(() => kindFromArgv([])).toThrow();
  });

  it('has one distinct channel per method', () => {
    const channels = Object.values(SHELL_CHANNELS);
    expect(new Set(channels).size).toBe(channels.length);
  });
});
