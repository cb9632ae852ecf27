#!/usr/bin/env node
/**
 * Copies electron.d.ts from the packaging install into packages/electron-api, after the Electron
 * version changed: `npm ci --prefix packaging && node packaging/refresh-electron-types.mjs`.
 * The shells type-check against that copy, so the default install never needs the electron package
 * (which asks for Node >= 22.12). Fails when packaging/package.json, electron-builder.yml and the
 * copied types name different Electron versions.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const read = (path) => readFileSync(root + path, 'utf8');
const installed = JSON.parse(read('packaging/node_modules/electron/package.json')).version;
const pinned = JSON.parse(read('packaging/package.json')).devDependencies.electron;
const built = /^electronVersion:\s*(\S+)/m.exec(read('electron-builder.yml'))?.[1];
if (installed !== pinned || installed !== built) {
  console.error(
    `Electron versions differ: installed ${installed}, packaging/package.json ${pinned}, electron-builder.yml ${built}`,
  );
  process.exit(1);
}
copyFileSync(
  `${root}packaging/node_modules/electron/electron.d.ts`,
  `${root}packages/electron-api/electron.d.ts`,
);
const manifest = JSON.parse(read('packages/electron-api/package.json'));
manifest.version = installed;
manifest.description = manifest.description.replace(/electron \d+\.\d+\.\d+/, `electron ${installed}`);
writeFileSync(`${root}packages/electron-api/package.json`, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`packages/electron-api now holds the types of electron ${installed}`);
