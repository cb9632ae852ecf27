import { z } from 'zod';
import type { HubHealth, ShellResult } from './bridge';
import { CertificateMismatchError, fetchPinned, type PinnedFetch } from './tls-pin';

const healthSchema = z.object({ status: z.string(), version: z.string().optional() });

export interface ProbeOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  /** The pinned certificate fingerprint of an https hub (its certificate is self-signed). */
  fingerprint?: string | null;
  /** How an https hub is asked, trusting only `fingerprint`; default Node's https (tls-pin.ts). */
  fetchPinned?: PinnedFetch;
}

/**
 * Asks `<hub>/healthz`. A hub answering 503 ("degraded", e.g. its database check failed) is still
 * the hub: the address is right, and the app will show the hub's own error state.
 */
export async function probeHub(
  hubUrl: string,
  { fetch, timeoutMs, fingerprint, fetchPinned: pinned = fetchPinned }: ProbeOptions,
): Promise<ShellResult<HubHealth>> {
  const https = hubUrl.startsWith('https:');
  if (https && !fingerprint) {
    return {
      ok: false,
      error: { code: 'CERT_UNPINNED', message: `${hubUrl}: no certificate fingerprint to trust` },
    };
  }
  let response: Response;
  try {
    response =
      https && fingerprint
        ? await pinned(new URL('/healthz', hubUrl), fingerprint, timeoutMs)
        : await fetch(new URL('/healthz', hubUrl), {
            signal: AbortSignal.timeout(timeoutMs),
            headers: { accept: 'application/json' },
            redirect: 'error',
          });
  } catch (error) {
    if (error instanceof CertificateMismatchError) {
      return { ok: false, error: { code: 'CERT_MISMATCH', message: `${hubUrl}: ${error.message}` } };
    }
    return {
      ok: false,
      error: { code: 'HUB_UNREACHABLE', message: `${hubUrl}: ${(error as Error).message}` },
    };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  const health = healthSchema.safeParse(body);
  if (!health.success) {
    return {
      ok: false,
      error: {
        code: 'NOT_A_HUB',
        message: `${hubUrl} answered HTTP ${response.status} without a hub health report`,
      },
    };
  }
  return { ok: true, data: { hubUrl, status: health.data.status, version: health.data.version ?? null } };
}
