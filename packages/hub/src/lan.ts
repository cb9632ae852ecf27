import { networkInterfaces } from 'node:os';

/** The IPv4 addresses other machines on the office LAN can reach this hub at. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((i): i is NonNullable<typeof i> => !!i && i.family === 'IPv4' && !i.internal)
    .map((i) => i.address);
}

/**
 * The address other machines reach a hub listening on `listenHost` at: that address when the hub
 * listens on one interface, else this machine's first LAN address (loopback when it has none).
 */
export function reachableHost(listenHost?: string): string {
  if (listenHost && listenHost !== '0.0.0.0' && listenHost !== '::') return listenHost;
  return lanAddresses()[0] ?? '127.0.0.1';
}
