import type { Browser, Page } from 'playwright-core';

/** Opens the counter app, signs in and takes a desk, as a member of staff does each morning. */
export async function openDesk(
  browser: Browser,
  hubUrl: string,
  staff: { username: string; pin: string },
  deskName: string,
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${hubUrl}/counter/`);
  await page.getByLabel('Nama pengguna').fill(staff.username);
  await page.getByLabel('PIN').fill(staff.pin);
  await page.getByRole('button', { name: 'Masuk' }).click();
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
