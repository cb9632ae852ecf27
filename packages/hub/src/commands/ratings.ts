import { DomainError } from '@pst/queue-core';
import { newId } from '../auth';
import { type AreaHandlers, staffId } from './handler';

/** The rating tablet's answer and the follow-up of a complaint left with it. */
export const ratingCommands = {
  'rating:submit': (hub, ctx, rating) => {
    const deskId = ctx.data.deskId;
    if (!deskId) throw new DomainError('FORBIDDEN', 'rating tablet is not paired to a desk');
    const id = newId('rating');
    const device = ctx.data.deviceId ?? 'rating';
    const day = hub.runner.state.day;
    hub.runner.execute(
      { type: 'attachRating', ticketId: rating.ticketId, deskId, ratingId: id },
      device,
      () => hub.store.insertRating(id, rating, day, deskId, hub.clock()),
    );
    return { ticketId: rating.ticketId };
  },
  'complaint:follow-up': (hub, ctx, { ticketId, status, response }) => {
    const who = staffId(ctx);
    hub.store.transaction(() => {
      if (!hub.store.followUpComplaint(ticketId, { status, response }, who, hub.clock()))
        throw new DomainError('NOT_FOUND', ticketId);
      hub.store.audit(hub.clock(), 'complaint.follow-up', { ticketId, status }, who);
    });
    const view = hub.store.reports.complaint(ticketId);
    if (!view) throw new DomainError('NOT_FOUND', ticketId);
    return view;
  },
} satisfies AreaHandlers;
