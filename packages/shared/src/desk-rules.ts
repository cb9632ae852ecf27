/**
 * Desk-control rules both sides of the wire apply (issue 20): queue-core decides with them, the
 * counter fills its pickers with the same ones (never a copy). Plain functions, no zod.
 */
import type { Desk } from './config';
import type { ErrorCode } from './errors';
import { t } from './i18n';
import { queueRefusal, queuesOfDesk, type ServiceLike, type ServiceRefusal } from './rules';
import type { Lang } from './time';

export type SendRefusal =
  | Extract<ErrorCode, 'SAME_DESK' | 'DESK_NOT_OPEN' | 'DESK_NOT_SERVING'>
  | ServiceRefusal;

/**
 * Why the ticket at desk `fromDeskId` cannot be sent by name to `target`, into `queue` (null: it can):
 * another desk, open or paused, that calls that queue, which takes visitors now.
 */
export function sendRefusal(
  target: Pick<Desk, 'id' | 'kind' | 'services'> & { status: 'closed' | 'open' | 'paused' },
  fromDeskId: string,
  queue: string,
  services: readonly ServiceLike[],
): SendRefusal | null {
  if (target.id === fromDeskId) return 'SAME_DESK';
  if (target.status === 'closed') return 'DESK_NOT_OPEN';
  if (!queuesOfDesk(target).includes(queue)) return 'DESK_NOT_SERVING';
  return queueRefusal(services, queue);
}

/**
 * The tickets a call out of turn goes ahead of: those before it in its queue's waiting order. A chosen
 * call's, and a sent ticket's first call at its desk (queue-core puts it at its fall-back place first).
 */
export function overtakenBy<T>(inOrder: readonly T[], chosen: T): T[] {
  const at = inOrder.indexOf(chosen);
  return at < 0 ? [] : inOrder.slice(0, at);
}

/** How a ticket came to wait for a named desk: the front office's guest book, or *Kirim ke meja*. */
export const SEND_VIAS = ['guest-book', 'send'] as const;
export type SendVia = (typeof SEND_VIAS)[number];

/** The way a ticket was sent, in words (the string tables' `sendVia.*`): screens and exports read it so. */
export function sendViaLabel(via: SendVia, lang: Lang = 'id'): string {
  return t(lang, `sendVia.${via}`);
}

/**
 * How a ticket came to the head of a queue, ahead of those waiting: *Kembalikan ke antrian sebelumnya*,
 * or a parked ticket sent back to its queue.
 */
export type HeadMoveWay = 'transfer-back' | 'requeue';

/** The way to the head of a queue, in words (the string tables' `headMoveWay.*`). */
export function headMoveWayLabel(way: HeadMoveWay, lang: Lang = 'id'): string {
  return t(lang, `headMoveWay.${way}`);
}
