/**
 * The sustained load (or a simulated office day) in a process of its own, so that the clients do
 * not share the hub's event loop (on the office LAN they are other machines). Parent:
 * {type:'run', spec} or {type:'run-day', spec} -> 'ready' once connected and desks are open, then
 * 'result'; a day starts at {type:'go'}; {type:'stop'} ends a sustained load early.
 */
import { fromParent, toParent } from './lib/child';
import { type LoadSpec, runLoad } from './lib/load';
import { type OfficeDaySpec, runOfficeDay } from './lib/office-day';

const abort = new AbortController();
let go = () => {};
const started = new Promise<void>((resolve) => {
  go = resolve;
});
fromParent(async (message) => {
  if (message.type === 'stop') abort.abort();
  if (message.type === 'go') go();
  const onReady = () => toParent({ type: 'ready' });
  if (message.type === 'run') {
    const result = await runLoad(message.spec as LoadSpec, { signal: abort.signal, onReady });
    toParent({ type: 'result', result });
  } else if (message.type === 'run-day') {
    const result = await runOfficeDay(message.spec as OfficeDaySpec, () => {
      onReady();
      return started;
    });
    toParent({ type: 'result', result });
  }
});
toParent({ type: 'started' });
