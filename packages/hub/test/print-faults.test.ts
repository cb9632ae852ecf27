import { createNetworkPrinter, decodeEscPos, type PrinterTransport } from '@pst/printer';
import { type FakePrinter, type FakePrinterOptions, startFakePrinter } from '@pst/printer/testing';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Client,
  closeClients,
  nextPush,
  ok,
  send,
  startHub,
  type TestHub,
  takePrinted,
  tempDir,
} from '../src/testing';

let hub: TestHub | undefined;
let stand: FakePrinter | undefined;
afterEach(async () => {
  closeClients();
  await hub?.stop();
  hub = undefined;
  await stand?.close();
  stand = undefined;
});

/** The hub's network printer, with short waits: a printer that does not answer is found out fast. */
function networkTo(printer: FakePrinter): PrinterTransport {
  return createNetworkPrinter({
    host: printer.host,
    port: printer.port,
    statusTimeoutMs: 100,
    timeoutMs: 600,
    connectTimeoutMs: 500,
  });
}

async function office(options: FakePrinterOptions = {}, dataDir?: string) {
  stand = await startFakePrinter(options);
  hub = await startHub({ printer: networkTo(stand), ...(dataDir ? { dataDir } : {}) });
  const kiosk = await hub.device('kiosk', 'Kiosk Lobi');
  const desk = await hub.staff('front-office');
  return { stand, hub, kiosk, desk };
}

/** What is on paper, decoded: each ticket's number and its reprint mark, in print order. */
function paper(printer: FakePrinter): Array<{ number: string; mark: string | null; qr: string }> {
  return printer.jobs.map((job) => {
    const decoded = decodeEscPos(job);
    expect(decoded.unknown).toEqual([]);
    expect(decoded.cut).toBe(true);
    const lines = decoded.lines.map((l) => l.text);
    return {
      number: decoded.lines.find((l) => l.width > 2)?.text ?? '',
      mark: lines.find((l) => /^CETAK ULANG \d\d\.\d\d$/.test(l)) ?? null,
      qr: decoded.qr[0] ?? '',
    };
  });
}

const take = (kiosk: Client) => takePrinted(kiosk, { serviceId: 'konsultasi' });

async function failures(desk: Client) {
  return (await ok(desk, 'board:get', {})).printFailures;
}

/** Opens the front-office desk and calls the next ticket there (its visitor no longer waits). */
async function callNext(desk: Client) {
  await send(desk, 'desk:open', { deskId: 'fo-1' });
  return ok(desk, 'desk:call-next', { deskId: 'fo-1' });
}

describe('printing through faults, against the TCP printer stand-in', () => {
  it('refused: tickets wait in SQLite; on recovery only the still-waiting one prints, once, marked', async () => {
    const { stand, hub, kiosk, desk } = await office();
    await stand.stop();
    const first = await take(kiosk);
    const second = await take(kiosk);
    expect(first.printed.state).toBe('offline');
    expect(second.printed.state).toBe('offline');
    expect((await failures(desk)).map((f) => [f.number, f.print, f.printerState])).toEqual([
      ['K-001', 'failed', 'offline'],
      ['K-002', 'failed', 'offline'],
    ]);
    expect((await ok(desk, 'board:get', {})).printer.state).toBe('offline');
    // K-001 is called at the front office before the printer comes back.
    expect((await callNext(desk)).number).toBe('K-001');

    await stand.start();
    await hub.housekeeping();
    await expect.poll(() => stand.jobs.length).toBe(1);
    const printed = paper(stand);
    expect(printed).toMatchObject([{ number: 'K-002', qr: `http://pst.local:3324/t/${second.ticket.id}` }]);
    expect(printed[0]?.mark).toMatch(/^CETAK ULANG/);
    await expect
      .poll(async () => (await failures(desk)).map((f) => [f.number, f.status]))
      .toEqual([['K-001', 'called']]);
    // Nothing more comes later.
    await hub.housekeeping();
    expect(stand.jobs).toHaveLength(1);
  });

  it('recovery print: the kiosk that showed the failure hears the ticket is on paper, on its new socket too', async () => {
    const { stand, hub } = await office();
    const kioskToken = hub.store.addDevice('kiosk', 'Kiosk Pintu', null, hub.now.value).token;
    const kiosk = await hub.connect(kioskToken);
    const other = await hub.connect(
      hub.store.addDevice('kiosk', 'Kiosk Lantai 2', null, hub.now.value).token,
    );
    await stand.stop();
    const failed = await take(kiosk);
    const elsewhere = await take(other);
    expect([failed.printed.state, elsewhere.printed.state]).toEqual(['offline', 'offline']);
    // The kiosk restarts (a new socket, the same token) while the printer is down.
    kiosk.disconnect();
    const restarted = await hub.connect(kioskToken);
    const heard = nextPush(restarted, 'ticket:printed');
    const overheard: string[] = [];
    other.on('ticket:printed', ({ ticketId }) => overheard.push(ticketId));

    await stand.start();
    await hub.housekeeping();
    await expect.poll(() => stand.jobs.length).toBe(2);
    expect(await heard).toMatchObject({ ticketId: failed.ticket.id, printed: { state: 'ok' } });
    // Each kiosk hears of its own tickets only.
    await expect.poll(() => overheard).toEqual([elsewhere.ticket.id]);
  });

  it('silent (prints, never answers, never closes): every ticket on paper once, never a second copy', async () => {
    const { stand, hub, kiosk } = await office({ status: 'no-status' });
    const first = await take(kiosk);
    const second = await take(kiosk);
    expect(first.printed.state).toBe('ok');
    expect(second.printed.state).toBe('ok');
    await expect.poll(() => stand.jobs.length).toBe(2);
    await hub.housekeeping();
    await take(kiosk);
    await expect.poll(() => stand.jobs.length).toBe(3);
    expect(paper(stand).map((p) => [p.number, p.mark])).toEqual([
      ['K-001', null],
      ['K-002', null],
      ['K-003', null],
    ]);
    expect(stand.counts().connections).toBe(1);
  });

  it('paper out: nothing sent; once paper is in, the waiting ticket prints once, marked', async () => {
    const { stand, hub, kiosk, desk } = await office({ status: 'paper-out' });
    const taken = await take(kiosk);
    expect(taken.printed.state).toBe('paper-out');
    expect((await ok(desk, 'board:get', {})).printer.state).toBe('paper-out');
    expect(stand.jobs).toEqual([]);
    stand.set({ status: 'ok' });
    await hub.housekeeping();
    await expect.poll(() => stand.jobs.length).toBe(1);
    expect(paper(stand)[0]).toMatchObject({ number: 'K-001', mark: expect.stringMatching(/^CETAK ULANG/) });
    await expect.poll(async () => (await ok(desk, 'board:get', {})).printer.state).toBe('ok');
    expect(await failures(desk)).toEqual([]);
  });

  it('torn mid-job: not a ticket; once the printer takes jobs whole, it prints once, marked', async () => {
    const { stand, hub, kiosk, desk } = await office({ behaviour: 'close-mid-job' });
    const taken = await take(kiosk);
    expect(taken.printed.state).toBe('error');
    expect(await failures(desk)).toMatchObject([{ number: 'K-001', print: 'failed' }]);
    stand.set({ behaviour: 'normal' });
    await hub.housekeeping();
    await expect.poll(() => stand.jobs.length).toBe(1);
    expect(paper(stand)[0]).toMatchObject({ number: 'K-001', mark: expect.stringMatching(/^CETAK ULANG/) });
    await expect.poll(() => failures(desk)).toEqual([]);
  });

  it('Automatic Status Back: paper out shows at once, the next ticket is held, and prints when paper is in', async () => {
    stand = await startFakePrinter({ asb: true });
    hub = await startHub({ printer: { kind: 'network', host: stand.host, port: stand.port } });
    const kiosk = await hub.device('kiosk', 'Kiosk Lobi');
    const desk = await hub.staff('front-office');
    expect((await take(kiosk)).printed.state).toBe('ok');
    const printer = stand;
    // No ticket, no question: the printer says it.
    const told = nextPush(desk, 'printer:status', (status) => status.state === 'paper-out');
    printer.set({ status: 'paper-out' });
    await told;
    expect((await take(kiosk)).printed.state).toBe('paper-out');
    expect(printer.jobs).toHaveLength(1);
    // Paper in: the printer says so, and the waiting ticket prints without anyone asking.
    printer.set({ status: 'ok' });
    await expect.poll(() => printer.jobs.length).toBe(2);
    expect(paper(printer).map((p) => [p.number, p.mark !== null])).toEqual([
      ['K-001', false],
      ['K-002', true],
    ]);
  });

  it('paper near end (0x1E): prints, and the warning stays on the board instead of ok', async () => {
    const { stand, kiosk, desk } = await office({ status: 'paper-near-end' });
    expect((await take(kiosk)).printed.state).toBe('ok');
    expect((await take(kiosk)).printed.state).toBe('ok');
    expect(stand.jobs).toHaveLength(2);
    const board = await ok(desk, 'board:get', {});
    expect(board.printer.state).toBe('paper-near-end');
    expect(board.printers[0]?.state).toBe('paper-near-end');
    expect(board.printFailures).toEqual([]);
  });

  it('the ticket on paper sends the visitor to the front office first, with the people ahead there', async () => {
    const { stand, kiosk } = await office();
    await take(kiosk);
    await take(kiosk);
    const lines = decodeEscPos(stand.jobs[1] as Buffer).lines.map((l) => l.text);
    const first = lines.findIndex((l) => l.startsWith('Silakan menuju Front Office'));
    expect(first).toBeGreaterThan(0);
    expect(lines.slice(first).join(' ')).toContain('untuk mengisi buku tamu Antrian di depan: 1 orang');
    expect(lines).toContain('pst.local:3324/t/20261125-K002');
    expect(lines).toContain('Telepon: (0294) 381461');
  });

  it('took the job and went quiet: unknown to staff, never sent again, later tickets print', async () => {
    const { stand, hub, kiosk, desk } = await office({ behaviour: 'never-drain' });
    expect((await take(kiosk)).printed.state).toBe('unknown');
    expect(await failures(desk)).toMatchObject([{ number: 'K-001', print: 'unknown' }]);
    stand.set({ behaviour: 'normal' });
    await hub.housekeeping();
    expect((await take(kiosk)).printed.state).toBe('ok');
    await hub.housekeeping();
    expect(paper(stand).map((p) => p.number)).toEqual(['K-002']);
    expect(await failures(desk)).toMatchObject([{ number: 'K-001', print: 'unknown' }]);
  });

  it('a job survives a hub restart and prints when the hub is back, marked', async () => {
    const dataDir = tempDir();
    const first = await office({}, dataDir);
    await first.stand.stop();
    const taken = await take(first.kiosk);
    expect(taken.printed.state).toBe('offline');
    closeClients();
    await first.hub.stop();
    const printer = first.stand;
    await printer.start();
    hub = await startHub({ dataDir, printer: networkTo(printer) });
    await expect.poll(() => printer.jobs.length).toBe(1);
    expect(paper(printer)[0]).toMatchObject({ number: 'K-001', mark: expect.stringMatching(/^CETAK ULANG/) });
    const desk = await hub.staff('front-office', 'fo-after');
    await expect.poll(() => failures(desk)).toEqual([]);
  });

  it('reconnects after the printer restarts: each ticket on paper exactly once', async () => {
    const { stand, hub, kiosk } = await office();
    await take(kiosk);
    await stand.stop();
    await stand.start();
    await take(kiosk);
    await hub.housekeeping();
    await expect.poll(() => stand.jobs.length).toBe(2);
    expect(paper(stand).map((p) => p.number)).toEqual(['K-001', 'K-002']);
    expect(stand.counts().connections).toBe(2);
  });
});

describe('reprints', () => {
  it('front office reprints a waiting ticket: marked, audited; not a called one; not for a consultant', async () => {
    const { stand, hub, kiosk, desk } = await office();
    const first = await take(kiosk);
    const second = await take(kiosk);
    const reprinted = await ok(desk, 'ticket:reprint', { ticketId: second.ticket.id });
    expect(reprinted).toMatchObject({ ticketId: second.ticket.id, printed: { state: 'ok' } });
    expect(paper(stand).map((p) => [p.number, p.mark !== null])).toEqual([
      ['K-001', false],
      ['K-002', false],
      ['K-002', true],
    ]);
    const audit = hub.store.db
      .prepare(`SELECT payload, actor FROM events WHERE type = 'ticket.reprint'`)
      .all() as Array<{ payload: string }>;
    expect(audit.map((a) => JSON.parse(a.payload))).toEqual([
      { ticketId: second.ticket.id, role: 'front-office' },
    ]);
    await callNext(desk);
    const refused = await send(desk, 'ticket:reprint', { ticketId: first.ticket.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_REPRINTABLE' } });
    const consultant = await hub.staff('consultant');
    expect(await send(consultant, 'ticket:reprint', { ticketId: second.ticket.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const supervisor = await hub.staff('supervisor');
    expect((await ok(supervisor, 'ticket:reprint', { ticketId: second.ticket.id })).printed.state).toBe('ok');
  });

  it('a kiosk reprints its own last ticket when its print failed, and only then', async () => {
    const { stand, hub, kiosk } = await office({ status: 'paper-out' });
    const other = await hub.device('kiosk', 'Kiosk Dua');
    const taken = await take(kiosk);
    expect(taken.printed.state).toBe('paper-out');
    expect(await send(other, 'ticket:reprint', { ticketId: taken.ticket.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_REPRINTABLE' },
    });
    stand.set({ status: 'ok' });
    // The visitor presses "Cetak ulang": the waiting job prints now, once, marked.
    const again = await ok(kiosk, 'ticket:reprint', { ticketId: taken.ticket.id });
    expect(again.printed.state).toBe('ok');
    await hub.housekeeping();
    expect(paper(stand)).toMatchObject([{ number: 'K-001', mark: expect.stringMatching(/^CETAK ULANG/) }]);
    // Printed now: no more reprints from the kiosk.
    expect(await send(kiosk, 'ticket:reprint', { ticketId: taken.ticket.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_REPRINTABLE' },
    });
  });
});
