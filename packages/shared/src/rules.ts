/**
 * Rules that both sides of the wire apply: the hub enforces them, the apps and shells use the same
 * ones to shape their screens (never a copy). Plain values and functions, no zod, so a browser page
 * bundled without the rest of shared can import them (`@pst/shared/rules`).
 */
import type { Desk } from './config';
import type { StaffRole } from './contract';
import type { ErrorCode } from './errors';

/** The recalls a called visitor gets before the desk may mark them absent (queue-core's RECALL_FIRST). */
export const RECALLS_BEFORE_NO_SHOW = 1;

/** Staff PINs on the hub, and the exit PIN of a kiosk or display shell: 4 to 8 digits. */
export const PIN_LENGTH = { min: 4, max: 8 } as const;
export const PIN_PATTERN = new RegExp(`^\\d{${PIN_LENGTH.min},${PIN_LENGTH.max}}$`);

/**
 * The data-care periods in days a supervisor may set: how long personal data is kept (at least a
 * month, at most ten years) and how many daily backups stay.
 */
export const DATA_CARE_DAYS = {
  retentionDays: { min: 30, max: 3650 },
  backupDays: { min: 1, max: 365 },
} as const;

/** Ids in the office's configuration (services, desks) and command payloads: lowercase, digits, dashes. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** The front office is a desk kind (guest book), not a service a visitor picks: its queue has this id. */
export const FRONT_OFFICE_QUEUE = 'front-office';

/** The queues a desk calls from, in its order. */
export function queuesOfDesk(desk: Pick<Desk, 'kind' | 'services'>): string[] {
  return desk.kind === 'front-office' ? [FRONT_OFFICE_QUEUE] : desk.services;
}

/** Staff roles that may open each kind of desk (supervisors and admins may stand in anywhere). */
export const DESK_KIND_ROLES: Record<Desk['kind'], readonly StaffRole[]> = {
  'front-office': ['front-office', 'supervisor', 'admin'],
  service: ['consultant', 'supervisor', 'admin'],
};

/** Whether a staff role may open a desk of this kind. */
export function mayTakeDesk(role: string, kind: Desk['kind']): boolean {
  return (DESK_KIND_ROLES[kind] as readonly string[]).includes(role);
}

export type ServiceLike = { id: string; active: boolean };
export type ServiceRefusal = Extract<ErrorCode, 'UNKNOWN_SERVICE' | 'SERVICE_INACTIVE'>;

/** The service a visitor may be put in now (it exists and is active), or why not. */
export function openService<S extends ServiceLike>(
  services: readonly S[],
  serviceId: string,
): S | ServiceRefusal {
  const service = services.find((s) => s.id === serviceId);
  if (!service) return 'UNKNOWN_SERVICE';
  return service.active ? service : 'SERVICE_INACTIVE';
}

/** The services that take visitors now (those openService gives), in configuration order: the apps' pickers. */
export function openServices<S extends ServiceLike>(services: readonly S[]): S[] {
  return services.filter((s) => typeof openService(services, s.id) !== 'string');
}

/** Why a queue takes no visitor now (null: it takes them): the front office's always does. */
export function queueRefusal(services: readonly ServiceLike[], queue: string): ServiceRefusal | null {
  if (queue === FRONT_OFFICE_QUEUE) return null;
  const service = openService(services, queue);
  return typeof service === 'string' ? service : null;
}

export type TransferRefusal = ServiceRefusal | Extract<ErrorCode, 'SAME_QUEUE'>;

/**
 * The service a ticket now in `currentQueue` may be transferred or forwarded to (an open service other
 * than its own queue), or why not. queue-core decides a transfer with it; the counter's picker offers
 * `transferTargets`, so staff are offered exactly what the hub accepts.
 */
export function transferTarget<S extends ServiceLike>(
  services: readonly S[],
  currentQueue: string,
  serviceId: string,
): S | TransferRefusal {
  const service = openService(services, serviceId);
  if (typeof service === 'string') return service;
  return service.id === currentQueue ? 'SAME_QUEUE' : service;
}

/** The services a ticket now in `currentQueue` may be transferred to, in configuration order. */
export function transferTargets<S extends ServiceLike>(services: readonly S[], currentQueue: string): S[] {
  return services.filter((s) => typeof transferTarget(services, currentQueue, s.id) !== 'string');
}
