/**
 * LAN discovery: the hub announces itself over mDNS / DNS-SD (`_pst-hub._tcp.local`) so the
 * Electron shells' set-up page can list it. Nothing here may take the hub down: an mDNS error is
 * logged and the hub serves on.
 */
import { hostname } from 'node:os';
import { HUB_SERVICE_TYPE } from '@pst/shared';
import { Bonjour } from 'bonjour-service';
import type { Logger } from 'pino';

export interface MdnsOptions {
  /**
   * Announce on this interface only (its IPv4 address), e.g. the address given to `--host`, or
   * `127.0.0.1` in tests so nothing reaches the LAN. Default: every interface.
   */
  interface?: string;
  /** The service instance name shown on the set-up page; default `<office name> (<host name>)`. */
  name?: string;
}

export interface HubAnnouncement {
  name: string;
  txt: Record<string, string>;
  close(): Promise<void>;
}

/**
 * Options for `new Bonjour(...)` on one interface. multicast-dns binds its socket to `interface`
 * unless told otherwise; on Linux a socket bound to a unicast address never receives multicast
 * datagrams, so it binds to all addresses while joining the group and sending on `interface` only.
 * TTL 1 keeps the packets on the local link.
 */
export function bonjourOptions(iface?: string): Record<string, unknown> {
  return iface ? { interface: iface, bind: '0.0.0.0', ttl: 1 } : {};
}

/** At most `max` bytes of UTF-8, cut on a character boundary. */
function truncateBytes(text: string, max: number): string {
  let out = '';
  for (const char of text.trim()) {
    if (Buffer.byteLength(out + char) > max) break;
    out += char;
  }
  return out.trim();
}

/** A DNS label holds at most 63 bytes. */
export function serviceName(text: string): string {
  return truncateBytes(text, 63) || 'PST hub';
}

export function hubTxt(info: {
  version: string;
  office: string;
  fingerprint: string | null;
}): Record<string, string> {
  return {
    version: info.version,
    // One TXT string holds at most 255 bytes, key included.
    office: truncateBytes(info.office, 200),
    tls: info.fingerprint ? '1' : '0',
    ...(info.fingerprint ? { fp: info.fingerprint } : {}),
  };
}

export function announceHub(
  info: { port: number; version: string; office: string; fingerprint: string | null },
  options: MdnsOptions,
  log: Logger,
): HubAnnouncement {
  const bonjour = new Bonjour(bonjourOptions(options.interface), (error: unknown) =>
    log.warn({ err: error }, 'mDNS error'),
  );
  const name = serviceName(options.name ?? `${info.office} (${hostname()})`);
  const txt = hubTxt(info);
  const service = bonjour.publish({ name, type: HUB_SERVICE_TYPE, protocol: 'tcp', port: info.port, txt });
  service.on('error', (error: unknown) => log.warn({ err: error, name }, 'mDNS announcement failed'));
  service.on('up', () => log.info({ name, type: HUB_SERVICE_TYPE, port: info.port }, 'announced on the LAN'));
  let closed: Promise<void> | null = null;
  return {
    name,
    txt,
    close() {
      closed ??= new Promise<void>((resolve) => {
        // Goodbye packets (TTL 0) first, so browsers drop the hub at once, then the socket.
        const timer = setTimeout(finish, 1000);
        function finish() {
          clearTimeout(timer);
          try {
            bonjour.destroy();
          } catch {
            // already closed
          }
          resolve();
        }
        try {
          bonjour.unpublishAll(finish);
        } catch {
          finish();
        }
      });
      return closed;
    },
  };
}
