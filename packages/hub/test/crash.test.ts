import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../src/storage/store';
import {
  closeClients,
  connectClient,
  ok,
  removeDir,
  send,
  startHub,
  startHubProcess,
  type TestHub,
  tempDir,
} from '../src/testing';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
let child: ChildProcess | undefined;
let hub: TestHub | undefined;

afterEach(async () => {
  closeClients();
  child?.kill('SIGKILL');
  await hub?.stop();
});

/** Starts `hub start` from the sources as its own process and resolves with its URL once it listens. */
async function startHubFromSources(dataDir: string): Promise<string> {
  const started = await startHubProcess(['--import', 'tsx', CLI], dataDir, ['--kiosk-burst', '100000']);
  child = started.child;
  return started.url;
}

describe('crash safety', () => {
  it('keeps every acknowledged ticket, gap-free, after SIGKILL in the middle of a burst', async () => {
    const dataDir = tempDir();
    const store = new Store(`${dataDir}/pst.sqlite`);
    const tokens = [1, 2, 3, 4].map((i) => store.addDevice('kiosk', `Kiosk ${i}`, null, Date.now()).token);
    // The kiosks take tickets at whatever hour the test runs.
    store.setSetting('opening-hours', { hours: null });
    store.close();

    const url = await startHubFromSources(dataDir);
    const kiosks = await Promise.all(tokens.map((token) => connectClient(url, token)));
    const acknowledged: string[] = [];
    const services = ['konsultasi', 'perpustakaan', 'penjualan', 'rekomendasi'];
    let killed = false;
    const burst = kiosks.map(async (kiosk, i) => {
      while (!killed) {
        const reply = await send(kiosk, 'ticket:take', { serviceId: services[i] as string }).catch(
          () => null,
        );
        if (!reply?.ok) return;
        acknowledged.push(reply.data.ticket.id);
        if (acknowledged.length >= 300 && !killed) {
          killed = true;
          child?.kill('SIGKILL');
        }
      }
    });
    await Promise.all(burst);
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);
    closeClients();

    hub = await startHub({ dataDir, clock: Date.now });
    const rows = hub.store.db.prepare('SELECT id, number, service_id FROM tickets').all() as Array<{
      id: string;
      number: string;
      service_id: string;
    }>;
    const stored = new Set(rows.map((r) => r.id));
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    for (const service of services) {
      const seqs = rows
        .filter((r) => r.service_id === service)
        .map((r) => Number(r.number.slice(2)))
        .sort((a, b) => a - b);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    }
    expect(hub.store.integrityOk()).toBe(true);
    const kiosk = await hub.device('kiosk');
    const after = await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
    const konsultasi = rows.filter((r) => r.service_id === 'konsultasi').length;
    expect(after.ticket.number).toBe(`K-${String(konsultasi + 1).padStart(3, '0')}`);
    // Stopped first: the hub writes its daily backup into the directory after it starts.
    await hub.stop();
    hub = undefined;
    removeDir(dataDir);
  }, 60_000);
});
