import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['*.test.ts'],
    // Each benchmark starts real hubs, child processes and sockets: generous limits, one file at a time.
    testTimeout: 240_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
