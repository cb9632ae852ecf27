import { Store, seedOffice } from '@pst/hub';
import { GUEST, ok, send, startHub, type TestHub, tempDir } from '@pst/hub/testing';
import { addDays, dayInputText, officeDay } from '@pst/shared';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, browserEnv, CHROMIUM } from './browser';
import { closeOffice } from './setup';

const run = browserAvailable();

/** Every CSP violation the page reports, from the first script on. */
const RECORD_VIOLATIONS = `
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));`;
/** No voices, so the display plays its recorded clips (real <audio> loads, under media-src). */
const NO_VOICES = `
  Object.defineProperty(window, 'speechSynthesis', { value: { getVoices: () => [], speak: () => {}, cancel: () => {} } });`;

/**
 * The built apps under the hub's Content-Security-Policy in Chromium: each screen does its real work
 * (pairing, a ticket, the display's clips, the supervisor's charts, the rating form) and reports no
 * violation, in the console or as an event; a page elsewhere cannot frame them.
 */
describe.runIf(run)(
  'security in Chromium: the apps under the hub’s CSP, login throttling, role-aware settings',
  () => {
    let browser: Browser;
    let hub: TestHub;
    const consoleViolations: string[] = [];

    beforeAll(async () => {
      const dataDir = tempDir();
      const store = new Store(`${dataDir}/pst.sqlite`);
      seedOffice(store, { days: 7, seed: 5 });
      store.addStaff({ username: 'kepala', name: 'Kepala PST', role: 'supervisor', pin: '8642' }, Date.now());
      store.close();
      hub = await startHub({ dataDir, realTime: true, appsDir: undefined });
      // The display's clips play without a tap (a lobby TV has nobody to tap it).
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        env: browserEnv(),
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required'],
      });
    });
    afterAll(() => closeOffice({ hub, browser }));

    async function open(path: string, init = '', viewport = { width: 1366, height: 900 }): Promise<Page> {
      const context = await browser.newContext({ viewport });
      await context.addInitScript(RECORD_VIOLATIONS + init);
      const page = await context.newPage();
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text()))
          consoleViolations.push(`${path}: ${message.text()}`);
      });
      const response = await page.goto(`${hub.url}${path}`);
      expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
      return page;
    }
    const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

    it('kiosk: pairs and prints a ticket', async () => {
      const token = hub.store.addDevice('kiosk', 'Kiosk CSP', null, hub.now.value).token;
      const page = await open(`/kiosk/#token=${token}`, '', { width: 1080, height: 1920 });
      await page.getByRole('button', { name: /Konsultasi/ }).click();
      await page.getByTestId('ticket-number').waitFor();
      expect(await violations(page)).toEqual([]);
    });

    it('display: shows a call and plays its clips', async () => {
      const token = hub.store.addDevice('display', 'TV CSP', null, hub.now.value).token;
      const page = await open(`/display/#token=${token}`, NO_VOICES, { width: 1920, height: 1080 });
      await page.getByRole('status').filter({ hasText: 'Koneksi terputus' }).waitFor({ state: 'detached' });
      const clip = page.waitForResponse((r) => r.url().includes('/clips/') && r.status() < 300);
      const kiosk = await hub.device('kiosk');
      const desk = await hub.staff('front-office');
      await ok(kiosk, 'ticket:take', { serviceId: 'perpustakaan' });
      await ok(desk, 'desk:open', { deskId: 'fo-1' });
      const called = await ok(desk, 'desk:call-next', { deskId: 'fo-1' });
      await page.getByTestId('called-number').waitFor();
      await clip;
      expect(await violations(page)).toEqual([]);
      // Frees the front-office desk for the rating test.
      await ok(desk, 'guestbook:save', {
        deskId: 'fo-1',
        ticketId: called.ticketId,
        entry: GUEST,
        forwardTo: 'perpustakaan',
      });
      await ok(desk, 'desk:close', { deskId: 'fo-1' });
    });

    it('counter: a supervisor’s board, charts and settings', async () => {
      const page = await open('/counter/');
      await page.getByLabel('Nama pengguna').fill('kepala');
      await page.getByLabel('PIN').fill('8642');
      await page.getByRole('button', { name: 'Masuk' }).click();
      await page.getByRole('button', { name: 'Laporan' }).click();
      const today = officeDay(hub.now.value);
      await page.getByLabel('Dari').fill(dayInputText(addDays(today, -10)));
      await page.getByLabel('Sampai').fill(dayInputText(today));
      await page.getByRole('button', { name: 'Tampilkan' }).click();
      await page.locator('.recharts-bar-rectangle').first().waitFor();
      await page.getByRole('button', { name: 'Pengaturan' }).click();
      await page.getByRole('button', { name: 'Simpan layanan dan meja' }).waitFor();
      expect(await violations(page)).toEqual([]);
    });

    it('rating: the form of a finished visit', async () => {
      const token = hub.store.addDevice('rating', 'Tablet CSP', 'konsultasi-2', hub.now.value).token;
      const page = await open(`/rating/#token=${token}`, '', { width: 800, height: 1280 });
      await page.getByText('Terima kasih telah berkunjung').waitFor();
      const kiosk = await hub.device('kiosk');
      const fo = await hub.staff('front-office');
      const consultant = await hub.staff('consultant');
      await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
      await ok(fo, 'desk:open', { deskId: 'fo-1' });
      // Earlier tests left tickets waiting: each goes on to Konsultasi, and one is served at the tablet's desk.
      for (let call = await send(fo, 'desk:call-next', { deskId: 'fo-1' }); call.ok; ) {
        await ok(fo, 'guestbook:save', {
          deskId: 'fo-1',
          ticketId: call.data.ticketId,
          entry: GUEST,
          forwardTo: 'konsultasi',
        });
        call = await send(fo, 'desk:call-next', { deskId: 'fo-1' });
      }
      await ok(consultant, 'desk:open', { deskId: 'konsultasi-2' });
      const served = await ok(consultant, 'desk:call-next', { deskId: 'konsultasi-2' });
      await ok(consultant, 'ticket:finish', { deskId: 'konsultasi-2', ticketId: served.ticketId });
      await page.getByRole('button', { name: 'Sangat puas' }).waitFor();
      expect(await violations(page)).toEqual([]);
    });

    it('the ticket status page, and no console violation on any screen', async () => {
      const page = await open('/t/20261125-K001');
      await page.locator('h1').waitFor();
      expect(await violations(page)).toEqual([]);
      expect(consoleViolations).toEqual([]);
    });

    it('counter: a throttled login says how long to wait; settings offer only what the hub allows', async () => {
      hub.store.addStaff(
        { username: 'rina', name: 'Rina', role: 'front-office', pin: '2468' },
        hub.now.value,
      );
      const page = await open('/counter/');
      page.setDefaultTimeout(20_000);
      const signIn = async (username: string, pin: string) => {
        await page.getByLabel('Nama pengguna').fill(username);
        await page.getByLabel('PIN').fill(pin);
        const answered = page.waitForResponse((r) => r.url().endsWith('/api/login'));
        await page.getByRole('button', { name: 'Masuk' }).click();
        return (await answered).status();
      };
      for (let i = 0; i < 3; i++) expect(await signIn('rina', '0000')).toBe(401);
      await page.getByText('Nama pengguna atau PIN salah.').waitFor();
      expect(await signIn('rina', '2468')).toBe(429);
      await page.getByText(/Coba lagi dalam \d+ detik\./).waitFor();

      // The browser and the test share 127.0.0.1: the address's count is lifted for the supervisor's login.
      hub.store.clearLoginFailures('address:127.0.0.1');
      hub.store.setLoginFailures('account:rina', { failures: 10, lastAt: hub.now.value });
      await signIn('kepala', '8642');
      await page.getByRole('button', { name: 'Pengaturan' }).click();
      const staff = page.locator('section', { has: page.getByRole('heading', { name: 'Petugas' }) });
      const roles = await staff.getByLabel('Peran').locator('option').allTextContents();
      expect(roles).toEqual(['Front Office', 'Petugas konsultasi', 'Kepala PST (supervisor)']);
      await staff.getByText(/Terkunci sampai/).waitFor();
      await staff.getByRole('button', { name: 'Buka kunci' }).click();
      await page.getByText('Kunci login dibuka').waitFor();
      expect(hub.store.loginFailures('account:rina')).toBeNull();
      expect(await violations(page)).toEqual([]);
    });

    it('a page elsewhere cannot frame the counter', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const refused = new Promise<string>((resolve) =>
        page.on('console', (message) => {
          if (/frame-ancestors|Refused to display/i.test(message.text())) resolve(message.text());
        }),
      );
      await page.setContent(`<iframe src="${hub.url}/counter/" width="600" height="400"></iframe>`);
      expect(await refused).toMatch(/frame-ancestors/);
      const inFrames = await Promise.all(
        page
          .frames()
          .slice(1)
          .map((frame) =>
            frame
              .locator('#root')
              .count()
              .catch(() => 0),
          ),
      );
      expect(inFrames.every((n) => n === 0)).toBe(true);
    });
  },
);
