import { type CommandName, ERROR_CODES, schemas } from '@pst/shared';
import fc from 'fast-check';
import type { Socket as UntypedSocket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { type Client, connectClient, ok, send, startHub, type TestHub } from '../src/testing';
import { stopHubAfterEach } from './hub-per-test';

let hub: TestHub;
stopHubAfterEach(() => hub);

const COMMANDS = Object.keys(schemas) as CommandName[];

/** Payloads a broken client or an attacker on the LAN could send. */
const junk = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.constant(undefined),
  fc.constant(null),
  fc.string({ minLength: 100_000, maxLength: 100_000 }).map((s) => ({ serviceId: s })),
  fc.constant(JSON.parse('{"serviceId":"konsultasi","__proto__":{"polluted":true}}')),
  fc.constant(JSON.parse('{"deskId":"fo-1","constructor":{"prototype":{"polluted":true}}}')),
  fc.record({ deskId: fc.string(), ticketId: fc.string(), serviceId: fc.string() }, { requiredKeys: [] }),
  fc.record({ ticketId: fc.integer({ min: -1000, max: 1000 }), deskId: fc.integer() }),
  fc.record({
    serviceId: fc.constantFrom('tidak-ada', 'KONSULTASI', '', '../etc/passwd'),
    priority: fc.anything(),
  }),
);

describe('bad input and wrong roles', () => {
  it('refuses sockets without a valid token, with a clear code', async () => {
    hub = await startHub();
    for (const token of [undefined, '', 'bukan-token', 'x'.repeat(5000)]) {
      const error = await connectClient(hub.url, token as string).then(
        () => null,
        (e: Error & { data?: { code: string } }) => e,
      );
      expect(error?.data?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('checks roles: a display cannot take or call, a kiosk cannot read the guest book, a revoked token is refused', async () => {
    hub = await startHub();
    const display = await hub.device('display');
    expect(await send(display, 'ticket:take', { serviceId: 'konsultasi' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await send(display, 'desk:call-next', { deskId: 'fo-1' })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    const kiosk = await hub.device('kiosk');
    expect(await send(kiosk, 'guestbook:lookup', { phone: '081234567890' })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    const consultant = await hub.staff('consultant');
    expect(await send(consultant, 'desk:open', { deskId: 'fo-1' })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });

    const { device, token } = hub.store.addDevice('kiosk', 'Kiosk lama', null, hub.now.value);
    const old = await hub.connect(token);
    await ok(old, 'ticket:take', { serviceId: 'konsultasi' });
    hub.store.revokeDevice(device.id, hub.now.value);
    expect(await send(old, 'ticket:take', { serviceId: 'konsultasi' })).toMatchObject({
      error: { code: 'UNAUTHENTICATED' },
    });
    await expect(connectClient(hub.url, token)).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
  });

  it('rate-limits a kiosk that takes tickets too fast', async () => {
    hub = await startHub({ kioskRateLimit: { burst: 3, refillMs: 60_000 } });
    const kiosk = await hub.device('kiosk');
    const replies = [];
    for (let i = 0; i < 5; i++) replies.push(await send(kiosk, 'ticket:take', { serviceId: 'konsultasi' }));
    expect(replies.map((r) => (r.ok ? r.data.ticket.number : r.error.code))).toEqual([
      'K-001',
      'K-002',
      'K-003',
      'RATE_LIMITED',
      'RATE_LIMITED',
    ]);
    hub.advance(60_000);
    expect(await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' })).toMatchObject({
      ticket: { number: 'K-004' },
    });
  });

  it('answers thousands of malformed payloads with an error code, stays up, and the database stays whole', async () => {
    hub = await startHub({ kioskRateLimit: { burst: 1e9, refillMs: 1 } });
    const clients: Client[] = [
      await hub.device('kiosk'),
      await hub.staff('front-office'),
      await hub.staff('consultant'),
      await hub.device('rating', 'Tablet', 'konsultasi-1'),
    ];
    await ok(clients[0] as Client, 'ticket:take', { serviceId: 'konsultasi' });
    const samples = fc.sample(fc.tuple(fc.constantFrom(...COMMANDS), junk, fc.nat(3)), {
      numRuns: 2500,
      seed: 3324,
    });
    const codes = new Map<string, number>();
    let accepted = 0;
    // Sent 50 at a time, as a flood from four clients would arrive (and so the run stays short on a busy machine).
    for (let i = 0; i < samples.length; i += 50) {
      const replies = await Promise.all(
        samples
          .slice(i, i + 50)
          .map(([event, payload, who]) => send(clients[who] as Client, event, payload as never)),
      );
      for (const reply of replies) {
        if (reply.ok) {
          accepted++;
          continue;
        }
        expect(ERROR_CODES).toContain(reply.error.code);
        expect(reply.error.message.length).toBeGreaterThan(0);
        codes.set(reply.error.code, (codes.get(reply.error.code) ?? 0) + 1);
      }
    }
    // Junk is refused for what it is (bad shape, or the wrong role), never as a crash inside.
    expect(codes.get('INTERNAL')).toBeUndefined();
    expect(codes.get('VALIDATION_FAILED')).toBeGreaterThan(samples.length / 4);
    expect(codes.get('FORBIDDEN')).toBeGreaterThan(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Unknown events with an ack get an answer too.
    const unknown = await (clients[0] as unknown as UntypedSocket)
      .timeout(15_000)
      .emitWithAck('ticket:steal', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    // Still serving, and nothing half-written.
    expect(await ok(clients[0] as Client, 'ticket:take', { serviceId: 'konsultasi' })).toMatchObject({
      ticket: { number: expect.stringMatching(/^K-\d{3}$/) },
    });
    expect(hub.store.integrityOk()).toBe(true);
    const tickets = hub.store.db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number };
    const issued = hub.store.db
      .prepare(`SELECT count(*) AS n FROM events WHERE type = 'ticket.issued'`)
      .get() as {
      n: number;
    };
    expect(tickets.n).toBe(issued.n);
    expect(accepted).toBeLessThan(samples.length);
    // 2,500 commands: one after another they took 25-40 s on a shared 2-core machine under load.
  }, 90_000);
});
