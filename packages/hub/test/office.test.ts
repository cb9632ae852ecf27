import { describe, expect, it } from 'vitest';
import { setOfficeDetails } from '../src/office';
import { Store } from '../src/storage/store';
import { MORNING, ok, startHub, type TestHub, tempDir } from '../src/testing';
import { stopHubAfterEach } from './hub-per-test';

let hub: TestHub | undefined;
stopHubAfterEach(() => hub);

describe('office details', () => {
  it('are changed from the command line, logged, kept over a restart on the same day, and shown on the board', async () => {
    const dataDir = tempDir();
    // A hub ran this morning and its supervisor changed the configuration (a config.changed today).
    hub = await startHub({ dataDir });
    const head = await hub.staff('supervisor');
    const settings = await ok(head, 'settings:get', {});
    await ok(head, 'settings:config', {
      config: { ...settings.config, office: { ...settings.config.office, runningText: 'Pagi' } },
    });
    await hub.stop();
    hub = undefined;

    const store = new Store(`${dataDir}/pst.sqlite`);
    const office = setOfficeDetails(
      store,
      {
        name: 'BPS Kota Semarang',
        phone: '(024) 3546413',
        complaintChannels: ['Email: bps3374@bps.go.id'],
        runningText: 'Selamat datang',
      },
      MORNING + 60_000,
      'admin-cli',
    );
    expect(office).toMatchObject({ name: 'BPS Kota Semarang', address: expect.any(String) });
    expect(() => setOfficeDetails(store, { name: '' }, MORNING + 60_000, 'admin-cli')).toThrow();
    const logged = store.db
      .prepare(`SELECT actor FROM events WHERE type = 'config.changed' ORDER BY id`)
      .pluck()
      .all();
    expect(logged.at(-1)).toBe('admin-cli');
    store.close();

    hub = await startHub({ dataDir });
    const board = await ok(await hub.device('display'), 'board:get', {});
    expect(board.office).toMatchObject({
      name: 'BPS Kota Semarang',
      runningText: 'Selamat datang',
      complaintChannels: ['Email: bps3374@bps.go.id'],
    });
  });
});
