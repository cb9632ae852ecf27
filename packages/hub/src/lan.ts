import { networkInterfaces } from 'node:os';

/** The IPv4 addresses other machines on the office LAN can reach this hub at. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((i): i is NonNullable<typeof i> => !!i && i.family === 'IPv4' && !i.internal)
    .map((i) => i.address);
}
