import { online, onlineDetail } from '../online';
import { type AreaHandlers, staffId } from './handler';

/** Online requests (issue 21): recorded, worked on, noted and rated by staff. */
export const onlineCommands = {
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
} satisfies AreaHandlers;
