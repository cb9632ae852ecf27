import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Components render to HTML on Node (react-dom/server): what they say, not how a browser lays it out
// (the browser tests in e2e/ do that).
export default defineConfig({
  plugins: [react()],
  test: { environment: 'node', include: ['src/**/*.test.tsx'] },
});
