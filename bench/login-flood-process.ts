/**
 * A login flood in a process of its own (its work must not run on the hub's event loop). Parent:
 * {type:'flood', url, username, concurrency} starts `concurrency` loops of `POST /api/login` with a
 * wrong PIN, each sending its next try as soon as the last was answered; {type:'stop'} ends them and
 * answers {type:'flooded', statuses: {<http status>: count}, seconds}. Tries still unanswered when
 * told to stop (held by the hub's tarpit, or waiting for a PIN check) are cut and counted as `pending`.
 */
import { fromParent, toParent } from './lib/child';

let running = false;
const statuses: Record<string, number> = {};
let loops: Promise<void>[] = [];
let startedAt = 0;
let stop = new AbortController();

async function loop(url: string, username: string): Promise<void> {
  while (running) {
    try {
      const response = await fetch(`${url}/api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, pin: '000000' }),
        signal: stop.signal,
      });
      await response.arrayBuffer();
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    } catch {
      const kind = stop.signal.aborted ? 'pending' : 'error';
      statuses[kind] = (statuses[kind] ?? 0) + 1;
    }
  }
}

fromParent(async (message) => {
  if (message.type === 'flood') {
    running = true;
    stop = new AbortController();
    startedAt = Date.now();
    const concurrency = Number(message.concurrency);
    loops = Array.from({ length: concurrency }, () => loop(String(message.url), String(message.username)));
    toParent({ type: 'flooding' });
  } else if (message.type === 'stop') {
    running = false;
    stop.abort();
    await Promise.all(loops);
    toParent({ type: 'flooded', statuses, seconds: (Date.now() - startedAt) / 1000 });
  }
});
toParent({ type: 'started' });
