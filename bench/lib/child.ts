/** Child processes running the bench's own TypeScript scripts (through tsx), talked to over IPC. */
import { type ChildProcess, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compiledScripts } from './compiled';

const require = createRequire(import.meta.url);
/** tsx's loader, so `node --import <it> script.ts` runs TypeScript in this very process (no wrapper). */
export const TSX_LOADER = pathToFileURL(require.resolve('tsx')).href;
export const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));

export type Message = { type: string } & Record<string, unknown>;

export interface Child {
  process: ChildProcess;
  pid: number;
  send(message: Message): void;
  /** The next message of a type (optionally matching), failing after `timeoutMs` or if the child exits. */
  next<T extends Message = Message>(type: string, timeoutMs?: number, match?: (m: T) => boolean): Promise<T>;
  on(type: string, listener: (message: Message) => void): void;
  /** The child's 'started' message, listened for from the fork on (it may come before anyone asks). */
  started: Promise<Message>;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
  kill(): Promise<void>;
}

/**
 * Forks `bench/<script>` with tsx (or, on plain Node, a file from `compileScript` or one that
 * `compileChildren` built) and an IPC channel; stdout and stderr go to ours.
 */
export function forkScript(
  script: string,
  options: { nodeArgs?: string[]; args?: string[]; env?: NodeJS.ProcessEnv; compiled?: string } = {},
): Child {
  const compiled = options.compiled ?? compiledScripts.get(script);
  const file = compiled ?? fileURLToPath(new URL(`../${script}`, import.meta.url));
  const proc = fork(file, options.args ?? [], {
    execArgv: [...(options.nodeArgs ?? []), ...(compiled ? [] : ['--import', TSX_LOADER])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ...options.env },
  });
  const listeners = new Map<string, Set<(message: Message) => void>>();
  proc.on('message', (raw) => {
    const message = raw as Message;
    for (const listener of [...(listeners.get(message.type) ?? [])]) listener(message);
  });
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const on = (type: string, listener: (message: Message) => void) => {
    const set = listeners.get(type) ?? new Set();
    set.add(listener);
    listeners.set(type, set);
  };
  const off = (type: string, listener: (message: Message) => void) => listeners.get(type)?.delete(listener);
  const child: Omit<Child, 'started'> = {
    process: proc,
    pid: proc.pid as number,
    send: (message) => {
      if (proc.connected) proc.send(message);
    },
    on,
    next<T extends Message>(type: string, timeoutMs = 60_000, match: (m: T) => boolean = () => true) {
      return new Promise<T>((resolve, reject) => {
        const listener = (message: Message) => {
          if (!match(message as T)) return;
          done();
          resolve(message as T);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`${script}: no '${type}' message within ${timeoutMs} ms`));
        }, timeoutMs);
        const onExit = (code: number | null) => {
          done();
          reject(new Error(`${script} exited (code ${code}) before sending '${type}'`));
        };
        const done = () => {
          clearTimeout(timer);
          off(type, listener);
          proc.off('exit', onExit);
        };
        on(type, listener);
        proc.once('exit', onExit);
      });
    },
    exited,
    async kill() {
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.kill('SIGTERM');
        const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
  const started = child.next('started', 120_000);
  // Only awaited by some callers: an unawaited rejection must not end the run.
  started.catch(() => undefined);
  return { ...child, started };
}

/** In a child: sends a message to the parent (no-op when run by hand without IPC). */
export function toParent(message: Message): void {
  if (process.send) process.send(message);
}

/** In a child: calls `handler` for each message from the parent. */
export function fromParent(handler: (message: Message) => void | Promise<void>): void {
  process.on('message', (message) => {
    void Promise.resolve(handler(message as Message)).catch((error: unknown) => {
      process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
      process.exit(1);
    });
  });
  // The parent went away: nothing left to do.
  process.on('disconnect', () => process.exit(0));
}
