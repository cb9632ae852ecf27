/** The memory rows' split of RSS by mapping, on this very process. */
import { expect, it } from 'vitest';
import { rssParts } from './measures/memory';

const MB = 1024 * 1024;

it("counts V8's heap pages as V8's, not malloc's, and every part within RSS", () => {
  const before = rssParts(process.pid);
  expect(before.nodeBinary).toBeGreaterThan(MB);
  expect(before.malloc).toBeGreaterThan(0);
  expect(before.v8Pages + before.malloc + before.nodeBinary + before.otherFiles).toBeLessThanOrEqual(
    before.rss,
  );

  // About 48 MB of small JS objects live in V8's heap: old-generation pages, nothing malloc'ed.
  const held = Array.from({ length: 1_000_000 }, (_, i) => ({ i, a: i + 1, b: i + 2 }));
  const after = rssParts(process.pid);
  expect(held.length).toBe(1_000_000);
  expect(after.v8Pages - before.v8Pages).toBeGreaterThan(30 * MB);
  expect(after.malloc - before.malloc).toBeLessThan(10 * MB);
});
