import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HUB_SERVICE_TYPE } from '@pst/shared';
import { Bonjour } from 'bonjour-service';
import { afterEach, describe, expect, it } from 'vitest';
import { type DiscoveredHub, SHELL_CHANNELS } from './bridge';
import { type BonjourLike, discoverHubs, hubAddress, type ServiceLike, toDiscoveredHub } from './discovery';
import { startShell } from './shell';
import { createFakeElectron, createManualClock, tempDir } from './test-fakes';

const FP = Array.from({ length: 32 }, (_, i) => (i * 7).toString(16).padStart(2, '0').toUpperCase()).join(
  ':',
);

/** A bonjour stand-in that "finds" the given services at once. */
function fakeBonjour(services: ServiceLike[]) {
  const state = { stopped: 0, destroyed: 0, types: [] as string[] };
  const bonjour: BonjourLike = {
    find(options, onUp) {
      state.types.push(options.type);
      for (const service of services) onUp(service);
      return {
        stop: () => {
          state.stopped += 1;
        },
      };
    },
    destroy: () => {
      state.destroyed += 1;
    },
  };
  return { bonjour, state };
}

const kendal: ServiceLike = {
  name: 'BPS Kabupaten Kendal (pst-server)',
  host: 'pst-server.local',
  port: 3324,
  addresses: ['fe80::1', '192.168.1.10'],
  referer: { address: '192.168.1.10' },
  txt: { version: '0.1.0', office: 'BPS Kabupaten Kendal', tls: '0' },
};

describe('toDiscoveredHub', () => {
  it('reads name, address, port and TXT', () => {
    expect(toDiscoveredHub(kendal)).toEqual({
      name: 'BPS Kabupaten Kendal (pst-server)',
      address: '192.168.1.10',
      port: 3324,
      hubUrl: 'http://192.168.1.10:3324',
      office: 'BPS Kabupaten Kendal',
      version: '0.1.0',
      tls: false,
      fingerprint: null,
      setupAddress: 'http://192.168.1.10:3324',
    } satisfies DiscoveredHub);
  });

  it('gives a hub on TLS an https address carrying its fingerprint, and drops one without', () => {
    const hub = toDiscoveredHub({ ...kendal, txt: { tls: '1', fp: FP.replaceAll(':', '') } });
    expect(hub).toMatchObject({
      hubUrl: 'https://192.168.1.10:3324',
      tls: true,
      fingerprint: FP,
      setupAddress: `https://192.168.1.10:3324/#fp=${FP}`,
    });
    expect(toDiscoveredHub({ ...kendal, txt: { tls: '1' } })).toBeNull();
    expect(toDiscoveredHub({ ...kendal, port: 0 })).toBeNull();
  });

  it('prefers the IPv4 address the answer came from, then an announced one, then the host', () => {
    expect(hubAddress({ ...kendal, referer: { address: '10.0.0.7' } })).toBe('10.0.0.7');
    expect(hubAddress({ ...kendal, referer: { address: 'fe80::1' } })).toBe('192.168.1.10');
    expect(hubAddress({ name: 'x', port: 1, addresses: ['fe80::2%eth0'] })).toBe('[fe80::2]');
    expect(hubAddress({ name: 'x', port: 1, host: 'hub.local' })).toBe('hub.local');
  });
});

describe('discoverHubs', () => {
  it('browses for the hub service type, keeps one entry per address, and stops the browser', async () => {
    const { bonjour, state } = fakeBonjour([
      kendal,
      kendal,
      { ...kendal, name: 'Another', referer: { address: '192.168.1.11' } },
    ]);
    const found = await discoverHubs({ timeoutMs: 10, bonjour });
    expect(found.map((hub) => hub.hubUrl)).toEqual(['http://192.168.1.11:3324', 'http://192.168.1.10:3324']);
    expect(state).toEqual({ stopped: 1, destroyed: 0, types: [HUB_SERVICE_TYPE] });
  });
});

describe('discoverHubs with real mDNS on loopback', () => {
  // Sending and joining the group on 127.0.0.1 only, TTL 1: nothing reaches the LAN. The socket
  // binds to 0.0.0.0 because on Linux one bound to 127.0.0.1 never receives multicast.
  // (multicast-dns options, which bonjour-service passes through but does not declare)
  const LOOPBACK: Record<string, unknown> = { interface: '127.0.0.1', bind: '0.0.0.0', ttl: 1 };
  const open: Bonjour[] = [];
  afterEach(() => {
    for (const bonjour of open.splice(0)) bonjour.destroy();
  });

  it('finds a hub announced with bonjour-service: name, address, port and TXT', async () => {
    const publisher = new Bonjour(LOOPBACK);
    const browser = new Bonjour(LOOPBACK);
    open.push(publisher, browser);
    const name = `Hub uji shell ${process.pid}`;
    const up = new Promise((resolve) => {
      publisher
        .publish({
          name,
          type: HUB_SERVICE_TYPE,
          port: 43324,
          txt: { version: '0.1.0', office: 'BPS Uji', tls: '1', fp: FP },
        })
        .on('up', resolve);
    });
    await up;
    const found = await discoverHubs({ timeoutMs: 1500, bonjour: browser as unknown as BonjourLike });
    expect(found.find((hub) => hub.name === name)).toEqual({
      name,
      address: '127.0.0.1',
      port: 43324,
      hubUrl: 'https://127.0.0.1:43324',
      office: 'BPS Uji',
      version: '0.1.0',
      tls: true,
      fingerprint: FP,
      setupAddress: `https://127.0.0.1:43324/#fp=${FP}`,
    });
  });
});

describe('the set-up page asks main to search', () => {
  const DIST = '/opt/pst/resources/app.asar/electron-dist';
  const SETUP_URL = pathToFileURL(join(DIST, 'setup.html')).href;

  it('answers the set-up page only, with the hubs the browser found', async () => {
    const fake = createFakeElectron({ userData: tempDir() });
    const { bonjour, state } = fakeBonjour([kendal]);
    await startShell('display', fake.electron, {
      distDir: DIST,
      platform: 'linux',
      env: {},
      clock: createManualClock(),
      log: () => {},
      bonjour: () => bonjour,
      discoveryMs: 5,
    });
    expect(await fake.invoke(SHELL_CHANNELS.discoverHubs, SETUP_URL)).toMatchObject({
      ok: true,
      data: [{ name: kendal.name, address: '192.168.1.10', port: 3324 }],
    });
    expect(state.stopped).toBe(1);
    expect(await fake.invoke(SHELL_CHANNELS.discoverHubs, 'https://evil.example/')).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED' },
    });
  });
});
