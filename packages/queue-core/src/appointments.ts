/**
 * Appointments (janji temu) for the follow-up of an online consultation: which slots may be booked, and
 * when a code is taken at the kiosk. How an appointment ticket waits among walk-ins: appointment-order.ts.
 */
import {
  APPOINTMENT_EARLY_MINUTES,
  APPOINTMENT_HORIZON_DAYS,
  APPOINTMENT_LATE_MINUTES,
  APPOINTMENT_MINUTES,
  type AppointmentKind,
  type AppointmentStatus,
  appointmentHours,
  DEFAULT_TIME_ZONE,
  dayStart,
  mayMarkAttendance,
  type OpeningHours,
  type StaffAccountState,
  type StaffRole,
  serviceHoursOn,
  slotFitsHours,
} from '@pst/shared';
import { deskConfig, serviceOf } from './lookups';
import type { OfficeCalendar } from './online-clock';
import { DomainError, type QueueState } from './types';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export interface BookedSlot {
  slotAt: number;
  staffId: string | null;
  /** Slots no longer held (a no-show is past anyway). */
  isActive: boolean;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** The instant of a slot given as an office day and a time ('10:00'). */
export function slotInstant(date: string, time: string, calendar: OfficeCalendar): number {
  return dayStart(date, calendar.timeZone ?? DEFAULT_TIME_ZONE) + minutesOf(time) * MINUTE;
}

/**
 * Checks a new slot: in the future (at most APPOINTMENT_HORIZON_DAYS ahead), on a day the office is open (its opening hours, `hours`, and the
 * holiday table; the PST's usual hours when the office set none), wholly inside that day's hours,
 * and the consultant free for its length. Throws the DomainError staff see; returns the slot's instant.
 */
export function checkSlot(
  slot: { date: string; time: string; staffId: string | null },
  booked: readonly BookedSlot[],
  now: number,
  calendar: OfficeCalendar,
  hours: OpeningHours | null,
): number {
  const slotAt = slotInstant(slot.date, slot.time, calendar);
  const day = serviceHoursOn(appointmentHours(hours), slot.date, calendar.holidays);
  if (!day) throw new DomainError('APPOINTMENT_HOLIDAY', slot.date);
  if (!slotFitsHours(day, slot.time)) throw new DomainError('APPOINTMENT_OUTSIDE_HOURS', slot.time);
  if (slotAt <= now) throw new DomainError('APPOINTMENT_IN_PAST', slot.time);
  if (slotAt - now > APPOINTMENT_HORIZON_DAYS * DAY) throw new DomainError('APPOINTMENT_TOO_FAR', slot.date);
  const length = APPOINTMENT_MINUTES * MINUTE;
  const clash = booked.some(
    (b) =>
      b.isActive &&
      slot.staffId !== null &&
      b.staffId === slot.staffId &&
      Math.abs(b.slotAt - slotAt) < length,
  );
  if (clash) throw new DomainError('APPOINTMENT_CONSULTANT_BUSY', slot.staffId ?? '');
  return slotAt;
}

/** A staff account as bookings see it: shared's account state (role, active) and its id. */
export interface StaffMember extends StaffAccountState {
  id: string;
}

/** Who may be booked to serve an appointment: an active consultant (the booking form lists these). */
export function servesAppointments(staff: StaffAccountState): boolean {
  return staff.active && staff.role === 'consultant';
}

/**
 * Checks what a booking names: a service that exists and is open, a desk that exists, and a
 * consultant who serves appointments (or none: whoever is free). Throws the DomainError staff see.
 */
export function checkBookingParties(
  booking: { serviceId: string; deskId: string | null; staffId: string | null },
  state: QueueState,
  staff: readonly StaffMember[],
): void {
  serviceOf(state, booking.serviceId);
  if (booking.deskId !== null) deskConfig(state, booking.deskId);
  if (booking.staffId === null) return;
  const consultant = staff.find((s) => s.id === booking.staffId);
  if (!consultant || !servesAppointments(consultant))
    throw new DomainError('APPOINTMENT_NOT_CONSULTANT', booking.staffId);
}

/** Whether the kiosk takes the code now: from an hour before the slot to 15 minutes after it. */
export function checkArrival(slotAt: number, now: number): void {
  if (now < slotAt - APPOINTMENT_EARLY_MINUTES * MINUTE) throw new DomainError('APPOINTMENT_TOO_EARLY');
  if (now > slotAt + APPOINTMENT_LATE_MINUTES * MINUTE) throw new DomainError('APPOINTMENT_TOO_LATE');
}

/**
 * An appointment's status at `now`. In person: kept once redeemed at the kiosk, a no-show once the late
 * limit has passed unredeemed. Zoom (no kiosk): what staff marked; unmarked it stays scheduled, so
 * nothing is counted missed without someone saying so.
 */
export function appointmentStatus(
  appointment: { kind: AppointmentKind; slotAt: number; redeemedAt: number | null; attended: boolean | null },
  now: number,
): AppointmentStatus {
  if (appointment.kind === 'zoom')
    return appointment.attended === null ? 'dijadwalkan' : appointment.attended ? 'hadir' : 'tidak-hadir';
  if (appointment.redeemedAt !== null) return 'hadir';
  return now > appointment.slotAt + APPOINTMENT_LATE_MINUTES * MINUTE ? 'tidak-hadir' : 'dijadwalkan';
}

/**
 * Whether `marker` may mark a Zoom appointment's attendance now: one they may mark (its own consultant,
 * or a supervisor or admin: shared's mayMarkAttendance), a Zoom one, from its slot time on.
 */
export function checkAttendanceMark(
  appointment: { kind: AppointmentKind; slotAt: number; staffId: string | null },
  marker: { staffId: string; role: StaffRole },
  now: number,
): void {
  if (!mayMarkAttendance(appointment, marker))
    throw new DomainError('APPOINTMENT_NOT_YOURS', appointment.staffId ?? '');
  if (appointment.kind !== 'zoom') throw new DomainError('APPOINTMENT_NOT_ZOOM');
  if (now < appointment.slotAt) throw new DomainError('APPOINTMENT_NOT_STARTED');
}
