#!/usr/bin/env node
// The `pst-hub` command (`npx pst-hub device add ...` from the repository root). A real command, not
// `npm run hub -- ...`: Windows PowerShell's npm shim drops the `--`, and the options with it.
// It runs the compiled hub when one is built (dist/cli.js), else the TypeScript source through tsx.
import { existsSync } from 'node:fs';
import { ensureMallocSetting, startsTheHub } from './malloc-setting.js';

// On Linux the hub runs with glibc's malloc setting of the service (see malloc-setting.js).
if (startsTheHub(process.argv.slice(2))) await ensureMallocSetting();

const compiled = new URL('../dist/cli.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli.ts', import.meta.url).href);
}
