import { closeClients, startHub, type TestHub } from '@pst/hub/testing';
import { decodeEscPos } from '@pst/printer';
import { startFakePrinter } from '@pst/printer/testing';
import { dayStart, type GuestBookEntry, officeDay } from '@pst/shared';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, browserAvailable, screenshot } from './browser';
import { currentNumber, fillGuestBook, openDesk, takeTicketAtKiosk, type Visitor } from './pages';
import { closeOffice, openOffice, recordSpeech } from './setup';

const run = browserAvailable();

const RECORD_SPEECH = recordSpeech(20);

const visitor = (n: number, service: string, gender: Visitor['gender'] = 'Perempuan'): Visitor => ({
  phone: `0813000000${String(n).padStart(2, '0')}`,
  email: `pengunjung${n}@example.com`,
  fullName: `Pengunjung ${n}`,
  nik: `33240100000000${String(n).padStart(2, '0')}`,
  gender,
  birthYear: String(1980 + n),
  service,
});

const RETURNING: GuestBookEntry = {
  identityType: 'KTP',
  identityNumber: '3324010101850004',
  fullName: 'Dewi Lestari',
  gender: 'Perempuan',
  birthYear: 1985,
  education: 'S2',
  occupation: 'Peneliti/Dosen',
  institutionCategory: 'Lembaga Penelitian & Pendidikan',
  institutionName: 'Universitas Diponegoro',
  email: 'dewi.lestari@example.ac.id',
  phone: '081299990004',
  address: '',
  purpose: 'Penelitian',
  servicesUsed: ['Konsultasi Statistik'],
  dataNeeded: 'Data kemiskinan',
  visitType: 'Perorangan',
  groupSize: 1,
  consent: true,
};

/**
 * A morning at the service centre, every app in its own browser context against one real hub:
 * five visitors, the front office, two desks, the lobby display, the rating tablet, a hub restart,
 * and the supervisor's report at the end.
 */
describe.runIf(run)('the whole walk-in journey', () => {
  let browser: Browser;
  let hub: TestHub;
  let printer: Awaited<ReturnType<typeof startFakePrinter>>;
  const pages: Record<string, Page> = {};

  async function open(
    name: string,
    path: string,
    viewport: { width: number; height: number },
    init?: string,
  ) {
    const context = await browser.newContext({ viewport });
    if (init) await context.addInitScript(init);
    const page = await context.newPage();
    await page.goto(`${hub.url}${path}`);
    pages[name] = page;
    return page;
  }

  beforeAll(async () => {
    printer = await startFakePrinter();
    // 09.00 WIB of today, running in real time: a morning that never crosses midnight while the test runs.
    ({ hub, browser } = await openOffice({
      realTime: true,
      startAt: dayStart(officeDay(Date.now())) + 9 * 3_600_000,
      printer: { kind: 'network', host: printer.host, port: printer.port },
    }));
    const now = hub.now.value;
    for (const [username, name, role, pin] of [
      ['rina', 'Rina Wulandari', 'front-office', '2468'],
      ['budi', 'Budi Santoso', 'consultant', '1357'],
      ['sari', 'Sari Dewi', 'consultant', '9753'],
      ['kepala', 'Kepala PST', 'supervisor', '8642'],
    ] as const) {
      hub.store.addStaff({ username, name, role, pin }, now);
    }
    // Dewi came 29 days ago: the front office will find her by phone. Her day, ticket and time agree
    // whatever today is.
    const lastVisit = now - 29 * 86_400_000;
    const lastDay = officeDay(lastVisit);
    hub.store.insertGuestBook(
      'gb-lalu',
      RETURNING,
      `${lastDay.replaceAll('-', '')}-K004`,
      lastDay,
      'rina',
      lastVisit,
    );
  });
  afterAll(async () => {
    await closeOffice({ hub, browser });
    await printer?.close();
  });

  it('runs a morning from the kiosk to the monthly report', async () => {
    const token = (role: 'kiosk' | 'display' | 'rating', desk?: string) =>
      hub.store.addDevice(role, `${role} e2e`, desk ?? null, hub.now.value).token;
    // 1. Every app is open at once.
    const kiosk = await open('kiosk', `/kiosk/#token=${token('kiosk')}`, { width: 1080, height: 1920 });
    const display = await open(
      'display',
      `/display/#token=${token('display')}`,
      { width: 1920, height: 1080 },
      RECORD_SPEECH,
    );
    // The browser plays no sound before a touch: whoever switches the TV on taps it once.
    await display.getByText('Ketuk layar untuk mengaktifkan suara').click();
    await display.getByTestId('sound-off').waitFor({ state: 'detached' });
    const tablet = await open('tablet', `/rating/#token=${token('rating', 'konsultasi-1')}`, {
      width: 800,
      height: 1280,
    });
    const fo = await openDesk(browser, hub.url, { username: 'rina', pin: '2468' }, 'Front Office');
    const consult = await openDesk(browser, hub.url, { username: 'budi', pin: '1357' }, 'Meja Konsultasi 1');
    const library = await openDesk(browser, hub.url, { username: 'sari', pin: '9753' }, 'Meja Perpustakaan');

    // 2. Five visitors take tickets; the fourth needs priority. Each ticket reaches the printer.
    const taken: string[] = [];
    for (const [service, priority] of [
      ['Konsultasi Statistik', false],
      ['Perpustakaan', false],
      ['Penjualan Produk Statistik', false],
      ['Konsultasi Statistik', true],
      ['Rekomendasi Statistik', false],
    ] as const) {
      const job = printer.nextJob();
      const number = await takeTicketAtKiosk(kiosk, service, priority);
      const printed = decodeEscPos(await job);
      expect(printed.lines.find((l) => l.width > 1)?.text).toBe(number);
      taken.push(number);
    }
    expect(taken).toEqual(['K-001', 'P-001', 'J-001', 'K-002', 'R-001']);

    // 3. The front office calls them in order, priority first; the display shows and says each call.
    const called: string[] = [];
    const guests: Record<string, Visitor | 'returning'> = {
      'K-002': 'returning',
      'K-001': visitor(1, 'Konsultasi Statistik', 'Laki-laki'),
      'P-001': visitor(2, 'Perpustakaan'),
      'J-001': visitor(3, 'Penjualan Produk Statistik', 'Laki-laki'),
      'R-001': visitor(5, 'Rekomendasi Statistik'),
    };
    for (let i = 0; i < 5; i++) {
      await fo.getByRole('button', { name: 'Panggil berikutnya' }).click();
      await expect.poll(() => currentNumber(fo).textContent()).not.toBe(called.at(-1) ?? null);
      const number = (await currentNumber(fo).textContent()) as string;
      called.push(number);
      await expect.poll(() => display.getByTestId('called-number').textContent()).toBe(number);
      const guest = guests[number];
      if (guest === 'returning') {
        const form = fo.getByRole('form', { name: 'Buku Tamu' });
        await form.getByLabel('Nomor HP/WhatsApp').fill('0812-9999-0004');
        await form.getByRole('button', { name: 'Cari dari nomor HP' }).click();
        await fo.getByText('Data kunjungan sebelumnya dimuat: Dewi Lestari').waitFor();
        await form.getByLabel(/Pengunjung menyetujui/).check();
      } else if (guest) {
        await fillGuestBook(fo, guest);
      }
      await fo.getByRole('button', { name: 'Simpan & teruskan' }).click();
      await fo.getByText(`${number} diteruskan`).waitFor();
    }
    expect(called).toEqual(['K-002', 'K-001', 'P-001', 'J-001', 'R-001']);
    await screenshot(display, 'journey-display');

    // 7. The hub dies mid-morning and comes back; every app reconnects by itself.
    const { dataDir, port } = hub;
    const skew = hub.now.value - Date.now(); // the restarted hub keeps the same morning clock
    closeClients();
    await hub.stop();
    await consult.getByRole('alert').filter({ hasText: 'Koneksi terputus' }).waitFor();
    hub = await startHub({
      dataDir,
      port,
      realTime: true,
      startAt: Date.now() + skew,
      appsDir: undefined,
      printer: { kind: 'network', host: printer.host, port: printer.port },
    });
    await consult
      .getByRole('alert')
      .filter({ hasText: 'Koneksi terputus' })
      .waitFor({ state: 'detached', timeout: 20_000 });
    await consult.getByTestId('waiting-K-002').waitFor();
    await library.getByTestId('waiting-P-001').waitFor();

    // 4-5. The consultant serves the priority visitor; the tablet asks her, she rates and complains.
    await consult.getByRole('button', { name: 'Panggil berikutnya' }).click();
    await expect.poll(() => currentNumber(consult).textContent()).toBe('K-002');
    await consult.getByRole('button', { name: 'Mulai layani' }).click();
    await consult.getByText('Data kemiskinan').waitFor();
    await consult.getByRole('button', { name: 'Selesai' }).click();
    await tablet.getByText('Penilaian untuk antrian K-002 di Meja Konsultasi 1').waitFor();
    await rate(tablet, 4, 'Ruang tunggu perlu kursi tambahan');

    // K-001 goes on to the library; the library serves P-001 and K-001, and J-001 does not come.
    await consult.getByRole('button', { name: 'Panggil berikutnya' }).click();
    await expect.poll(() => currentNumber(consult).textContent()).toBe('K-001');
    await consult.getByRole('button', { name: 'Mulai layani' }).click();
    await consult.getByRole('button', { name: 'Alihkan' }).click();
    await consult.getByLabel('Alihkan ke layanan').selectOption('perpustakaan');
    await consult.getByLabel('Catatan pengalihan').fill('Butuh publikasi cetak');
    await consult.getByRole('form', { name: 'Alihkan' }).getByRole('button', { name: 'Alihkan' }).click();
    await consult.getByText('K-001 dialihkan').waitFor();

    await library.getByRole('button', { name: 'Panggil berikutnya' }).click();
    await expect.poll(() => currentNumber(library).textContent()).toBe('P-001');
    await library.getByRole('button', { name: 'Selesai' }).click();
    // The library desk serves its library queue before product sales: the transferred K-001 comes first.
    await library.getByRole('button', { name: 'Panggil berikutnya' }).click();
    await expect.poll(() => currentNumber(library).textContent()).toBe('K-001');
    await library.getByRole('button', { name: 'Selesai' }).click();
    await library.getByRole('button', { name: 'Panggil berikutnya' }).click();
    await expect.poll(() => currentNumber(library).textContent()).toBe('J-001');
    await library.getByRole('button', { name: 'Panggil ulang' }).click();
    await library.getByText('dipanggil ulang 1×').waitFor();
    await library.getByRole('button', { name: 'Tidak hadir' }).click();
    await library.getByText('Belum ada antrian dipanggil').waitFor();

    // 6. R-001 waits on the consultant desk past the 10-minute target: red on the desk and the board.
    hub.advance(11 * 60_000);
    // The library takes a short break: any change sends every screen the board with the hub's time.
    await library.getByRole('button', { name: 'Istirahat' }).click();
    await library.getByRole('button', { name: 'Lanjutkan' }).click();
    const supervisor = await browser.newContext({
      viewport: { width: 1440, height: 1000 },
      acceptDownloads: true,
    });
    const board = await supervisor.newPage();
    await board.goto(`${hub.url}/counter/`);
    await board.getByLabel('Nama pengguna').fill('kepala');
    await board.getByLabel('PIN').fill('8642');
    await board.getByRole('button', { name: 'Masuk' }).click();
    await expect.poll(() => board.getByTestId('queue-rekomendasi').getAttribute('data-clock')).toBe('red');
    await expect.poll(() => consult.getByTestId('waiting-R-001').getAttribute('data-clock')).toBe('red');
    await board.getByText(/R-001 di Rekomendasi Statistik menunggu melewati target/).waitFor();
    await screenshot(board, 'journey-supervisor-breach');
    await screenshot(consult, 'journey-desk-breach');

    await consult.getByRole('button', { name: 'Panggil berikutnya' }).click();
    await expect.poll(() => currentNumber(consult).textContent()).toBe('R-001');
    await consult.getByRole('button', { name: 'Selesai' }).click();
    await tablet.getByText('Penilaian untuk antrian R-001 di Meja Konsultasi 1').waitFor();
    await rate(tablet, 3, '');

    // Every call was announced, in order and one at a time (each waits for the chime and the sentence before it).
    const said = () => display.evaluate(() => (window as unknown as { __said: string[] }).__said);
    await expect
      .poll(said, { timeout: 30_000 })
      .toContain('Nomor antrian, er, satu, silakan menuju, Meja Konsultasi 1');
    const sentences = await said();
    expect(sentences.slice(0, 5)).toEqual(
      ['ka, dua', 'ka, satu', 'pe, satu', 'je, satu', 'er, satu'].map(
        (n) => `Nomor antrian, ${n}, silakan menuju, Front Office`,
      ),
    );
    // J-001 was called and recalled at the library: said twice.
    expect(
      sentences.filter((s) => s === 'Nomor antrian, je, satu, silakan menuju, Meja Perpustakaan'),
    ).toHaveLength(2);

    // 8. The day's report matches the database, and the XLSX export holds the same rows.
    await board.getByRole('button', { name: 'Laporan' }).click();
    await board.getByRole('button', { name: 'Hari ini' }).click();
    const db = hub.store.db;
    const calledStages = db
      .prepare('SELECT count(*) AS n, sum(within_target) AS w FROM stages WHERE called_at IS NOT NULL')
      .get() as {
      n: number;
      w: number;
    };
    // Indonesian number format: one decimal, decimal comma ("83,3%").
    const share = `${((calledStages.w / calledStages.n) * 100).toFixed(1).replace('.', ',')}%`;
    await expect.poll(() => board.getByTestId('kpi-target').locator('strong').textContent()).toBe(share);
    expect(calledStages.w).toBe(calledStages.n - 1);
    // IKM: all 4s from K-002, all 3s from R-001 -> mean 3.5 -> 87.50, B.
    await expect.poll(() => board.getByTestId('kpi-ikm').locator('strong').textContent()).toBe('87,50 B');
    await board.getByText('Ruang tunggu perlu kursi tambahan').waitFor();
    // R-001 missed the target: its bar is 0%, and says so rather than drawing nothing.
    await board.locator('.recharts-label-list').getByText('0,0%', { exact: true }).waitFor();
    expect(await accessibilityViolations(board)).toEqual([]);
    await screenshot(board, 'journey-report');
    expect(
      db.prepare('SELECT status, count(*) AS n FROM tickets GROUP BY status ORDER BY status').all(),
    ).toEqual([
      { status: 'finished', n: 4 },
      { status: 'no-show', n: 1 },
    ]);

    const downloading = board.waitForEvent('download');
    await board.getByRole('button', { name: 'Laporan (XLSX)' }).click();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await (await downloading).path()) as string);
    const rows = (workbook.getWorksheet('Per layanan')?.getSheetValues() ?? [])
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1, 5));
    expect(rows).toContainEqual(['Front Office', 5, 5, 0]);
    expect(rows).toContainEqual(['Konsultasi Statistik', 2, 2, 0]);
    expect(rows).toContainEqual(['Perpustakaan', 2, 2, 0]);
    expect(rows).toContainEqual(['Penjualan Produk Statistik', 1, 0, 1]);
    expect(rows).toContainEqual(['Rekomendasi Statistik', 1, 1, 0]);
  });
});

/** The visitor answers the tablet: overall, nine elements with one score, both integrity questions "no". */
async function rate(tablet: Page, score: 3 | 4, complaint: string) {
  await tablet.getByRole('button', { name: score === 4 ? 'Sangat puas' : 'Puas', exact: true }).click();
  for (let i = 1; i <= 9; i++) {
    await tablet.getByText(`Unsur ${i} dari 9`).waitFor();
    await tablet.locator(`.choice.s${score}`).click();
  }
  await tablet.getByRole('button', { name: 'Tidak' }).click();
  await tablet.getByText(/pungutan liar/).waitFor();
  await tablet.getByRole('button', { name: 'Tidak' }).click();
  if (complaint) await tablet.getByLabel('Pengaduan atau saran').fill(complaint);
  await tablet.getByRole('button', { name: 'Kirim' }).click();
  await tablet.getByText('Terima kasih atas penilaian Anda!').waitFor();
}
