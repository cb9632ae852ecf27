// glibc's malloc setting the hub runs with on Linux, for `pst-hub start` (and so `npm start`) as for
// deploy/pst-hub.service. Each PIN check (scrypt, 16 MiB) runs on one of libuv's 4 threads, and by
// default glibc keeps a freed block that large in that thread's arena: +64 MB RSS for good after the
// morning's first logins (docs/benchmarks.md). A fixed mmap threshold maps such blocks and gives them
// back at once. glibc reads the variable only when a process starts, so a process without it runs
// itself again with it, before anything else is loaded.
import { spawn } from 'node:child_process';
import { once } from 'node:events';

export const MALLOC_SETTING = { name: 'MALLOC_MMAP_THRESHOLD_', value: '131072' };

/**
 * Whether `pst-hub` with these arguments (after the script's path) starts the hub: `start`, or no
 * command at all (start is the default). Only the hub lives long enough for the setting to matter;
 * `device add`, `staff list` and the like are not run twice for it.
 */
export function startsTheHub(args) {
  const [command] = args;
  return command === undefined || command === 'start' || command.startsWith('-');
}

/** Signals a terminal or a service manager sends to stop the hub; the wrapper passes them on. */
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Returns when this process may go on as it is: not Linux, or the variable is set (by the service,
 * by this function's relaunch, or by hand to another value, which is kept). Otherwise this process
 * runs again with the variable and never returns: on Node >= 22.15 replaced in place
 * (`process.execve`: same pid, nothing left over); on older Node as a child whose stdio is this
 * process's, which passes stop signals on and ends with the child's exit code or signal.
 */
export async function ensureMallocSetting() {
  const { name, value } = MALLOC_SETTING;
  if (process.platform !== 'linux' || process.env[name] !== undefined) return;
  const env = { ...process.env, [name]: value };
  const args = [...process.execArgv, ...process.argv.slice(1)];
  if (typeof process.execve === 'function') {
    try {
      process.execve(process.execPath, [process.execPath, ...args], env);
    } catch {
      return; // Not replaced: go on without the setting rather than not start at all.
    }
  }

  // The IPC channel closes when this process dies, even by SIGKILL: the hub then stops (cli.ts).
  const child = spawn(process.execPath, args, { stdio: ['inherit', 'inherit', 'inherit', 'ipc'], env });
  // A terminal's Ctrl+C reaches the child too (same process group): the hub stops once either way.
  for (const signal of FORWARDED) process.on(signal, () => child.kill(signal));
  const [code, signal] = await once(child, 'exit');
  if (signal) {
    // End the way the child ended, so a service manager sees the same.
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  }
  process.exit(code ?? 1);
}
