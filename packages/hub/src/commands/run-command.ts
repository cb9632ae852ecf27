import { DomainError } from '@pst/queue-core';
import { type CommandName, errorBody, mayCommand, schemas } from '@pst/shared';
import type { Ctx } from '../command-context';
import type { HubContext } from '../context';
import type { Handler } from './handler';
import { handlers } from './index';

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
  if (!mayCommand(ctx.data.role, name)) {
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
    if (!READ_ONLY.has(name)) hub.store.joinTurn();
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
