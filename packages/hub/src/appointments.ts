/**
 * Appointments at the hub: staff book a slot (rules in queue-core/appointments.ts) and send the code by
 * WhatsApp; at the kiosk the code becomes a ticket in the service's queue, ordered by its slot.
 */
import { randomInt } from 'node:crypto';
import {
  appointmentStatus,
  checkArrival,
  checkAttendanceMark,
  checkBookingParties,
  checkSlot,
  DomainError,
  servesAppointments,
} from '@pst/queue-core';
import {
  APPOINTMENT_CODE_ALPHABET,
  APPOINTMENT_CODE_LENGTH,
  type AppointmentDay,
  type AppointmentView,
  appointmentHours,
  appointmentIdFor,
  appointmentTimes,
  formatDate,
  formatTime,
  officeDay,
  type ParsedPayload,
  type StaffRole,
  serviceHoursOn,
} from '@pst/shared';
import { type Ctx, printTaken } from './command-context';
import type { HubContext } from './context';
import { officeCalendar } from './online';
import type { AppointmentRow } from './storage/online-store';

function newCode(): string {
  let code = '';
  for (let i = 0; i < APPOINTMENT_CODE_LENGTH; i++)
    code += APPOINTMENT_CODE_ALPHABET[randomInt(APPOINTMENT_CODE_ALPHABET.length)];
  return code;
}

/** The text staff send by WhatsApp: when, where (or the Zoom link), and the code for the kiosk. */
function whatsappMessage(hub: HubContext, row: AppointmentRow): string {
  const tz = hub.runner.state.config.office.timeZone;
  const office = hub.runner.state.config.office.name;
  const service = hub.runner.state.config.services.find((s) => s.id === row.serviceId)?.name ?? row.serviceId;
  const when = `${formatDate(row.slotAt, 'id', tz)} pukul ${formatTime(row.slotAt, 'id', tz)}`;
  if (row.kind === 'zoom')
    return `Janji temu ${service} ${office} melalui Zoom: ${when}. Tautan: ${row.zoomLink}`;
  return (
    `Janji temu ${service} di PST ${office}: ${when}. Kode Anda: ${row.code}. ` +
    `Di kiosk antrian pilih "Saya punya janji temu" lalu masukkan kode (mulai 1 jam sebelum jadwal, paling lambat 15 menit sesudahnya).`
  );
}

function view(hub: HubContext, row: AppointmentRow): AppointmentView {
  const names = new Map(hub.store.staff().map((s) => [s.id, s.name]));
  return {
    ...row,
    staffName: row.staffId ? (names.get(row.staffId) ?? row.staffId) : null,
    status: appointmentStatus(row, hub.clock()),
    message: whatsappMessage(hub, row),
  };
}

export const appointments = {
  book(hub: HubContext, staffId: string, input: ParsedPayload<'appointment:book'>): AppointmentView {
    checkBookingParties(input, hub.runner.state, hub.store.staff());
    if (input.requestId && !hub.online.get(input.requestId))
      throw new DomainError('UNKNOWN_ONLINE_REQUEST', input.requestId);
    const now = hub.clock();
    const booked = hub.online.appointmentsOn(input.date).map((a) => ({
      slotAt: a.slotAt,
      staffId: a.staffId,
      isActive: appointmentStatus(a, now) !== 'tidak-hadir',
    }));
    const slotAt = checkSlot(input, booked, now, officeCalendar(hub), hub.store.openingHours());
    let code = newCode();
    while (hub.online.appointmentByCode(code)) code = newCode();
    const id = appointmentIdFor(code);
    hub.online.addAppointment(
      {
        id,
        code,
        day: input.date,
        requestId: input.requestId ?? null,
        kind: input.kind,
        serviceId: input.serviceId,
        slotAt,
        staffId: input.staffId,
        deskId: input.deskId,
        requesterName: input.requesterName,
        phone: input.phone,
        zoomLink: input.zoomLink,
        ticketId: null,
        redeemedAt: null,
      },
      staffId,
      now,
    );
    return view(hub, hub.online.appointmentByCode(code) as AppointmentRow);
  },

  list(hub: HubContext, date: string): AppointmentDay {
    const hours = serviceHoursOn(appointmentHours(hub.store.openingHours()), date, hub.store.holidays());
    return {
      appointments: hub.online.appointmentsOn(date).map((row) => view(hub, row)),
      times: appointmentTimes(hours),
      consultants: hub.store
        .staff()
        .filter(servesAppointments)
        .map(({ id, name }) => ({ id, name })),
    };
  },

  /**
   * Staff mark a Zoom meeting attended or not (its own consultant, or a supervisor or admin; from its
   * slot time on; a later mark replaces it).
   */
  attendance(
    hub: HubContext,
    marker: { staffId: string; role: StaffRole },
    { appointmentId, attended }: ParsedPayload<'appointment:attendance'>,
  ): AppointmentView {
    const row = hub.online.appointment(appointmentId);
    if (!row) throw new DomainError('UNKNOWN_APPOINTMENT', appointmentId);
    const now = hub.clock();
    checkAttendanceMark(row, marker, now);
    hub.online.markAttendance(row.id, attended, marker.staffId, now);
    return view(hub, hub.online.appointment(row.id) as AppointmentRow);
  },

  redeem(hub: HubContext, ctx: Ctx, code: string) {
    const kiosk = ctx.data.deviceId ?? 'kiosk';
    const now = hub.clock();
    if (hub.codeThrottle.isBlocked(kiosk, now)) throw new DomainError('APPOINTMENT_CODE_THROTTLED', kiosk);
    const row = hub.online.appointmentByCode(code);
    const today = officeDay(now, hub.runner.state.config.office.timeZone);
    if (row?.kind !== 'langsung' || row.day !== today) {
      hub.codeThrottle.wrong(kiosk, now);
      hub.store.audit(now, 'appointment.code-wrong', { kiosk }, kiosk);
      throw new DomainError('APPOINTMENT_CODE_UNKNOWN');
    }
    hub.codeThrottle.right(kiosk);
    if (row.redeemedAt !== null) throw new DomainError('APPOINTMENT_USED', row.id);
    checkArrival(row.slotAt, now);
    // The print job and the redeemed code are stored with the ticket, in its transaction.
    let jobId: number | null = null;
    const events = hub.runner.execute(
      {
        type: 'takeTicket',
        serviceId: row.serviceId,
        priority: false,
        source: kiosk,
        appointmentSlotAt: row.slotAt,
      },
      kiosk,
      (issued) => {
        const ticket = issued.find((e) => e.type === 'ticket.issued');
        if (!ticket) return;
        hub.online.redeemAppointment(row.id, ticket.ticketId, now);
        jobId = hub.queueTicketPrint(ticket.ticketId, ctx.data.deviceId);
      },
    );
    const issued = events.find((e) => e.type === 'ticket.issued');
    if (!issued) throw new Error('expected a ticket.issued event');
    return printTaken(hub, ctx, issued.ticketId, jobId);
  },
};
