import { appointments } from '../appointments';
import { type AreaHandlers, staffId, staffRole } from './handler';

/** Appointments (issue 21): booked by staff, redeemed at the kiosk with their code; Zoom ones marked by staff. */
export const appointmentCommands = {
  'appointment:book': (hub, ctx, input) => appointments.book(hub, staffId(ctx), input),
  'appointment:list': (hub, _ctx, { date }) => appointments.list(hub, date),
  'appointment:redeem': (hub, ctx, { code }) => appointments.redeem(hub, ctx, code),
  'appointment:attendance': (hub, ctx, input) =>
    appointments.attendance(hub, { staffId: staffId(ctx), role: staffRole(ctx) }, input),
} satisfies AreaHandlers;
