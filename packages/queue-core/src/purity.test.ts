import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('./', import.meta.url);
const sources = readdirSync(dir).filter(
  (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'test-helpers.ts',
);

/** queue-core decides from its arguments alone: time comes in, nothing goes out. */
describe('queue-core is pure', () => {
  it.each(sources)('%s reads no clock, no randomness, no I/O', (file) => {
    const text = readFileSync(new URL(file, dir), 'utf8');
    expect(text).not.toMatch(
      /\bDate\.now\(|new Date\(\)|Math\.random|performance\.now|\bprocess\.|\brequire\(/,
    );
    const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    for (const source of imports) expect(source === '@pst/shared' || source?.startsWith('./')).toBe(true);
  });
});
