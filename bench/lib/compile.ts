import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildHub } from '@pst/hub/build';
import { compiledScripts } from './compiled';

/**
 * `bench/<script>` built to one JavaScript file the way `npm run build` builds the hub (our packages
 * bundled, npm dependencies from node_modules), so it runs on plain Node as the office's hub does.
 */
export function compileScript(script: string): Promise<string> {
  let built = builds.get(script);
  if (!built) {
    built = build(script);
    builds.set(script, built);
  }
  return built;
}

/** Once per run and script: the sources do not change while the bench runs. */
const builds = new Map<string, Promise<string>>();

async function build(script: string): Promise<string> {
  const outfile = fileURLToPath(
    new URL(`../../node_modules/.cache/pst-bench/${script.replace(/\.ts$/, '.js')}`, import.meta.url),
  );
  // A new file, never one written over: node_modules may be hard links shared with other trees.
  rmSync(outfile, { force: true });
  rmSync(`${outfile}.map`, { force: true });
  return buildHub(outfile, fileURLToPath(new URL(`../${script}`, import.meta.url)));
}

/** The scripts the bench forks, built once per run so that they start without tsx. */
export async function compileChildren(): Promise<void> {
  const scripts = ['printer-process.ts', 'load-process.ts', 'clients-process.ts', 'login-flood-process.ts'];
  await Promise.all(
    scripts.map(async (script) => {
      compiledScripts.set(script, await compileScript(script));
    }),
  );
}
