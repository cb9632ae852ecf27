/**
 * A device keeps its pairing token in the browser's storage. Pairing by link: the supervisor (or
 * `npx pst-hub device add`) gives a URL ending in `#token=...`; opening it once stores the
 * token and removes it from the address bar.
 */
export function readDeviceToken(
  app: string,
  location: Location = window.location,
  storage: Storage = localStorage,
) {
  const key = `pst:${app}:token`;
  const fromLink = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromLink) {
    storage.setItem(key, fromLink);
    history.replaceState(null, '', location.pathname + location.search);
    return fromLink;
  }
  return storage.getItem(key);
}

export function saveDeviceToken(app: string, token: string, storage: Storage = localStorage): void {
  storage.setItem(`pst:${app}:token`, token.trim());
}

export function forgetDeviceToken(app: string, storage: Storage = localStorage): void {
  storage.removeItem(`pst:${app}:token`);
}
