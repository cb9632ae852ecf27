/**
 * Online consultations (the standard's second procedure): the words and shapes both sides of the
 * wire share. The rules themselves (state machine, the 3-working-day clock, the 7-day close) live in
 * queue-core's online-*.ts.
 */
import { z } from 'zod';
import { calendarDaySchema } from './calendar';
import type { StaffRole } from './contract';
import type { ErrorCode } from './errors';
import { guestBookEntrySchema, normalizePhone, phoneSchema } from './guest-book';
import { t } from './i18n';
import { idSchema } from './ids';
import { DEFAULT_OPENING_HOURS, hhmmSchema, type OpeningHours, type ServiceHours } from './opening-hours';
import { isSupervisorOrAbove } from './staff-roles';
import { formatDate, formatTime, type Lang, type OfficeTimeZone } from './time';

/** "dilayani maksimal 3 (tiga) hari kerja setelah permintaan jelas dan persyaratan pelayanan lengkap" */
export const ONLINE_SERVICE_WORKING_DAYS = 3;
/** The clock runs through the whole of each working day (queue-core's online-clock.ts). */
export const WORKING_DAY_MS = 24 * 3600_000;
/** "tidak merespon kembali selama 7 (tujuh) hari": calendar days, the standard does not say working days. */
export const NO_RESPONSE_CLOSE_DAYS = 7;

export const ONLINE_CHANNELS = ['pst.bps.go.id', 'whatsapp', 'email', 'telepon', 'lainnya'] as const;
export type OnlineChannel = (typeof ONLINE_CHANNELS)[number];

export const ONLINE_STATES = ['baru', 'menunggu-kelengkapan', 'diproses', 'dijawab', 'ditutup'] as const;
export type OnlineState = (typeof ONLINE_STATES)[number];

export const ONLINE_CLOSE_REASONS = ['selesai', 'tidak-ada-respons'] as const;
export type OnlineCloseReason = (typeof ONLINE_CLOSE_REASONS)[number];

/** What staff do to a request; each is one transition of the state machine in queue-core. */
export const ONLINE_ACTIONS = [
  'ask-completeness',
  'complete',
  'answer',
  'reopen',
  'close-done',
  'close-no-response',
] as const;
export type OnlineAction = (typeof ONLINE_ACTIONS)[number];

/** An exchange noted on a request: a message from the user, one to the user, or a note among staff. */
export const NOTE_DIRECTIONS = ['dari-pengguna', 'ke-pengguna', 'internal'] as const;
export type NoteDirection = (typeof NOTE_DIRECTIONS)[number];

/** How close a running clock is to its due time (the colours of the request list). */
export type DeadlineLevel = 'stopped' | 'on-track' | 'near' | 'overdue' | 'done';

/**
 * The requester: the walk-in guest book's fields and consent (one contact, phone or email, is enough there
 * too: a WhatsApp user may have given no email, an email user no phone).
 */
export const onlineRequesterSchema = guestBookEntrySchema;
export type OnlineRequester = z.output<typeof onlineRequesterSchema>;
export type OnlineRequesterInput = z.input<typeof onlineRequesterSchema>;

/** Request ids: ON-<office day>-<sequence>, e.g. ON-20261125-003. */
export const onlineRequestId = z
  .string()
  .regex(/^ON-\d{8}-\d{3,4}$/, 'nomor permintaan, mis. ON-20261125-003');
/** The id of the office day's `sequence`-th request (from 1), as `onlineRequestId` accepts it. */
export function onlineRequestIdFor(day: string, sequence: number): string {
  return `ON-${day.replaceAll('-', '')}-${String(sequence).padStart(3, '0')}`;
}

const noteText = z.string().trim().max(4000).default('');

export const onlineSchemas = {
  'online:record': z.strictObject({
    channel: z.enum(ONLINE_CHANNELS),
    /** When the message came in (staff type it from the chat or the mail); the hub checks it is not ahead. */
    receivedAt: z.number().int().positive(),
    requester: onlineRequesterSchema,
    topic: z.string().trim().min(3).max(200),
    dataNeeded: z.string().trim().max(1000).default(''),
    /** The request is clear and its requirements complete already: the clock starts now. */
    isComplete: z.boolean().default(false),
    note: noteText,
  }),
  'online:list': z.strictObject({ filter: z.enum(['open', 'closed', 'overdue', 'all']).default('open') }),
  'online:get': z.strictObject({ requestId: onlineRequestId }),
  'online:act': z.strictObject({
    requestId: onlineRequestId,
    action: z.enum(ONLINE_ACTIONS),
    note: noteText,
  }),
  'online:note': z.strictObject({
    requestId: onlineRequestId,
    direction: z.enum(NOTE_DIRECTIONS),
    text: z.string().trim().min(1).max(4000),
  }),
  'online:requester-lookup': z.union([
    z.strictObject({ phone: phoneSchema }),
    z.strictObject({ email: z.email().max(120) }),
  ]),
} as const;

export const ONLINE_ROLES = ['front-office', 'consultant', 'supervisor', 'admin'] as const;

/** One line of the request list: no contact details, the clock and what is due. */
export interface OnlineRequestSummary {
  id: string;
  channel: OnlineChannel;
  state: OnlineState;
  closeReason: OnlineCloseReason | null;
  requesterName: string;
  topic: string;
  receivedAt: number;
  clockStartedAt: number | null;
  dueAt: number | null;
  firstAnsweredAt: number | null;
  /** Working time left until due (negative when overdue), at the hub's now; null while the clock is stopped. */
  workingMsLeft: number | null;
  level: DeadlineLevel;
  /** Waiting for the user's reply since; 7 days of it proposes the request for closing. */
  waitingOnUserSince: number | null;
  isProposedForClosing: boolean;
  lastChangeAt: number;
}

export interface OnlineRequestDetail extends OnlineRequestSummary {
  requester: OnlineRequester;
  dataNeeded: string;
  /** Every exchange and every change of state, oldest first, with the time and who. */
  history: Array<{
    at: number;
    staffName: string;
    kind: 'note' | 'state';
    direction: NoteDirection | null;
    /** For kind 'state': the state entered. */
    state: OnlineState | null;
    text: string;
  }>;
  /** The actions the state machine allows now (the screen shows these buttons only). */
  actions: OnlineAction[];
  /** The user's SKM rating, once given (only after an answer). */
  rating: { at: number; source: 'formulir' | 'whatsapp'; overall: number } | null;
}

/** A returning requester, from the walk-in guest book or an earlier online request (newest first). */
export type OnlineRequesterLookup = (OnlineRequester & { lastContactAt: number }) | null;

/**
 * A due time for people: a clock that ends at midnight ends "at 24.00" of the last working day it
 * counted, not "00.00" of the next day (which may be a holiday).
 */
export function formatDue(at: number, lang: Lang = 'id', tz?: OfficeTimeZone): string {
  const date = formatDate(at, lang, tz);
  const time = formatTime(at, lang, tz);
  if (!time.startsWith('00.00') && !time.startsWith('00:00')) return `${date} ${time}`;
  const before = at - 1;
  return `${formatDate(before, lang, tz)} ${time.replace(/^00[.:]00/, lang === 'id' ? '24.00' : '24:00')}`;
}

/**
 * A running clock's working time left (or, once overdue, late) for people: whole working days
 * ("3 hari kerja", "lewat 11 hari kerja"), never a fraction; under one day says so. From one
 * day up the nearest whole day: a clock just started (2,99 days left) reads "3 hari kerja".
 */
export function formatWorkingDaysLeft(workingMsLeft: number, overdue: boolean, lang: Lang = 'id'): string {
  const exact = Math.abs(workingMsLeft) / WORKING_DAY_MS;
  const days = exact < 1 ? 0 : Math.round(exact);
  if (days === 0) return t(lang, overdue ? 'on.overdueUnder1' : 'on.workingLeftUnder1');
  return t(lang, overdue ? 'on.overdueBy' : 'on.workingLeft', { t: days });
}

/** The requester's contacts in the one form the lookups use. */
export function requesterContacts(r: { phone: string | null; email: string }): {
  phone: string | null;
  email: string | null;
} {
  return {
    phone: r.phone ? normalizePhone(r.phone) : null,
    email: r.email ? r.email.toLowerCase() : null,
  };
}

export const ONLINE_CHANNEL_LABELS: Record<OnlineChannel, string> = {
  'pst.bps.go.id': 'pst.bps.go.id',
  whatsapp: 'WhatsApp',
  email: 'Email',
  telepon: 'Telepon',
  lainnya: 'Lainnya',
};

// ---------- appointments (janji temu) for the follow-up ----------

export const APPOINTMENT_KINDS = ['langsung', 'zoom'] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];
/** Slot length; one consultant has one appointment at a time. */
export const APPOINTMENT_MINUTES = 30;
/** The kiosk takes a code from an hour before the slot until 15 minutes after it. */
export const APPOINTMENT_EARLY_MINUTES = 60;
export const APPOINTMENT_LATE_MINUTES = 15;
/**
 * How far ahead a slot may be booked: a follow-up of an online request, and inside the holiday table an
 * office keeps for the coming months (a typo'd year books nobody 8,000 years ahead).
 */
export const APPOINTMENT_HORIZON_DAYS = 90;
/** Wrong codes in a row at one kiosk before it waits. */
export const APPOINTMENT_CODE_TRIES = 5;
export const APPOINTMENT_CODE_WAIT_MINUTES = 5;
/** Appointment start times are offered every quarter of an hour. */
export const APPOINTMENT_STEP_MINUTES = 15;

/**
 * The hours appointments follow: the office's opening hours (settings 'opening-hours'); an office
 * whose kiosk gives tickets around the clock (no hours set) books in the PST's usual hours.
 */
export function appointmentHours(configured: OpeningHours | null): OpeningHours {
  return configured ?? DEFAULT_OPENING_HOURS;
}

const minutesOfDay = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Whether a slot starting at `time` lies wholly inside the day's service hours (null: closed). */
export function slotFitsHours(hours: ServiceHours | null, time: string): boolean {
  if (!hours) return false;
  const start = minutesOfDay(time);
  return start >= minutesOfDay(hours.open) && start + APPOINTMENT_MINUTES <= minutesOfDay(hours.close);
}

/** The start times the booking form offers on a day with these hours (none when closed). */
export function appointmentTimes(hours: ServiceHours | null): string[] {
  if (!hours) return [];
  const times: string[] = [];
  for (let m = minutesOfDay(hours.open); m < 24 * 60; m += APPOINTMENT_STEP_MINUTES) {
    const time = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    if (!slotFitsHours(hours, time)) break;
    times.push(time);
  }
  return times;
}
/** Short codes sent by WhatsApp: no 0/O, 1/I/L to misread. */
export const APPOINTMENT_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const APPOINTMENT_CODE_LENGTH = 6;
export const appointmentCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(new RegExp(`^[A-Z0-9]{${APPOINTMENT_CODE_LENGTH}}$`), 'kode 6 huruf/angka');
/** An appointment's id: its code in lower case after `janji-` (the code is what the requester types). */
export function appointmentIdFor(code: string): string {
  return `janji-${code.toLowerCase()}`;
}
const appointmentId = z.string().regex(new RegExp(`^janji-[a-z0-9]{${APPOINTMENT_CODE_LENGTH}}$`));

/** The error code a booking's missing or wrong Zoom link is reported with (a field problem of the schema). */
export const ZOOM_LINK_PROBLEM = 'APPOINTMENT_ZOOM_LINK' satisfies ErrorCode;

/**
 * A Zoom meeting link as the office sends it in the WhatsApp text in its own name: https, a zoom.us host
 * (an office's own subdomain too), no user or password, nothing but the link (no spaces to carry a
 * "transfer Rp50.000 first" note or a look-alike host behind it).
 */
export function isZoomMeetingLink(value: string): boolean {
  if (/\s/.test(value) || !URL.canParse(value)) return false;
  const url = new URL(value);
  return (
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    (url.hostname === 'zoom.us' || url.hostname.endsWith('.zoom.us'))
  );
}

export const appointmentSchemas = {
  'appointment:book': z
    .strictObject({
      /** The online request it follows up, if any. */
      requestId: onlineRequestId.optional(),
      kind: z.enum(APPOINTMENT_KINDS),
      serviceId: idSchema,
      /** Office day and time of the slot, e.g. 2026-11-26 and 10:00 (office time). */
      date: calendarDaySchema,
      time: hhmmSchema,
      /** The consultant who will serve (staff id), or a desk. */
      staffId: z.string().min(1).max(60).nullable().default(null),
      deskId: idSchema.nullable().default(null),
      requesterName: z.string().trim().min(2).max(100),
      phone: phoneSchema,
      // A field problem's message is the error code the booking form shows (errorText).
      zoomLink: z
        .union(
          [
            z.string().trim().max(300, { error: ZOOM_LINK_PROBLEM }).refine(isZoomMeetingLink, {
              error: ZOOM_LINK_PROBLEM,
            }),
            z.literal(''),
          ],
          { error: ZOOM_LINK_PROBLEM },
        )
        .default(''),
    })
    // The one place of the rule: the hub parses every booking with it, the counter's form checks with it.
    .refine((booking) => booking.kind !== 'zoom' || booking.zoomLink !== '', {
      path: ['zoomLink'],
      error: ZOOM_LINK_PROBLEM,
    }),
  'appointment:list': z.strictObject({ date: calendarDaySchema }),
  'appointment:redeem': z.strictObject({ code: appointmentCode }),
  /** Staff mark a Zoom appointment attended or not (an in-person one is checked in at the kiosk). */
  'appointment:attendance': z.strictObject({
    appointmentId,
    attended: z.boolean(),
  }),
} as const;

/**
 * Who marks a Zoom meeting's attendance: its own consultant, or a supervisor or admin. One booked with
 * no consultant ("whoever is free") is held by whichever consultant is free, so any consultant marks it.
 * The hub refuses the others (queue-core's checkAttendanceMark); the counter offers the buttons only to these.
 */
export function mayMarkAttendance(
  appointment: { staffId: string | null },
  marker: { staffId: string; role: StaffRole },
): boolean {
  // A consultant's own, or an unassigned one (a row from before bookings checked the consultant could
  // name a front-office account: that never makes it theirs).
  const isOwn =
    marker.role === 'consultant' && (appointment.staffId === null || appointment.staffId === marker.staffId);
  return isOwn || isSupervisorOrAbove(marker.role);
}

/** A day's appointments, with the consultants who can be booked. */
export interface AppointmentDay {
  appointments: AppointmentView[];
  /** Start times bookable that day by the office's hours and holidays (empty: the office is closed). */
  times: string[];
  consultants: Array<{ id: string; name: string }>;
}

export type AppointmentStatus = 'dijadwalkan' | 'hadir' | 'tidak-hadir';

export interface AppointmentView {
  id: string;
  code: string;
  requestId: string | null;
  kind: AppointmentKind;
  serviceId: string;
  slotAt: number;
  staffId: string | null;
  staffName: string | null;
  deskId: string | null;
  requesterName: string;
  phone: string;
  zoomLink: string;
  /**
   * dijadwalkan; hadir (redeemed at the kiosk, or a Zoom meeting staff marked attended); tidak-hadir (in
   * person: once the late limit passed unredeemed; Zoom: marked not attended).
   */
  status: AppointmentStatus;
  ticketId: string | null;
  redeemedAt: number | null;
  /** Zoom only: staff's mark (null: not marked yet), and when it was made. */
  attended: boolean | null;
  attendanceAt: number | null;
  /** The WhatsApp text to send the requester (code, date, time, place or link). */
  message: string;
}
