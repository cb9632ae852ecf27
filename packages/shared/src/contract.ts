/**
 * The wire contract between the hub and every app: event names, payload schemas (every inbound
 * payload is parsed with these before anything else), ack and push types, and who may send what.
 */
import { z } from 'zod';
import { type QueueConfig, queueConfigSchema } from './config';
import { deskPickSchemas } from './desk-pick';
import type { ErrorBody } from './errors';
import { type GuestBookEntry, guestBookEntrySchema, phoneSchema } from './guest-book';
import { idSchema as id, printJobIdSchema as printJobId, ticketIdSchema as ticketId } from './ids';
import { IKM_ELEMENTS, IKM_SCORES } from './ikm';
import {
  type AppointmentDay,
  type AppointmentView,
  appointmentSchemas,
  ONLINE_ROLES,
  type OnlineRequestDetail,
  type OnlineRequesterLookup,
  type OnlineRequestSummary,
  onlineRequestId,
  onlineSchemas,
} from './online';
import { type OpeningHours, type OpeningStatus, openingHoursSchema } from './opening-hours';
import { DATA_CARE_DAYS, PIN_PATTERN } from './rules';
import { type Holiday, holidaySchema } from './working-days';

// ---------- roles ----------
export const DEVICE_ROLES = ['kiosk', 'display', 'rating'] as const;
export const STAFF_ROLES = ['front-office', 'consultant', 'supervisor', 'admin'] as const;
export type DeviceRole = (typeof DEVICE_ROLES)[number];
export type StaffRole = (typeof STAFF_ROLES)[number];
export type Role = DeviceRole | StaffRole;

/** What the hub knows of an authenticated socket. */
export interface SocketData {
  role: Role;
  deviceId?: string;
  staffId?: string;
  staffName?: string;
  /** The desk a rating tablet is paired to. */
  deskId?: string;
}

// ---------- ack ----------
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };
export type AckFn<T> = (response: Ack<T>) => void;

// ---------- inbound payloads ----------
const deskRef = z.strictObject({ deskId: id });
const deskTicket = z.strictObject({ deskId: id, ticketId });
const score = z.literal(IKM_SCORES);
/** How far a complaint has been followed up (ISO 9001 complaint handling). */
export const COMPLAINT_STATUSES = ['baru', 'ditindaklanjuti', 'selesai'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
/** As the printed report and the exports write them (screens use the string tables). */
export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  baru: 'Baru',
  ditindaklanjuti: 'Ditindaklanjuti',
  selesai: 'Selesai',
};
/** Whether each status closes a complaint: a Record, so a status added above must be classed here. */
const COMPLAINT_STATUS_CLOSES: Record<ComplaintStatus, boolean> = {
  baru: false,
  ditindaklanjuti: false,
  selesai: true,
};
/** Statuses that close a complaint (central's open count); any other counts as open. */
export const COMPLAINT_CLOSED_STATUSES: readonly ComplaintStatus[] = COMPLAINT_STATUSES.filter(
  (status) => COMPLAINT_STATUS_CLOSES[status],
);
/** Whether a stored status (null: never followed up) closes its complaint. */
export const isComplaintClosed = (status: string | null): boolean =>
  (COMPLAINT_CLOSED_STATUSES as readonly string[]).includes(status ?? '');

const staffUsername = z.string().regex(/^[a-z0-9._-]{2,40}$/, 'huruf kecil, angka, titik, garis');
/** What a kiosk may answer to a print job (the same states as the hub's printer, without 'unknown'). */
export const PRINT_RESULT_STATES = ['ok', 'offline', 'paper-out', 'cover-open', 'error'] as const;

export const schemas = {
  'ticket:take': z.strictObject({ serviceId: id, priority: z.boolean().default(false) }),
  'ticket:status': z.strictObject({ ticketId }),
  'board:get': z.strictObject({}),
  /** `takeOver`: open a desk another staff member holds (refused with DESK_IN_USE without it). */
  'desk:open': z.strictObject({ deskId: id, takeOver: z.boolean().default(false) }),
  'desk:pause': deskRef,
  'desk:resume': deskRef,
  'desk:close': deskRef,
  'desk:call-next': deskRef,
  'ticket:recall': deskTicket,
  'ticket:no-show': deskTicket,
  'ticket:start': deskTicket,
  'ticket:finish': deskTicket,
  'ticket:transfer': z.strictObject({
    deskId: id,
    ticketId,
    serviceId: id,
    note: z.string().trim().max(500).default(''),
  }),
  'ticket:cancel': z.strictObject({ ticketId, reason: z.string().trim().min(1).max(200) }),
  /** `forDeskId`: a named desk serving `forwardTo` (its own list, as `ticket:send-to-desk`); absent: the whole queue. */
  'guestbook:save': z.strictObject({
    deskId: id,
    ticketId,
    entry: guestBookEntrySchema,
    forwardTo: id,
    forDeskId: id.optional(),
  }),
  'guestbook:lookup': z.union([
    z.strictObject({ phone: phoneSchema }),
    z.strictObject({ email: z.email().max(120) }),
  ]),
  'visit:get': z.strictObject({ ticketId }),
  'visit:note': z.strictObject({ deskId: id, ticketId, text: z.string().trim().min(1).max(4000) }),
  'rating:submit': z.strictObject({
    ticketId,
    overall: score,
    /** U1..U9 in order; null where the visitor skipped an element. */
    scores: z.array(score.nullable()).length(IKM_ELEMENTS.length),
    integrity: z.strictObject({ imbalan: z.boolean().nullable(), pungli: z.boolean().nullable() }),
    complaint: z.string().trim().max(2000).default(''),
  }),
  'session:whoami': z.strictObject({}),
  'desk:staff': z.strictObject({}),
  'settings:get': z.strictObject({}),
  'settings:config': z.strictObject({ config: queueConfigSchema }),
  'settings:staff': z.strictObject({
    username: staffUsername,
    name: z.string().trim().min(2).max(80),
    role: z.enum(STAFF_ROLES),
    /** Required for a new account; for an existing one, a new PIN resets it. */
    pin: z.string().regex(PIN_PATTERN, 'PIN 4 sampai 8 angka').optional(),
    active: z.boolean().default(true),
  }),
  'settings:device-pair': z.strictObject({
    role: z.enum(DEVICE_ROLES),
    name: z.string().trim().min(2).max(60),
    deskId: id.optional(),
  }),
  'settings:device-revoke': z.strictObject({ deviceId: z.string().min(1).max(60) }),
  'settings:holidays': z.strictObject({ holidays: z.array(holidaySchema).max(100) }),
  'settings:data-care': z.strictObject({
    retentionDays: z
      .number()
      .int()
      .min(DATA_CARE_DAYS.retentionDays.min)
      .max(DATA_CARE_DAYS.retentionDays.max),
    backupDays: z.number().int().min(DATA_CARE_DAYS.backupDays.min).max(DATA_CARE_DAYS.backupDays.max),
  }),
  'guestbook:erase': z.union([
    z.strictObject({ phone: phoneSchema }),
    z.strictObject({ email: z.email().max(120) }),
  ]),
  /** The follow-up of a complaint left on the rating tablet: status, and the response given. */
  'complaint:follow-up': z.strictObject({
    ticketId,
    status: z.enum(COMPLAINT_STATUSES),
    response: z.string().trim().max(2000).default(''),
  }),
  /** A kiosk says whether it prints its tickets itself (its Electron shell has a printer set up). */
  'kiosk:printer': z.strictObject({
    local: z.boolean(),
    description: z.string().trim().max(120).default(''),
  }),
  /** The kiosk's answer to a `print:job` push. */
  'print:result': z.strictObject({
    jobId: printJobId,
    state: z.enum(PRINT_RESULT_STATES),
    detail: z.string().trim().max(500).default(''),
  }),
  /** A marked test ticket on the hub's printer, or on a kiosk that prints locally (never a number). */
  'printer:test': z.strictObject({ deviceId: z.string().min(1).max(60).optional() }),
  // ---- pilot-a: opening hours ----
  /** The kiosk's service hours; null: the kiosk gives tickets at any hour. */
  'settings:opening-hours': z.strictObject({ hours: openingHoursSchema.nullable() }),
  // ---- reprints (issue 17) ----
  /** Prints a waiting ticket again, marked "CETAK ULANG hh.mm" (staff: any of today's; a kiosk: its last). */
  'ticket:reprint': z.strictObject({ ticketId }),
  // ---------- security (issue 16) ----------
  /** Lifts an account's sign-in lock after wrong PINs (only for an account the actor may manage). */
  'settings:staff-unlock': z.strictObject({ username: staffUsername }),
  // ---- hold and send to a desk (issue 20, part 2) ----
  /** Tunda: the called or serving visitor stepped out; the desk holds the ticket and may call the next. */
  'ticket:park': deskTicket,
  /** A parked ticket back: called at this desk again (`desk`), or to the head of its queue (`queue`). */
  'ticket:unpark': z.strictObject({ deskId: id, ticketId, to: z.enum(['desk', 'queue']) }),
  /** Sends the ticket at this desk to a named desk, to wait there in `serviceId` (one of that desk's queues). */
  'ticket:send-to-desk': z.strictObject({
    deskId: id,
    ticketId,
    toDeskId: id,
    serviceId: id,
    note: z.string().trim().max(500).default(''),
  }),
  /** Kembalikan ke antrian sebelumnya: the ticket at this desk goes back to the head of the queue it came from. */
  'ticket:transfer-back': deskTicket,
  // online requests and appointments (issue 21): online.ts
  ...onlineSchemas,
  ...appointmentSchemas,
  /** An online user's SKM answers, on the form staff open from the request or typed from WhatsApp. */
  'online:rate': z.strictObject({
    requestId: onlineRequestId,
    source: z.enum(['formulir', 'whatsapp']),
    overall: score,
    scores: z.array(score.nullable()).length(IKM_ELEMENTS.length),
    integrity: z.strictObject({ imbalan: z.boolean().nullable(), pungli: z.boolean().nullable() }),
    complaint: z.string().trim().max(2000).default(''),
  }),
  // desk control, part 1 (issue 20): desk-pick.ts
  ...deskPickSchemas,
} as const;

export type CommandName = keyof typeof schemas;
export type Payload<E extends CommandName> = z.input<(typeof schemas)[E]>;
export type ParsedPayload<E extends CommandName> = z.output<(typeof schemas)[E]>;

/** Who may send each command (checked by the hub before anything else). */
const STAFF_AT_DESK = ['front-office', 'consultant', 'supervisor', 'admin'] as const;
export const COMMAND_ROLES: Record<CommandName, readonly Role[]> = {
  'ticket:take': ['kiosk', 'front-office', 'supervisor', 'admin'],
  'ticket:status': ['kiosk', 'display', 'rating', ...STAFF_AT_DESK],
  'board:get': ['kiosk', 'display', 'rating', ...STAFF_AT_DESK],
  'desk:open': STAFF_AT_DESK,
  'desk:pause': STAFF_AT_DESK,
  'desk:resume': STAFF_AT_DESK,
  'desk:close': STAFF_AT_DESK,
  'desk:call-next': STAFF_AT_DESK,
  'ticket:recall': STAFF_AT_DESK,
  'ticket:no-show': STAFF_AT_DESK,
  'ticket:start': STAFF_AT_DESK,
  'ticket:finish': STAFF_AT_DESK,
  'ticket:transfer': STAFF_AT_DESK,
  'ticket:cancel': ['front-office', 'supervisor', 'admin'],
  'guestbook:save': ['front-office', 'supervisor', 'admin'],
  'guestbook:lookup': ['front-office', 'supervisor', 'admin'],
  'visit:get': STAFF_AT_DESK,
  'visit:note': STAFF_AT_DESK,
  'rating:submit': ['rating'],
  'session:whoami': ['kiosk', 'display', 'rating', ...STAFF_AT_DESK],
  'desk:staff': ['supervisor', 'admin'],
  'settings:get': ['supervisor', 'admin'],
  'settings:config': ['supervisor', 'admin'],
  'settings:staff': ['admin', 'supervisor'],
  'settings:device-pair': ['supervisor', 'admin'],
  'settings:device-revoke': ['supervisor', 'admin'],
  'settings:holidays': ['supervisor', 'admin'],
  'settings:data-care': ['admin'],
  'guestbook:erase': ['supervisor', 'admin'],
  'complaint:follow-up': ['supervisor', 'admin'],
  'kiosk:printer': ['kiosk'],
  'print:result': ['kiosk'],
  'printer:test': ['supervisor', 'admin'],
  'settings:opening-hours': ['supervisor', 'admin'],
  'ticket:reprint': ['kiosk', 'front-office', 'supervisor', 'admin'],
  'settings:staff-unlock': ['supervisor', 'admin'],
  // hold and send to a desk (issue 20, part 2)
  'ticket:park': STAFF_AT_DESK,
  'ticket:unpark': STAFF_AT_DESK,
  'ticket:send-to-desk': STAFF_AT_DESK,
  'ticket:transfer-back': STAFF_AT_DESK,
  // online requests and appointments (issue 21)
  'online:record': ONLINE_ROLES,
  'online:list': ONLINE_ROLES,
  'online:get': ONLINE_ROLES,
  'online:act': ONLINE_ROLES,
  'online:note': ONLINE_ROLES,
  'online:requester-lookup': ONLINE_ROLES,
  'appointment:book': ONLINE_ROLES,
  'appointment:list': ONLINE_ROLES,
  'appointment:redeem': ['kiosk'],
  'online:rate': ONLINE_ROLES,
  // desk control, part 1 (issue 20): whoever works a desk may call a chosen ticket to it
  'desk:call-chosen': STAFF_AT_DESK,
  'appointment:attendance': ONLINE_ROLES,
};

/** Whether a role may send a command: the hub refuses the others, and screens offer them only to these. */
export function mayCommand(role: string, command: CommandName): boolean {
  return (COMMAND_ROLES[command] as readonly string[]).includes(role);
}

/**
 * How long a kiosk offers "Cetak ulang" for its last ticket after its print failed; the hub accepts
 * a kiosk's reprint of its own ticket for as long (staff may reprint any waiting ticket of the day).
 */
export const KIOSK_REPRINT_SECONDS = 90;

// ---------- HTTP routes (issue 16: one list the hub, the docs and the role-matrix test share) ----------
/** Staff roles that read reports and take exports over HTTP. */
export const REPORT_ROLES = ['supervisor', 'admin'] as const satisfies readonly StaffRole[];

/**
 * Every HTTP route the hub serves, with who may call it: `public` (anyone on the LAN), or the staff
 * roles whose session token (`Authorization: Bearer`) it accepts. `/healthz` is public with a short
 * answer; staff get the details.
 */
export const HTTP_ROUTES = [
  { method: 'GET', path: '/healthz', roles: 'public' },
  { method: 'POST', path: '/api/login', roles: 'public' },
  { method: 'POST', path: '/api/logout', roles: 'public' },
  { method: 'GET', path: '/api/tickets/:id', roles: 'public' },
  { method: 'GET', path: '/t/:id', roles: 'public' },
  { method: 'GET', path: '/api/reports', roles: REPORT_ROLES },
  { method: 'GET', path: '/api/reports/online', roles: REPORT_ROLES },
  { method: 'GET', path: '/api/reports/export.xlsx', roles: REPORT_ROLES },
  { method: 'GET', path: '/api/reports/:table.csv', roles: REPORT_ROLES },
  { method: 'GET', path: '/api/guestbook/export.:format', roles: REPORT_ROLES },
  { method: 'GET', path: '/clips/:name', roles: 'public' },
  { method: 'GET', path: '/api/clips', roles: REPORT_ROLES },
  { method: 'PUT', path: '/api/clips/:name', roles: REPORT_ROLES },
  { method: 'DELETE', path: '/api/clips/:name', roles: REPORT_ROLES },
  { method: 'POST', path: '/api/holidays/import', roles: REPORT_ROLES },
  { method: 'GET', path: '/favicon.ico', roles: 'public' },
  { method: 'GET', path: '/', roles: 'public' },
] as const satisfies ReadonlyArray<{
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  roles: 'public' | readonly StaffRole[];
}>;

// ---------- views (what the hub sends) ----------
export type TicketStatus =
  | 'waiting'
  | 'called'
  | 'serving'
  /** Stepped out: the desk holds it (tunda) and serves others meanwhile. */
  | 'parked'
  | 'finished'
  | 'no-show'
  | 'cancelled'
  | 'unserved';

/** The 10-minute clock of a waiting ticket: started once the ticket directly ahead has finished. */
export interface ServiceClockView {
  startedAt: number | null;
  deadline: number | null;
  targetMinutes: number;
}

export interface WaitingTicketView {
  id: string;
  number: string;
  serviceId: string;
  priority: boolean;
  issuedAt: number;
  enteredAt: number;
  clock: ServiceClockView;
}

export interface QueueView {
  /** A service id, or 'front-office'. */
  id: string;
  name: string;
  nameEn: string;
  color: string;
  waitingCount: number;
  estimatedWaitMinutes: number;
  /** The first waiting tickets in call order (the board shows a few; desks show more). */
  waiting: WaitingTicketView[];
}

export interface DeskView {
  id: string;
  name: string;
  kind: 'front-office' | 'service';
  services: string[];
  status: 'closed' | 'open' | 'paused';
  /** The staff id (opaque, never a name) holding an open or paused desk: a desk shows whether it is one's own. */
  heldBy: string | null;
  current: {
    ticketId: string;
    number: string;
    state: 'called' | 'serving';
    since: number;
    recalls: number;
    /** The queue its visit came from by its last forward or transfer ("Kembalikan" sends it back); null: none. */
    cameFrom: string | null;
  } | null;
  servedToday: number;
  /** Tickets this desk parked (tunda), to call back or return to their queue. */
  parked: ParkedTicketView[];
  /** Tickets sent to this desk by name, waiting for it (the lobby shows "menunggu di <desk>"). */
  sentHere: SentTicketView[];
}

// ---- hold and send to a desk (issue 20, part 2) ----
export interface ParkedTicketView {
  ticketId: string;
  number: string;
  serviceId: string;
  parkedAt: number;
  /** Parked while being served (it comes back as serving), or while only called. */
  wasServing: boolean;
  /** Parked past the office's limit: proposed to the desk as a no-show (the staff confirms). */
  overdue: boolean;
}

export interface SentTicketView {
  ticketId: string;
  number: string;
  serviceId: string;
  /** The queue it waits in (a service id, or 'front-office'). */
  queue: string;
  priority: boolean;
  sentAt: number;
  /** Then it falls back to the whole queue (or at once when the desk closes). */
  until: number;
  fromDeskId: string | null;
  clock: ServiceClockView;
}

export interface CallView {
  ticketId: string;
  number: string;
  serviceId: string;
  deskId: string;
  deskName: string;
  at: number;
  /** 0 for the first call, n for the n-th recall. */
  recall: number;
}

export interface ServicePublic {
  id: string;
  name: string;
  nameEn: string;
  prefix: string;
  color: string;
  targetMinutes: number;
  active: boolean;
}

export interface PrinterStatusView {
  /** 'paper-near-end' prints, and is a warning: the roll is about to run out. */
  state: 'ok' | 'paper-near-end' | 'offline' | 'paper-out' | 'cover-open' | 'error' | 'unknown';
  detail: string;
  pendingJobs: number;
  at: number;
}

/**
 * One printer the hub prints through: its own (`id: 'hub'`), or a kiosk that prints its tickets
 * itself (`id: 'kiosk:<deviceId>'`, `name`: the kiosk's device name).
 */
export interface NamedPrinterStatus extends PrinterStatusView {
  id: string;
  kind: 'hub' | 'kiosk';
  name: string;
  /** Kiosks: whether its socket is connected now (a job for a disconnected kiosk waits for it). */
  connected: boolean;
}

/** A job the hub pushes to a kiosk that prints locally: the ESC/POS bytes, rendered by the hub. */
export interface PrintJob {
  jobId: string;
  /** The ticket printed, or null for a test ticket. */
  ticketId: string | null;
  /** ESC/POS bytes, base64. */
  data: string;
}

/** The public board: ticket numbers and desk names only, never a person's name or contact. */
export interface BoardSnapshot {
  at: number;
  day: string;
  office: Pick<
    QueueConfig['office'],
    'name' | 'timeZone' | 'runningText' | 'complaintChannels' | 'frontOfficeFirst'
  >;
  services: ServicePublic[];
  queues: QueueView[];
  desks: DeskView[];
  /**
   * Newest first; the first is the big "current call" unless a newer call was taken back (then none is,
   * until the next). Calls of a ticket that waits again are not here.
   */
  recentCalls: CallView[];
  /**
   * Recent calls taken back: their ticket was parked, sent to a named desk or put back at the head of a
   * queue. A display still showing one of them big drops it (without announcing anything).
   */
  withdrawnCalls: CallView[];
  today: { issued: number; served: number; waiting: number; breaches: number };
  /** The hub's own printer. */
  printer: PrinterStatusView;
  /** Every printer: the hub's first, then each kiosk that prints locally. */
  printers: NamedPrinterStatus[];
  /** Whether the kiosk gives tickets now (service hours and holidays), and when that changes. */
  opening: OpeningStatus;
  /** Today's tickets with no sure paper: their print failed (and may still be retried) or its outcome is unknown. */
  printFailures: PrintFailureView[];
  /** A year whose holidays are not entered yet (this year, or the next from December), for a warning. */
  holidaysMissingYear: number | null;
}

/**
 * A ticket of today whose paper is in doubt. `print`: 'failed' (not printed; the hub retries while
 * the visitor waits), 'unknown' (the printer had it but never confirmed: never sent again by itself).
 */
export interface PrintFailureView {
  ticketId: string;
  number: string;
  print: 'failed' | 'unknown';
  /** The printer's state when it failed ('offline', 'paper-out', ...). */
  printerState: PrinterStatusView['state'];
  status: TicketStatus;
  issuedAt: number;
}

export interface TicketView {
  id: string;
  number: string;
  serviceId: string;
  /** Where the ticket waits or is served now (a service id or 'front-office'). */
  queue: string;
  priority: boolean;
  status: TicketStatus;
  issuedAt: number;
  peopleAhead: number;
  estimatedWaitMinutes: number;
  desk: { id: string; name: string } | null;
  recalls: number;
}

/** The ticket, as soon as it is stored: its printing follows as a `ticket:printed` push. */
export interface TakeResult {
  ticket: TicketView;
  statusUrl: string;
}

/** How the printing of a ticket ended (after the print queue's retries). */
export interface TicketPrinted {
  ticketId: string;
  printed: PrinterStatusView;
}

export interface VisitDetail {
  ticket: TicketView;
  stages: Array<{
    queue: string;
    enteredAt: number;
    calledAt: number | null;
    startedAt: number | null;
    endedAt: number | null;
    deskId: string | null;
    outcome: string | null;
    note: string;
  }>;
  guestBook: Pick<
    GuestBookEntry,
    'fullName' | 'institutionName' | 'purpose' | 'dataNeeded' | 'servicesUsed'
  > | null;
  notes: Array<{ at: number; staffName: string; text: string }>;
}

export interface SessionInfo {
  role: Role;
  deviceId: string | null;
  staffId: string | null;
  staffName: string | null;
  deskId: string | null;
}

export type GuestBookLookupResult = (GuestBookEntry & { lastVisitAt: number }) | null;

// ---------- the two event maps ----------
type Handler<E extends CommandName, R> = (payload: Payload<E>, ack: AckFn<R>) => void;

export interface ClientToHubEvents {
  'ticket:take': Handler<'ticket:take', TakeResult>;
  'ticket:status': Handler<'ticket:status', TicketView>;
  'board:get': Handler<'board:get', BoardSnapshot>;
  'desk:open': Handler<'desk:open', DeskView>;
  'desk:pause': Handler<'desk:pause', DeskView>;
  'desk:resume': Handler<'desk:resume', DeskView>;
  'desk:close': Handler<'desk:close', DeskView>;
  'desk:call-next': Handler<'desk:call-next', CallView>;
  'ticket:recall': Handler<'ticket:recall', CallView>;
  'ticket:no-show': Handler<'ticket:no-show', TicketView>;
  'ticket:start': Handler<'ticket:start', TicketView>;
  'ticket:finish': Handler<'ticket:finish', TicketView>;
  'ticket:transfer': Handler<'ticket:transfer', TicketView>;
  'ticket:cancel': Handler<'ticket:cancel', TicketView>;
  'guestbook:save': Handler<'guestbook:save', TicketView>;
  'guestbook:lookup': Handler<'guestbook:lookup', GuestBookLookupResult>;
  'visit:get': Handler<'visit:get', VisitDetail>;
  'visit:note': Handler<'visit:note', VisitDetail>;
  'rating:submit': Handler<'rating:submit', { ticketId: string }>;
  'session:whoami': Handler<'session:whoami', SessionInfo>;
  /** Who holds each desk now (staff names stay off the public board). */
  'desk:staff': Handler<'desk:staff', Record<string, string | null>>;
  'settings:get': Handler<'settings:get', SettingsView>;
  'settings:config': Handler<'settings:config', SettingsView>;
  'settings:staff': Handler<'settings:staff', SettingsView>;
  /** The token is shown once, with the link that pairs the device when opened on it. */
  'settings:device-pair': Handler<'settings:device-pair', { deviceId: string; token: string; link: string }>;
  'settings:device-revoke': Handler<'settings:device-revoke', SettingsView>;
  'settings:holidays': Handler<'settings:holidays', SettingsView>;
  'settings:data-care': Handler<'settings:data-care', SettingsView>;
  'guestbook:erase': Handler<'guestbook:erase', { erased: number }>;
  'complaint:follow-up': Handler<'complaint:follow-up', ComplaintView>;
  'kiosk:printer': Handler<'kiosk:printer', NamedPrinterStatus | null>;
  'print:result': Handler<'print:result', { accepted: boolean }>;
  'printer:test': Handler<'printer:test', NamedPrinterStatus>;
  'settings:opening-hours': Handler<'settings:opening-hours', SettingsView>;
  'ticket:reprint': Handler<'ticket:reprint', TicketPrinted>;
  'settings:staff-unlock': Handler<'settings:staff-unlock', SettingsView>;
  // hold and send to a desk (issue 20, part 2)
  'ticket:park': Handler<'ticket:park', DeskView>;
  /** `desk`: the call, announced again like a recall; `queue`: the ticket's new view. */
  'ticket:unpark': Handler<'ticket:unpark', DeskView>;
  'ticket:send-to-desk': Handler<'ticket:send-to-desk', TicketView>;
  'ticket:transfer-back': Handler<'ticket:transfer-back', TicketView>;
  // online requests and appointments (issue 21)
  'online:record': Handler<'online:record', OnlineRequestDetail>;
  'online:list': Handler<'online:list', OnlineRequestSummary[]>;
  'online:get': Handler<'online:get', OnlineRequestDetail>;
  'online:act': Handler<'online:act', OnlineRequestDetail>;
  'online:note': Handler<'online:note', OnlineRequestDetail>;
  'online:requester-lookup': Handler<'online:requester-lookup', OnlineRequesterLookup>;
  'appointment:book': Handler<'appointment:book', AppointmentView>;
  'appointment:list': Handler<'appointment:list', AppointmentDay>;
  /** The kiosk's "Saya punya janji temu": the ticket, in the appointment's queue. */
  'appointment:redeem': Handler<'appointment:redeem', TakeResult>;
  'online:rate': Handler<'online:rate', OnlineRequestDetail>;
  // desk control, part 1 (issue 20)
  'desk:call-chosen': Handler<'desk:call-chosen', CallView>;
  'appointment:attendance': Handler<'appointment:attendance', AppointmentView>;
}

/** A complaint (or suggestion) from the rating tablet, with its follow-up. */
export interface ComplaintView {
  ticketId: string;
  day: string;
  deskId: string;
  text: string;
  status: ComplaintStatus;
  /** The staff member who last recorded a follow-up (name), and when. */
  handledBy: string | null;
  response: string;
  respondedAt: number | null;
}

export interface SettingsView {
  config: QueueConfig;
  staff: Array<{
    id: string;
    username: string;
    name: string;
    role: StaffRole;
    active: boolean;
    /** Until when sign-in is locked after wrong PINs (an admin or supervisor may lift it); null: not locked. */
    loginLockedUntil: number | null;
  }>;
  devices: Array<{
    id: string;
    role: DeviceRole;
    name: string;
    deskId: string | null;
    revokedAt: number | null;
    lastSeenAt: number | null;
  }>;
  holidays: Holiday[];
  dataCare: { retentionDays: number; backupDays: number };
  openingHours: OpeningHours | null;
}

export type CommandResult<E extends CommandName> =
  Parameters<Parameters<ClientToHubEvents[E]>[1]>[0] extends Ack<infer R> ? R : never;

export interface HubToClientEvents {
  'board:snapshot': (board: BoardSnapshot) => void;
  'ticket:called': (call: CallView) => void;
  /** To the rating tablet paired to the desk that finished this visit. */
  'rating:request': (request: { ticketId: string; number: string; deskId: string; deskName: string }) => void;
  'printer:status': (status: PrinterStatusView) => void;
  /** To a kiosk that prints locally: print these bytes, then answer with `print:result`. */
  'print:job': (job: PrintJob) => void;
  /** To the socket that took a ticket: how its printing ended. */
  'ticket:printed': (result: TicketPrinted) => void;
  /** To staff who handle online requests (room `online`): a request changed; fetch it or the list again. */
  'online:changed': (change: { requestId: string }) => void;
}

export const PUSH_EVENTS = [
  'board:snapshot',
  'ticket:called',
  'rating:request',
  'printer:status',
  'print:job',
  'ticket:printed',
  'online:changed',
] as const satisfies ReadonlyArray<keyof HubToClientEvents>;

export const HUB_PORT = 3324;
/**
 * The hub's DNS-SD service type on the LAN (`_pst-hub._tcp.local`). TXT keys: `version`, `office`
 * (office name), `tls` (`1` or `0`), `fp` (SHA-256 fingerprint of its certificate, when `tls=1`).
 */
export const HUB_SERVICE_TYPE = 'pst-hub';
/** The status page of one ticket, which the printed QR code points to. */
export const ticketStatusPath = (ticketId: string) => `/t/${ticketId}`;

/**
 * A socket's `timeout(ms)` view, typed per command. Socket.IO's own `emitWithAck` signature cannot follow
 * a generic event name, so typed senders (the client, test and bench helpers) narrow the socket to this.
 */
export interface CommandSender {
  emitWithAck<E extends CommandName>(event: E, payload: Payload<E>): Promise<Ack<CommandResult<E>>>;
}
