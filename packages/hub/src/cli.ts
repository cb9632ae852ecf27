#!/usr/bin/env node
/**
 * The hub's command line, `npx pst-hub <command>` from the repository root (bin/pst-hub.js). Options go
 * straight to the command, with no `--` that Windows PowerShell's npm shim would drop.
 */
import { resolve } from 'node:path';
import type { PrinterConfig } from '@pst/printer';
import {
  DEVICE_ROLES,
  type DeviceRole,
  HUB_PORT,
  HUB_SERVICE_TYPE,
  normalizePhone,
  PIN_PATTERN,
  STAFF_ROLES,
  type StaffRole,
} from '@pst/shared';
import { Command, InvalidArgumentError, Option } from 'commander';
import { CENTRAL_SETTING, type CentralLink } from './central-pusher';
import { eraseVisitor, restoreBackup } from './data-care';
import { APPS } from './http';
import { createHub } from './hub';
import { lanAddresses, reachableHost } from './lan';
import { accountKey, addressKey, unlockLogin } from './login';
import { setOfficeDetails } from './office';
import { pairingLink } from './pairing';
import { signalRevocation } from './revocation-signal';
import { recordRunningHub, runningHub } from './running-hub';
import { seedOffice } from './seed';
import { DURABILITIES, type Durability } from './storage/database';
import { Store } from './storage/store';
import { CHECKPOINT_PAGES } from './storage/wal-checkpoints';
import { certificateFingerprint, readCertificate } from './tls';

const program = new Command('pst-hub').description('PST queue hub / server antrian PST');
program.option('-d, --data-dir <dir>', 'data folder (database, printed tickets, backups)', './data');

const dataDir = () => resolve(program.opts<{ dataDir: string }>().dataDir);
const openStore = () => new Store(resolve(dataDir(), 'pst.sqlite'));
const withStore = <T>(fn: (store: Store) => T): T => {
  const store = openStore();
  try {
    return fn(store);
  } finally {
    store.close();
  }
};

function integer(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('not a whole number');
  return n;
}

/** Only ever more often than the hub's own mark: a larger one would leave the WAL to grow unchecked. */
function checkpointPages(value: string): number {
  const n = integer(value);
  if (n < 1 || n > CHECKPOINT_PAGES) throw new InvalidArgumentError(`1 to ${CHECKPOINT_PAGES}`);
  return n;
}

function usbIds(value: string): { vendorId: number; productId: number } {
  const match = /^(?:0x)?([0-9a-f]{1,4}):(?:0x)?([0-9a-f]{1,4})$/i.exec(value);
  if (!match) throw new InvalidArgumentError('expected vid:pid in hex, e.g. 0416:5011');
  return {
    vendorId: Number.parseInt(match[1] as string, 16),
    productId: Number.parseInt(match[2] as string, 16),
  };
}

program
  .command('start', { isDefault: true })
  .description('start the hub')
  .option('-p, --port <port>', 'port', integer, HUB_PORT)
  .option('--host <address>', 'interface to listen on', '0.0.0.0')
  .option('--printer-host <address>', 'network printer address (raw TCP)')
  .option('--printer-port <port>', 'network printer port', integer, 9100)
  .option('--printer-device <path>', 'printer device path, e.g. /dev/usb/lp0')
  .option(
    '--printer-usb [vid:pid]',
    'USB printer (ESC/POS over libusb), the first one found or vid:pid in hex',
    usbIds,
  )
  .addOption(new Option('--paper-width <mm>', 'paper width').choices(['58', '80']).default('80'))
  .option('--public-url <url>', 'address printed in ticket QR codes')
  .option('--kiosk-burst <n>', 'tickets a kiosk may take at once', integer, 6)
  .option('--kiosk-refill-ms <ms>', 'time for a kiosk to earn one more ticket', integer, 5000)
  .option('--tls', 'serve HTTPS with a self-signed certificate kept in <data-dir>/tls (made on first use)')
  .option('--no-mdns', 'do not announce the hub on the LAN (mDNS / DNS-SD)')
  .addOption(
    new Option(
      '--durability <mode>',
      'when a command is acknowledged: group = after an fsync (power-cut safe); normal/off only for comparisons',
    )
      .choices(DURABILITIES)
      .default('group'),
  )
  // For the power-cut test, which needs checkpoints to happen within a short burst.
  .addOption(
    new Option('--checkpoint-pages <n>', 'WAL pages that make a checkpoint due')
      .argParser(checkpointPages)
      .hideHelp(),
  )
  .action(async (opts) => {
    const printer: PrinterConfig | undefined = opts.printerHost
      ? { kind: 'network', host: opts.printerHost, port: opts.printerPort }
      : opts.printerDevice
        ? { kind: 'device', path: opts.printerDevice }
        : opts.printerUsb
          ? { kind: 'usb', ...(opts.printerUsb === true ? {} : opts.printerUsb) }
          : undefined;
    const hub = await createHub({
      dataDir: dataDir(),
      port: opts.port,
      host: opts.host,
      printer,
      paperWidth: Number(opts.paperWidth) as 58 | 80,
      publicUrl: opts.publicUrl,
      kioskRateLimit: { burst: opts.kioskBurst, refillMs: opts.kioskRefillMs },
      tls: opts.tls === true,
      mdns: opts.mdns !== false,
      durability: opts.durability as Durability,
      checkpointPages: opts.checkpointPages,
      // End at once, without closing: a close would checkpoint from a WAL the disk failed to keep.
      // The service manager starts the hub again, and SQLite recovers from what is on disk.
      onDiskFailed: () => process.exit(1),
    });
    const hosts = opts.host === '0.0.0.0' ? ['localhost', ...lanAddresses()] : [opts.host];
    const scheme = hub.fingerprint ? 'https' : 'http';
    console.log(`\nServer antrian PST berjalan / PST queue hub running (data: ${dataDir()})`);
    for (const host of hosts) {
      console.log(`  ${scheme}://${host}:${hub.port}/  ${APPS.map((app) => `/${app}/`).join('  ')}`);
    }
    if (hub.fingerprint) {
      console.log(`  TLS, sidik jari sertifikat / certificate fingerprint (SHA-256):\n  ${hub.fingerprint}`);
      console.log(
        `  Alamat untuk halaman pengaturan aplikasi / set-up address: ${scheme}://${hosts.at(-1)}:${hub.port}/#fp=${hub.fingerprint}`,
      );
    }
    if (hub.announcement) console.log(`  mDNS: "${hub.announcement.name}" (_${HUB_SERVICE_TYPE}._tcp)`);
    if (!printer) console.log(`  Printer: file (${resolve(dataDir(), 'printed')})`);
    if (hub.store.staff().length === 0) {
      console.log('\n  Belum ada petugas / no staff yet:');
      console.log('  npx pst-hub staff add --username admin --name "Admin PST" --role admin --pin 123456');
    }
    if (hub.store.devices().length === 0) {
      console.log('  Belum ada perangkat / no devices yet:');
      console.log('  npx pst-hub device add --role kiosk --name "Kiosk 1"');
    }
    const forget = recordRunningHub(dataDir(), {
      url: hub.context.publicUrl(),
      fingerprint: hub.fingerprint,
    });
    // Once: a terminal's Ctrl+C can arrive twice, directly and through the launcher that set
    // glibc's malloc setting (bin/malloc-setting.js); a second one must not cut the close short.
    // A second Ctrl+C a second or more later ends a close that hangs.
    let stopping = 0;
    const stop = async () => {
      if (stopping) {
        if (performance.now() - stopping >= 1000) process.exit(130);
        return;
      }
      stopping = performance.now();
      forget();
      await hub.close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    // Started by that launcher on older Node: if it dies (even by SIGKILL) its channel closes, and a
    // hub nobody can stop any more must not go on holding the office's database.
    if (process.channel) {
      process.channel.unref();
      process.on('disconnect', stop);
    }
  });

const device = program.command('device').description('kiosks, displays and rating tablets');
device
  .command('add')
  .description('pair a new device; prints its token on the last line')
  .addOption(new Option('--role <role>').choices(DEVICE_ROLES).makeOptionMandatory())
  .requiredOption('--name <name>')
  .option('--desk <deskId>', 'desk of a rating tablet')
  .option(
    '-p, --port <port>',
    "port of the hub, for the pairing link (default: the running hub's, else 3324)",
    integer,
  )
  .option(
    '--public-url <url>',
    "address of the hub in the pairing link (default: the running hub's, else this machine)",
  )
  .option('--tls', 'https link with the certificate fingerprint (default: when <data-dir>/tls has one)')
  .option('--no-tls', 'http link')
  .action(
    (opts: {
      role: DeviceRole;
      name: string;
      desk?: string;
      port?: number;
      publicUrl?: string;
      tls?: boolean;
    }) =>
      withStore((store) => {
        if (opts.role === 'rating' && !opts.desk)
          throw new InvalidArgumentError('a rating tablet needs --desk');
        if (opts.desk && !store.queueConfig().desks.some((d) => d.id === opts.desk)) {
          throw new InvalidArgumentError(`unknown desk ${opts.desk}`);
        }
        const { device: added, token } = store.addDevice(opts.role, opts.name, opts.desk ?? null, Date.now());
        // The hub running on this data folder knows its own address; options given here win.
        const running = opts.port === undefined && opts.tls === undefined ? runningHub(dataDir()) : null;
        const cert = running || opts.tls === false ? null : readCertificate(dataDir());
        if (opts.tls && !cert)
          console.error('  (belum ada sertifikat / no certificate yet: run `pst-hub start --tls` once)');
        const fingerprint = running ? running.fingerprint : cert ? certificateFingerprint(cert.cert) : null;
        const base =
          opts.publicUrl?.replace(/\/+$/, '') ??
          running?.url ??
          `${fingerprint ? 'https' : 'http'}://${reachableHost()}:${opts.port ?? HUB_PORT}`;
        console.log(`Perangkat ${added.name} (${added.role}) ditambahkan: ${added.id}`);
        console.log(`Tautan pemasangan / pairing link: ${pairingLink(base, opts.role, token, fingerprint)}`);
        console.log(token);
      }),
  );
device.command('list').action(() =>
  withStore((store) => {
    for (const d of store.devices()) {
      console.log([d.id, d.role, d.name, d.deskId ?? '-', d.revokedAt ? 'revoked' : 'active'].join('\t'));
    }
  }),
);
device.command('revoke <id>').action((id: string) =>
  withStore((store) => {
    if (!store.revokeDevice(id, Date.now())) throw new InvalidArgumentError(`no active device ${id}`);
    // A running hub disconnects the device at once (see revocation-signal.ts).
    signalRevocation(dataDir());
    console.log(`revoked ${id}`);
  }),
);

const staff = program.command('staff').description('staff accounts');
staff
  .command('add')
  .requiredOption('--username <username>')
  .requiredOption('--name <name>')
  .addOption(new Option('--role <role>').choices(STAFF_ROLES).makeOptionMandatory())
  .requiredOption('--pin <pin>', '4 to 8 digits')
  .action((opts: { username: string; name: string; role: StaffRole; pin: string }) =>
    withStore((store) => {
      if (!PIN_PATTERN.test(opts.pin)) throw new InvalidArgumentError('PIN: 4 to 8 digits');
      const added = store.addStaff(opts, Date.now());
      console.log(`Petugas ${added.name} (${added.role}) ditambahkan: ${added.username}`);
    }),
  );
staff.command('list').action(() =>
  withStore((store) => {
    for (const s of store.staff())
      console.log([s.username, s.name, s.role, s.active ? 'active' : 'disabled'].join('\t'));
  }),
);

staff
  .command('unlock [username]')
  .description('lift the sign-in lock after wrong PINs, of an account or (--address) of a client address')
  .option('--address <address>', 'the client address, as in the audit entry staff.login-failed')
  .action((username: string | undefined, opts: { address?: string }) =>
    withStore((store) => {
      if (!username && !opts.address) throw new InvalidArgumentError('give a username or --address');
      if (username && !store.staffByUsername(username))
        throw new InvalidArgumentError(`no account ${username}`);
      const key = username ? accountKey(username) : addressKey(opts.address as string);
      const lifted = unlockLogin(store, key, Date.now(), 'admin-cli');
      console.log(
        lifted
          ? `kunci dibuka / unlocked: ${username ?? opts.address}`
          : `tidak terkunci / not locked: ${username ?? opts.address}`,
      );
    }),
  );

program
  .command('backup')
  .requiredOption('--to <file>', 'backup file')
  .action(async (opts: { to: string }) => {
    const store = openStore();
    try {
      await store.backup(resolve(opts.to));
      console.log(`backup written to ${resolve(opts.to)}`);
    } finally {
      store.close();
    }
  });

program
  .command('seed')
  .description('fill an empty database with plausible past office days (demo and reports)')
  .option('--days <n>', 'office days back from yesterday', integer, 30)
  .option('--seed <n>', 'random seed', integer, 3324)
  .action((opts: { days: number; seed: number }) =>
    withStore((store) => {
      const result = seedOffice(store, { days: opts.days, seed: opts.seed });
      console.log(`${result.visits} kunjungan dibuat untuk ${result.days} hari terakhir / visits seeded`);
    }),
  );

program
  .command('restore')
  .description('replace the database with a backup (stop the hub first)')
  .requiredOption('--from <file>', 'backup file')
  .action((opts: { from: string }) => {
    restoreBackup(resolve(opts.from), dataDir());
    console.log(`restored ${resolve(opts.from)}; the previous database is kept as pst.sqlite.before-restore`);
  });

program
  .command('erase')
  .description("erase a visitor's personal data on request (UU 27/2022)")
  .option('--phone <phone>')
  .option('--email <email>')
  .action((opts: { phone?: string; email?: string }) =>
    withStore((store) => {
      if (!opts.phone && !opts.email) throw new InvalidArgumentError('give --phone or --email');
      if (opts.phone && !normalizePhone(opts.phone))
        throw new InvalidArgumentError(
          `not an Indonesian mobile number: ${opts.phone} (e.g. 0812 3456 7890)`,
        );
      console.log(
        `${eraseVisitor(store, opts, Date.now(), 'admin-cli')} entri dihapus data pribadinya / entries erased`,
      );
    }),
  );

// ---- central roll-up (issue 22) ----
const central = program
  .command('central')
  .description('push closed days (no personal data) to the provincial/national roll-up service');
central
  .command('set <url> <key> [complaintText]')
  .description(
    'set the central address and this office key (from `central office add`); complaintText "on" also sends the words of complaints (default off)',
  )
  .action((url: string, key: string, complaintText = 'off') =>
    withStore((store) => {
      if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol))
        throw new InvalidArgumentError(`not an http(s) address: ${url}`);
      if (complaintText !== 'on' && complaintText !== 'off')
        throw new InvalidArgumentError('complaintText: on or off');
      const before = store.getSetting<CentralLink>(CENTRAL_SETTING);
      const link: CentralLink = { url, key, complaintText: complaintText === 'on' };
      store.setSetting(CENTRAL_SETTING, link);
      if (before && before.complaintText !== link.complaintText) store.outbox.markAllDirty();
      store.audit(Date.now(), 'central.set', { url, complaintText: link.complaintText }, 'admin-cli');
      console.log(`Pusat / central: ${url}; teks pengaduan / complaint text: ${complaintText}`);
    }),
  );
central
  .command('off')
  .description('stop pushing (the outbox keeps the days)')
  .action(() =>
    withStore((store) => {
      store.deleteSetting(CENTRAL_SETTING);
      store.audit(Date.now(), 'central.off', {}, 'admin-cli');
      console.log('Pengiriman ke pusat dimatikan / pushing to central turned off');
    }),
  );
central.command('status').action(() =>
  withStore((store) => {
    const link = store.getSetting<CentralLink>(CENTRAL_SETTING);
    const counts = store.outbox.counts();
    console.log(
      link ? `central: ${link.url} (complaint text ${link.complaintText ? 'on' : 'off'})` : 'central: off',
    );
    console.log(
      `outbox: ${counts.days} days, ${counts.pending} waiting to be sent, ${counts.dirty} to compare`,
    );
  }),
);

const config = program.command('config').description('office configuration');
config
  .command('show')
  .action(() => withStore((store) => console.log(JSON.stringify(store.queueConfig(), null, 2))));

const office = program
  .command('office')
  .description('office details: name, address, phone, complaint channels, running text / data kantor');
office
  .command('show')
  .action(() => withStore((store) => console.log(JSON.stringify(store.queueConfig().office, null, 2))));
office
  .command('set')
  .description('change office details (stop the hub first, or use Settings for a live change)')
  .option('--name <name>', 'office name, e.g. "BPS Kabupaten Kendal"')
  .option('--address <address>')
  .option('--phone <phone>')
  .option('--email <email>')
  .option('--running-text <text>', 'running text on the lobby display')
  .option(
    '--complaint-channel <channel>',
    'a complaint channel; repeat for each (replaces the list)',
    (value: string, list: string[] | undefined) => [...(list ?? []), value],
  )
  .action(
    (opts: {
      name?: string;
      address?: string;
      phone?: string;
      email?: string;
      runningText?: string;
      complaintChannel?: string[];
    }) =>
      withStore((store) => {
        const { complaintChannel, ...details } = opts;
        const change = complaintChannel ? { ...details, complaintChannels: complaintChannel } : details;
        if (Object.keys(change).length === 0) throw new InvalidArgumentError('nothing to change');
        const saved = setOfficeDetails(store, change, Date.now(), 'admin-cli');
        console.log(JSON.stringify(saved, null, 2));
      }),
  );

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
