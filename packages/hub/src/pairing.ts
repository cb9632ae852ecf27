/**
 * The link a device opens once to pair: `<hub>/<app>/#token=<token>`, plus `&fp=<fingerprint>`
 * when the hub serves TLS, so the Electron shell pins the hub's certificate from the same paste.
 * Both stay in the fragment, which browsers never send to a server.
 */
export function pairingLink(hubUrl: string, app: string, token: string, fingerprint: string | null): string {
  const fragment = new URLSearchParams({ token });
  if (fingerprint) fragment.set('fp', fingerprint);
  // Colons of the fingerprint are legal in a fragment; keep them readable.
  return `${hubUrl}/${app}/#${fragment.toString().replaceAll('%3A', ':')}`;
}
