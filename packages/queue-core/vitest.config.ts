import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Property tests play hundreds of random days: a budget for a busy CI machine, not a speed claim.
  test: { testTimeout: 120_000 },
});
