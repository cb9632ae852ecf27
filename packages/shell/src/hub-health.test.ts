import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { probeHub } from './hub-health';

const servers: Server[] = [];

async function serve(status: number, body: string, type = 'application/json'): Promise<string> {
  const server = createServer((request, response) => {
    if (request.url !== '/healthz') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(status, { 'content-type': type }).end(body);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

const options = { fetch, timeoutMs: 2000 };

describe('probeHub', () => {
  it('reads a healthy hub', async () => {
    const hub = await serve(200, JSON.stringify({ status: 'ok', version: '0.1.0', clients: {} }));
    expect(await probeHub(hub, options)).toEqual({
      ok: true,
      data: { hubUrl: hub, status: 'ok', version: '0.1.0' },
    });
  });

  it('counts a degraded hub (503) as found', async () => {
    const hub = await serve(503, JSON.stringify({ status: 'degraded' }));
    expect(await probeHub(hub, options)).toEqual({
      ok: true,
      data: { hubUrl: hub, status: 'degraded', version: null },
    });
  });

  it('tells a web server that is not a hub', async () => {
    const other = await serve(200, '<html>router login</html>', 'text/html');
    const result = await probeHub(other, options);
    expect(result.ok || result.error.code).toBe('NOT_A_HUB');
  });

  it('tells an address where nothing listens', async () => {
    const hub = await serve(200, '{}');
    await new Promise((resolve) => servers.pop()?.close(resolve));
    const result = await probeHub(hub, options);
    expect(result.ok || result.error.code).toBe('HUB_UNREACHABLE');
  });

  it('gives up after the timeout', async () => {
    const server = createServer(() => {
      // never answers
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const hub = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const result = await probeHub(hub, { fetch, timeoutMs: 100 });
    expect(result.ok || result.error.code).toBe('HUB_UNREACHABLE');
    server.closeAllConnections();
  });
});
