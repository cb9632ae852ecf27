import type { WebContentsLike } from './electron-like';

/**
 * Only the configured hub may be shown. Compared by origin (scheme, host, port), so
 * `http://hub:3324.evil.example` or a different port is refused; credentials in the URL are
 * refused too, they are a classic way to disguise a host.
 */
export function isTrustedUrl(value: string, hubUrl: string | null): boolean {
  if (!hubUrl) return false;
  try {
    const url = new URL(value);
    if (url.username || url.password) return false;
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    return url.origin === new URL(hubUrl).origin;
  } catch {
    return false;
  }
}

/** What the hub's pages may ask the browser for. Audio autoplay and speech need no permission. */
const HUB_PERMISSIONS: ReadonlySet<string> = new Set(['fullscreen', 'clipboard-sanitized-write']);

export function isPermissionAllowed(
  permission: string,
  requestingUrl: string,
  hubUrl: string | null,
): boolean {
  return HUB_PERMISSIONS.has(permission) && isTrustedUrl(requestingUrl, hubUrl);
}

export interface GuardOptions {
  /** Read on every check: the hub address can change while the app runs (set-up page). */
  hubUrl: () => string | null;
  /** The counter may open hub pages in a new window (reports); kiosk and display never. */
  allowNewWindows: boolean;
  onDenied?: (what: 'navigation' | 'window' | 'permission', detail: string) => void;
}

/**
 * Applied to every web contents the app creates (`app.on('web-contents-created')`), so a child
 * window gets the same rules. Navigations that main starts (`loadURL`, `loadFile`) do not pass
 * through `will-navigate`; only the page's own navigations do.
 */
export function guardWebContents(contents: WebContentsLike, options: GuardOptions): void {
  contents.on('will-navigate', (event) => {
    if (isTrustedUrl(event.url, options.hubUrl())) return;
    event.preventDefault();
    options.onDenied?.('navigation', event.url);
  });
  contents.on('will-redirect', (event) => {
    if (isTrustedUrl(event.url, options.hubUrl())) return;
    event.preventDefault();
    options.onDenied?.('navigation', event.url);
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (options.allowNewWindows && isTrustedUrl(url, options.hubUrl())) return { action: 'allow' };
    options.onDenied?.('window', url);
    return { action: 'deny' };
  });
  contents.session.setPermissionRequestHandler((source, permission, callback) => {
    const allowed = isPermissionAllowed(permission, source.getURL(), options.hubUrl());
    if (!allowed) options.onDenied?.('permission', permission);
    callback(allowed);
  });
}
