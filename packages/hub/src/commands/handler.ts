import { type Command, callView, DomainError, type DomainEvent, deskViews } from '@pst/queue-core';
import {
  type CallView,
  type CommandName,
  type CommandResult,
  type DeskView,
  type ParsedPayload,
  STAFF_ROLES,
  type StaffRole,
  type TicketView,
} from '@pst/shared';
import { type Ctx, ticketById } from '../command-context';
import type { HubContext } from '../context';

export type Handler<E extends CommandName> = (
  hub: HubContext,
  ctx: Ctx,
  payload: ParsedPayload<E>,
) => CommandResult<E> | Promise<CommandResult<E>>;

/** Every command's handler: `commands/index.ts` is typed with it, so a missing one does not compile. */
export type Handlers = { [E in CommandName]: Handler<E> };

/**
 * One area's handlers: `{ ... } satisfies AreaHandlers` types each handler from its command name
 * and refuses a name that is not a command.
 */
export type AreaHandlers = Partial<Handlers>;

/** The one event of a type that a command must have produced. */
export function eventOf<T extends DomainEvent['type']>(
  events: DomainEvent[],
  type: T,
): Extract<DomainEvent, { type: T }> {
  const event = events.find((e): e is Extract<DomainEvent, { type: T }> => e.type === type);
  if (!event) throw new Error(`expected a ${type} event`);
  return event;
}

export function staffId(ctx: Ctx): string {
  if (!ctx.data.staffId) throw new DomainError('FORBIDDEN');
  return ctx.data.staffId;
}

export function staffRole(ctx: Ctx): StaffRole {
  const role = ctx.data.role;
  if (!ctx.data.staffId || !(STAFF_ROLES as readonly string[]).includes(role))
    throw new DomainError('FORBIDDEN');
  return role as StaffRole;
}

export function deskView(hub: HubContext, deskId: string): DeskView {
  const view = deskViews(hub.runner.state).find((d) => d.id === deskId);
  if (!view) throw new DomainError('UNKNOWN_DESK', deskId);
  return view;
}

/** Runs a command at a desk and returns the ticket's new view. */
export function atDesk(hub: HubContext, ctx: Ctx, command: Command & { ticketId: string }): TicketView {
  hub.runner.execute(command, staffId(ctx));
  return ticketById(hub, command.ticketId);
}

/** A call (or recall) for the lobby screens, pushed once it is on disk. */
export function announce(
  hub: HubContext,
  ticketId: string,
  deskId: string,
  at: number,
  recall: number,
): CallView {
  const view = callView(hub.runner.state, ticketId, deskId, at, recall);
  if (!view) throw new DomainError('UNKNOWN_TICKET', ticketId);
  // Screens announce only a call that is on disk (the desk's ack follows the same fsync).
  void hub.store.synced().then(
    () => hub.io.emit('ticket:called', view),
    () => undefined,
  );
  return view;
}
