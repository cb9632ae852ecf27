import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Served by the hub at /counter; `npm run dev` proxies the socket and the login API to a hub on :3324.
export default defineConfig({
  base: '/counter/',
  plugins: [react()],
  server: {
    proxy: {
      '/socket.io': { target: 'http://127.0.0.1:3324', ws: true },
      '/api': { target: 'http://127.0.0.1:3324' },
    },
  },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1000 },
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
});
