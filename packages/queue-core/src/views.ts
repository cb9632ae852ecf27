import {
  type CallView,
  type DeskView,
  FRONT_OFFICE_QUEUE,
  type ParkedTicketView,
  type QueueView,
  type SentTicketView,
  type ServicePublic,
  type TicketView,
  type WaitingTicketView,
} from '@pst/shared';
import { sentWaitingClock, waitingClock } from './clock';
import { previousQueue } from './desk-park';
import { estimateWaitMinutes } from './estimate';
import { currentStage, LOBBY_CALLS, queueIds, ticketStatus, waitingInOrder } from './state';
import type { CallRecord, DeskState, QueueState, Ticket } from './types';

/** How many waiting tickets the board lists per queue (counts cover all of them). */
export const BOARD_WAITING_LIMIT = 30;

export function servicesPublic(state: QueueState): ServicePublic[] {
  return state.config.services.map(({ id, name, nameEn, prefix, color, targetMinutes, active }) => ({
    id,
    name,
    nameEn,
    prefix,
    color,
    targetMinutes,
    active,
  }));
}

export function queueViews(state: QueueState, limit = BOARD_WAITING_LIMIT): QueueView[] {
  return queueIds(state.config)
    .map((queue) => {
      const line = state.lines[queue] ?? { priority: [], normal: [], lastCalled: null, recentServiceMs: [] };
      const order = waitingInOrder(line);
      const service = state.config.services.find((s) => s.id === queue);
      const waiting = order.slice(0, limit).map((ticketId, position): WaitingTicketView => {
        const ticket = state.tickets.get(ticketId) as Ticket;
        return {
          id: ticket.id,
          number: ticket.number,
          serviceId: ticket.serviceId,
          priority: ticket.priority,
          issuedAt: ticket.issuedAt,
          enteredAt: currentStage(ticket).enteredAt,
          clock: waitingClock(state, line, ticketId, position),
        };
      });
      return {
        id: queue,
        name: service?.name ?? 'Front Office',
        nameEn: service?.nameEn ?? 'Front Office',
        color: service?.color ?? '#37474f',
        waitingCount: order.length,
        estimatedWaitMinutes: estimateWaitMinutes(state, queue, order.length),
        waiting,
      };
    })
    .filter((q) => q.id !== FRONT_OFFICE_QUEUE || state.config.office.frontOfficeFirst || q.waitingCount > 0);
}

export function deskViews(state: QueueState): DeskView[] {
  return state.config.desks.map((desk) => {
    const live = state.desks[desk.id];
    const ticket = live?.current ? state.tickets.get(live.current) : undefined;
    const stage = ticket && currentStage(ticket);
    return {
      id: desk.id,
      name: desk.name,
      kind: desk.kind,
      services: desk.services,
      status: live?.status ?? 'closed',
      heldBy: live && live.status !== 'closed' ? live.staffId : null,
      current:
        ticket && stage
          ? {
              ticketId: ticket.id,
              number: ticket.number,
              state: stage.startedAt === null ? 'called' : 'serving',
              since: stage.startedAt ?? stage.calledAt ?? stage.enteredAt,
              recalls: stage.recalls,
              cameFrom: previousQueue(ticket),
            }
          : null,
      servedToday: live?.servedToday ?? 0,
      parked: live ? parkedViews(state, live) : [],
      sentHere: live ? sentViews(state, live) : [],
    };
  });
}

function parkedViews(state: QueueState, desk: DeskState): ParkedTicketView[] {
  return desk.parked.map((id) => {
    const ticket = state.tickets.get(id) as Ticket;
    const stage = currentStage(ticket);
    return {
      ticketId: id,
      number: ticket.number,
      serviceId: ticket.serviceId,
      parkedAt: stage.parkedAt ?? stage.enteredAt,
      wasServing: stage.startedAt !== null,
      overdue: stage.parkOverdueAt !== null,
    };
  });
}

/** Tickets sent to a desk by name, in the order that desk calls them, with their clocks. */
function sentViews(state: QueueState, desk: DeskState): SentTicketView[] {
  return desk.sentHere.map((id, position) => {
    const ticket = state.tickets.get(id) as Ticket;
    const stage = currentStage(ticket);
    return {
      ticketId: id,
      number: ticket.number,
      serviceId: ticket.serviceId,
      queue: stage.queue,
      priority: ticket.priority,
      sentAt: stage.enteredAt,
      // Set with forDeskId for as long as the ticket is in the desk's list.
      until: stage.forDeskUntil as number,
      fromDeskId: stage.sentFrom?.fromDeskId ?? null,
      clock: sentWaitingClock(state, desk, stage, position),
    };
  });
}

/**
 * Whether the lobby still shows a call, in one rule: while its ticket is still at that call's desk:
 * called, in service, or its visit ended there (finished, no-show, cancelled at the desk). A ticket that
 * waits again (parked, sent to a named desk, forwarded or transferred into a queue, back at a queue's
 * head) or was called at another desk since takes its calls off the board, silently: no screen sends
 * the visitor to a desk they no longer go to. A park takes off every call made until then for good
 * (`callsWithdrawnAt`, so also while the ticket is parked): a no-show while parked, or a call back to
 * the desk (a new call), leaves them off. Derived from the tickets alone, so a hub that replays the
 * day after a restart shows the same board.
 */
export function callStands(state: QueueState, call: CallRecord): boolean {
  const ticket = state.tickets.get(call.ticketId);
  if (!ticket) return false;
  const stage = currentStage(ticket);
  return (
    stage.deskId === call.deskId &&
    stage.calledAt !== null &&
    stage.calledAt <= call.at &&
    (stage.callsWithdrawnAt === null || call.at > stage.callsWithdrawnAt)
  );
}

/** The lobby's recent calls that stand, newest first (the big "current call": apps/display current-call.ts). */
export function callViews(state: QueueState): CallView[] {
  const standing = state.recentCalls.filter((call) => callStands(state, call));
  return callViewsOf(state, standing.slice(0, LOBBY_CALLS));
}

/** Recent calls taken back (callStands no longer holds): a display showing one of them big drops it. */
export function withdrawnCallViews(state: QueueState): CallView[] {
  const withdrawn = state.recentCalls.filter((call) => !callStands(state, call));
  return callViewsOf(state, withdrawn.slice(0, LOBBY_CALLS));
}

function callViewsOf(state: QueueState, calls: readonly CallRecord[]): CallView[] {
  return calls.flatMap((call) => {
    const view = callView(state, call.ticketId, call.deskId, call.at, call.recall);
    return view ? [view] : [];
  });
}

export function callView(state: QueueState, ticketId: string, deskId: string, at: number, recall: number) {
  const ticket = state.tickets.get(ticketId);
  const desk = state.config.desks.find((d) => d.id === deskId);
  if (!ticket) return null;
  return {
    ticketId,
    number: ticket.number,
    serviceId: ticket.serviceId,
    deskId,
    deskName: desk?.name ?? deskId,
    at,
    recall,
  } satisfies CallView;
}

/** People waiting before this ticket in its current queue (null when it is not waiting). */
export function peopleAhead(state: QueueState, ticket: Ticket): number | null {
  const stage = currentStage(ticket);
  if (stage.calledAt !== null || stage.outcome !== null || stage.parkedAt !== null) return null;
  if (stage.forDeskId !== null) return state.desks[stage.forDeskId]?.sentHere.indexOf(ticket.id) ?? null;
  const line = state.lines[stage.queue];
  if (!line) return null;
  const index = ticket.priority ? line.priority.indexOf(ticket.id) : line.normal.indexOf(ticket.id);
  return ticket.priority ? index : line.priority.length + index;
}

export function ticketView(state: QueueState, ticket: Ticket): TicketView {
  const stage = currentStage(ticket);
  const ahead = peopleAhead(state, ticket);
  const desk = stage.deskId ? state.config.desks.find((d) => d.id === stage.deskId) : undefined;
  return {
    id: ticket.id,
    number: ticket.number,
    serviceId: ticket.serviceId,
    queue: stage.queue,
    priority: ticket.priority,
    status: ticketStatus(ticket),
    issuedAt: ticket.issuedAt,
    peopleAhead: ahead ?? 0,
    estimatedWaitMinutes: ahead === null ? 0 : estimateWaitMinutes(state, stage.queue, ahead),
    desk: desk ? { id: desk.id, name: desk.name } : null,
    recalls: stage.recalls,
  };
}

/** Today's headline figures: a breach is a stage called past its target or a head waiting past it now. */
export function todayFigures(state: QueueState, now: number) {
  const { issued, served, waiting, lateStages } = state.tally;
  let breaches = lateStages;
  for (const queue of queueViews(state, 1)) {
    const deadline = queue.waiting[0]?.clock.deadline;
    if (deadline != null && now > deadline) breaches++;
  }
  // The first ticket waiting for a named desk has its own clock (clock.ts clockStartAtDesk).
  for (const desk of Object.values(state.desks)) {
    const first = state.tickets.get(desk.sentHere[0] ?? '');
    const deadline = first ? sentWaitingClock(state, desk, currentStage(first), 0).deadline : null;
    if (deadline !== null && now > deadline) breaches++;
  }
  return { issued, served, waiting, breaches };
}
