import type { TestHub } from '@pst/hub/testing';
import type { DeviceRole } from '@pst/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from './browser';
import { closeOffice, openOffice } from './setup';

const run = browserAvailable();

/** Each device app's pairing screen (one component, @pst/ui) and what it shows once paired. */
const DEVICES: Array<{ device: DeviceRole; title: string; paired: string; deskId: string | null }> = [
  { device: 'kiosk', title: 'Perangkat belum dipasangkan', paired: 'Selamat datang di PST', deskId: null },
  { device: 'display', title: 'Layar belum dipasangkan', paired: 'Belum ada panggilan', deskId: null },
  {
    device: 'rating',
    title: 'Tablet belum dipasangkan',
    paired: 'Terima kasih telah berkunjung',
    deskId: 'konsultasi-1',
  },
];

describe.runIf(run)('pairing a device by typing its token, in Chromium against a real hub', () => {
  let browser: Browser;
  let hub: TestHub;

  beforeAll(async () => {
    ({ hub, browser } = await openOffice({ realTime: true }));
  });
  afterAll(() => closeOffice({ hub, browser }));

  it.each(DEVICES)(
    '$device: a wrong token is refused, the right one opens the app and is kept',
    async ({ device, title, paired, deskId }) => {
      const token = hub.store.addDevice(device, `Perangkat ${device}`, deskId, hub.now.value).token;
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${hub.url}/${device}/`);
      const heading = page.getByRole('heading', { name: title });
      await heading.waitFor();

      // The hub refuses a token it never gave: the device comes back to the pairing screen.
      await page.getByLabel('Token perangkat').fill('bukan-token-yang-benar');
      await page.getByRole('button', { name: 'Pasangkan' }).click();
      // The screen comes back empty once the hub's refusal has arrived.
      await expect.poll(() => page.getByLabel('Token perangkat').inputValue()).toBe('');
      await heading.waitFor();

      await page.getByLabel('Token perangkat').fill(` ${token} `);
      await page.getByRole('button', { name: 'Pasangkan' }).click();
      await page.getByText(paired).waitFor();

      // Kept for the next start: a reload opens the app, not the pairing screen.
      await page.reload();
      await page.getByText(paired).waitFor();
      await context.close();
    },
  );
});
