import { closeClients, ok, startHub, type TestHub } from '@pst/hub/testing';
import { DEFAULT_CONFIG, type QueueConfig } from '@pst/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, browserAvailable, screenshot } from './browser';
import { LANDSCAPE_SCREENS, servicesUpTo } from './offices';
import { closeOffice, openOffice, recordSpeech } from './setup';

const run = browserAvailable();

/** Headless Chromium has no voices: record what would be said (or played) instead. */
const RECORD_SPEECH = recordSpeech(50);
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
    ({ hub, browser } = await openOffice({ realTime: true }));
    token = hub.store.addDevice('display', 'TV Lobi', null, hub.now.value).token;
  });
  afterAll(() => closeOffice({ hub, browser }));

  async function openDisplay(initScript: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    await context.addInitScript(initScript);
    const page = await context.newPage();
    await page.goto(`${hub.url}/display/#token=${token}`);
    await page.getByText('Belum ada panggilan').or(page.getByTestId('called-number')).waitFor();
    // Connected (the mark shows from the first paint until then): a call made earlier would be missed.
    await page.getByRole('status').filter({ hasText: 'Koneksi terputus' }).waitFor({ state: 'detached' });
    // Chromium plays no sound before a touch: the screen asks for one; staff setting up the TV tap.
    await page.getByText('Ketuk layar untuk mengaktifkan suara').click();
    await page.getByTestId('sound-off').waitFor({ state: 'detached' });
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
    // The desk's row marks a visitor who is called and on the way, not yet served (the layout test
    // below shows the mark gone once a desk serves).
    const deskRow = page.getByTestId('desks-panel').getByRole('listitem').filter({ hasText: 'Front Office' });
    await expect.poll(() => deskRow.textContent()).toBe(`Front Officedipanggil${call.number}`);
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
      .toContain('silakan-menuju front-office');
    const clips = await page.evaluate(() => (window as unknown as { __clips: string[] }).__clips);
    // The desk is named: "silakan menuju, Front Office", not only "meja".
    expect(clips).toEqual(['nomor-antrian', 'huruf-p', 'satu', 'silakan-menuju', 'front-office']);

    // The hub restarts: the screen keeps its last board, marks itself offline, and comes back.
    const { dataDir, port } = hub;
    closeClients();
    await hub.stop();
    const offline = page.getByRole('status').filter({ hasText: 'Koneksi terputus, menyambung kembali…' });
    await offline.waitFor();
    expect(await page.getByTestId('called-number').textContent()).toBe(call.number);
    // The kiosk's words, big enough for the lobby, whole, over the running text and nothing else.
    const mark = await offline.evaluate((e) => {
      const r = e.getBoundingClientRect();
      const clock = (document.querySelector('.clock') as Element).getBoundingClientRect();
      return {
        size: Number.parseFloat(getComputedStyle(e).fontSize) / (innerHeight / 100),
        whole: e.scrollWidth <= e.clientWidth && r.right <= innerWidth && r.bottom <= innerHeight,
        belowClock: r.top >= clock.bottom,
      };
    });
    expect(mark.size).toBeGreaterThanOrEqual(3);
    expect(mark).toMatchObject({ whole: true, belowClock: true });
    await screenshot(page, 'display-offline');
    hub = await startHub({ dataDir, port, realTime: true, appsDir: undefined });
    await page
      .getByText('Koneksi terputus, menyambung kembali')
      .waitFor({ state: 'detached', timeout: 15_000 });
    expect(await page.getByTestId('called-number').textContent()).toBe(call.number);
  });

  it('in a Chromium without autoplay flags, asks once for a tap, then speaks; sound off stays off', async () => {
    // Real playback, recorded: the browser's own answer (NotAllowedError before a touch) is kept.
    const RECORD_PLAYBACK = `
      window.__plays = [];
      Object.defineProperty(window, 'speechSynthesis', { value: { getVoices: () => [], speak: () => {}, cancel: () => {} } });
      const play = HTMLMediaElement.prototype.play;
      HTMLMediaElement.prototype.play = function () {
        const name = this.src.split('/').pop();
        const started = play.call(this);
        started.then(() => window.__plays.push('ok ' + name), (e) => window.__plays.push(e.name + ' ' + name));
        return started;
      };
      // What this Chromium says to a clip played with nobody having touched the page.
      window.addEventListener('load', () => {
        play.call(new Audio('/clips/satu')).then(() => { window.__probe = 'ok'; }, (e) => { window.__probe = e.name; });
      });`;
    const soundHub = await startHub({ realTime: true, appsDir: undefined });
    const displayToken = soundHub.store.addDevice('display', 'TV', null, soundHub.now.value).token;
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    await context.addInitScript(RECORD_PLAYBACK);
    const page = await context.newPage();
    await page.goto(`${soundHub.url}/display/#token=${displayToken}`);
    await page.getByRole('status').filter({ hasText: 'Koneksi terputus' }).waitFor({ state: 'detached' });
    const ask = page.getByTestId('sound-off').filter({ hasText: 'Ketuk layar untuk mengaktifkan suara' });
    await ask.waitFor();
    // The launch flags allow no autoplay: the browser itself refuses (page.evaluate would count as a
    // user gesture, so the probe ran from the page's own load event).
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __probe?: string }).__probe))
      .toBe('NotAllowedError');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'display-sound-ask');
    const plays = () => page.evaluate(() => (window as unknown as { __plays: string[] }).__plays);

    // A call while sound is refused is shown, and not kept to be said all at once after the tap.
    const kiosk = await soundHub.device('kiosk');
    const frontOffice = await soundHub.staff('front-office');
    await ok(kiosk, 'ticket:take', { serviceId: 'penjualan' });
    await ok(frontOffice, 'desk:open', { deskId: 'fo-1' });
    const call = await ok(frontOffice, 'desk:call-next', { deskId: 'fo-1' });
    await expect.poll(() => page.getByTestId('called-number').textContent()).toBe(call.number);
    expect(await plays()).toEqual([]);

    // One tap anywhere: the mark goes, and the next call is heard (the browser lets the clips play).
    await page.mouse.click(960, 540);
    await ask.waitFor({ state: 'detached' });
    await ok(frontOffice, 'ticket:recall', { deskId: 'fo-1', ticketId: call.ticketId });
    await expect.poll(() => plays(), { timeout: 15_000 }).toContain('ok front-office');
    expect((await plays())[0]).toBe('ok nomor-antrian');
    expect((await plays()).filter((p) => !p.startsWith('ok '))).toEqual([]);

    // Sound switched off on purpose: a quiet mark, remembered after a reload, and no question then.
    await page.getByRole('button', { name: 'Suara panggilan' }).click();
    await page.getByRole('checkbox', { name: 'Suara panggilan' }).uncheck();
    await page.getByTestId('sound-off').filter({ hasText: 'Suara mati' }).waitFor();
    await page.reload();
    await page.getByTestId('sound-off').filter({ hasText: 'Suara mati' }).waitFor();
    expect(await ask.count()).toBe(0);
    await page.getByRole('button', { name: 'Suara panggilan' }).click();
    await page.getByRole('checkbox', { name: 'Suara panggilan' }).check();
    // Switching it on is itself a touch: sound plays, no mark stays.
    await page.getByTestId('sound-off').waitFor({ state: 'detached' });
    await context.close();
    await soundHub.stop();
  });

  describe('layout', () => {
    const SIZES = LANDSCAPE_SCREENS;

    /** An office with `deskCount` desks (the first the front office) and `serviceCount` services. */
    function office(deskCount: number, serviceCount: number): QueueConfig {
      const services = servicesUpTo(serviceCount);
      const ids = services.map((s) => s.id);
      const desks: QueueConfig['desks'] = [
        { id: 'fo-1', name: 'Front Office', kind: 'front-office', services: [] },
      ];
      for (let i = 1; desks.length < deskCount; i++)
        desks.push({ id: `meja-${i}`, name: `Meja Konsultasi ${i}`, kind: 'service', services: ids });
      // The smallest office has one of the longest names: it must wrap, whole, beside the clock.
      const name =
        deskCount === 1 ? 'BPS Kabupaten Kepulauan Siau Tagulandang Biaro' : DEFAULT_CONFIG.office.name;
      return {
        ...DEFAULT_CONFIG,
        office: { ...DEFAULT_CONFIG.office, name, frontOfficeFirst: false },
        services,
        desks,
      };
    }

    type Box = { x: number; y: number; width: number; height: number };
    const overlaps = (a: Box, b: Box) =>
      a.x < b.x + b.width - 0.5 &&
      b.x < a.x + a.width - 0.5 &&
      a.y < b.y + b.height - 0.5 &&
      b.y < a.y + a.height - 0.5;
    const inside = (a: Box, b: Box) =>
      a.x >= b.x - 0.5 &&
      a.y >= b.y - 0.5 &&
      a.x + a.width <= b.x + b.width + 0.5 &&
      a.y + a.height <= b.y + b.height + 0.5;

    async function boxes(page: Page, selector: string): Promise<Box[]> {
      return page.locator(selector).evaluateAll((elements) =>
        elements.map((e) => {
          const r = e.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        }),
      );
    }

    for (const [deskCount, serviceCount, sendTwo] of [
      [1, 1, false],
      [4, 4, false],
      [4, 4, true],
      [8, 6, false],
      [8, 6, true],
    ] as const) {
      const what = `${deskCount} desks and ${serviceCount} services${sendTwo ? ', two sent to a desk,' : ''}`;
      it(`${what} fit without overlap at every TV size`, async () => {
        const layoutHub = await startHub({
          realTime: true,
          appsDir: undefined,
          kioskRateLimit: { burst: 100, refillMs: 1000 },
        });
        try {
          const supervisor = await layoutHub.staff('supervisor');
          const config = office(deskCount, serviceCount);
          await ok(supervisor, 'settings:config', { config });
          const kiosk = await layoutHub.device('kiosk');
          for (const service of config.services)
            for (let n = 0; n < 3; n++) await ok(kiosk, 'ticket:take', { serviceId: service.id });
          // Every desk open; each service desk calls, the first one recalls twice before the others.
          const desks = [];
          for (const desk of config.desks) {
            const staff = await layoutHub.staff(desk.kind === 'front-office' ? 'front-office' : 'consultant');
            await ok(staff, 'desk:open', { deskId: desk.id });
            desks.push({ staff, desk });
          }
          let first = true;
          const serviceDesks = desks.filter(({ desk }) => desk.kind === 'service');
          for (const { staff, desk } of desks) {
            if (desk.kind === 'front-office') continue;
            // The last desk first sends two visitors to the first desk (after it called): the lobby
            // lists them under the desks, which must stay whole.
            if (sendTwo && desk === serviceDesks.at(-1)?.desk)
              for (let n = 0; n < 2; n++) {
                const sent = await ok(staff, 'desk:call-next', { deskId: desk.id });
                await ok(staff, 'ticket:send-to-desk', {
                  deskId: desk.id,
                  ticketId: sent.ticketId,
                  toDeskId: serviceDesks[0]?.desk.id ?? '',
                  serviceId: config.services[0]?.id ?? '',
                });
              }
            const call = await ok(staff, 'desk:call-next', { deskId: desk.id });
            if (first) {
              await ok(staff, 'ticket:recall', { deskId: desk.id, ticketId: call.ticketId });
              await ok(staff, 'ticket:recall', { deskId: desk.id, ticketId: call.ticketId });
              // Its visitor came: served now, no longer marked as called on the lobby.
              await ok(staff, 'ticket:start', { deskId: desk.id, ticketId: call.ticketId });
              first = false;
            }
          }
          const displayToken = layoutHub.store.addDevice('display', 'TV', null, layoutHub.now.value).token;
          const context = await browser.newContext({ viewport: SIZES[0] });
          const page = await context.newPage();
          await page.goto(`${layoutHub.url}/display/#token=${displayToken}`);
          await page
            .getByRole('status')
            .filter({ hasText: 'Koneksi terputus' })
            .waitFor({ state: 'detached' });
          const open = config.desks.length;
          await expect.poll(() => page.locator('.desk-list li').count()).toBe(open);
          const calledDesks = config.desks.filter((d) => d.kind === 'service').length;
          // Every desk that called is marked "dipanggil" but the one serving (and the front office's,
          // which called nobody).
          await expect
            .poll(() => page.locator('.desk-list .desk-called').count())
            .toBe(Math.max(calledDesks - 1, 0));
          // One row per other ticket called: the recalls did not add rows, and the count is shown.
          if (calledDesks > 1) {
            await expect.poll(() => page.getByTestId('recent-row').count()).toBe(calledDesks - 1);
            await page
              .getByTestId('recent-row')
              .filter({ hasText: '3× dipanggil' })
              .waitFor({ state: 'attached' });
          }
          for (const size of SIZES) {
            await page.setViewportSize(size);
            const [header] = await boxes(page, 'header.header');
            const [current] = await boxes(page, '.current');
            const [desksPanel] = await boxes(page, '[data-testid=desks-panel]');
            const [recentPanel] = await boxes(page, '[data-testid=recent-panel]');
            const [sentPanel] = await boxes(page, '[data-testid=sent-panel]');
            const [ticker] = await boxes(page, 'footer.ticker');
            const [gear] = await boxes(page, 'button.gear');
            const cards = await boxes(page, '[data-testid=queue-card]');
            const regions: Record<string, Box | undefined> = {
              header,
              current,
              desksPanel,
              recentPanel,
              ...(sentPanel ? { sentPanel } : {}),
              ticker,
              ...Object.fromEntries(cards.map((card, n) => [`queue card ${n + 1}`, card])),
            };
            const names = Object.keys(regions);
            for (const [i, a] of names.entries())
              for (const b of names.slice(i + 1))
                expect(overlaps(regions[a] as Box, regions[b] as Box), `${a} / ${b} at ${size.width}`).toBe(
                  false,
                );
            for (const [name, region] of Object.entries(regions))
              expect(
                inside(region as Box, { x: 0, y: 0, ...size }),
                `${name} at ${size.width}: ${JSON.stringify(region)}`,
              ).toBe(true);
            expect(inside(gear as Box, header as Box)).toBe(true);
            // The office's name is whole at every size, beside the sound question (it wraps, never "Ken…").
            const [name] = await boxes(page, 'header .office');
            expect(inside(name as Box, header as Box)).toBe(true);
            const nameCut = await page
              .locator('header .office')
              .evaluate((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1);
            expect(nameCut, `office name cut at ${size.width}`).toBe(false);
            expect(cards).toHaveLength(serviceCount);
            // Every open desk is shown whole inside its panel.
            for (const row of await boxes(page, '.desk-list li'))
              expect(inside(row, desksPanel as Box)).toBe(true);
            // A row is inside its panel or wholly out of sight, never a fragment; returns those shown.
            const wholeRows = async (rowSelector: string, panel: Box) => {
              const rows = await boxes(page, rowSelector);
              const shown = rows.filter((row) => row.height > 0 && inside(row, panel));
              for (const row of rows) if (!shown.includes(row)) expect(overlaps(row, panel)).toBe(false);
              return { rows, shown };
            };
            // The recent calls give way only to tickets sent to a desk (waiting visitors first).
            const recentShown = recentPanel && recentPanel.height > 0;
            expect(recentShown || sendTwo).toBe(true);
            if (recentShown) {
              const { rows, shown } = await wholeRows('[data-testid=recent-row]', recentPanel);
              if (rows.length > 0) expect(shown.length).toBeGreaterThan(0);
              // Four desks and nothing sent: both other calls, the recalled one with its count.
              if (deskCount === 4 && !sentPanel) expect(shown.length).toBe(rows.length);
            }
            // Sent to a desk: at least one row shown at every size, both beside four desks.
            if (sendTwo) {
              expect(sentPanel, `sent panel at ${size.width}`).toBeDefined();
              const { rows, shown } = await wholeRows('[data-testid=sent-row]', sentPanel as Box);
              expect(rows).toHaveLength(2);
              expect(shown.length, `sent rows at ${size.width}`).toBeGreaterThanOrEqual(
                deskCount === 4 ? 2 : 1,
              );
            }
            // Nothing inside a queue card is cut off.
            const clipped = await page
              .locator('[data-testid=queue-card]')
              .evaluateAll((cs) => cs.filter((c) => c.scrollHeight > c.clientHeight + 1).length);
            expect(clipped).toBe(0);
            // Readable from 5 m: waiting counts at about 4vh on one line ("3 menunggu · ±9 mnt"),
            // desk names whole, the sound question on one line, the called number the biggest text.
            const texts = await page.evaluate(() => {
              const px = (e: Element) => Number.parseFloat(getComputedStyle(e).fontSize);
              const cut = (e: Element) => e.scrollWidth > e.clientWidth + 1;
              const all = (q: string) => Array.from(document.querySelectorAll(q));
              const lines = (e: Element) => {
                const style = getComputedStyle(e);
                const content =
                  e.getBoundingClientRect().height -
                  Number.parseFloat(style.paddingTop) -
                  Number.parseFloat(style.paddingBottom);
                return Math.round(content / Number.parseFloat(style.lineHeight));
              };
              const biggestOther = Math.max(
                ...all('body *')
                  .filter((e) => !e.closest('[data-testid=called-number]') && e.childElementCount === 0)
                  .filter((e) => (e.textContent ?? '').trim() !== '')
                  .map(px),
              );
              return {
                vh: innerHeight / 100,
                counts: all('.queue-count').map((e) => ({ px: px(e), cut: cut(e), lines: lines(e) })),
                names: all('.queue-name').map((e) => ({
                  px: px(e),
                  cut: e.scrollHeight > e.clientHeight + 1,
                })),
                deskNames: all('.desk-name').map((e) => ({ text: e.textContent, px: px(e), cut: cut(e) })),
                ask: all('.sound-mark').map((e) => ({ cut: cut(e), lines: lines(e) })),
                number: all('[data-testid=called-number]').map(px)[0] ?? null,
                biggestOther,
              };
            });
            const at = `at ${size.width}x${size.height}`;
            for (const count of texts.counts) {
              expect(count.px, `waiting count size ${at}`).toBeGreaterThanOrEqual(
                (serviceCount <= 6 ? 3.9 : 3.1) * texts.vh,
              );
              expect(count, `waiting count ${at}`).toMatchObject({ cut: false, lines: 1 });
            }
            for (const name of texts.names) {
              expect(name.px, `queue name size ${at}`).toBeGreaterThanOrEqual(2.9 * texts.vh);
              expect(name.cut, `queue name cut ${at}`).toBe(false);
            }
            for (const desk of texts.deskNames) {
              expect(desk.cut, `desk name "${desk.text}" cut ${at}`).toBe(false);
              expect(desk.px, `desk name size ${at}`).toBeGreaterThanOrEqual(2.9 * texts.vh);
            }
            for (const ask of texts.ask)
              expect(ask, `sound question ${at}`).toEqual({ cut: false, lines: 1 });
            if (calledDesks > 0) {
              expect(texts.number, `called number the biggest ${at}`).toBeGreaterThan(texts.biggestOther);
              // The call is whole inside its card: the card shrinks it, never cuts it.
              for (const part of ['[data-testid=called-number]', '[data-testid=called-desk]']) {
                const [box] = await boxes(page, part);
                expect(inside(box as Box, current as Box), `${part} ${at}`).toBe(true);
              }
            }
            // The sound button: on screen, nothing over it.
            const gearBox = gear as Box;
            const gearHit = await page.evaluate(
              ([x, y]) =>
                document.elementFromPoint(x as number, y as number)?.closest('button.gear') !== null,
              [gearBox.x + gearBox.width / 2, gearBox.y + gearBox.height / 2],
            );
            expect(gearHit, `sound button covered ${at}`).toBe(true);
            if (deskCount === 8 && !sendTwo)
              await screenshot(page, `display-8-desks-${size.width}x${size.height}`);
            if (sendTwo && size.width === 1366)
              await screenshot(page, `display-${deskCount}-desks-sent-1366x768`);
          }
          if (deskCount === 4 && !sendTwo) await screenshot(page, 'display-4-desks');
          await context.close();
        } finally {
          await layoutHub.stop();
        }
      });
    }
  });
});
