/**
 * The sustained load in a process of its own, so that the clients do not share the hub's event
 * loop (on the office LAN they are other machines). Parent: {type:'run', spec} -> 'ready' once
 * connected and desks are open, then 'result'; {type:'stop'} ends the run early.
 */
import { fromParent, toParent } from './lib/child';
import { type LoadSpec, runLoad } from './lib/load';

const abort = new AbortController();
fromParent(async (message) => {
  if (message.type === 'stop') abort.abort();
  if (message.type !== 'run') return;
  const result = await runLoad(message.spec as LoadSpec, {
    signal: abort.signal,
    onReady: () => toParent({ type: 'ready' }),
  });
  toParent({ type: 'result', result });
});
toParent({ type: 'started' });
