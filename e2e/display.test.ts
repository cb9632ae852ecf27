import { closeClients, ok, startHub, type TestHub } from '@pst/hub/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, browserAvailable, launchBrowser, screenshot } from './browser';

const run = browserAvailable();

/** Headless Chromium has no voices: record what would be said (or played) instead. */
const RECORD_SPEECH = `
  window.__said = [];
  window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
  const voice = { lang: 'id-ID', name: 'Indonesian', voiceURI: 'id', localService: true, default: true };
  Object.defineProperty(window, 'speechSynthesis', { value: {
    getVoices: () => [voice],
    speak: (u) => { window.__said.push(u.text); setTimeout(() => u.onend && u.onend(), 50); },
    cancel: () => {},
  } });`;
const RECORD_CLIPS = `
  window.__clips = [];
  Object.defineProperty(window, 'speechSynthesis', { value: { getVoices: () => [], speak: () => {}, cancel: () => {} } });
  HTMLMediaElement.prototype.play = function () {
    window.__clips.push(this.src.split('/').pop());
    setTimeout(() => this.onended && this.onended(), 10);
    return Promise.resolve();
  };`;

describe.runIf(run)('lobby display in Chromium against a real hub', () => {
  let browser: Browser;
  let hub: TestHub;
  let token: string;
  let frontOffice: Awaited<ReturnType<TestHub['staff']>>;

  beforeAll(async () => {
    hub = await startHub({ realTime: true, appsDir: undefined });
    token = hub.store.addDevice('display', 'TV Lobi', null, hub.now.value).token;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    closeClients();
    await browser?.close();
    await hub?.stop();
  });

  async function openDisplay(initScript: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    await context.addInitScript(initScript);
    const page = await context.newPage();
    await page.goto(`${hub.url}/display/#token=${token}`);
    await page.getByText('Belum ada panggilan').or(page.getByTestId('called-number')).waitFor();
    // Connected (the mark shows from the first paint until then): a call made earlier would be missed.
    await page.getByRole('status').filter({ hasText: 'Offline' }).waitFor({ state: 'detached' });
    return page;
  }

  it('shows each call within a second and announces them one after the other', async () => {
    const page = await openDisplay(RECORD_SPEECH);
    const kiosk = await hub.device('kiosk');
    frontOffice = await hub.staff('front-office');
    await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
    await ok(kiosk, 'ticket:take', { serviceId: 'perpustakaan' });
    await ok(frontOffice, 'desk:open', { deskId: 'fo-1' });
    const calledAt = Date.now();
    const call = await ok(frontOffice, 'desk:call-next', { deskId: 'fo-1' });
    await expect
      .poll(() => page.getByTestId('called-number').textContent(), { timeout: 1000 })
      .toBe(call.number);
    expect(Date.now() - calledAt).toBeLessThan(1000);
    await ok(frontOffice, 'ticket:recall', { deskId: 'fo-1', ticketId: call.ticketId });
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __said: string[] }).__said), {
        timeout: 10_000,
      })
      .toEqual([
        'Nomor antrian, ka, satu, silakan menuju, Front Office',
        'Nomor antrian, ka, satu, silakan menuju, Front Office',
      ]);
    expect(await page.getByTestId('called-desk').textContent()).toBe('Front Office');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'display-call');
  });

  it('speaks with recorded clips when the PC has no Indonesian voice, and survives a hub restart', async () => {
    const page = await openDisplay(RECORD_CLIPS);
    // The first visitor left; the front office calls the next one (P-001, at "Front Office").
    const current = hub.context.runner.state.desks['fo-1']?.current as string;
    await ok(frontOffice, 'ticket:cancel', { ticketId: current, reason: 'Pengunjung pulang' });
    const call = await ok(frontOffice, 'desk:call-next', { deskId: 'fo-1' });
    expect(call.number).toBe('P-001');
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __clips: string[] }).__clips.join(' ')), {
        timeout: 10_000,
      })
      .toContain('silakan-menuju.wav meja.wav');
    const clips = await page.evaluate(() => (window as unknown as { __clips: string[] }).__clips);
    expect(clips).toEqual(['nomor-antrian.wav', 'huruf-p.wav', 'satu.wav', 'silakan-menuju.wav', 'meja.wav']);

    // The hub restarts: the screen keeps its last board, marks itself offline, and comes back.
    const { dataDir, port } = hub;
    closeClients();
    await hub.stop();
    await page.getByText('Offline, menyambung kembali').waitFor();
    expect(await page.getByTestId('called-number').textContent()).toBe(call.number);
    await screenshot(page, 'display-offline');
    hub = await startHub({ dataDir, port, realTime: true, appsDir: undefined });
    await page.getByText('Offline, menyambung kembali').waitFor({ state: 'detached', timeout: 15_000 });
    expect(await page.getByTestId('called-number').textContent()).toBe(call.number);
  });
});
