import { startShell } from '@pst/shell';
import electron from 'electron';

// Bundled to electron-dist/main.cjs (packages/shell/scripts/bundle.mjs), next to preload.cjs.
void startShell('display', electron, { distDir: __dirname });
