/**
 * Appointments (janji temu) for the follow-up of an online consultation: which slots may be booked, and
 * when a code is taken at the kiosk. How an appointment ticket waits among walk-ins: appointment-order.ts.
 */
import {
  APPOINTMENT_EARLY_MINUTES,
  APPOINTMENT_HOURS,
  APPOINTMENT_LATE_MINUTES,
  APPOINTMENT_MINUTES,
  type AppointmentStatus,
  DEFAULT_TIME_ZONE,
  dayStart,
  isoWeekday,
  isWorkingDay,
} from '@pst/shared';
import type { OfficeCalendar } from './online-clock';
import { DomainError } from './types';

const MINUTE = 60_000;

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
 * Checks a new slot: in the future, on a working day, wholly inside the day's hours, and the consultant
 * free for its length. Throws the DomainError staff see; returns the slot's instant.
 */
export function checkSlot(
  slot: { date: string; time: string; staffId: string | null },
  booked: readonly BookedSlot[],
  now: number,
  calendar: OfficeCalendar,
): number {
  const slotAt = slotInstant(slot.date, slot.time, calendar);
  if (!isWorkingDay(slot.date, calendar.holidays)) throw new DomainError('APPOINTMENT_HOLIDAY', slot.date);
  const hours = APPOINTMENT_HOURS[isoWeekday(slot.date)];
  const start = minutesOf(slot.time);
  if (!hours || start < minutesOf(hours.open) || start + APPOINTMENT_MINUTES > minutesOf(hours.close))
    throw new DomainError('APPOINTMENT_OUTSIDE_HOURS', slot.time);
  if (slotAt <= now) throw new DomainError('APPOINTMENT_IN_PAST', slot.time);
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

/** Whether the kiosk takes the code now: from an hour before the slot to 15 minutes after it. */
export function checkArrival(slotAt: number, now: number): void {
  if (now < slotAt - APPOINTMENT_EARLY_MINUTES * MINUTE) throw new DomainError('APPOINTMENT_TOO_EARLY');
  if (now > slotAt + APPOINTMENT_LATE_MINUTES * MINUTE) throw new DomainError('APPOINTMENT_TOO_LATE');
}

/** An appointment's status at `now`: a slot never redeemed is a no-show once the late limit has passed. */
export function appointmentStatus(
  appointment: { slotAt: number; redeemedAt: number | null },
  now: number,
): AppointmentStatus {
  if (appointment.redeemedAt !== null) return 'hadir';
  return now > appointment.slotAt + APPOINTMENT_LATE_MINUTES * MINUTE ? 'tidak-hadir' : 'dijadwalkan';
}
