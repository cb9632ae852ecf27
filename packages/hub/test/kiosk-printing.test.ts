import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decodeEscPos } from '@pst/printer';
import { startFakePrinter, withoutStatusRequests } from '@pst/printer/testing';
import type { NamedPrinterStatus, PrintJob } from '@pst/shared';
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
} from '../src/testing';

let hub: TestHub | undefined;
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  closeClients();
  await hub?.stop();
  hub = undefined;
  for (const close of closers.splice(0)) await close();
});

const bytesOf = (job: PrintJob) => new Uint8Array(Buffer.from(job.data, 'base64'));
const bigLine = (bytes: Uint8Array) => decodeEscPos(bytes).lines.find((line) => line.width > 1)?.text;

/** A kiosk that says it prints locally, with the token to come back with. */
async function localKiosk(test: TestHub, name = 'Kiosk Lobi') {
  const { device, token } = test.store.addDevice('kiosk', name, null, test.now.value);
  const socket = await test.connect(token);
  const declared = await ok(socket, 'kiosk:printer', { local: true, description: 'USB printer 0416:5011' });
  return { socket, token, deviceId: device.id, declared };
}

/** Answers every print:job with `state` and records the jobs. */
function answerJobs(socket: Client, state: 'ok' | 'paper-out' | 'error' = 'ok', detail = '') {
  const jobs: PrintJob[] = [];
  socket.on('print:job', (job) => {
    jobs.push(job);
    void send(socket, 'print:result', { jobId: job.jobId, state, detail });
  });
  return jobs;
}

/** The detailed /healthz, as staff see it (strangers get states only). */
async function health(test: TestHub): Promise<{ printers: NamedPrinterStatus[] }> {
  const headers = { authorization: `Bearer ${test.staffToken('supervisor')}` };
  return (await fetch(`${test.url}/healthz`, { headers })).json() as Promise<{
    printers: NamedPrinterStatus[];
  }>;
}

function hubFiles(test: TestHub): string[] {
  try {
    return readdirSync(join(test.dataDir, 'printed'));
  } catch {
    return [];
  }
}

describe('kiosk-local printing', () => {
  it('sends the ticket bytes to the kiosk that took it, and the hub prints nothing itself', async () => {
    hub = await startHub();
    const kiosk = await localKiosk(hub);
    expect(kiosk.declared).toMatchObject({
      id: `kiosk:${kiosk.deviceId}`,
      kind: 'kiosk',
      name: 'Kiosk Lobi',
    });
    const jobs = answerJobs(kiosk.socket);

    const taken = await takePrinted(kiosk.socket, { serviceId: 'konsultasi' });
    expect(taken.printed.state).toBe('ok');
    expect(jobs).toHaveLength(1);
    const job = jobs[0] as PrintJob;
    expect(job.ticketId).toBe(taken.ticket.id);
    const ticket = decodeEscPos(bytesOf(job));
    expect(ticket.initialized).toBe(true);
    expect(bigLine(bytesOf(job))).toBe('K-001');
    expect(ticket.qr).toEqual([taken.statusUrl]);
    expect(ticket.cut).toBe(true);
    expect(ticket.unknown).toEqual([]);

    expect(hubFiles(hub)).toEqual([]);
    const row = hub.store.db.prepare('SELECT print_state FROM tickets WHERE id = ?').get(taken.ticket.id);
    expect(row).toEqual({ print_state: 'printed' });
    const status = await health(hub);
    expect(status.printers).toEqual([
      expect.objectContaining({ id: 'hub', kind: 'hub' }),
      expect.objectContaining({
        id: `kiosk:${kiosk.deviceId}`,
        name: 'Kiosk Lobi',
        state: 'ok',
        connected: true,
        pendingJobs: 0,
      }),
    ]);
  });

  it('another kiosk, and staff, still print at the hub', async () => {
    hub = await startHub();
    const local = await localKiosk(hub);
    const jobs = answerJobs(local.socket);
    const plain = await hub.device('kiosk', 'Kiosk Lantai 2');
    const staff = await hub.staff('front-office');
    await takePrinted(plain, { serviceId: 'konsultasi' });
    await takePrinted(staff, { serviceId: 'perpustakaan' });
    expect(jobs).toEqual([]);
    expect(hubFiles(hub).filter((f) => f.endsWith('.bin'))).toHaveLength(2);
  });

  it('a reprint of a ticket taken at a kiosk that prints locally goes to that kiosk, marked', async () => {
    hub = await startHub();
    const kiosk = await localKiosk(hub);
    const jobs: PrintJob[] = [];
    let state: 'paper-out' | 'ok' = 'paper-out';
    kiosk.socket.on('print:job', (job) => {
      jobs.push(job);
      void send(kiosk.socket, 'print:result', { jobId: job.jobId, state, detail: '' });
    });
    const taken = await takePrinted(kiosk.socket, { serviceId: 'konsultasi' });
    expect(taken.printed.state).toBe('paper-out');
    const desk = await hub.staff('front-office');
    expect((await ok(desk, 'board:get', {})).printFailures).toMatchObject([
      { number: 'K-001', print: 'failed', printerState: 'paper-out' },
    ]);
    state = 'ok';
    expect((await ok(desk, 'ticket:reprint', { ticketId: taken.ticket.id })).printed.state).toBe('ok');
    const lines = decodeEscPos(bytesOf(jobs.at(-1) as PrintJob)).lines.map((l) => l.text);
    expect(lines).toContain('K-001');
    expect(lines.some((l) => /^CETAK ULANG \d\d\.\d\d$/.test(l))).toBe(true);
    expect(hubFiles(hub)).toEqual([]);
    expect((await ok(desk, 'board:get', {})).printFailures).toEqual([]);
  });

  it('a paper-out answer is the kiosk printer alert on the board and on /healthz, with no retry', async () => {
    hub = await startHub();
    const kiosk = await localKiosk(hub);
    const jobs = answerJobs(kiosk.socket, 'paper-out', 'USB printer: paper out');
    const desk = await hub.staff('front-office');
    const alert = nextPush(desk, 'board:snapshot', (board) =>
      board.printers.some((p) => p.kind === 'kiosk' && p.state === 'paper-out'),
    );

    const taken = await takePrinted(kiosk.socket, { serviceId: 'konsultasi' });
    expect(taken.printed).toMatchObject({ state: 'paper-out' });
    expect(taken.printed.detail).toContain('paper out');
    expect(jobs).toHaveLength(1);
    const board = await alert;
    expect(board.printers.find((p) => p.kind === 'kiosk')).toMatchObject({
      name: 'Kiosk Lobi',
      state: 'paper-out',
    });
    // The hub's own printer is not the one in trouble.
    expect(board.printer.state).not.toBe('paper-out');
    expect((await health(hub)).printers[1]).toMatchObject({ state: 'paper-out' });
    const row = hub.store.db.prepare('SELECT print_state FROM tickets').get();
    expect(row).toEqual({ print_state: 'failed:paper-out' });
  });

  it('retries a kiosk printer error with the same job id, as the hub does for its own printer', async () => {
    hub = await startHub();
    const kiosk = await localKiosk(hub);
    const jobs: PrintJob[] = [];
    kiosk.socket.on('print:job', (job) => {
      jobs.push(job);
      void send(kiosk.socket, 'print:result', {
        jobId: job.jobId,
        state: jobs.length === 1 ? 'error' : 'ok',
        detail: 'USB write failed',
      });
    });
    const taken = await takePrinted(kiosk.socket, { serviceId: 'konsultasi' });
    expect(taken.printed.state).toBe('ok');
    expect(jobs.map((j) => j.jobId)).toEqual([jobs[0]?.jobId, jobs[0]?.jobId]);
  });

  it('a job for a kiosk that went away waits, and prints when the kiosk reconnects', async () => {
    hub = await startHub();
    const kiosk = await localKiosk(hub);
    const first = nextPush(kiosk.socket, 'print:job');
    const desk = await hub.staff('supervisor');
    // The kiosk loses its connection while the ticket is on its way to the printer.
    kiosk.socket.emit('ticket:take', { serviceId: 'konsultasi' }, () => undefined);
    const lost = await first;
    const offline = nextPush(desk, 'board:snapshot', (board) =>
      board.printers.some((p) => p.kind === 'kiosk' && p.state === 'offline' && p.pendingJobs === 1),
    );
    kiosk.socket.disconnect();
    const waiting = (await offline).printers.find((p) => p.kind === 'kiosk');
    expect(waiting).toMatchObject({ connected: false, pendingJobs: 1 });
    expect(hub.store.db.prepare('SELECT print_state FROM tickets').get()).toEqual({
      print_state: 'failed:offline',
    });
    expect(hubFiles(hub)).toEqual([]);

    // Back: once the kiosk says again that it prints, the same job (same id, same bytes) comes.
    const back = await hub.connect(kiosk.token);
    const pushed = nextPush(back, 'print:job');
    await ok(back, 'kiosk:printer', { local: true, description: 'USB printer 0416:5011' });
    const again = await pushed;
    expect(again.jobId).toBe(lost.jobId);
    expect(again.ticketId).toBe(lost.ticketId);
    expect(bigLine(bytesOf(again))).toBe('K-001');
    const cleared = nextPush(desk, 'board:snapshot', (board) =>
      board.printers.some((p) => p.kind === 'kiosk' && p.state === 'ok' && p.pendingJobs === 0),
    );
    expect(await ok(back, 'print:result', { jobId: again.jobId, state: 'ok' })).toEqual({ accepted: true });
    await cleared;
    expect(hub.store.db.prepare('SELECT print_state FROM tickets').get()).toEqual({ print_state: 'printed' });
    expect((await health(hub)).printers[1]).toMatchObject({ state: 'ok', connected: true, pendingJobs: 0 });
  });

  it('a kiosk that answers nothing gets no retry and the visitor is told at once', async () => {
    hub = await startHub({ kioskPrintTimeoutMs: 100 });
    const kiosk = await localKiosk(hub);
    let jobs = 0;
    kiosk.socket.on('print:job', () => {
      jobs++;
    });
    const taken = await takePrinted(kiosk.socket, { serviceId: 'konsultasi' });
    expect(taken.printed.state).toBe('offline');
    expect(jobs).toBe(1);
  });

  it('local: false moves the kiosk back to the hub printer; only kiosks may declare', async () => {
    hub = await startHub();
    const kiosk = await localKiosk(hub);
    const jobs = answerJobs(kiosk.socket);
    expect(await ok(kiosk.socket, 'kiosk:printer', { local: false })).toBeNull();
    await ok(kiosk.socket, 'ticket:take', { serviceId: 'konsultasi' });
    expect(jobs).toEqual([]);
    expect((await health(hub)).printers).toHaveLength(1);

    const staff = await hub.staff('supervisor');
    expect(await send(staff, 'kiosk:printer', { local: true })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await send(kiosk.socket, 'print:result', { jobId: 'nope', state: 'ok' })).toEqual({
      ok: true,
      data: { accepted: false },
    });
    expect(await send(kiosk.socket, 'print:result', { jobId: 'x', state: 'unknown' } as never)).toMatchObject(
      {
        ok: false,
        error: { code: 'VALIDATION_FAILED' },
      },
    );
  });
});

describe('printer:test', () => {
  it('prints a marked test ticket on the hub printer, uses no number, answers the status, is audited', async () => {
    const printer = await startFakePrinter();
    closers.push(() => printer.close());
    hub = await startHub({ printer: { kind: 'network', host: printer.host, port: printer.port } });
    const supervisor = await hub.staff('supervisor', 'kepala');
    const job = printer.nextJob();
    const status = await ok(supervisor, 'printer:test', {});
    expect(status).toMatchObject({ id: 'hub', kind: 'hub', state: 'ok' });
    expect(status.name).toContain(`${printer.host}:${printer.port}`);

    const ticket = decodeEscPos(withoutStatusRequests(await job));
    expect(ticket.unknown).toEqual([]);
    const texts = ticket.lines.map((line) => line.text);
    expect(ticket.lines.find((line) => line.width > 1)?.text).toBe('TIKET UJI');
    expect(texts).toContain('TEST TICKET');
    expect(texts.some((text) => /K-\d{3}/.test(text))).toBe(false);
    expect(ticket.qr).toEqual(['http://pst.local:3324']);
    expect(ticket.cut).toBe(true);

    // No ticket was issued: the next visitor still gets K-001.
    expect(hub.store.db.prepare('SELECT COUNT(*) AS n FROM tickets').get()).toEqual({ n: 0 });
    const kiosk = await hub.device('kiosk');
    expect((await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' })).ticket.number).toBe('K-001');

    const audit = hub.store.db
      .prepare("SELECT kind, payload, actor FROM events WHERE type = 'printer.test'")
      .all() as Array<{ kind: string; payload: string; actor: string }>;
    expect(audit).toHaveLength(1);
    expect(audit[0]?.kind).toBe('audit');
    expect(JSON.parse(audit[0]?.payload ?? '{}')).toMatchObject({ printer: 'hub', state: 'ok' });
    expect(audit[0]?.actor).toMatch(/^staff/);
  });

  it('answers the printer trouble (paper out) instead of hiding it', async () => {
    const printer = await startFakePrinter({ status: 'paper-out' });
    closers.push(() => printer.close());
    hub = await startHub({ printer: { kind: 'network', host: printer.host, port: printer.port } });
    const admin = await hub.staff('admin');
    expect(await ok(admin, 'printer:test', {})).toMatchObject({ state: 'paper-out' });
  });

  it('is refused for a consultant and a front-office desk, and for a kiosk that does not print locally', async () => {
    hub = await startHub();
    for (const role of ['consultant', 'front-office'] as const) {
      const staff = await hub.staff(role);
      expect(await send(staff, 'printer:test', {})).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    const supervisor = await hub.staff('supervisor');
    expect(await send(supervisor, 'printer:test', { deviceId: 'kiosk-nope' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await send(supervisor, 'printer:test', { extra: 1 } as never)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(
      hub.store.db.prepare("SELECT COUNT(*) AS n FROM events WHERE type = 'printer.test'").get(),
    ).toEqual({
      n: 0,
    });
  });

  it('prints the test ticket on a kiosk that prints locally', async () => {
    hub = await startHub();
    const kiosk = await localKiosk(hub);
    const jobs = answerJobs(kiosk.socket);
    const supervisor = await hub.staff('supervisor');
    const status = await ok(supervisor, 'printer:test', { deviceId: kiosk.deviceId });
    expect(status).toMatchObject({ kind: 'kiosk', name: 'Kiosk Lobi', state: 'ok' });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.ticketId).toBeNull();
    expect(bigLine(bytesOf(jobs[0] as PrintJob))).toBe('TIKET UJI');
    expect(hubFiles(hub)).toEqual([]);
  });
});
