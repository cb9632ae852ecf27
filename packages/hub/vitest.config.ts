import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Hub tests open real ports and SQLite files; one file at a time keeps a 2-core machine steady.
    fileParallelism: false,
  },
});
