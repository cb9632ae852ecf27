/**
 * Many connected clients (displays, desks) in a process of their own. Parent: {type:'connect', url,
 * tokens} -> {type:'connected', n}; then for every call, once all of them have received its
 * `ticket:called`: {type:'called', ticketId, first, last} (nowMs stamps of the first and last
 * arrival); {type:'counts'} -> {type:'counts', boards, calls}.
 */
import { fromParent, toParent } from './lib/child';
import { type Client, connectAll } from './lib/client';
import { nowMs } from './lib/util';

let clients: Client[] = [];
let boards = 0;
let calls = 0;
const arrivals = new Map<string, { n: number; first: number; last: number }>();

fromParent(async (message) => {
  if (message.type === 'connect') {
    clients = await connectAll(String(message.url), message.tokens as string[]);
    for (const client of clients) {
      client.on('board:snapshot', () => {
        boards++;
      });
      client.on('ticket:called', (call) => {
        const at = nowMs();
        calls++;
        const key = `${call.ticketId}#${call.recall}`;
        const seen = arrivals.get(key) ?? { n: 0, first: at, last: at };
        seen.n++;
        seen.last = at;
        arrivals.set(key, seen);
        if (seen.n === clients.length) {
          arrivals.delete(key);
          toParent({
            type: 'called',
            ticketId: call.ticketId,
            recall: call.recall,
            first: seen.first,
            last: at,
          });
        }
      });
    }
    toParent({ type: 'connected', n: clients.length });
  } else if (message.type === 'counts') {
    toParent({ type: 'counts', boards, calls, connected: clients.filter((c) => c.connected).length });
  } else if (message.type === 'close') {
    for (const client of clients) client.disconnect();
    toParent({ type: 'closed' });
  }
});
toParent({ type: 'started' });
