import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { MALLOC_SETTING, startsTheHub } from '../bin/malloc-setting.js';
import { removeDir, tempDir } from '../src/testing';

const BIN = fileURLToPath(new URL('../bin/pst-hub.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const run = promisify(execFile);
/** The `pst-hub` command as npx runs it: the bin file, the words after it as they are (no `--`). */
const pstHub = (args: string[]) => run(process.execPath, [BIN, ...args], { timeout: 60_000 });

/** The words of a command line as a shell (bash or PowerShell) passes them: double quotes group. */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => (m[1] ?? m[2]) as string);
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) removeDir(dir);
});

describe('pst-hub, the command the README and the start banner use', () => {
  it('starts on the port it is given and device add links to that hub, not to :3324', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const hub = spawn(
      process.execPath,
      [BIN, 'start', '--port', '0', '--host', '127.0.0.1', '--no-mdns', '--data-dir', dataDir],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      let out = '';
      const port = await new Promise<number>((resolve, reject) => {
        hub.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
          if (match) resolve(Number(match[1]));
        });
        hub.once('exit', (code) => reject(new Error(`hub exited (${code}): ${out}`)));
      });
      expect(port).not.toBe(3324);
      // The banner names the command that works in PowerShell.
      await expect.poll(() => out).toContain('npx pst-hub device add --role kiosk');

      // The README's first device line, word for word, after the data folder.
      const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
      const line = /^npx pst-hub (device add --role kiosk [^#\n]*)/m.exec(readme)?.[1] as string;
      const added = await pstHub(['--data-dir', dataDir, ...words(line)]);
      const link = added.stdout.split('\n').find((l) => l.includes('#token='));
      expect(link).toContain(`http://127.0.0.1:${port}/kiosk/#token=`);
    } finally {
      const exited = new Promise((resolve) => hub.once('exit', resolve));
      hub.kill('SIGTERM');
      await exited;
    }
    // A stopped hub no longer claims the data folder's address.
    expect(existsSync(join(dataDir, 'hub-address.json'))).toBe(false);
  }, 180_000); // three Node processes that each load TypeScript through tsx: slow on a busy machine

  /** Whether a process runs (an exited one whose new parent has not reaped it yet is a zombie, 'Z'). */
  function running(pid: number): boolean {
    try {
      return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
    } catch {
      return false;
    }
  }

  /**
   * `pst-hub` with options and no command word, without glibc's malloc setting; resolves with the pid of
   * the process that serves. No command word: so that the hub serving at all shows `start` is cli.ts's
   * default command, and its setting shows the launcher (`startsTheHub`) knows it too.
   */
  async function startWithoutSetting() {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const env = { ...process.env };
    delete env[MALLOC_SETTING.name];
    const hub = spawn(
      process.execPath,
      [BIN, '--port', '0', '--host', '127.0.0.1', '--no-mdns', '--data-dir', dataDir],
      { stdio: ['ignore', 'pipe', 'pipe'], env },
    );
    let out = '';
    hub.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    const exited = new Promise((_, reject) =>
      hub.once('exit', (code) => reject(new Error(`hub exited (${code}): ${out}`))),
    );
    await Promise.race([exited, expect.poll(() => out, { timeout: 120_000 }).toMatch(/127\.0\.0\.1:\d+\//)]);
    // The process that serves (the one that recorded its address, just after its banner), as the
    // kernel started it.
    const address = join(dataDir, 'hub-address.json');
    await expect.poll(() => existsSync(address)).toBe(true);
    const { pid } = JSON.parse(readFileSync(address, 'utf8')) as { pid: number };
    return { hub, pid, address };
  }

  it.runIf(process.platform === 'linux')(
    "runs the hub with glibc's malloc setting of the service, also when started without it",
    async () => {
      const { hub, pid, address } = await startWithoutSetting();
      try {
        const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
        const setting = `${MALLOC_SETTING.name}=${MALLOC_SETTING.value}`;
        expect(environ).toContain(setting);
        // The same setting as the systemd unit's.
        expect(readFileSync(join(ROOT, 'deploy/pst-hub.service'), 'utf8')).toContain(
          `Environment=${setting}\n`,
        );
      } finally {
        const exited = new Promise((resolve) => hub.once('exit', resolve));
        hub.kill('SIGTERM');
        await exited;
      }
      // The stop signal reached the hub: it closed and took its address back.
      expect(existsSync(address)).toBe(false);
    },
    180_000,
  );

  it('sets the malloc setting only for a command that starts the hub, not for one-off commands', () => {
    for (const args of [[], ['start'], ['start', '--port', '0'], ['--port', '0']]) {
      expect(startsTheHub(args)).toBe(true);
    }
    for (const args of [['device', 'add', '--role', 'kiosk'], ['staff', 'list'], ['backup']]) {
      expect(startsTheHub(args)).toBe(false);
    }
  });

  // Older Node has no process.execve: the hub runs as the launcher's child, which must not outlive it.
  it.runIf(process.platform === 'linux' && !('execve' in process))(
    'stops the hub when its launcher is killed outright (no hub left holding the database)',
    async () => {
      const { hub, pid, address } = await startWithoutSetting();
      expect(pid).not.toBe(hub.pid);
      hub.kill('SIGKILL');
      await expect.poll(() => running(pid), { timeout: 60_000 }).toBe(false);
      expect(existsSync(address)).toBe(false);
    },
    180_000,
  );

  it('the README and docs give every hub command without the `--` that PowerShell drops', () => {
    const docs = [
      'README.md',
      'docs/operations.md',
      'docs/packaging.md',
      'docs/printers.md',
      'docs/protocol.md',
    ];
    for (const doc of docs) {
      const text = readFileSync(join(ROOT, doc), 'utf8');
      expect(text, doc).not.toMatch(/npm run hub|npm start -- /);
    }
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<
      string,
      string
    >;
    expect(scripts.start).toContain('pst-hub start');
  });
});
