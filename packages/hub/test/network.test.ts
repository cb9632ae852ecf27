/**
 * The hub on the office network: mDNS announcement, TLS with a self-signed certificate, and no
 * token in the logs. mDNS runs on 127.0.0.1 only (interface + TTL 1): no test packet reaches the LAN.
 */
import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { HUB_SERVICE_TYPE } from '@pst/shared';
import { Bonjour, type Service } from 'bonjour-service';
import { afterEach, describe, expect, it } from 'vitest';
import { createHubLogger, scrubSecrets } from '../src/logger';
import { bonjourOptions } from '../src/mdns';
import { pairingLink } from '../src/pairing';
import { closeClients, connectClient, ok, removeDir, startHub, type TestHub, tempDir } from '../src/testing';
import { certificateFingerprint, loadOrCreateCertificate, tlsPaths } from '../src/tls';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const run = promisify(execFile);
const FINGERPRINT = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;

let hub: TestHub | undefined;
const browsers: Bonjour[] = [];
const dirs: string[] = [];
afterEach(async () => {
  closeClients();
  for (const b of browsers.splice(0)) b.destroy();
  await hub?.stop();
  hub = undefined;
  for (const dir of dirs.splice(0)) removeDir(dir);
});

/** A real bonjour-service browser on loopback; resolves with the first hub named `name`. */
function browse(name: string): { found: Promise<Service>; down: Promise<Service> } {
  const bonjour = new Bonjour(bonjourOptions('127.0.0.1'));
  browsers.push(bonjour);
  const browser = bonjour.find({ type: HUB_SERVICE_TYPE });
  const found = new Promise<Service>((resolve) =>
    browser.on('up', (service) => service.name === name && resolve(service)),
  );
  const down = new Promise<Service>((resolve) =>
    browser.on('down', (service) => service.name === name && resolve(service)),
  );
  return { found, down };
}

const uniqueName = (label: string) =>
  `Hub uji ${label} ${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

describe('LAN discovery (mDNS on loopback)', () => {
  it('announces name, port and TXT while it runs, and says goodbye on close', async () => {
    const name = uniqueName('mdns');
    const { found, down } = browse(name);
    hub = await startHub({ mdns: { interface: '127.0.0.1', name } });
    const service = await found;
    expect(service.name).toBe(name);
    expect(service.port).toBe(hub.port);
    expect(service.protocol).toBe('tcp');
    expect(service.txt).toEqual({
      version: '0.1.0',
      office: hub.context.runner.state.config.office.name,
      tls: '0',
    });
    expect(service.referer?.address).toBe('127.0.0.1');
    await hub.stop();
    hub = undefined;
    expect((await down).name).toBe(name);
  });

  it('is off unless asked: startHub and `mdns: false` announce nothing', async () => {
    hub = await startHub();
    expect(hub.announcement).toBeNull();
  });
});

describe('TLS with a self-signed certificate', () => {
  it('makes the certificate once, keeps it in the data folder and reuses it', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const first = await loadOrCreateCertificate(dataDir);
    expect(first.created).toBe(true);
    const paths = tlsPaths(dataDir);
    expect(existsSync(paths.cert)).toBe(true);
    expect(statSync(paths.key).mode & 0o777).toBe(0o600);
    const again = await loadOrCreateCertificate(dataDir);
    expect(again.created).toBe(false);
    expect(certificateFingerprint(again.cert)).toBe(certificateFingerprint(first.cert));
    expect(certificateFingerprint(first.cert)).toMatch(FINGERPRINT);
  });

  it('serves HTTPS and Socket.IO; a client pinning the certificate connects, others are refused', async () => {
    const name = uniqueName('tls');
    const { found } = browse(name);
    hub = await startHub({ tls: true, mdns: { interface: '127.0.0.1', name } });
    expect(hub.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const cert = (await loadOrCreateCertificate(hub.dataDir)).cert;
    expect(hub.fingerprint).toBe(certificateFingerprint(cert));

    // The announcement carries the fingerprint, so a shell that finds the hub can pin it.
    const service = await found;
    expect(service.txt).toMatchObject({ tls: '1', fp: hub.fingerprint });

    const { token } = hub.store.addDevice('kiosk', 'Kiosk TLS', null, hub.now.value);
    const pinned = (fingerprint: string) => ({
      ca: cert,
      checkServerIdentity: (_host: string, peer: { fingerprint256: string }) =>
        peer.fingerprint256 === fingerprint ? undefined : new Error(`certificate ${peer.fingerprint256}`),
    });
    const kiosk = await connectClient(hub.url, token, pinned(hub.fingerprint as string));
    expect(await ok(kiosk, 'session:whoami', {})).toMatchObject({ role: 'kiosk' });

    const wrong = `00:${(hub.fingerprint as string).slice(3)}`;
    await expect(connectClient(hub.url, token, pinned(wrong))).rejects.toThrow();
    // A client that trusts only the usual authorities refuses the self-signed certificate.
    await expect(connectClient(hub.url, token)).rejects.toThrow();
    // Another self-signed certificate (another hub, or someone in between) is not the pinned one.
    const otherDir = tempDir();
    dirs.push(otherDir);
    const other = await loadOrCreateCertificate(otherDir);
    await expect(connectClient(hub.url, token, { ca: other.cert })).rejects.toThrow();

    const health = await fetch(`${hub.url}/healthz`).catch((error: Error) => error);
    expect(health).toBeInstanceOf(Error);
  });

  it('keeps the fingerprint across restarts and puts it in the pairing link', async () => {
    hub = await startHub({ tls: true, publicUrl: 'https://pst.local:3324' });
    const fingerprint = hub.fingerprint;
    const supervisor = await hub.staff('supervisor');
    const paired = await ok(supervisor, 'settings:device-pair', { role: 'kiosk', name: 'Kiosk 2' });
    expect(paired.link).toBe(`https://pst.local:3324/kiosk/#token=${paired.token}&fp=${fingerprint}`);
    const dataDir = hub.dataDir;
    closeClients();
    await hub.stop();
    hub = await startHub({ tls: true, dataDir });
    expect(hub.fingerprint).toBe(fingerprint);
    const kiosk = await hub.connect(paired.token);
    expect(await ok(kiosk, 'session:whoami', {})).toMatchObject({ role: 'kiosk' });
  });

  it('`hub device add` prints the pairing link, https with the fingerprint once the hub has a certificate', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const cli = (...args: string[]) =>
      run(process.execPath, ['--import', 'tsx', CLI, '--data-dir', dataDir, ...args]);
    const plain = await cli(
      'device',
      'add',
      '--role',
      'kiosk',
      '--name',
      'Kiosk 1',
      '--public-url',
      'http://hub:3324',
    );
    const plainToken = plain.stdout.trim().split('\n').at(-1);
    expect(plain.stdout).toContain(`http://hub:3324/kiosk/#token=${plainToken}\n`);
    const cert = await loadOrCreateCertificate(dataDir);
    const secure = await cli(
      'device',
      'add',
      '--role',
      'display',
      '--name',
      'TV',
      '--public-url',
      'https://hub:3324',
    );
    const secureToken = secure.stdout.trim().split('\n').at(-1);
    expect(secure.stdout).toContain(
      `https://hub:3324/display/#token=${secureToken}&fp=${certificateFingerprint(cert.cert)}\n`,
    );
  });
});

describe('tokens stay out of the logs', () => {
  it('pairing, connecting, logging in and commands log no token', async () => {
    const lines: string[] = [];
    const capture = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    hub = await startHub({ logger: createHubLogger({ level: 'trace' }, capture), tls: true });
    const cert = (await loadOrCreateCertificate(hub.dataDir)).cert;
    const supervisor = await hub.staff('supervisor', 'kepala');
    const paired = await ok(supervisor, 'settings:device-pair', { role: 'kiosk', name: 'Kiosk Lobi' });
    const kiosk = await hub.connect(paired.token);
    await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi', priority: false });
    // A command that fails inside the hub is logged with its context.
    hub.context.log.info({ token: paired.token, link: paired.link }, 'a careless log line');
    hub.context.log.warn(`opened ${paired.link}`);
    hub.context.log.child({ auth: { token: paired.token } }).error('handshake');
    // HTTP: a staff login and a bad request with the session as a bearer token.
    const https = await import('node:https');
    const session = await new Promise<string>((resolve, reject) => {
      const request = https.request(
        `${hub?.url}/api/login`,
        { method: 'POST', ca: cert, headers: { 'content-type': 'application/json' } },
        (response) => {
          let body = '';
          response.on('data', (chunk) => {
            body += chunk;
          });
          response.on('end', () => resolve(JSON.parse(body).data.token));
        },
      );
      request.on('error', reject);
      request.end(JSON.stringify({ username: 'kepala', pin: '123456' }));
    });
    await new Promise<void>((resolve, reject) => {
      const request = https.request(
        `${hub?.url}/api/reports?preset=today`,
        {
          method: 'POST',
          ca: cert,
          headers: { authorization: `Bearer ${session}`, 'content-type': 'application/json' },
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve());
        },
      );
      request.on('error', reject);
      request.end('{not json');
    });
    await hub.stop();
    hub = undefined;

    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(3);
    expect(log).toContain('hub started');
    expect(log).toContain('[redacted]');
    expect(log).not.toContain(paired.token);
    expect(log).not.toContain(session);
  });

  it('scrubs tokens inside text', () => {
    const link = pairingLink('http://h:3324', 'kiosk', 'abcDEF123_-x', null);
    expect(link).toBe('http://h:3324/kiosk/#token=abcDEF123_-x');
    expect(scrubSecrets(`open ${link} now`)).toBe('open http://h:3324/kiosk/#token=[redacted] now');
    expect(scrubSecrets('Authorization: Bearer abc.def-1')).toBe('Authorization: Bearer [redacted]');
    expect(pairingLink('https://h:3324', 'display', 't0k', 'AB:CD')).toBe(
      'https://h:3324/display/#token=t0k&fp=AB:CD',
    );
  });
});

describe('the data folder', () => {
  it('keeps the key next to the database', () => {
    expect(tlsPaths('/var/lib/pst').key).toBe(join('/var/lib/pst', 'tls', 'hub-key.pem'));
  });
});
