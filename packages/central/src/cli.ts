#!/usr/bin/env node
/**
 * The `central` command line (`npm run central <command>` from the repository root). Arguments are
 * positional, so the same line works in a POSIX shell and in Windows PowerShell; the database comes
 * from DATABASE_URL, the port from PORT.
 */
import { randomBytes } from 'node:crypto';
import { Command, InvalidArgumentError } from 'commander';
import pg from 'pg';
import { addOffice, addUser, type CentralRole, issueKey, listOffices, revokeKey } from './accounts';
import { migrate } from './migrations';
import { createCentral } from './server';

const program = new Command('central').description('PST provincial/national roll-up / rekap PST pusat');

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new InvalidArgumentError('set DATABASE_URL, e.g. postgres://pst:secret@127.0.0.1:5432/pst_central');
  return url;
}

async function withPool<T>(fn: (pool: pg.Pool) => Promise<T>): Promise<T> {
  const pool = new pg.Pool({ connectionString: databaseUrl(), max: 2 });
  try {
    await migrate(pool);
    return await fn(pool);
  } finally {
    await pool.end();
  }
}

program
  .command('start', { isDefault: true })
  .description('start the service (migrates the database first)')
  .action(async () => {
    const port = Number(process.env.PORT ?? 8080);
    const central = await createCentral({
      databaseUrl: databaseUrl(),
      port,
      host: process.env.HOST ?? '0.0.0.0',
      secureCookies: process.env.SECURE_COOKIES === '1',
    });
    console.log(`Rekap PST pusat berjalan / central roll-up running: http://localhost:${central.port}/`);
    const stop = async () => {
      await central.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

program
  .command('migrate')
  .description('apply the database migrations')
  .action(() => withPool(async (pool) => console.log(`schema version ${await migrate(pool)}`)));

const office = program.command('office').description('offices and their keys');
office
  .command('add <code> <name>')
  .description('register an office by its BPS regency/city code; prints its key on the last line')
  .action((code: string, name: string) =>
    withPool(async (pool) => {
      const { key } = await addOffice(pool, { id: code, name }, Date.now());
      console.log(`Kantor ${code} ${name} terdaftar / office registered. Kunci / key (shown once):`);
      console.log(key);
    }),
  );
office
  .command('key <code>')
  .description('issue a new key (the previous one stops working)')
  .action((code: string) =>
    withPool(async (pool) => {
      const issued = await issueKey(pool, code, Date.now());
      if (!issued) throw new InvalidArgumentError(`no office ${code}`);
      console.log(issued.key);
    }),
  );
office
  .command('revoke <code>')
  .description("revoke an office's key")
  .action((code: string) =>
    withPool(async (pool) => {
      if (!(await revokeKey(pool, code, Date.now())))
        throw new InvalidArgumentError(`no active key for ${code}`);
      console.log(`kunci ${code} dicabut / key revoked`);
    }),
  );
office.command('list').action(() =>
  withPool(async (pool) => {
    for (const o of await listOffices(pool))
      console.log(
        [o.id, o.name, o.key_active ? 'key active' : 'no key', o.last_push_at?.toISOString() ?? 'never'].join(
          '\t',
        ),
      );
  }),
);

program
  .command('user')
  .description('central users')
  .command('add <username> <name> <role> [province]')
  .description('add a user: role national, or province with its code (e.g. 33); prints a password once')
  .action((username: string, name: string, role: string, province?: string) =>
    withPool(async (pool) => {
      if (role !== 'national' && role !== 'province')
        throw new InvalidArgumentError('role: national or province');
      const password = process.env.CENTRAL_PASSWORD ?? randomBytes(12).toString('base64url');
      await addUser(
        pool,
        { username, name, role: role as CentralRole, province: province ?? null, password },
        Date.now(),
      );
      console.log(`Pengguna ${username} ditambahkan / user added.`);
      if (!process.env.CENTRAL_PASSWORD) console.log(`Kata sandi / password (shown once): ${password}`);
    }),
  );

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
