import { z } from 'zod';
import type { HubHealth, ShellResult } from './bridge';

const healthSchema = z.object({ status: z.string(), version: z.string().optional() });

export interface ProbeOptions {
  fetch: typeof fetch;
  timeoutMs: number;
}

/**
 * Asks `<hub>/healthz`. A hub answering 503 ("degraded", e.g. its database check failed) is still
 * the hub: the address is right, and the app will show the hub's own error state.
 */
export async function probeHub(
  hubUrl: string,
  { fetch, timeoutMs }: ProbeOptions,
): Promise<ShellResult<HubHealth>> {
  let response: Response;
  try {
    response = await fetch(new URL('/healthz', hubUrl), {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: 'application/json' },
      redirect: 'error',
    });
  } catch (error) {
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
