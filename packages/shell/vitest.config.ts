import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The exit-PIN tests verify scrypt hashes (deliberately slow) and fsync the settings file ten times
    // in a row; on a loaded 2-core machine that outgrows vitest's default 5 s.
    testTimeout: 30_000,
  },
});
