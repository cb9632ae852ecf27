/**
 * A throwaway PostgreSQL cluster for tests and the bench: `initdb` in a temp dir, started with
 * `pg_ctl` on a free port of 127.0.0.1, removed at stop. PostgreSQL refuses to run as root, so as
 * root the cluster belongs to the `postgres` system user (Debian's postgresql package makes it; or
 * PST_PG_USER) and its commands run through `runuser`. The binaries come from PG_BIN, else the newest
 * /usr/lib/postgresql/<version>/bin, else PATH.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CentralDayFacts, IKM_ELEMENTS } from '@pst/shared';
import pg from 'pg';

export interface TestPostgres {
  /** Server URL without a database name; `databaseUrl(name)` adds one. */
  baseUrl: string;
  databaseUrl(name: string): string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): void;
}

function pgBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  return '';
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function systemUser(name: string): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

/**
 * PostgreSQL keeps the machine's real clock when the tests run under `faketime` (npm run test:dates):
 * the service and the tests pass every instant they store from their own clock, never the server's.
 */
function serverEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env))
    if (value !== undefined && key !== 'LD_PRELOAD' && !key.startsWith('FAKETIME')) env[key] = value;
  return env;
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = pgBin();
  const tool = (name: string) => (bin ? join(bin, name) : name);
  const dir = mkdtempSync(join(tmpdir(), 'pst-pg-'));
  const data = join(dir, 'data');
  const isRoot = process.getuid?.() === 0;
  const userName = process.env.PST_PG_USER ?? 'postgres';
  const owner = isRoot ? systemUser(userName) : null;
  if (isRoot && !owner)
    throw new Error(
      `PostgreSQL does not run as root: create the system user '${userName}' (or set PST_PG_USER)`,
    );
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const run = (command: string, args: string[]) => {
    const [file, argv] = owner ? ['runuser', ['-u', userName, '--', command, ...args]] : [command, args];
    return execFileSync(file, argv, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: serverEnv(),
    });
  };
  run(tool('initdb'), ['-D', data, '-U', 'pst', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
  const port = await freePort();
  // Durability off: a test cluster is thrown away; it only has to be a real PostgreSQL.
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ');
  run(tool('pg_ctl'), ['-D', data, '-o', settings, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
  const baseUrl = `postgres://pst@127.0.0.1:${port}`;
  const databaseUrl = (name: string) => `${baseUrl}/${name}`;
  return {
    baseUrl,
    databaseUrl,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: databaseUrl('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
      return databaseUrl(name);
    },
    stop() {
      try {
        run(tool('pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Plausible facts of one office day for tests and the bench: `visits` tickets, each one stage at a
 * service desk, the first `withinTarget` of them called within 10 minutes, every second one rated.
 */
export function sampleDayFacts(visits: number, withinTarget = visits, complaints = 0): CentralDayFacts {
  const minutes = (n: number) => n * 60_000;
  const stage = (i: number) => (i < withinTarget ? minutes(3 + (i % 6)) : minutes(11 + (i % 9)));
  const waits = Array.from({ length: visits }, (_, i) => stage(i));
  const rated = Math.floor(visits / 2);
  return {
    services: visits ? { konsultasi: Math.ceil(visits / 2), perpustakaan: Math.floor(visits / 2) } : {},
    hours: Array.from({ length: 24 }, (_, h) => (h === 9 ? visits : 0)),
    stages: visits
      ? [
          {
            queue: 'konsultasi',
            deskId: 'konsultasi-1',
            tally: {
              count: visits,
              served: visits,
              noShow: 0,
              cancelled: 0,
              unserved: 0,
              transferred: 0,
              withinTarget: Math.min(withinTarget, visits),
              waits,
              services: waits.map((w) => w + minutes(2)),
              clockWaits: waits,
            },
          },
        ]
      : [],
    guestBook: {
      entries: visits,
      breakdown: {
        gender: visits ? { 'Laki-laki': Math.ceil(visits / 2), Perempuan: Math.floor(visits / 2) } : {},
      },
    },
    ratings: {
      ikm: {
        respondents: rated,
        sums: IKM_ELEMENTS.map((_, i) => rated * (i === 3 ? 4 : 3)),
        answered: IKM_ELEMENTS.map(() => rated),
      },
      overallScores: rated ? { '3': rated } : {},
      imbalanAsked: 0,
      pungliReported: 0,
    },
    complaints: { total: complaints, open: complaints },
  };
}
