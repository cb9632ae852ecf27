import type { OnlineRequesterInput } from '@pst/shared';
import type { Browser, Page } from 'playwright-core';

/** An online requester from the regional government, with no contact yet: a test gives her a phone or an e-mail. */
export const DEWI: OnlineRequesterInput = {
  identityType: 'Lainnya',
  identityNumber: 'tidak ada',
  fullName: 'Dewi Lestari',
  gender: 'Perempuan',
  birthYear: 1992,
  education: 'D4/S1',
  occupation: 'ASN/TNI/Polri',
  institutionCategory: 'Pemerintah Daerah',
  institutionName: 'Bappeda Kendal',
  email: '',
  phone: '',
  purpose: 'Pemerintahan',
  servicesUsed: ['Konsultasi Statistik'],
  dataNeeded: '',
  visitType: 'Perorangan',
  consent: true,
};

/** The PIN of the accounts `hub.staff()` makes. */
export const TEST_PIN = '123456';

/** Opens the counter app in a window of its own and signs in (with the test accounts' PIN unless given). */
export async function signIn(
  browser: Browser,
  hubUrl: string,
  staff: { username: string; pin?: string },
  viewport = { width: 1366, height: 900 },
): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  await page.goto(`${hubUrl}/counter/`);
  await page.getByLabel('Nama pengguna').fill(staff.username);
  await page.getByLabel('PIN').fill(staff.pin ?? TEST_PIN);
  await page.getByRole('button', { name: 'Masuk' }).click();
  return page;
}

/** Opens the counter app, signs in and takes a desk, as a member of staff does each morning. */
export async function openDesk(
  browser: Browser,
  hubUrl: string,
  staff: { username: string; pin?: string },
  deskName: string,
): Promise<Page> {
  const page = await signIn(browser, hubUrl, staff);
  await page.getByRole('button', { name: new RegExp(deskName) }).click();
  // The desk may still be open from earlier in the day (same staff member).
  await page.locator('.status').waitFor();
  if (!(await page.locator('.status-open').isVisible()))
    await page.getByRole('button', { name: 'Buka meja' }).click();
  await page.locator('.status-open').waitFor();
  return page;
}

export function currentNumber(page: Page) {
  return page.getByTestId('current-number');
}

/**
 * A visitor at the kiosk: optionally priority, taps a service (saying yes if the kiosk asks about a
 * second ticket right after the last one), then "Selesai" to leave the kiosk at its start.
 */
export async function takeTicketAtKiosk(kiosk: Page, serviceName: string, priority = false): Promise<string> {
  const button = kiosk.getByRole('button', { name: new RegExp(serviceName) });
  await button.waitFor();
  if (priority) await kiosk.getByRole('button', { name: /Prioritas/ }).click();
  await button.click();
  const again = kiosk.getByRole('button', { name: 'Ya, ambil nomor baru' });
  await kiosk.getByTestId('ticket-number').or(again).waitFor();
  if (await again.isVisible()) await again.click();
  const number = (await kiosk.getByTestId('ticket-number').textContent()) as string;
  await kiosk.getByRole('button', { name: 'Selesai' }).click();
  await button.waitFor();
  return number;
}

export interface Visitor {
  phone: string;
  email: string;
  fullName: string;
  nik: string;
  gender: 'Laki-laki' | 'Perempuan';
  birthYear: string;
  service: string;
}

/** The front office fills the guest book of the called visit and forwards it. */
export async function fillGuestBook(page: Page, visitor: Visitor): Promise<void> {
  const form = page.getByRole('form', { name: 'Buku Tamu' });
  await form.getByLabel('Nomor HP/WhatsApp').fill(visitor.phone);
  await form.getByLabel('Email').fill(visitor.email);
  await form.getByLabel('Nama lengkap').fill(visitor.fullName);
  await form.getByLabel('Nomor identitas').fill(visitor.nik);
  await form.getByLabel('Jenis kelamin').selectOption(visitor.gender);
  await form.getByLabel('Tahun lahir').fill(visitor.birthYear);
  await form.getByLabel('Pendidikan tertinggi').selectOption('D4/S1');
  await form.getByLabel('Pekerjaan utama').selectOption('Pegawai Swasta');
  await form.getByLabel('Kategori instansi').selectOption('Swasta');
  await form.getByLabel('Pemanfaatan utama hasil kunjungan').selectOption('Penelitian');
  await form.getByRole('checkbox', { name: visitor.service }).check();
  await form.getByLabel('Data yang dibutuhkan').fill('Statistik daerah');
  await form.getByLabel(/Pengunjung menyetujui/).check();
}
