import { readFileSync } from 'node:fs';
import {
  COMMAND_ROLES,
  type CommandName,
  DEVICE_ROLES,
  HTTP_ROUTES,
  type Role,
  STAFF_ROLES,
  schemas,
} from '@pst/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPS, createHttpApp } from '../src/http';
import { type Client, closeClients, connectClient, send, startHub, type TestHub } from '../src/testing';

/**
 * Every command x every role, and every HTTP route x every caller, over real sockets and HTTP,
 * generated from the contract (COMMAND_ROLES, HTTP_ROUTES): a new command or route is in the
 * matrix the moment it is in the contract, and a route the hub serves outside HTTP_ROUTES fails here.
 */
const ROLES: Role[] = [...DEVICE_ROLES, ...STAFF_ROLES];
const COMMANDS = Object.keys(COMMAND_ROLES) as CommandName[];
/** A payload no schema accepts: a role past the gate gets VALIDATION_FAILED, one refused gets FORBIDDEN; nothing changes. */
const PROBE = { roleMatrixProbe: true };

let hub: TestHub;
const clients = new Map<Role, Client>();
const tokens = new Map<Role, string>();

beforeAll(async () => {
  hub = await startHub();
  for (const role of DEVICE_ROLES) {
    const { token } = hub.store.addDevice(
      role,
      `Matrix ${role}`,
      role === 'rating' ? 'konsultasi-1' : null,
      hub.now.value,
    );
    tokens.set(role, token);
  }
  for (const role of STAFF_ROLES) tokens.set(role, hub.staffToken(role, `matrix-${role}`));
  for (const role of ROLES) clients.set(role, await connectClient(hub.url, tokens.get(role) as string));
});
afterAll(async () => {
  closeClients();
  await hub?.stop();
});

describe('the contract and docs/protocol.md agree on who may send each command', () => {
  const doc = readFileSync(new URL('../../../docs/protocol.md', import.meta.url), 'utf8');
  const ABBREVIATIONS: Record<string, Role[]> = {
    everyone: ROLES,
    staff: [...STAFF_ROLES],
    FO: ['front-office'],
    C: ['consultant'],
    S: ['supervisor'],
    A: ['admin'],
    kiosk: ['kiosk'],
    display: ['display'],
    rating: ['rating'],
  };
  it.each(COMMANDS)('%s', (name) => {
    const row = doc.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
    expect(row, `docs/protocol.md has no row for ${name}`).toBeDefined();
    const cells = (row as string).split(' | ');
    // Parenthesised conditions ("kiosk (its own ticket, …)") narrow a role, they do not add one.
    const documented = (cells[3] ?? '')
      .replace(/\([^)]*\)/g, '')
      .split(', ')
      .flatMap((who) => ABBREVIATIONS[who.trim()] ?? [`?${who}`]);
    expect(new Set(documented)).toEqual(new Set(COMMAND_ROLES[name]));
  });
});

describe('every command x every role over real sockets', () => {
  it('no schema accepts the probe (else the matrix could change data)', () => {
    for (const name of COMMANDS) expect(schemas[name].safeParse(PROBE).success, name).toBe(false);
  });

  for (const name of COMMANDS) {
    for (const role of ROLES) {
      const allowed = COMMAND_ROLES[name].includes(role);
      it(`${name} by ${role}: ${allowed ? 'past the role gate' : 'FORBIDDEN'}`, async () => {
        const reply = await send(clients.get(role) as Client, name, PROBE as never);
        expect(reply).toMatchObject({
          ok: false,
          error: { code: allowed ? 'VALIDATION_FAILED' : 'FORBIDDEN' },
        });
      });
    }
  }

  it('a socket without a valid token never connects', async () => {
    await expect(connectClient(hub.url, '')).rejects.toThrow();
    await expect(connectClient(hub.url, 'not-a-token')).rejects.toThrow();
  });
});

describe('every HTTP route x every caller', () => {
  const concrete = (path: string) =>
    path
      .replace(':id', '20261125-K001')
      .replace(':table', 'layanan')
      .replace(':format', 'csv')
      .replace(':name', 'dua');

  it('the hub serves no route outside HTTP_ROUTES and the apps', () => {
    const app = createHttpApp(hub.context, {
      appsDir: hub.dataDir,
      dataDir: hub.dataDir,
      version: 'x',
      startedAt: 0,
    });
    const served = (
      app.router.stack as Array<{ route?: { path: string | string[]; methods: Record<string, boolean> } }>
    )
      .filter((layer) => layer.route)
      .flatMap((layer) => {
        const route = layer.route as { path: string | string[]; methods: Record<string, boolean> };
        const paths = Array.isArray(route.path) ? route.path : [route.path];
        return paths.flatMap((path) =>
          Object.keys(route.methods).map((method) => `${method.toUpperCase()} ${path}`),
        );
      });
    const known = new Set([
      ...HTTP_ROUTES.map((r) => `${r.method} ${r.path}`),
      ...APPS.flatMap((name) => [`GET /${name}`, `GET /${name}/{*rest}`]),
    ]);
    expect(served.filter((route) => !known.has(route))).toEqual([]);
    expect(served.length).toBeGreaterThanOrEqual(HTTP_ROUTES.length);
  });

  const callers: Array<Role | 'nobody'> = ['nobody', ...ROLES];
  for (const route of HTTP_ROUTES) {
    for (const caller of callers) {
      const allowed = route.roles === 'public' || (route.roles as readonly Role[]).includes(caller as Role);
      const expected = allowed
        ? 'allowed'
        : caller === 'nobody' || (DEVICE_ROLES as readonly string[]).includes(caller)
          ? 401
          : 403;
      it(`${route.method} ${route.path} by ${caller}: ${expected}`, async () => {
        // Logging out ends the session it names: a fresh one, so the caller's own stays for the next routes.
        const token =
          caller === 'nobody'
            ? null
            : route.path === '/api/logout' && (STAFF_ROLES as readonly string[]).includes(caller)
              ? hub.staffToken(caller as (typeof STAFF_ROLES)[number])
              : tokens.get(caller);
        const response = await fetch(
          `${hub.url}${concrete(route.path)}${route.method === 'GET' ? '?preset=today' : ''}`,
          {
            method: route.method,
            headers: {
              ...(token ? { authorization: `Bearer ${token}` } : {}),
              'content-type': 'application/json',
            },
            // Login with a body that fails its schema: past the gate, nothing signs in or counts.
            body:
              route.method === 'POST' || route.method === 'PUT'
                ? JSON.stringify(route.path === '/api/logout' ? {} : PROBE)
                : undefined,
          },
        );
        if (expected === 'allowed') expect([401, 403]).not.toContain(response.status);
        else expect(response.status).toBe(expected);
      });
    }
  }
});
