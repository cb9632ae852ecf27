import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildHub } from '../build';

const run = promisify(execFile);
/** Inside packages/hub/node_modules, so the bundle resolves its npm dependencies as dist/cli.js does. */
const CACHE = fileURLToPath(new URL('../node_modules/.cache/pst-hub-cli-test', import.meta.url));

/**
 * The `hub` command built from the current sources as `npm run build` builds it, once per test file:
 * each run then starts in a fraction of a second, where `node --import tsx src/cli.ts` compiles the
 * whole hub again every time. `cli(dataDir, ...args)` runs it; `remove()` deletes the bundle.
 */
export async function hubCommand() {
  mkdirSync(CACHE, { recursive: true });
  const dir = mkdtempSync(join(CACHE, 'cli-'));
  const bundle = await buildHub(join(dir, 'cli.js'));
  return {
    cli: (dataDir: string, ...args: string[]) =>
      run(process.execPath, [bundle, '--data-dir', dataDir, ...args]),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
