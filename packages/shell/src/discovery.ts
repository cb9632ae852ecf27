/**
 * Finds the hubs on the LAN: they announce themselves over mDNS / DNS-SD as `_pst-hub._tcp`
 * (packages/hub/src/mdns.ts). Main process only; the bonjour instance is injectable for tests.
 */
import { HUB_SERVICE_TYPE } from '@pst/shared';
import { Bonjour } from 'bonjour-service';
import type { DiscoveredHub } from './bridge';
import { normalizeFingerprint } from './tls-pin';

/** What discovery reads of a bonjour-service `Service`. */
export interface ServiceLike {
  name: string;
  host?: string;
  port: number;
  addresses?: string[];
  referer?: { address: string };
  txt?: unknown;
}

/** The slice of bonjour-service's `Bonjour` discovery uses. */
export interface BonjourLike {
  find(options: { type: string }, onUp: (service: ServiceLike) => void): { stop(): void };
  destroy(): void;
}

export interface DiscoverOptions {
  /** How long to listen for answers. */
  timeoutMs: number;
  /** A bonjour instance to browse with (kept open); default: a new one on every interface, closed after. */
  bonjour?: BonjourLike;
}

const isIPv4 = (address: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(address);

/**
 * The address to reach a hub at: the one its answer came from (it is on a network this PC
 * reaches) when that is IPv4, else the first IPv4 address it announced, else its host name.
 */
export function hubAddress(service: ServiceLike): string | null {
  const from = service.referer?.address;
  if (from && isIPv4(from)) return from;
  const announced = service.addresses?.find(isIPv4);
  if (announced) return announced;
  const v6 = from ?? service.addresses?.[0];
  if (v6) return `[${v6.replace(/%.*$/, '')}]`;
  return service.host || null;
}

function txtOf(service: ServiceLike): Record<string, string> {
  const txt = service.txt;
  if (!txt || typeof txt !== 'object') return {};
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(txt)) {
    if (typeof value === 'string') out[key] = value;
    else if (value instanceof Uint8Array) out[key] = Buffer.from(value).toString('utf8');
  }
  return out;
}

/** A found service as the set-up page shows it; null when it cannot be a usable hub. */
export function toDiscoveredHub(service: ServiceLike): DiscoveredHub | null {
  const address = hubAddress(service);
  if (!address || !Number.isInteger(service.port) || service.port <= 0 || service.port > 65_535) return null;
  const txt = txtOf(service);
  const tls = txt.tls === '1';
  const fingerprint = tls && txt.fp ? normalizeFingerprint(txt.fp) : null;
  // A hub on TLS without a readable fingerprint could not be pinned: leave it out.
  if (tls && !fingerprint) return null;
  const hubUrl = `${tls ? 'https' : 'http'}://${address}:${service.port}`;
  return {
    name: service.name.slice(0, 100),
    address,
    port: service.port,
    hubUrl,
    office: txt.office?.slice(0, 200) ?? null,
    version: txt.version?.slice(0, 40) ?? null,
    tls,
    fingerprint,
    setupAddress: fingerprint ? `${hubUrl}/#fp=${fingerprint}` : hubUrl,
  };
}

/** Listens for `timeoutMs` and returns the hubs that answered, one per address and port, by name. */
export async function discoverHubs(options: DiscoverOptions): Promise<DiscoveredHub[]> {
  const bonjour = options.bonjour ?? (new Bonjour() as unknown as BonjourLike);
  const found = new Map<string, DiscoveredHub>();
  const browser = bonjour.find({ type: HUB_SERVICE_TYPE }, (service) => {
    const hub = toDiscoveredHub(service);
    if (hub) found.set(hub.hubUrl, hub);
  });
  try {
    await new Promise((resolve) => setTimeout(resolve, options.timeoutMs));
  } finally {
    browser.stop();
    if (!options.bonjour) bonjour.destroy();
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name) || a.hubUrl.localeCompare(b.hubUrl));
}
