/**
 * Certificate pinning for a hub that serves TLS with its own self-signed certificate: the shell
 * keeps the certificate's SHA-256 fingerprint (from the pairing link or the mDNS announcement)
 * and accepts, for the hub's host, exactly that certificate and no other, not even one a
 * certificate authority signed. Other hosts keep Chromium's own verification.
 */
import { X509Certificate } from 'node:crypto';
import { request as httpsRequest } from 'node:https';
import type { TLSSocket } from 'node:tls';

/** `AB:CD:...`: 32 bytes, upper-case hex, colon-separated (what `hub start --tls` prints). */
export const FINGERPRINT_PATTERN = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;

/** Accepts the fingerprint with or without colons, in any case; null when it is not 32 bytes of hex. */
export function normalizeFingerprint(input: string): string | null {
  const hex = input
    .trim()
    .replace(/^sha-?256[:/ ]?/i, '')
    .replace(/[:\s]/g, '')
    .toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return null;
  return hex.match(/../g)?.join(':') ?? null;
}

/** The SHA-256 fingerprint of a PEM certificate (Electron's `Certificate.data`); null if unreadable. */
export function certificateFingerprint(pem: string): string | null {
  try {
    return new X509Certificate(pem).fingerprint256;
  } catch {
    return null;
  }
}

export interface HubPin {
  hubUrl: string | null;
  fingerprint: string | null;
}

/** The part of Electron's certificate verification request the pin looks at. */
export interface CertificateRequestLike {
  hostname: string;
  certificate: { data: string };
}

/** Electron's answers to a certificate verification: accept, refuse, or Chromium decides. */
export const VERIFY = { accept: 0, refuse: -2, chromium: -3 } as const;
export type VerifyResult = (typeof VERIFY)[keyof typeof VERIFY];

const bare = (host: string) => host.replace(/^\[|\]$/g, '').toLowerCase();

/** Whether `hostname` is the host of an https hub address: the certificates the pin decides on. */
export function isPinnedHost(hostname: string, hubUrl: string | null): boolean {
  if (!hubUrl) return false;
  let url: URL;
  try {
    url = new URL(hubUrl);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && bare(url.hostname) === bare(hostname);
}

/**
 * The decision for one certificate: the hub's host gets only the pinned certificate (a hub on
 * https without a pin gets none); every other host is left to Chromium.
 */
export function verifyHubCertificate(request: CertificateRequestLike, pin: HubPin | null): VerifyResult {
  if (!pin || !isPinnedHost(request.hostname, pin.hubUrl)) return VERIFY.chromium;
  const seen = certificateFingerprint(request.certificate.data);
  return seen !== null && pin.fingerprint !== null && seen === pin.fingerprint
    ? VERIFY.accept
    : VERIFY.refuse;
}

export class CertificateMismatchError extends Error {
  constructor(
    readonly seen: string | null,
    readonly expected: string,
  ) {
    super(`certificate ${seen ?? '(none)'} is not the pinned ${expected}`);
    this.name = 'CertificateMismatchError';
  }
}

/** A GET that trusts exactly the certificate with `fingerprint` (main process, before any page loads). */
export type PinnedFetch = (url: URL, fingerprint: string, timeoutMs: number) => Promise<Response>;

/**
 * Node's https with the usual authorities switched off and the peer's fingerprint compared
 * instead; the answer is read only when the certificate is the pinned one. Used for `/healthz`,
 * which carries no secret.
 */
export const fetchPinned: PinnedFetch = (url, fingerprint, timeoutMs) =>
  new Promise((resolve, reject) => {
    const request = httpsRequest(
      url,
      { method: 'GET', rejectUnauthorized: false, agent: false, headers: { accept: 'application/json' } },
      (response) => {
        const seen = (response.socket as TLSSocket).getPeerCertificate?.()?.fingerprint256 ?? null;
        if (seen !== fingerprint) {
          response.destroy();
          reject(new CertificateMismatchError(seen, fingerprint));
          return;
        }
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () =>
          resolve(new Response(Buffer.concat(chunks), { status: response.statusCode ?? 500 })),
        );
      },
    );
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end();
  });
