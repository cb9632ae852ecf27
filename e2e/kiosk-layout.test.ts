import { ok, type TestHub } from '@pst/hub/testing';
import { startFakePrinter } from '@pst/printer/testing';
import { DEFAULT_CONFIG, type QueueConfig } from '@pst/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, screenshot } from './browser';
import { LANDSCAPE_SCREENS, servicesUpTo } from './offices';
import { closeOffice, openOffice } from './setup';

const run = browserAvailable();

/** The kiosk's screens: a portrait totem and the landscape touch monitors offices buy. */
const PORTRAIT = { width: 1080, height: 1920 };
const SIZES = [PORTRAIT, ...LANDSCAPE_SCREENS];

/** The default office with `serviceCount` services; `direct` sends visitors straight to their service. */
function office(serviceCount: number, direct: boolean): QueueConfig {
  return {
    ...DEFAULT_CONFIG,
    office: { ...DEFAULT_CONFIG.office, frontOfficeFirst: !direct },
    services: servicesUpTo(serviceCount),
  };
}

/**
 * What a visitor would find wrong on the screen: a button not wholly on screen, a button whose
 * centre another element covers (elementFromPoint), text cut (scrollWidth/scrollHeight beyond the
 * box) and text of the screen running off it or under something else.
 */
async function layoutProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  const size = page.viewportSize() as { width: number; height: number };
  for (const button of await page.locator('button:visible').all()) {
    const box = await button.boundingBox();
    const label = ((await button.textContent()) ?? '').trim() || (await button.getAttribute('class'));
    if (!box) {
      problems.push(`${label}: not laid out`);
      continue;
    }
    if (
      box.x < 0 ||
      box.y < 0 ||
      box.x + box.width > size.width + 0.5 ||
      box.y + box.height > size.height + 0.5
    )
      problems.push(`${label}: not wholly on screen ${JSON.stringify(box)}`);
    if (box.height < 76) problems.push(`${label}: ${box.height}px tall, under 20 mm`);
    const covered = await button.evaluate(
      (b, [x, y]) => {
        const hit = document.elementFromPoint(x as number, y as number);
        return hit && b.contains(hit) ? null : `${hit?.tagName}.${hit?.className}`;
      },
      [box.x + box.width / 2, box.y + box.height / 2],
    );
    if (covered) problems.push(`${label}: covered by ${covered}`);
    const cut = await button.evaluate(
      (b) => b.scrollWidth > b.clientWidth + 1 || b.scrollHeight > b.clientHeight + 1,
    );
    if (cut) problems.push(`${label}: text cut`);
  }
  const texts = await page.evaluate(() => {
    const out: string[] = [];
    const blocks = document.querySelectorAll(
      'main :is(h1, p, strong, small, .service-name), footer, [role=alert]',
    );
    for (const el of Array.from(blocks)) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const text = (el.textContent ?? '').trim().slice(0, 40);
      if (r.top < 0 || r.left < 0 || r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5)
        out.push(`"${text}": off screen`);
      if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) out.push(`"${text}": cut`);
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (hit && !el.contains(hit) && !hit.contains(el))
        out.push(`"${text}": under ${hit.tagName}.${hit.className}`);
    }
    return out;
  });
  return [...problems, ...texts];
}

describe.runIf(run)('kiosk layout at every screen size, with the services an office really has', () => {
  let browser: Browser;
  let hub: TestHub;
  let printer: Awaited<ReturnType<typeof startFakePrinter>>;
  let token: string;

  beforeAll(async () => {
    // Out of paper: the ticket screen shows its longest form (the failure and "Cetak ulang").
    printer = await startFakePrinter({ status: 'paper-out' });
    ({ hub, browser } = await openOffice({
      printer: { kind: 'network', host: printer.host, port: printer.port },
      kioskRateLimit: { burst: 100, refillMs: 1000 },
    }));
    token = hub.store.addDevice('kiosk', 'Kiosk Lobi', null, hub.now.value).token;
  });
  afterAll(async () => {
    await closeOffice({ hub, browser });
    await printer?.close();
  });

  for (const [serviceCount, direct] of [
    [4, false],
    [6, false],
    [8, true],
  ] as const) {
    it(`${serviceCount} services${direct ? ', straight to the service' : ''}: start screen and ticket fit`, async () => {
      const supervisor = await hub.staff('supervisor');
      const config = office(serviceCount, direct);
      await ok(supervisor, 'settings:config', { config });
      const page = await browser.newPage({ viewport: PORTRAIT });
      await page.goto(`${hub.url}/kiosk/#token=${token}`);
      const last = config.services.at(-1)?.name as string;
      const cards = page.locator('button.service');
      await expect.poll(() => cards.count()).toBe(serviceCount);
      await expect.poll(() => cards.last().isEnabled()).toBe(true);
      await expect.poll(() => page.getByRole('button', { name: new RegExp(last) }).count()).toBe(1);
      for (const size of SIZES) {
        await page.setViewportSize(size);
        expect(await layoutProblems(page), `start at ${size.width}x${size.height}`).toEqual([]);
        // No room is kept for a message that is not there: the cards follow the priority row closely.
        const priority = await page.locator('button.priority').boundingBox();
        const firstCard = await cards.first().boundingBox();
        if (!priority || !firstCard) throw new Error('start screen not laid out');
        expect(firstCard.y - (priority.y + priority.height)).toBeLessThan(size.height * 0.15);
        if (serviceCount === 6 && size.width === 1280)
          await screenshot(page, 'kiosk-welcome-6-services-1280x720');
      }

      // A priority ticket for the longest name, its print failed: number, badge, failure, reprint, finish.
      await page.setViewportSize(PORTRAIT);
      await page.getByRole('button', { name: /Prioritas/ }).click();
      await page.getByRole('button', { name: /Penjualan Produk Statistik/ }).click();
      const again = page.getByRole('button', { name: 'Ya, ambil nomor baru' });
      await page.getByTestId('ticket-number').or(again).waitFor();
      if (await again.isVisible()) {
        await expect.poll(() => again.isEnabled()).toBe(true);
        await again.click();
      }
      await page.getByRole('button', { name: 'Cetak ulang' }).waitFor();
      const finish = page.getByRole('button', { name: 'Selesai' });
      await expect.poll(() => finish.isEnabled(), { timeout: 10_000 }).toBe(true);
      for (const size of SIZES) {
        await page.setViewportSize(size);
        expect(await layoutProblems(page), `ticket at ${size.width}x${size.height}`).toEqual([]);
        // The number stays the biggest thing on the ticket screen.
        const number = await page.getByTestId('ticket-number').boundingBox();
        expect(number?.height).toBeGreaterThan(Math.min(size.width, size.height) * 0.15);
      }
      await finish.click();
      await cards.first().waitFor();
      await page.close();
    });
  }
});
