import { ok, type TestHub } from '@pst/hub/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, browserAvailable, screenshot } from './browser';
import { closeOffice, openOffice } from './setup';

const run = browserAvailable();

/** Types a code on the kiosk's keypad and presses "Ambil nomor antrian". */
async function enterCode(page: Page, code: string): Promise<void> {
  for (const c of code) await page.getByRole('button', { name: c, exact: true }).click();
  await expect.poll(() => page.getByTestId('appointment-code').textContent()).toBe(code);
  await page.getByRole('button', { name: 'Ambil nomor antrian' }).click();
}

describe.runIf(run)('an appointment redeemed at the kiosk', () => {
  let browser: Browser;
  let hub: TestHub;

  beforeAll(async () => {
    // The hub's clock stands at 09:00 WIB, Wednesday 25 November 2026 (the screens need no other clock).
    ({ hub, browser } = await openOffice());
  });
  afterAll(() => closeOffice({ hub, browser }));

  it('takes the code from WhatsApp, throttles after five wrong codes, then gives a ticket in the right queue', async () => {
    const frontOffice = await hub.staff('front-office');
    const booked = await ok(frontOffice, 'appointment:book', {
      kind: 'langsung',
      serviceId: 'konsultasi',
      date: '2026-11-25',
      time: '09:30',
      staffId: null,
      requesterName: 'Rudi Hartono',
      phone: '0857 1234 5678',
    });
    const wrong = booked.code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA';
    const token = hub.store.addDevice('kiosk', 'Kiosk Lobi', null, hub.now.value).token;
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(`${hub.url}/kiosk/#token=${token}`);
    const entry = page.getByRole('button', { name: /Saya punya janji temu/ });
    await expect.poll(() => entry.isEnabled()).toBe(true);
    await entry.click();
    await page.getByRole('heading', { name: 'Masukkan kode janji temu' }).waitFor();
    await screenshot(page, 'kiosk-appointment-entry');

    for (let i = 0; i < 5; i++) {
      await enterCode(page, wrong);
      await page.getByRole('alert').getByText('Kode janji temu tidak dikenal').waitFor();
    }
    await enterCode(page, booked.code);
    await page
      .getByRole('alert')
      .getByText('Kode salah 5 kali. Tunggu 5 menit atau minta bantuan petugas.')
      .waitFor();
    expect(hub.context.runner.state.tickets.size).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-appointment-throttled');

    hub.advance(5 * 60_000);
    await enterCode(page, booked.code);
    await expect.poll(() => page.getByTestId('ticket-number').textContent()).toBe('K-001');
    await page.getByText('Konsultasi Statistik').waitFor();
    // An appointment goes straight to its service's desk: the screen says to watch for that call.
    await page.getByTestId('next-step').filter({ hasText: 'menuju meja yang disebutkan' }).waitFor();
    const finish = page.getByRole('button', { name: 'Selesai' });
    await expect.poll(() => finish.isEnabled(), { timeout: 10_000 }).toBe(true);
    await screenshot(page, 'kiosk-appointment-ticket');
    const ticket = [...hub.context.runner.state.tickets.values()][0];
    expect(ticket).toMatchObject({ appointmentSlotAt: Date.parse('2026-11-25T09:30:00+07:00') });
    expect(ticket?.stages[0]?.queue).toBe('konsultasi');
    expect((await ok(frontOffice, 'appointment:list', { date: '2026-11-25' })).appointments[0]?.status).toBe(
      'hadir',
    );
  });
});
