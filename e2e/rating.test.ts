import { GUEST, ok, type TestHub } from '@pst/hub/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, browserAvailable, screenshot } from './browser';
import { closeOffice, openOffice } from './setup';

const run = browserAvailable();

describe.runIf(run)('rating tablet in Chromium against a real hub', () => {
  let browser: Browser;
  let hub: TestHub;

  beforeAll(async () => {
    ({ hub, browser } = await openOffice({ realTime: true }));
  });
  afterAll(() => closeOffice({ hub, browser }));

  it.each([
    ['portrait', 800, 1280],
    ['landscape', 1280, 800],
  ])(
    'asks the visitor of its desk for a rating when the visit finishes (%s)',
    async (orientation, width, height) => {
      const token = hub.store.addDevice('rating', 'Tablet Konsultasi 1', 'konsultasi-1', hub.now.value).token;
      const page = await (
        await browser.newContext({ viewport: { width, height }, hasTouch: true })
      ).newPage();
      await page.goto(`${hub.url}/rating/#token=${token}`);
      await page.getByText('Terima kasih telah berkunjung').waitFor();
      // Between visits the header names the office, not just "PST".
      await page.locator('header').getByText('BPS Kabupaten Kendal').waitFor();
      if (orientation === 'portrait') {
        expect(await accessibilityViolations(page)).toEqual([]);
        await screenshot(page, 'rating-idle');
      }

      const kiosk = await hub.device('kiosk');
      const frontOffice = await hub.staff('front-office');
      const consultant = await hub.staff('consultant');
      const taken = await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
      await ok(frontOffice, 'desk:open', { deskId: 'fo-1' });
      await ok(frontOffice, 'desk:call-next', { deskId: 'fo-1' });
      await ok(frontOffice, 'guestbook:save', {
        deskId: 'fo-1',
        ticketId: taken.ticket.id,
        entry: GUEST,
        forwardTo: 'konsultasi',
      });
      await ok(frontOffice, 'desk:close', { deskId: 'fo-1' });
      await ok(consultant, 'desk:open', { deskId: 'konsultasi-1' });
      await ok(consultant, 'desk:call-next', { deskId: 'konsultasi-1' });
      await ok(consultant, 'ticket:finish', { deskId: 'konsultasi-1', ticketId: taken.ticket.id });
      await ok(consultant, 'desk:close', { deskId: 'konsultasi-1' });

      await page.getByText(`Penilaian untuk antrian ${taken.ticket.number} di Meja Konsultasi 1`).waitFor();
      // The faces are drawn, not emoji: no character needs an emoji font.
      const faces = page.locator('.choice svg.face');
      expect(await faces.count()).toBe(4);
      expect(await page.locator('.choices').textContent()).toMatch(/^[\p{L} ]+$/u);
      if (orientation === 'portrait') await screenshot(page, 'rating-overall');
      await page.getByRole('button', { name: 'Sangat puas' }).tap();
      await page
        .getByRole('heading', {
          name: 'Bagaimana pendapat Anda tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
        })
        .waitFor();
      await page.getByText('Unsur 1 dari 9 · Persyaratan').waitFor();
      if (orientation === 'portrait') {
        expect(await accessibilityViolations(page)).toEqual([]);
        await screenshot(page, 'rating-form');
      }
      const box = await page.getByRole('button', { name: 'Sangat sesuai' }).boundingBox();
      expect(box?.height).toBeGreaterThan(76);
      await page.getByRole('button', { name: 'Sangat sesuai' }).tap(); // U1
      await page.getByRole('heading', { name: /kemudahan prosedur pelayanan/ }).waitFor();
      await page.getByRole('button', { name: 'Mudah', exact: true }).tap(); // U2
      await page.getByRole('button', { name: 'Lewati' }).tap(); // U3 skipped
      await page.getByRole('button', { name: 'Gratis' }).tap(); // U4
      for (let i = 5; i <= 9; i++) {
        await page.getByText(`Unsur ${i} dari 9`).waitFor();
        await page.locator('.choice.s3').tap();
      }
      await page.getByRole('button', { name: 'Tidak' }).tap();
      await page.getByRole('button', { name: 'Tidak' }).tap();
      await page.getByLabel('Pengaduan atau saran').fill('Mohon tambah kursi ruang tunggu');
      await page.getByRole('button', { name: 'Kirim' }).tap();
      await page.getByText('Terima kasih atas penilaian Anda!').waitFor();
      // What next, and the office's complaint channels (a setting) as the tablet must show them.
      await page.getByText('Layanan Anda sudah selesai. Sampai jumpa kembali!').waitFor();
      const channels = page.getByRole('region', { name: 'Ada pengaduan atau saran? Sampaikan melalui:' });
      expect(await channels.getByRole('listitem').allTextContents()).toEqual(
        hub.store.queueConfig().office.complaintChannels,
      );
      expect(await channels.getByRole('listitem').count()).toBeGreaterThan(0);
      if (orientation === 'portrait') await screenshot(page, 'rating-thanks');

      const stored = hub.store.db
        .prepare('SELECT overall, scores, imbalan, pungli, complaint FROM ratings WHERE ticket_id = ?')
        .get(taken.ticket.id);
      expect(stored).toEqual({
        overall: 4,
        scores: JSON.stringify([4, 3, null, 4, 3, 3, 3, 3, 3]),
        imbalan: 0,
        pungli: 0,
        complaint: 'Mohon tambah kursi ruang tunggu',
      });
    },
  );
});
