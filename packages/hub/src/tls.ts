/**
 * Optional TLS: a self-signed certificate made on first use and kept in the data folder. The apps
 * do not trust it through a certificate authority: the Electron shells pin its SHA-256
 * fingerprint, which travels in the pairing link and in the mDNS announcement.
 */
import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { lanAddresses } from './lan';

export interface HubTls {
  key: string;
  cert: string;
}

export const TLS_DIR = 'tls';
export const TLS_FILES = { key: 'hub-key.pem', cert: 'hub-cert.pem' } as const;

/** `AB:CD:...`: 32 bytes in upper-case hex, colon-separated (what `openssl x509 -fingerprint -sha256` prints). */
export function certificateFingerprint(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256;
}

export function tlsPaths(dataDir: string): { key: string; cert: string } {
  return { key: join(dataDir, TLS_DIR, TLS_FILES.key), cert: join(dataDir, TLS_DIR, TLS_FILES.cert) };
}

/** The certificate kept in the data folder, or null when `hub start --tls` never ran there. */
export function readCertificate(dataDir: string): HubTls | null {
  const paths = tlsPaths(dataDir);
  if (!existsSync(paths.key) || !existsSync(paths.cert)) return null;
  return { key: readFileSync(paths.key, 'utf8'), cert: readFileSync(paths.cert, 'utf8') };
}

/**
 * The hub's certificate: the one in `<dataDir>/tls/` when there is one (so the fingerprint the
 * devices pinned stays valid across restarts), otherwise a new one (EC P-256, valid ten years).
 */
export async function loadOrCreateCertificate(
  dataDir: string,
  now: Date = new Date(),
): Promise<HubTls & { created: boolean }> {
  const existing = readCertificate(dataDir);
  if (existing) return { ...existing, created: false };
  const host = hostname();
  const notAfterDate = new Date(now);
  notAfterDate.setFullYear(notAfterDate.getFullYear() + 10);
  // Loaded only to make the certificate (once per data folder): its crypto library is heavy.
  const { generate } = await import('selfsigned');
  const pems = await generate([{ name: 'commonName', value: `PST hub ${host}` }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 24 * 3600_000),
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 2, value: host },
          { type: 2, value: `${host}.local` },
          { type: 7, ip: '127.0.0.1' },
          ...lanAddresses().map((ip) => ({ type: 7 as const, ip })),
        ],
      },
    ],
  });
  const paths = tlsPaths(dataDir);
  mkdirSync(join(dataDir, TLS_DIR), { recursive: true });
  writeFileSync(paths.key, pems.private, { encoding: 'utf8', mode: 0o600 });
  chmodSync(paths.key, 0o600);
  writeFileSync(paths.cert, pems.cert, 'utf8');
  return { key: pems.private, cert: pems.cert, created: true };
}
