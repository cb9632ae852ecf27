import {
  type Command,
  callView,
  currentStage,
  DomainError,
  type DomainEvent,
  deskViews,
  ticketAtDesk,
  ticketView,
} from '@pst/queue-core';
import {
  type CallView,
  COMMAND_ROLES,
  type CommandName,
  type CommandResult,
  type DeskView,
  errorBody,
  isPlausibleBirthYear,
  KIOSK_REPRINT_SECONDS,
  mayManageAccount,
  mayTakeDesk,
  type ParsedPayload,
  type SettingsView,
  STAFF_ROLES,
  type StaffRole,
  schemas,
  staffChangeRefusal,
  type TicketView,
} from '@pst/shared';
import { appointments } from './appointments';
import { newId } from './auth';
import { type Ctx, printTaken, ticketById } from './command-context';
import type { HubContext } from './context';
import { eraseVisitor } from './data-care';
import { accountKey, unlockLogin } from './login';
import { online, onlineDetail } from './online';
import { pairingLink } from './pairing';
import { ratingRequest } from './rating-requests';
import { complaintOf } from './reports';

type Handler<E extends CommandName> = (
  hub: HubContext,
  ctx: Ctx,
  payload: ParsedPayload<E>,
) => CommandResult<E> | Promise<CommandResult<E>>;

/** The one event of a type that a command must have produced. */
function eventOf<T extends DomainEvent['type']>(
  events: DomainEvent[],
  type: T,
): Extract<DomainEvent, { type: T }> {
  const event = events.find((e): e is Extract<DomainEvent, { type: T }> => e.type === type);
  if (!event) throw new Error(`expected a ${type} event`);
  return event;
}

function staffId(ctx: Ctx): string {
  if (!ctx.data.staffId) throw new DomainError('FORBIDDEN');
  return ctx.data.staffId;
}

function staffRole(ctx: Ctx): StaffRole {
  const role = ctx.data.role;
  if (!ctx.data.staffId || !(STAFF_ROLES as readonly string[]).includes(role))
    throw new DomainError('FORBIDDEN');
  return role as StaffRole;
}

function deskView(hub: HubContext, deskId: string): DeskView {
  const view = deskViews(hub.runner.state).find((d) => d.id === deskId);
  if (!view) throw new DomainError('UNKNOWN_DESK', deskId);
  return view;
}

/** Runs a command at a desk and returns the ticket's new view. */
function atDesk(hub: HubContext, ctx: Ctx, command: Command & { ticketId: string }): TicketView {
  hub.runner.execute(command, staffId(ctx));
  return ticketById(hub, command.ticketId);
}

function announce(hub: HubContext, ticketId: string, deskId: string, at: number, recall: number): CallView {
  const view = callView(hub.runner.state, ticketId, deskId, at, recall);
  if (!view) throw new DomainError('UNKNOWN_TICKET', ticketId);
  // Screens announce only a call that is on disk (the desk's ack follows the same fsync).
  void hub.store.synced().then(
    () => hub.io.emit('ticket:called', view),
    () => undefined,
  );
  return view;
}

/** A consultant sees only the visit at its own desk; front office and supervisors see any. */
function mayReadVisit(hub: HubContext, ctx: Ctx, ticketId: string): boolean {
  if (ctx.data.role !== 'consultant') return true;
  const ticket = hub.runner.state.tickets.get(ticketId);
  const deskId = ticket && currentStage(ticket).deskId;
  return !!deskId && hub.runner.state.desks[deskId]?.staffId === ctx.data.staffId;
}

function visitDetail(hub: HubContext, ticketId: string): CommandResult<'visit:get'> {
  const ticket = hub.runner.state.tickets.get(ticketId);
  if (!ticket) throw new DomainError('UNKNOWN_TICKET', ticketId);
  const entry = ticket.guestBookId ? hub.store.guestBookById(ticket.guestBookId) : null;
  return {
    ticket: ticketView(hub.runner.state, ticket),
    stages: ticket.stages.map((s) => ({
      queue: s.queue,
      enteredAt: s.enteredAt,
      calledAt: s.calledAt,
      startedAt: s.startedAt,
      endedAt: s.endedAt,
      deskId: s.deskId,
      outcome: s.outcome,
      note: s.note,
    })),
    guestBook: entry
      ? {
          fullName: entry.fullName,
          institutionName: entry.institutionName,
          purpose: entry.purpose,
          dataNeeded: entry.dataNeeded,
          servicesUsed: entry.servicesUsed,
        }
      : null,
    notes: hub.store.notes(ticketId),
  };
}

const deskCommand =
  (type: 'pauseDesk' | 'resumeDesk' | 'closeDesk') =>
  (hub: HubContext, ctx: Ctx, { deskId }: { deskId: string }): DeskView => {
    hub.runner.execute({ type, deskId, staffId: staffId(ctx) }, staffId(ctx));
    return deskView(hub, deskId);
  };

function settingsView(hub: HubContext): SettingsView {
  return {
    config: hub.runner.state.config,
    staff: hub.store.staff().map((account) => {
      const key = accountKey(account.username);
      const locked = hub.staffLogin.isLocked(key);
      return { ...account, loginLockedUntil: locked ? hub.clock() + hub.staffLogin.waitOf(key) : null };
    }),
    devices: hub.store.devices().map(({ id, role, name, deskId, revokedAt, lastSeenAt }) => ({
      id,
      role,
      name,
      deskId,
      revokedAt,
      lastSeenAt,
    })),
    holidays: hub.store.holidays(),
    dataCare: hub.store.dataCare(),
    openingHours: hub.store.openingHours(),
  };
}

/** A settings change: written and recorded in the audit trail in one transaction. */
function saveSetting(hub: HubContext, ctx: Ctx, key: string, value: unknown): SettingsView {
  hub.store.db.transaction(() => {
    hub.store.setSetting(key, value);
    hub.store.audit(hub.clock(), `settings.${key}`, value, staffId(ctx));
  })();
  return settingsView(hub);
}

const PAIRING_APPS = { kiosk: 'kiosk', display: 'display', rating: 'rating' } as const;

export const handlers: { [E in CommandName]: Handler<E> } = {
  'ticket:take': async (hub, ctx, { serviceId, priority }) => {
    const source = ctx.data.deviceId ?? ctx.data.staffId ?? 'unknown';
    // Outside service hours the kiosk is closed; staff still issue (a visitor let in late, a test).
    if (ctx.data.role === 'kiosk' && !hub.opening().open) throw new DomainError('OFFICE_CLOSED');
    if (!hub.kioskLimiter.take(source, hub.clock())) throw new DomainError('RATE_LIMITED', source);
    // The print job is stored with the ticket: a hub that stops right after still prints it on start.
    let jobId: number | null = null;
    const issued = eventOf(
      hub.runner.execute({ type: 'takeTicket', serviceId, priority, source }, source, (events) => {
        jobId = hub.queueTicketPrint(eventOf(events, 'ticket.issued').ticketId, ctx.data.deviceId);
      }),
      'ticket.issued',
    );
    return printTaken(hub, ctx, issued.ticketId, jobId);
  },
  'ticket:status': (hub, _ctx, { ticketId }) => ticketById(hub, ticketId),
  'board:get': (hub) => hub.board(),
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
  'guestbook:save': (hub, ctx, { deskId, ticketId, entry, forwardTo }) => {
    if (!isPlausibleBirthYear(entry.birthYear, Number(hub.runner.state.day.slice(0, 4))))
      throw new DomainError('VALIDATION_FAILED', 'birthYear');
    const id = newId('gb');
    const who = staffId(ctx);
    const day = hub.runner.state.day;
    hub.runner.execute(
      { type: 'forward', deskId, ticketId, serviceId: forwardTo, guestBookId: id, staffId: who },
      who,
      () => hub.store.insertGuestBook(id, entry, ticketId, day, who, hub.clock()),
    );
    return ticketById(hub, ticketId);
  },
  'guestbook:lookup': (hub, ctx, by) => {
    hub.store.audit(hub.clock(), 'guestbook.lookup', { by: 'phone' in by ? 'phone' : 'email' }, staffId(ctx));
    return hub.store.lookupGuest(by);
  },
  'visit:get': (hub, ctx, { ticketId }) => {
    // First who may read, then whether it exists: a consultant learns nothing of other desks' tickets.
    if (!mayReadVisit(hub, ctx, ticketId)) throw new DomainError('FORBIDDEN');
    if (!hub.runner.state.tickets.has(ticketId)) throw new DomainError('UNKNOWN_TICKET', ticketId);
    const visit = visitDetail(hub, ticketId);
    hub.store.audit(hub.clock(), 'visit.read', { ticketId }, staffId(ctx));
    return visit;
  },
  'visit:note': (hub, ctx, { deskId, ticketId, text }) => {
    ticketAtDesk(hub.runner.state, { deskId, ticketId, staffId: staffId(ctx) });
    hub.store.addNote(ticketId, staffId(ctx), text, hub.clock());
    return visitDetail(hub, ticketId);
  },
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
  'desk:staff': (hub) => {
    const names = new Map(hub.store.staff().map((s) => [s.id, s.name]));
    return Object.fromEntries(
      Object.entries(hub.runner.state.desks).map(([deskId, desk]) => [
        deskId,
        desk.staffId ? (names.get(desk.staffId) ?? desk.staffId) : null,
      ]),
    );
  },
  'settings:get': (hub) => settingsView(hub),
  'settings:config': (hub, ctx, { config }) => {
    // Through the domain, so desks and queues follow at once and the change is in the event log.
    hub.runner.execute({ type: 'configure', config }, staffId(ctx), () =>
      hub.store.setSetting('queue-config', config),
    );
    return settingsView(hub);
  },
  'settings:staff': async (hub, ctx, { pin, ...input }) => {
    const actor = staffRole(ctx);
    const refusal = () => {
      const before = hub.store.staffByUsername(input.username);
      const isOwn = before?.id === ctx.data.staffId;
      return staffChangeRefusal(actor, before, input, hub.store.activeAdminCount(), isOwn);
    };
    const refused = refusal();
    if (refused) throw new DomainError(refused, input.username);
    if (!pin && !hub.store.staffByUsername(input.username))
      throw new DomainError('VALIDATION_FAILED', 'a new account needs a PIN');
    const pinHash = pin ? await hub.pins.hash(pin) : undefined;
    // Checked again after the hash (other commands ran meanwhile), then written in one go.
    const again = refusal();
    if (again) throw new DomainError(again, input.username);
    hub.store.saveStaff({ ...input, pinHash }, hub.clock(), staffId(ctx));
    // Sessions the change ended lose their sockets once this answer is out (runCommand, CUTS_SESSIONS).
    return settingsView(hub);
  },
  'settings:staff-unlock': (hub, ctx, { username }) => {
    const account = hub.store.staffByUsername(username);
    if (!account) throw new DomainError('NOT_FOUND', username);
    if (!mayManageAccount(staffRole(ctx), account.role, account.id === ctx.data.staffId))
      throw new DomainError('ROLE_ABOVE_OWN', username);
    unlockLogin(hub.store, accountKey(username), hub.clock(), staffId(ctx));
    return settingsView(hub);
  },
  'settings:device-pair': (hub, ctx, { role, name, deskId }) => {
    if (role === 'rating' && !hub.runner.state.config.desks.some((d) => d.id === deskId)) {
      throw new DomainError('UNKNOWN_DESK', deskId ?? '');
    }
    const { device, token } = hub.store.addDevice(
      role,
      name,
      role === 'rating' ? (deskId ?? null) : null,
      hub.clock(),
    );
    hub.store.audit(hub.clock(), 'device.paired', { id: device.id, role }, staffId(ctx));
    const link = pairingLink(hub.publicUrl(), PAIRING_APPS[role], token, hub.tlsFingerprint);
    return { deviceId: device.id, token, link };
  },
  'settings:device-revoke': (hub, ctx, { deviceId }) => {
    if (!hub.store.revokeDevice(deviceId, hub.clock())) throw new DomainError('NOT_FOUND', deviceId);
    hub.store.audit(hub.clock(), 'device.revoked-by', { deviceId }, staffId(ctx));
    hub.cutRevoked();
    return settingsView(hub);
  },
  'settings:holidays': (hub, ctx, { holidays }) =>
    saveSetting(
      hub,
      ctx,
      'holidays',
      [...holidays].sort((a, b) => a.date.localeCompare(b.date)),
    ),
  'settings:data-care': (hub, ctx, care) => saveSetting(hub, ctx, 'data-care', care),
  'settings:opening-hours': (hub, ctx, { hours }) => saveSetting(hub, ctx, 'opening-hours', { hours }),
  'guestbook:erase': (hub, ctx, by) => ({
    erased: eraseVisitor(hub.store, by, hub.clock(), staffId(ctx), hub.online),
  }),
  'complaint:follow-up': (hub, ctx, { ticketId, status, response }) => {
    const who = staffId(ctx);
    hub.store.db.transaction(() => {
      if (!hub.store.followUpComplaint(ticketId, { status, response }, who, hub.clock()))
        throw new DomainError('NOT_FOUND', ticketId);
      hub.store.audit(hub.clock(), 'complaint.follow-up', { ticketId, status }, who);
    })();
    const view = complaintOf(hub.store.db, ticketId);
    if (!view) throw new DomainError('NOT_FOUND', ticketId);
    return view;
  },
  'kiosk:printer': (hub, ctx, { local, description }) => {
    const deviceId = ctx.data.deviceId;
    if (!deviceId || !ctx.socket) throw new DomainError('FORBIDDEN');
    const name = hub.store.devices().find((d) => d.id === deviceId)?.name ?? deviceId;
    const status = hub.kioskPrinters.declare(deviceId, name, ctx.socket, local, description);
    hub.store.audit(hub.clock(), 'kiosk.printer', { local, description }, deviceId);
    return status;
  },
  'print:result': (hub, ctx, result) => ({
    accepted: hub.kioskPrinters.answer(ctx.data.deviceId ?? '', result),
  }),
  'printer:test': async (hub, ctx, { deviceId }) => {
    const who = staffId(ctx);
    if (deviceId !== undefined && !hub.kioskPrinters.printsLocally(deviceId))
      throw new DomainError('NOT_FOUND', deviceId);
    const status = await hub.printTest(deviceId);
    hub.store.audit(
      hub.clock(),
      'printer.test',
      { printer: status.id, state: status.state, detail: status.detail },
      who,
    );
    return status;
  },
  // ---- reprints (issue 17) ----
  'ticket:reprint': async (hub, ctx, { ticketId }) => {
    const ticket = hub.runner.state.tickets.get(ticketId);
    if (!ticket) throw new DomainError('UNKNOWN_TICKET', ticketId);
    if (ticketView(hub.runner.state, ticket).status !== 'waiting') throw new DomainError('NOT_REPRINTABLE');
    // A kiosk: only its own last ticket, shortly after, and only when its paper is in doubt.
    if (ctx.data.role === 'kiosk') {
      const recent = hub.clock() - ticket.issuedAt <= KIOSK_REPRINT_SECONDS * 1000;
      if (ticket.source !== ctx.data.deviceId || !recent || hub.store.printState(ticketId) === 'printed')
        throw new DomainError('NOT_REPRINTABLE');
    }
    const who = ctx.data.staffId ?? ctx.data.deviceId ?? 'unknown';
    hub.store.audit(hub.clock(), 'ticket.reprint', { ticketId, role: ctx.data.role }, who);
    return { ticketId, printed: await hub.reprintTicket(ticketId, who) };
  },
  // ---- online requests (issue 21) ----
  'online:record': (hub, ctx, input) => online.record(hub, staffId(ctx), input),
  'online:list': (hub, _ctx, { filter }) => online.list(hub, filter),
  'online:get': (hub, ctx, { requestId }) => {
    const detail = onlineDetail(hub, requestId);
    hub.store.audit(hub.clock(), 'online.read', { requestId }, staffId(ctx));
    return detail;
  },
  'online:act': (hub, ctx, p) => online.act(hub, staffId(ctx), p.requestId, p.action, p.note),
  'online:note': (hub, ctx, p) => online.note(hub, staffId(ctx), p.requestId, p.direction, p.text),
  'online:requester-lookup': (hub, ctx, by) => {
    hub.store.audit(
      hub.clock(),
      'online.requester-lookup',
      { by: 'phone' in by ? 'phone' : 'email' },
      staffId(ctx),
    );
    const walkIn = hub.store.lookupGuest(by);
    const fromOnline = hub.online.lookupRequester(by);
    const fromGuestBook =
      walkIn && (({ lastVisitAt, ...entry }) => ({ ...entry, lastContactAt: lastVisitAt }))(walkIn);
    if (!fromGuestBook || !fromOnline) return fromOnline ?? fromGuestBook;
    return fromOnline.lastContactAt >= fromGuestBook.lastContactAt ? fromOnline : fromGuestBook;
  },
  'online:rate': (hub, ctx, rating) => online.rate(hub, staffId(ctx), rating),
  'appointment:book': (hub, ctx, input) => appointments.book(hub, staffId(ctx), input),
  'appointment:list': (hub, _ctx, { date }) => appointments.list(hub, date),
  'appointment:redeem': (hub, ctx, { code }) => appointments.redeem(hub, ctx, code),
  'session:whoami': (_hub, ctx) => ({
    role: ctx.data.role,
    deviceId: ctx.data.deviceId ?? null,
    staffId: ctx.data.staffId ?? null,
    staffName: ctx.data.staffName ?? null,
    deskId: ctx.data.deskId ?? null,
  }),
};

/** Commands that can end sessions: open sockets are checked again once they are answered. */
const CUTS_SESSIONS = new Set<CommandName>(['settings:staff']);

/** Commands that change nothing: no board broadcast after them. */
const READ_ONLY = new Set<CommandName>([
  'ticket:status',
  'board:get',
  'guestbook:lookup',
  'visit:get',
  'session:whoami',
  'desk:staff',
  'settings:get',
  'print:result',
  'online:list',
  'online:get',
  'online:requester-lookup',
  'appointment:list',
]);

/**
 * One command from one socket: role, then payload, then the handler. Every failure becomes an
 * error ack with a code; nothing thrown here can take the hub down.
 */
export async function runCommand(
  hub: HubContext,
  ctx: Ctx,
  name: CommandName,
  payload: unknown,
  ack: unknown,
): Promise<void> {
  const reply = typeof ack === 'function' ? (ack as (r: unknown) => void) : () => undefined;
  if (!(COMMAND_ROLES[name] as readonly string[]).includes(ctx.data.role)) {
    reply({ ok: false, error: errorBody('FORBIDDEN') });
    return;
  }
  const parsed = schemas[name].safeParse(payload);
  if (!parsed.success) {
    const details = Object.fromEntries(
      parsed.error.issues.slice(0, 20).map((issue) => [issue.path.join('.') || '(payload)', issue.message]),
    );
    reply({ ok: false, error: errorBody('VALIDATION_FAILED', 'id', details) });
    return;
  }
  try {
    const handler = handlers[name] as Handler<CommandName>;
    const data = await handler(hub, ctx, parsed.data as never);
    // Acknowledged only once what the command wrote is on disk (group commit: see Store.synced).
    await hub.store.synced();
    reply({ ok: true, data });
    if (!READ_ONLY.has(name)) hub.boardChanged();
    // After the answer: the change may have ended the sender's own session.
    if (CUTS_SESSIONS.has(name)) hub.cutRevoked();
  } catch (error) {
    if (error instanceof DomainError) {
      reply({ ok: false, error: errorBody(error.code) });
      return;
    }
    ctx.log.error({ err: error, command: name }, 'command failed');
    reply({ ok: false, error: errorBody('INTERNAL') });
  }
}
