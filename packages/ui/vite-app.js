// Build-time only (outside src/), and plain JavaScript with its types in vite-app.d.ts: Vite loads an
// app's vite.config through Node, which runs a workspace package's file as it is.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** The hub a dev server (`npm run dev`) sends its socket (and the counter its API calls) to. */
const DEV_HUB = 'http://127.0.0.1:3324';

/**
 * The head of a PST page, added to the app's index.html when it is built or served (so the five pages
 * do not repeat it): the character set, the viewport (a touch screen's, `touch`, also stops pinch
 * zoom) and the title. index.html keeps only the root and the entry script.
 * @param {string} title
 * @param {'screen' | 'touch'} viewport
 * @returns {import('vite').Plugin}
 */
export function pstPageHead(title, viewport) {
  const content = `width=device-width, initial-scale=1${viewport === 'touch' ? ', user-scalable=no' : ''}`;
  return {
    name: 'pst-page-head',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { charset: 'UTF-8' }, injectTo: 'head-prepend' },
      { tag: 'meta', attrs: { name: 'viewport', content }, injectTo: 'head-prepend' },
      { tag: 'title', children: title, injectTo: 'head-prepend' },
    ],
  };
}

/**
 * An app's Vite (and Vitest) config: its page titled `title`, served by the hub at /<app>/; `npm run dev` proxies the hub's
 * socket (and with `api`, its HTTP API) to a hub on :3324; unit tests are src/**\/*.test.ts on Node.
 * @param {string} app
 * @param {string} title
 * @param {{ viewport?: 'screen' | 'touch'; api?: boolean }} [options]
 */
export function appViteConfig(app, title, options = {}) {
  return defineConfig({
    base: `/${app}/`,
    plugins: [react(), pstPageHead(title, options.viewport ?? 'screen')],
    server: {
      proxy: {
        '/socket.io': { target: DEV_HUB, ws: true },
        ...(options.api ? { '/api': { target: DEV_HUB } } : {}),
      },
    },
    build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1000 },
    test: { environment: 'node', include: ['src/**/*.test.ts'] },
  });
}
