import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * The running hub's address, kept in its data folder while it runs, so that `pst-hub device add`
 * (another process) prints pairing links to that hub, on its port and scheme, not to the defaults.
 */
const FILE = 'hub-address.json';
const runningHubSchema = z.object({
  url: z.string(),
  fingerprint: z.string().nullable(),
  pid: z.number().int(),
});
export type RunningHub = z.infer<typeof runningHubSchema>;

/** Writes the address of this process's hub; the returned function removes it again at stop. */
export function recordRunningHub(dataDir: string, hub: Omit<RunningHub, 'pid'>): () => void {
  const path = join(dataDir, FILE);
  writeFileSync(path, `${JSON.stringify({ ...hub, pid: process.pid } satisfies RunningHub)}\n`);
  return () => rmSync(path, { force: true });
}

/** The hub running on this data folder, or null (none recorded, or its process is gone). */
export function runningHub(dataDir: string): RunningHub | null {
  let recorded: RunningHub;
  try {
    recorded = runningHubSchema.parse(JSON.parse(readFileSync(join(dataDir, FILE), 'utf8')));
  } catch {
    return null;
  }
  return isAlive(recorded.pid) ? recorded : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user (a hub run as a service).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
