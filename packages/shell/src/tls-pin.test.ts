import { X509Certificate } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generate } from 'selfsigned';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type SettingsView, SHELL_CHANNELS } from './bridge';
import { probeHub } from './hub-health';
import { startShell } from './shell';
import { createFakeElectron, createManualClock, tempDir } from './test-fakes';
import {
  CertificateMismatchError,
  certificateFingerprint,
  fetchPinned,
  normalizeFingerprint,
  VERIFY,
  verifyHubCertificate,
} from './tls-pin';

const DIST = '/opt/pst/resources/app.asar/electron-dist';
const SETUP_URL = pathToFileURL(join(DIST, 'setup.html')).href;

async function selfSigned() {
  const pems = await generate([{ name: 'commonName', value: 'PST hub test' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
  });
  return { key: pems.private, cert: pems.cert, fingerprint: new X509Certificate(pems.cert).fingerprint256 };
}

let hubCert: Awaited<ReturnType<typeof selfSigned>>;
let otherCert: Awaited<ReturnType<typeof selfSigned>>;
beforeAll(async () => {
  [hubCert, otherCert] = await Promise.all([selfSigned(), selfSigned()]);
});

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** An https stand-in for the hub's `/healthz`, with its own self-signed certificate. */
async function serveTls(cert: { key: string; cert: string }): Promise<string> {
  const server = createServer({ key: cert.key, cert: cert.cert }, (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok","version":"0.1.0"}');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('fingerprints', () => {
  it('normalizes what staff may type or paste', () => {
    const fp = hubCert.fingerprint;
    expect(normalizeFingerprint(fp)).toBe(fp);
    expect(normalizeFingerprint(fp.replaceAll(':', '').toLowerCase())).toBe(fp);
    expect(normalizeFingerprint(`SHA256:${fp}`)).toBe(fp);
    expect(normalizeFingerprint('AB:CD')).toBeNull();
    expect(normalizeFingerprint(`${fp}:00`)).toBeNull();
    expect(certificateFingerprint(hubCert.cert)).toBe(fp);
    expect(certificateFingerprint('not a certificate')).toBeNull();
  });
});

describe('verifyHubCertificate (the pin check)', () => {
  const pin = () => ({ hubUrl: 'https://192.168.1.10:3324', fingerprint: hubCert.fingerprint });

  it('accepts exactly the pinned certificate for the hub host', () => {
    expect(
      verifyHubCertificate({ hostname: '192.168.1.10', certificate: { data: hubCert.cert } }, pin()),
    ).toBe(VERIFY.accept);
  });

  it('refuses any other certificate for the hub host, and an https hub with nothing pinned', () => {
    expect(
      verifyHubCertificate({ hostname: '192.168.1.10', certificate: { data: otherCert.cert } }, pin()),
    ).toBe(VERIFY.refuse);
    expect(verifyHubCertificate({ hostname: '192.168.1.10', certificate: { data: 'garbage' } }, pin())).toBe(
      VERIFY.refuse,
    );
    expect(
      verifyHubCertificate(
        { hostname: '192.168.1.10', certificate: { data: hubCert.cert } },
        { hubUrl: 'https://192.168.1.10:3324', fingerprint: null },
      ),
    ).toBe(VERIFY.refuse);
  });

  it('leaves other hosts and a plain-http hub to Chromium', () => {
    expect(
      verifyHubCertificate({ hostname: 'example.org', certificate: { data: hubCert.cert } }, pin()),
    ).toBe(VERIFY.chromium);
    expect(
      verifyHubCertificate(
        { hostname: '192.168.1.10', certificate: { data: otherCert.cert } },
        { hubUrl: 'http://192.168.1.10:3324', fingerprint: null },
      ),
    ).toBe(VERIFY.chromium);
    expect(verifyHubCertificate({ hostname: 'x', certificate: { data: '' } }, null)).toBe(VERIFY.chromium);
  });
});

describe('asking an https hub from main', () => {
  it('reads /healthz when the certificate is the pinned one, refuses it otherwise', async () => {
    const hub = await serveTls(hubCert);
    const answer = await fetchPinned(new URL('/healthz', hub), hubCert.fingerprint, 2000);
    expect(await answer.json()).toEqual({ status: 'ok', version: '0.1.0' });
    await expect(fetchPinned(new URL('/healthz', hub), otherCert.fingerprint, 2000)).rejects.toBeInstanceOf(
      CertificateMismatchError,
    );

    const options = { fetch, timeoutMs: 2000 };
    expect(await probeHub(hub, { ...options, fingerprint: hubCert.fingerprint })).toEqual({
      ok: true,
      data: { hubUrl: hub, status: 'ok', version: '0.1.0' },
    });
    expect(await probeHub(hub, { ...options, fingerprint: otherCert.fingerprint })).toMatchObject({
      ok: false,
      error: { code: 'CERT_MISMATCH' },
    });
    expect(await probeHub(hub, options)).toMatchObject({ ok: false, error: { code: 'CERT_UNPINNED' } });
  });
});

describe('startShell with a hub on TLS (Electron faked)', () => {
  const HUB = 'https://192.168.1.10:3324';

  async function start(pinnedCert: { fingerprint: string } | null) {
    const served = { cert: hubCert };
    const userData = tempDir();
    const fake = createFakeElectron({ userData });
    const log: string[] = [];
    const clock = createManualClock();
    const handle = await startShell('kiosk', fake.electron, {
      distDir: DIST,
      platform: 'linux',
      env: {},
      clock,
      log: (line) => log.push(line),
      fetch: async () => Response.json({ status: 'ok' }),
      // The hub behind HUB presents `served`.
      fetchPinned: async (_url, fingerprint) => {
        if (fingerprint !== served.cert.fingerprint)
          throw new CertificateMismatchError(served.cert.fingerprint, fingerprint);
        return Response.json({ status: 'ok', version: '0.1.0' });
      },
    });
    if (pinnedCert) {
      const saved = await fake.invoke(
        SHELL_CHANNELS.saveHubUrl,
        SETUP_URL,
        `${HUB}/kiosk/#token=abc&fp=${pinnedCert.fingerprint}`,
        {
          exitPin: '2468',
        },
      );
      expect(saved).toMatchObject({ ok: true, data: { hubUrl: HUB } });
    }
    return { ...fake, handle, log, clock, served };
  }

  it('stores the fingerprint from the pairing link and lets only that certificate through', async () => {
    const shell = await start(hubCert);
    expect(shell.handle?.settings.get()).toMatchObject({ hubUrl: HUB, hubFingerprint: hubCert.fingerprint });
    expect(shell.window().lastLoad()).toEqual({ type: 'url', url: `${HUB}/kiosk/#token=abc` });
    const contents = shell.window().webContents;
    expect(contents.verifyCertificate('192.168.1.10', hubCert.cert)).toBe(0);
    expect(contents.verifyCertificate('192.168.1.10', otherCert.cert)).toBe(-2);
    expect(contents.verifyCertificate('example.org', otherCert.cert)).toBe(-3);
    expect(shell.log.some((line) => line.includes('refused the certificate of 192.168.1.10'))).toBe(true);
  });

  it('refuses to save an https address without a fingerprint, or one whose hub shows another certificate', async () => {
    const shell = await start(null);
    expect(await shell.invoke(SHELL_CHANNELS.saveHubUrl, SETUP_URL, `${HUB}/kiosk/#token=abc`)).toMatchObject(
      {
        ok: false,
        error: { code: 'CERT_UNPINNED' },
      },
    );
    expect(
      await shell.invoke(SHELL_CHANNELS.saveHubUrl, SETUP_URL, `${HUB}/#fp=${otherCert.fingerprint}`),
    ).toMatchObject({ ok: false, error: { code: 'CERT_MISMATCH' } });
    expect(
      await shell.invoke(SHELL_CHANNELS.testHub, SETUP_URL, `${HUB}/#fp=${hubCert.fingerprint}`),
    ).toMatchObject({
      ok: true,
    });
    expect(shell.handle?.settings.get().hubUrl).toBeNull();
  });

  it('a refused certificate on the hub page brings the set-up page back with the reason', async () => {
    const shell = await start(hubCert);
    let trusted: boolean | undefined;
    const event = {
      prevented: false,
      preventDefault() {
        event.prevented = true;
      },
    };
    shell.app.emit(
      'certificate-error',
      event,
      shell.window().webContents,
      `${HUB}/kiosk/`,
      'net::ERR_CERT_AUTHORITY_INVALID',
      { data: otherCert.cert },
      (value: boolean) => {
        trusted = value;
      },
    );
    expect(trusted).toBe(false);
    expect(event.prevented).toBe(false);
    expect(shell.window().lastLoad()).toMatchObject({ type: 'file', query: { mode: 'setup' } });
    const view = (await shell.invoke(SHELL_CHANNELS.getSettings, SETUP_URL)) as SettingsView;
    expect(view.certificateProblem).toMatchObject({ code: 'CERT_MISMATCH' });
    expect(view.hubFingerprint).toBe(hubCert.fingerprint);

    // The pinned certificate itself is trusted even on this path.
    shell.app.emit(
      'certificate-error',
      event,
      shell.window().webContents,
      `${HUB}/kiosk/`,
      'x',
      { data: hubCert.cert },
      (value: boolean) => {
        trusted = value;
      },
    );
    expect(trusted).toBe(true);
  });

  it('a hub that changed its certificate is not waited for forever: the set-up page says why', async () => {
    const shell = await start(hubCert);
    shell.served.cert = otherCert;
    // The page fails to load (Chromium refused the certificate); main asks the hub itself.
    shell
      .window()
      .webContents.emit('did-fail-load', {}, -202, 'ERR_CERT_AUTHORITY_INVALID', `${HUB}/kiosk/`, true);
    expect(shell.window().lastLoad()).toMatchObject({ type: 'file', query: { mode: 'waiting' } });
    await shell.clock.advance(5000);
    expect(shell.window().lastLoad()).toMatchObject({ type: 'file', query: { mode: 'setup' } });
    const view = (await shell.invoke(SHELL_CHANNELS.getSettings, SETUP_URL)) as SettingsView;
    expect(view.certificateProblem).toMatchObject({ code: 'CERT_MISMATCH' });
    // The form is usable again: a new pairing link with the new fingerprint is accepted.
    expect(
      await shell.invoke(SHELL_CHANNELS.saveHubUrl, SETUP_URL, `${HUB}/#fp=${otherCert.fingerprint}`),
    ).toMatchObject({ ok: true });
    expect(shell.handle?.settings.get().hubFingerprint).toBe(otherCert.fingerprint);
  });
});
