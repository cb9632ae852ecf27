import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../src/storage/store';
import { closeClients, ok, removeDir, startHub, type TestHub, tempDir } from '../src/testing';
import { hubCommand } from './cli-bundle';

let hub: TestHub | undefined;

afterEach(async () => {
  closeClients();
  await hub?.stop();
  hub = undefined;
});

describe('HTTP', () => {
  it('/healthz reports version, database, printer and clients by role to staff', async () => {
    hub = await startHub();
    await hub.device('display');
    await hub.device('display');
    await hub.staff('consultant');
    const headers = { authorization: `Bearer ${hub.staffToken('front-office')}` };
    const health = await (await fetch(`${hub.url}/healthz`, { headers })).json();
    expect(health).toMatchObject({
      status: 'ok',
      version: '0.1.0',
      database: { ok: true },
      printer: { state: 'unknown' },
      clients: { display: 2, consultant: 1 },
      day: '2026-11-25',
    });
  });

  it('logs staff in with username and PIN, and refuses a wrong PIN', async () => {
    hub = await startHub();
    hub.store.addStaff({ username: 'rina', name: 'Rina', role: 'front-office', pin: '2468' }, hub.now.value);
    const post = (body: unknown) =>
      fetch(`${hub?.url}/api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const good = await post({ username: 'rina', pin: '2468' });
    expect(good.status).toBe(200);
    const session = (await good.json()) as { data: { token: string; staff: { role: string } } };
    expect(session.data.staff.role).toBe('front-office');
    const socket = await hub.connect(session.data.token);
    expect(await ok(socket, 'session:whoami', {})).toMatchObject({ role: 'front-office', staffName: 'Rina' });
    expect((await post({ username: 'rina', pin: '1111' })).status).toBe(401);
    expect(await (await post({ username: 'rina', pin: '1111' })).json()).toMatchObject({
      error: { code: 'LOGIN_FAILED' },
    });
    expect((await post({ username: 'rina' })).status).toBe(400);
    const broken = await fetch(`${hub?.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username": ',
    });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const pinInLog = hub.store.db
      .prepare(`SELECT count(*) AS n FROM events WHERE payload LIKE '%2468%'`)
      .get();
    expect(pinInLog).toEqual({ n: 0 });
  });

  it('serves the public status page of a ticket, in Indonesian, without personal data', async () => {
    hub = await startHub();
    const kiosk = await hub.device('kiosk');
    const frontOffice = await hub.staff('front-office');
    await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
    const second = await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
    let page = await (await fetch(`${hub.url}/t/${second.ticket.id}`)).text();
    expect(page).toContain('K-002');
    expect(page).toContain('Menunggu');
    expect(page).toContain('1 orang di depan Anda');
    await ok(frontOffice, 'desk:open', { deskId: 'fo-1' });
    await ok(frontOffice, 'desk:call-next', { deskId: 'fo-1' });
    await ok(frontOffice, 'desk:call-next', { deskId: 'fo-1' }).catch(() => undefined);
    page = await (await fetch(`${hub.url}/t/20261125-K001`)).text();
    expect(page).toContain('Silakan menuju Front Office');
    const unknown = await fetch(`${hub.url}/t/20261125-K999`);
    expect(unknown.status).toBe(404);
    const friendly = await unknown.text();
    expect(friendly).toContain('Nomor antrian ini tidak ditemukan');
    expect(friendly).toContain('tanyakan ke petugas Front Office');
    expect(friendly).not.toContain('<p>404</p>');
    const english = await (await fetch(`${hub.url}/t/${second.ticket.id}?lang=en`)).text();
    expect(english).toContain('Waiting');
  });

  it('survives Socket.IO long-polling requests next to its own routes', async () => {
    hub = await startHub();
    // Clients that start with polling (the socket.io-client default) must not take the hub down.
    const polling = await fetch(`${hub.url}/socket.io/?EIO=4&transport=polling`);
    expect(polling.status).toBeLessThan(500);
    const { token } = hub.store.addDevice('display', 'TV', null, hub.now.value);
    const { io } = await import('socket.io-client');
    const client = io(hub.url, { auth: { token }, reconnection: false });
    await new Promise<void>((resolve, reject) => {
      client.once('connect', () => resolve());
      client.once('connect_error', reject);
    });
    client.disconnect();
    expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
  });

  it('gives browsers an icon, not a 404 on every page', async () => {
    hub = await startHub();
    const response = await fetch(`${hub.url}/favicon.ico`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('image/svg+xml');
    expect(await response.text()).toMatch(/^<svg[^>]*>.*PST.*<\/svg>$/s);
  });

  it('says how to build an app that is not built yet', async () => {
    hub = await startHub();
    const response = await fetch(`${hub.url}/kiosk/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build');
  });
});

describe('command line', () => {
  it('adds and lists devices and staff; the token is the last line', async () => {
    const dataDir = tempDir();
    const command = await hubCommand();
    const cli = (...args: string[]) => command.cli(dataDir, ...args);
    const added = await cli(
      'device',
      'add',
      '--role',
      'rating',
      '--name',
      'Tablet 1',
      '--desk',
      'konsultasi-1',
    );
    const token = added.stdout.trim().split('\n').at(-1) as string;
    expect(token).toMatch(/^[\w-]{32}$/);
    await cli(
      'staff',
      'add',
      '--username',
      'budi',
      '--name',
      'Budi Santoso',
      '--role',
      'consultant',
      '--pin',
      '1234',
    );
    const devices = await cli('device', 'list');
    expect(devices.stdout).toMatch(/rating\tTablet 1\tkonsultasi-1\tactive/);
    expect(devices.stdout).not.toContain(token);
    expect((await cli('staff', 'list')).stdout).toContain('budi\tBudi Santoso\tconsultant\tactive');
    await expect(cli('device', 'add', '--role', 'rating', '--name', 'X')).rejects.toMatchObject({
      stderr: expect.stringContaining('needs --desk'),
    });
    await expect(
      cli('staff', 'add', '--username', 'x', '--name', 'X', '--role', 'consultant', '--pin', '12'),
    ).rejects.toThrow();
    expect(JSON.parse((await cli('config', 'show')).stdout).services).toHaveLength(4);
    await cli('backup', '--to', `${dataDir}/backup.sqlite`);
    const backup = new Store(`${dataDir}/backup.sqlite`);
    expect(backup.integrityOk()).toBe(true);
    expect(backup.staff().map((s) => s.username)).toEqual(['budi']);
    backup.close();

    const id = (await cli('device', 'list')).stdout.split('\t')[0] as string;
    await cli('device', 'revoke', id);
    expect((await cli('device', 'list')).stdout).toContain('revoked');
    removeDir(dataDir);
    command.remove();
  }, 120_000); // eleven command-line runs, each a fresh Node: slow on a busy CI machine
});
