import { fileURLToPath } from 'node:url';
import { buildHub } from '@pst/hub/build';

/**
 * `bench/<script>` built to one JavaScript file the way `npm run build` builds the hub (our packages
 * bundled, npm dependencies from node_modules), so it runs on plain Node as the office's hub does.
 */
export async function compileScript(script: string): Promise<string> {
  const outfile = fileURLToPath(
    new URL(`../../node_modules/.cache/pst-bench/${script.replace(/\.ts$/, '.js')}`, import.meta.url),
  );
  return buildHub(outfile, fileURLToPath(new URL(`../${script}`, import.meta.url)));
}
