import { DomainError } from '@pst/queue-core';
import { type DeskView, mayTakeDesk } from '@pst/shared';
import type { Ctx } from '../command-context';
import type { HubContext } from '../context';
import { ratingRequest } from '../rating-requests';
import { type AreaHandlers, announce, atDesk, deskView, eventOf, staffId } from './handler';

const deskCommand =
  (type: 'pauseDesk' | 'resumeDesk' | 'closeDesk') =>
  (hub: HubContext, ctx: Ctx, { deskId }: { deskId: string }): DeskView => {
    hub.runner.execute({ type, deskId, staffId: staffId(ctx) }, staffId(ctx));
    return deskView(hub, deskId);
  };

/** A desk's day: open, pause, close, and its work on the ticket it serves. */
export const deskCommands = {
  'desk:open': (hub, ctx, payload) => {
    const desk = hub.runner.state.config.desks.find((d) => d.id === payload.deskId);
    if (!desk) throw new DomainError('UNKNOWN_DESK', payload.deskId);
    if (!mayTakeDesk(ctx.data.role, desk.kind)) throw new DomainError('FORBIDDEN');
    const who = staffId(ctx);
    const before = hub.runner.state.desks[payload.deskId]?.staffId ?? null;
    const takingOver = payload.takeOver && before !== null && before !== who;
    // A take-over is written to the audit trail with the opening, in one transaction.
    hub.runner.execute(
      { type: 'openDesk', deskId: payload.deskId, staffId: who, takeOver: payload.takeOver },
      who,
      () => {
        if (takingOver)
          hub.store.audit(hub.clock(), 'desk.taken-over', { deskId: payload.deskId, from: before }, who);
      },
    );
    return deskView(hub, payload.deskId);
  },
  'desk:pause': deskCommand('pauseDesk'),
  'desk:resume': deskCommand('resumeDesk'),
  'desk:close': deskCommand('closeDesk'),
  'desk:call-next': (hub, ctx, { deskId }) => {
    const events = hub.runner.execute({ type: 'callNext', deskId, staffId: staffId(ctx) }, staffId(ctx));
    const called = eventOf(events, 'ticket.called');
    return announce(hub, called.ticketId, deskId, called.at, 0);
  },
  'ticket:recall': (hub, ctx, { deskId, ticketId }) => {
    const events = hub.runner.execute(
      { type: 'recall', deskId, ticketId, staffId: staffId(ctx) },
      staffId(ctx),
    );
    const recalled = eventOf(events, 'ticket.recalled');
    return announce(hub, ticketId, deskId, recalled.at, recalled.recalls);
  },
  'ticket:no-show': (hub, ctx, p) => atDesk(hub, ctx, { type: 'noShow', ...p, staffId: staffId(ctx) }),
  'ticket:start': (hub, ctx, p) => atDesk(hub, ctx, { type: 'start', ...p, staffId: staffId(ctx) }),
  'ticket:finish': (hub, ctx, p) => {
    const view = atDesk(hub, ctx, { type: 'finish', ...p, staffId: staffId(ctx) });
    const request = ratingRequest(hub.runner.state, view.id, p.deskId);
    if (request)
      void hub.store.synced().then(
        () => hub.io.to(`rating:${p.deskId}`).emit('rating:request', request),
        () => undefined,
      );
    return view;
  },
  'ticket:transfer': (hub, ctx, p) => atDesk(hub, ctx, { type: 'transfer', ...p, staffId: staffId(ctx) }),
  'ticket:cancel': (hub, ctx, p) => atDesk(hub, ctx, { type: 'cancel', ...p, staffId: staffId(ctx) }),
  'desk:staff': (hub) => {
    const names = new Map(hub.store.staff().map((s) => [s.id, s.name]));
    return Object.fromEntries(
      Object.entries(hub.runner.state.desks).map(([deskId, desk]) => [
        deskId,
        desk.staffId ? (names.get(desk.staffId) ?? desk.staffId) : null,
      ]),
    );
  },
} satisfies AreaHandlers;
