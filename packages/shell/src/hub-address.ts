import { HUB_PORT } from '@pst/shared';
import { normalizeFingerprint } from './tls-pin';

export interface HubAddress {
  /** The hub's origin, e.g. `http://192.168.1.10:3324` (no path, no trailing slash). */
  hubUrl: string;
  /** The device token when a pairing link (`.../kiosk/#token=...`) was pasted. */
  token: string | null;
  /**
   * The hub certificate's SHA-256 fingerprint when the link carries one (`#...&fp=AB:CD:...`, what
   * `hub device add` prints for a hub on TLS); the shell pins it.
   */
  fingerprint: string | null;
}

/**
 * Reads what staff type in the set-up page: a bare host (`192.168.1.10`, `pst-hub.local`), a
 * host and port, a full URL, or a pairing link printed by `hub device add`. A bare host gets
 * `http://` and the hub's port; a URL with a scheme is taken as written.
 */
export function parseHubAddress(input: string): HubAddress | null {
  const text = input.trim();
  if (text === '' || text.length > 2048 || /\s/.test(text)) return null;
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `http://${text}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || url.hostname === '') return null;
  if (!hasScheme && url.port === '') url.port = String(HUB_PORT);
  const fragment = new URLSearchParams(url.hash.slice(1));
  const token = fragment.get('token');
  const fp = fragment.get('fp');
  return {
    hubUrl: url.origin,
    token: token && /^[\w.~-]{1,512}$/.test(token) ? token : null,
    fingerprint: fp ? normalizeFingerprint(fp) : null,
  };
}

/** The address of one app on the hub, e.g. `http://192.168.1.10:3324/kiosk/`. */
export function appUrl(hubUrl: string, kind: string, token?: string | null): string {
  const url = new URL(`/${kind}/`, hubUrl);
  if (token) url.hash = `token=${encodeURIComponent(token)}`;
  return url.toString();
}
