import { type TestHub, wavFile } from '@pst/hub/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, browserAvailable, screenshot } from './browser';
import { signIn } from './pages';
import { closeOffice, openOffice } from './setup';

const run = browserAvailable();

describe.runIf(run)('supervisor settings: kiosk hours and the office voice, in Chromium', () => {
  let browser: Browser;
  let hub: TestHub;
  let page: Page;

  beforeAll(async () => {
    // A fake microphone (a test tone), granted without a permission prompt.
    ({ hub, browser } = await openOffice({ realTime: true }, [
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
    ]));
    hub.store.addStaff(
      { username: 'kepala', name: 'Kepala PST', role: 'supervisor', pin: '8642' },
      hub.now.value,
    );
    page = await signIn(browser, hub.url, { username: 'kepala', pin: '8642' }, { width: 1440, height: 1000 });
    await page.context().grantPermissions(['microphone']);
    await page.getByRole('button', { name: 'Pengaturan' }).click();
  });
  afterAll(() => closeOffice({ hub, browser }));

  it('sets the kiosk hours per weekday; the hub keeps them', async () => {
    const hours = page.getByRole('region', { name: 'Jam layanan mesin antrian' });
    await hours.getByLabel('Mesin antrian mengikuti jam layanan').check();
    // 24-hour times with the Indonesian dot, whatever the browser's language ("08.00", not "08:00 AM").
    expect(await hours.getByLabel('Jam buka Senin').inputValue()).toBe('08.00');
    expect(await hours.getByLabel('Jam tutup Senin').inputValue()).toBe('15.30');
    await hours.getByLabel('Jam tutup Jumat').fill('11:30');
    await hours.getByRole('row', { name: /Sabtu/ }).getByLabel('Buka', { exact: true }).check();
    await hours.getByLabel('Jam buka Sabtu').fill('09:00');
    await hours.getByLabel('Jam tutup Sabtu').fill('12.00');
    await hours.getByRole('button', { name: 'Simpan jam layanan' }).click();
    await page.getByText('Pengaturan disimpan').waitFor();
    expect(hub.store.openingHours()?.week.slice(4)).toEqual([
      { open: '08:00', close: '11:30' },
      { open: '09:00', close: '12:00' },
      null,
    ]);
    // Back to any hour, so the rest of the suite's kiosks stay open.
    await hours.getByLabel('Mesin antrian mengikuti jam layanan').uncheck();
    await hours.getByRole('button', { name: 'Simpan jam layanan' }).click();
    await expect.poll(() => hub.store.openingHours()).toBeNull();
  });

  it('lists the words still in the bundled voice and takes a recording for one of them', async () => {
    const voice = page.getByRole('region', { name: 'Suara panggilan (rekaman kantor)' });
    await voice.getByTestId('clips-missing').filter({ hasText: 'front office' }).waitFor();
    await voice.getByLabel('Unggah rekaman "front office"').setInputFiles({
      name: 'front-office.wav',
      mimeType: 'audio/wav',
      buffer: wavFile(800),
    });
    await voice.getByRole('status').filter({ hasText: 'Rekaman "front office" disimpan.' }).waitFor();
    await voice
      .getByRole('row', { name: /front office/ })
      .getByText('Rekaman kantor')
      .waitFor();
    expect(await voice.getByTestId('clips-missing').textContent()).not.toContain('front office');
    const served = await fetch(`${hub.url}/clips/front-office`);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(wavFile(800));

    // Not a sound file: refused, said in words.
    await voice.getByLabel('Unggah rekaman "konsultasi"').setInputFiles({
      name: 'catatan.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('bukan suara'),
    });
    // Said on the word's own row, with the word; the file buttons speak Indonesian.
    await voice.getByRole('alert').filter({ hasText: 'konsultasi: Berkas ditolak' }).waitFor();
    expect(
      await voice.locator('tr', { has: page.getByRole('alert') }).evaluate((row) => {
        const above = row.previousElementSibling;
        return above?.querySelector('td')?.textContent;
      }),
    ).toBe('konsultasi');
    expect(await voice.getByText('catatan.txt').count()).toBe(1);
    expect(await voice.getByText('Pilih berkas').count()).toBeGreaterThan(1);
    expect(await voice.getByText(/Choose File|No file chosen/).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    // The refused word's row in the middle of the picture, its message under it.
    await voice.getByRole('alert').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'supervisor-settings-voice');
  });

  it("records a word with the PC's microphone and keeps it as a WAV", async () => {
    const voice = page.getByRole('region', { name: 'Suara panggilan (rekaman kantor)' });
    const row = voice.getByRole('row', { name: /^meja/ });
    await row.getByRole('button', { name: 'Rekam "meja"' }).click();
    const stop = row.getByRole('button', { name: 'Berhenti dan simpan' });
    await stop.waitFor();
    // Other words wait while one is recorded.
    expect(await voice.getByRole('button', { name: 'Rekam "konsultasi"' }).isDisabled()).toBe(true);
    await stop.click();
    await voice.getByRole('status').filter({ hasText: 'Rekaman "meja" disimpan.' }).waitFor();
    await row.getByText('Rekaman kantor').waitFor();
    const saved = Buffer.from(await (await fetch(`${hub.url}/clips/meja`)).arrayBuffer());
    expect(saved.subarray(0, 4).toString()).toBe('RIFF');
    expect(saved.subarray(8, 12).toString()).toBe('WAVE');
  });
});
