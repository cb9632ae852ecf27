import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Served by the hub at /rating; `npm run dev` proxies the hub's socket to a hub on :3324.
export default defineConfig({
  base: '/rating/',
  plugins: [react()],
  server: { proxy: { '/socket.io': { target: 'http://127.0.0.1:3324', ws: true } } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1000 },
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
});
