import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ERRORS, errorText } from '@pst/shared';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { type ConnectionState, connectHub, type HubConnection } from './connection';

const cleanup: Array<() => void> = [];
afterEach(() => {
  for (const done of cleanup.splice(0)) done();
});

/** A Socket.IO server on loopback that takes every connection and never answers `board:get`. */
async function silentHub(): Promise<string> {
  const http = createServer();
  const io = new Server(http, { transports: ['websocket'] });
  io.on('connection', (socket) => socket.on('board:get', () => {}));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => io.close());
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
}

function connectOnline(url: string): Promise<HubConnection> {
  return new Promise((resolve) => {
    const connection = connectHub({
      token: 'token',
      url,
      onState: (state: ConnectionState) => state === 'online' && resolve(connection),
    });
    cleanup.push(() => connection.close());
  });
}

describe('connection errors are codes the apps can show', () => {
  it('a command with no answer in time is TIMEOUT, one sent while disconnected is OFFLINE', async () => {
    const hub = await connectOnline(await silentHub());
    expect(await hub.send('board:get', {}, 100)).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
    hub.close();
    expect(await hub.send('board:get', {})).toMatchObject({ ok: false, error: { code: 'OFFLINE' } });
  });

  it('names both in Indonesian and English, never as a server error', () => {
    for (const code of ['OFFLINE', 'TIMEOUT'] as const) {
      expect(errorText(code, 'id')).toBe(ERRORS[code].id);
      expect(errorText(code, 'en')).toBe(ERRORS[code].en);
      expect(errorText(code, 'id')).not.toBe(ERRORS.INTERNAL.id);
    }
    expect(errorText('NO_SUCH_CODE', 'en')).toBe(ERRORS.INTERNAL.en);
  });
});
