import { createHash } from 'node:crypto';
import helmet from 'helmet';

/**
 * The one inline style the hub writes itself (the ticket status page and the "not built" page);
 * its hash is allowed by the policy, so no other inline style or script is.
 */
export const PAGE_STYLE = `body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;text-align:center;color:#102a43}
.number{font-size:5rem;font-weight:800;margin:.5rem 0}.status{font-size:1.6rem;font-weight:700}.go{font-size:1.4rem;color:#0b6e4f}.muted{color:#52606d}`;

const pageStyleHash = `'sha256-${createHash('sha256').update(PAGE_STYLE).digest('base64')}'`;

/**
 * Browser protection on every answer: the apps load only their own scripts, styles, images, clips
 * and the hub's Socket.IO; no page may frame them (clickjacking a desk); no MIME sniffing; no
 * Referer leaves the hub. Checked against the built apps in Chromium (e2e/security-headers.test.ts).
 *
 * Two of helmet's defaults are off on purpose: `upgrade-insecure-requests` (the hub serves plain
 * HTTP on the LAN unless started with --tls; browsers would rewrite the apps' own requests to an
 * https port nobody listens on) and HSTS (a browser that once saw it would refuse the hub's
 * self-signed certificate without a way past; the Electron shells pin that certificate instead).
 */
export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", pageStyleHash],
        // React's style props go through the CSSOM, which style-src does not govern; recharts too.
        'img-src': ["'self'", 'data:'],
        'media-src': ["'self'"],
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'none'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
  });
}

/** The headers Socket.IO's own HTTP answers (polling, handshake) carry too, set by hand: no Express there. */
export const SOCKET_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
};
