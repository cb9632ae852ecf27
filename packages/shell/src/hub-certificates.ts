import type { AppKind } from './bridge';
import type { AppLike } from './electron-like';
import type { ShellPages } from './shell-pages';
import { VERIFY, verifyHubCertificate } from './tls-pin';
import { guardWebContents, isTrustedUrl } from './trusted-url';

/**
 * An https hub's self-signed certificate: exactly the pinned one is accepted for its host, in every
 * web contents; what is refused sends the window back to the set-up page, which says why. Every web
 * contents is also kept to the hub's pages (navigation, new windows, permissions).
 */
export function guardHubCertificates(options: {
  app: AppLike;
  kind: AppKind;
  pages: ShellPages;
  log: (message: string) => void;
}): void {
  const { app, kind, pages, log } = options;
  // What the verify proc refused reaches here too: never trusted, and the set-up page says why.
  app.on('certificate-error', (event, _contents, url, error, certificate, callback) => {
    let host = '';
    try {
      host = new URL(url).hostname;
    } catch {
      // not a URL: refused below
    }
    if (verifyHubCertificate({ hostname: host, certificate }, pages.hubPin()) === VERIFY.accept) {
      event.preventDefault();
      callback(true);
      return;
    }
    callback(false);
    if (!isTrustedUrl(url, pages.hubUrl())) return;
    const pinned = pages.hubPin().fingerprint;
    pages.certificateProblem = pinned
      ? { code: 'CERT_MISMATCH', message: `${url}: ${error}; not the pinned certificate ${pinned}` }
      : { code: 'CERT_UNPINNED', message: `${url}: ${error}; no certificate fingerprint is pinned` };
    log(`hub certificate refused: ${pages.certificateProblem.message}`);
    pages.showSetup('setup');
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.session.setCertificateVerifyProc((request, callback) => {
      const result = verifyHubCertificate(request, pages.hubPin());
      if (result === VERIFY.refuse) log(`refused the certificate of ${request.hostname}: not the pinned one`);
      callback(result);
    });
    guardWebContents(contents, {
      hubUrl: () => pages.hubUrl(),
      allowNewWindows: kind === 'counter',
      onDenied: (what, detail) => log(`denied ${what}: ${detail}`),
    });
  });
}
