import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = new URL('../docs/screenshots/', import.meta.url);

/**
 * Debian's Chromium drives the browser tests (no browser download here). Outside CI a missing
 * browser skips the suite with a hint; in CI (CI=true) it fails.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  const hint = `Chromium not found at ${CHROMIUM}: install it with 'apt-get install -y chromium' (or set CHROMIUM_PATH).`;
  if (process.env.CI) throw new Error(hint);
  console.warn(`${hint} Browser tests are skipped.`);
  return false;
}

/**
 * The browser keeps the PC's real clock even when the tests run under `faketime` (npm run test:dates):
 * Chromium hangs with faketime preloaded, and a screen whose clock differs from the hub's is what an
 * office has anyway (apps trust the hub's time, never the PC's).
 */
export function browserEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || key === 'LD_PRELOAD' || key.startsWith('FAKETIME')) continue;
    env[key] = value;
  }
  return env;
}

/** `extraArgs`: e.g. a fake microphone for a test that records (never autoplay flags: see display.test.ts). */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    env: browserEnv(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname });
}

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's critical and serious violations on the page (contrast included). */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // Evaluated by the test driver, not added as a <script>: the hub's CSP refuses inline scripts.
  await page.evaluate(readFileSync(axeSource, 'utf8'));
  const result = await page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run(context: Document, options: object): Promise<{ violations: unknown }> };
    };
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return (result.violations as Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>)
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
