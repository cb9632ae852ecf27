#!/usr/bin/env node
/**
 * Bundles one app's Electron main and preload for packaging:
 *   node packages/shell/scripts/bundle.mjs kiosk|counter|display
 * writes apps/<app>/electron-dist/{main.cjs,preload.cjs,setup.html,setup.css,setup.js}.
 *
 * The preload runs sandboxed: it must be one file whose only `require` is `electron`, so this
 * script fails if anything else is left external. Native modules (better-sqlite3, usb) stay
 * external in main and are loaded from node_modules (unpacked from the asar by electron-builder).
 * Not part of `npm test`: run by the `package:<app>` scripts.
 */
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const APPS = ['kiosk', 'counter', 'display'];
const NATIVE_MODULES = ['better-sqlite3', 'usb'];
// Electron 45 ships Node 22 and Chromium 142.
const NODE_TARGET = 'node22';
const CHROME_TARGET = 'chrome142';

const app = process.argv[2];
if (!APPS.includes(app)) {
  console.error(`usage: node packages/shell/scripts/bundle.mjs <${APPS.join('|')}>`);
  process.exit(2);
}

const root = fileURLToPath(new URL('../../../', import.meta.url));
const appDir = join(root, 'apps', app);
const setupDir = join(root, 'packages', 'shell', 'src', 'setup-page');
const outdir = join(appDir, 'electron-dist');

const common = {
  absWorkingDir: root,
  bundle: true,
  metafile: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
};

function externalImports(result) {
  const found = new Set();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const item of output.imports) if (item.external) found.add(item.path);
  }
  return [...found].sort();
}

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });

const main = await build({
  ...common,
  entryPoints: [join(appDir, 'electron', 'main.ts')],
  outfile: join(outdir, 'main.cjs'),
  platform: 'node',
  format: 'cjs',
  target: NODE_TARGET,
  external: ['electron', ...NATIVE_MODULES],
});

const preload = await build({
  ...common,
  entryPoints: [join(appDir, 'electron', 'preload.ts')],
  outfile: join(outdir, 'preload.cjs'),
  platform: 'node',
  format: 'cjs',
  target: CHROME_TARGET,
  external: ['electron'],
});
const preloadImports = externalImports(preload);
if (preloadImports.some((name) => name !== 'electron')) {
  console.error(
    `preload may require only 'electron' (it runs sandboxed), found: ${preloadImports.join(', ')}`,
  );
  process.exit(1);
}

await build({
  ...common,
  entryPoints: [join(setupDir, 'setup.ts')],
  outfile: join(outdir, 'setup.js'),
  platform: 'browser',
  format: 'iife',
  target: CHROME_TARGET,
});
for (const file of ['setup.html', 'setup.css']) await copyFile(join(setupDir, file), join(outdir, file));

const size = (result) =>
  Object.entries(result.metafile.outputs)
    .filter(([file]) => !file.endsWith('.map'))
    .map(([file, output]) => `${relative(appDir, join(root, file))} ${(output.bytes / 1024).toFixed(1)} kB`);
console.log(
  [
    `bundled ${app}:`,
    ...size(main),
    ...size(preload),
    `  main requires: ${externalImports(main).join(', ')}`,
  ].join('\n  '),
);
