import { DEFAULT_CONFIG } from '@pst/shared';
import { describe, expect, it } from 'vitest';
import { connectClient, GUEST, nextPush, ok, send, startHub, type TestHub } from '../src/testing';
import { stopHubAfterEach } from './hub-per-test';

let hub: TestHub;
stopHubAfterEach(() => hub);

describe('settings over real sockets', () => {
  it('a service and desk change reaches every app at once and is in the audit trail', async () => {
    hub = await startHub();
    const supervisor = await hub.staff('supervisor');
    const kiosk = await hub.device('kiosk');
    const settings = await ok(supervisor, 'settings:get', {});
    const config = structuredClone(settings.config);
    const library = config.services.find((s) => s.id === 'perpustakaan');
    if (!library) throw new Error('fixture');
    library.name = 'Perpustakaan Digital';
    library.targetMinutes = 15;
    config.desks.push({
      id: 'konsultasi-3',
      name: 'Meja Konsultasi 3',
      kind: 'service',
      services: ['konsultasi'],
    });
    const seen = nextPush(kiosk, 'board:snapshot', (b) =>
      b.services.some((s) => s.name === 'Perpustakaan Digital'),
    );
    await ok(supervisor, 'settings:config', { config });
    const board = await seen;
    expect(board.desks.map((d) => d.id)).toContain('konsultasi-3');
    const taken = await ok(kiosk, 'ticket:take', { serviceId: 'perpustakaan' });
    expect(taken.ticket.number).toBe('P-001');
    const changed = hub.store.db.prepare(`SELECT actor FROM events WHERE type = 'config.changed'`).all();
    expect(changed).toHaveLength(1);
    expect(hub.store.queueConfig().services.find((s) => s.id === 'perpustakaan')?.targetMinutes).toBe(15);
  });

  it('refuses a configuration that does not hold together', async () => {
    hub = await startHub();
    const supervisor = await hub.staff('supervisor');
    const twoKs = structuredClone(DEFAULT_CONFIG);
    (twoKs.services[1] as { prefix: string }).prefix = 'K';
    expect(await send(supervisor, 'settings:config', { config: twoKs })).toMatchObject({
      error: { code: 'VALIDATION_FAILED' },
    });
    const orphanDesk = structuredClone(DEFAULT_CONFIG);
    orphanDesk.desks.push({ id: 'x', name: 'Meja X', kind: 'service', services: ['tidak-ada'] });
    expect(await send(supervisor, 'settings:config', { config: orphanDesk })).toMatchObject({
      error: { code: 'VALIDATION_FAILED' },
    });
    const consultant = await hub.staff('consultant');
    expect(await send(consultant, 'settings:get', {})).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('adds staff, resets a PIN, disables an account (its session ends)', async () => {
    hub = await startHub();
    const admin = await hub.staff('admin');
    await ok(admin, 'settings:staff', { username: 'wati', name: 'Wati', role: 'front-office', pin: '4321' });
    expect(hub.store.login('wati', '4321', hub.now.value)).not.toBeNull();
    const session = hub.store.login('wati', '4321', hub.now.value);
    const wati = await hub.connect(session?.token ?? '');
    // Disabling the account cuts its open socket at once, not at its next command.
    const cut = new Promise((resolve) => wati.once('disconnect', resolve));
    await ok(admin, 'settings:staff', {
      username: 'wati',
      name: 'Wati Susanti',
      role: 'front-office',
      active: false,
    });
    expect(await cut).toBe('io server disconnect');
    expect(hub.store.login('wati', '4321', hub.now.value)).toBeNull();
    expect(
      await send(admin, 'settings:staff', { username: 'baru', name: 'Tanpa PIN', role: 'consultant' }),
    ).toMatchObject({
      error: { code: 'VALIDATION_FAILED' },
    });
  });

  it('pairs a device with a link, and revoking it cuts it off at once', async () => {
    hub = await startHub();
    const supervisor = await hub.staff('supervisor');
    const paired = await ok(supervisor, 'settings:device-pair', {
      role: 'rating',
      name: 'Tablet 2',
      deskId: 'konsultasi-2',
    });
    expect(paired.link).toBe(`http://pst.local:3324/rating/#token=${paired.token}`);
    const tablet = await connectClient(hub.url, paired.token);
    expect(await ok(tablet, 'session:whoami', {})).toMatchObject({ role: 'rating', deskId: 'konsultasi-2' });
    const gone = new Promise((resolve) => tablet.once('disconnect', resolve));
    await ok(supervisor, 'settings:device-revoke', { deviceId: paired.deviceId });
    await gone;
    await expect(connectClient(hub.url, paired.token)).rejects.toMatchObject({
      data: { code: 'UNAUTHENTICATED' },
    });
    expect(
      await send(supervisor, 'settings:device-pair', { role: 'rating', name: 'Tanpa meja' }),
    ).toMatchObject({
      error: { code: 'UNKNOWN_DESK' },
    });
  });

  it('keeps holidays and data care settings, and erases a visitor on request', async () => {
    hub = await startHub();
    const admin = await hub.staff('admin');
    const supervisor = await hub.staff('supervisor');
    const view = await ok(supervisor, 'settings:holidays', {
      holidays: [
        { date: '2027-01-01', name: 'Tahun Baru 2027 Masehi', isJointLeave: false },
        { date: '2026-12-31', name: 'Cuti bersama (contoh)', isJointLeave: true },
      ],
    });
    expect(view.holidays.map((h) => h.date)).toEqual(['2026-12-31', '2027-01-01']);
    expect(await send(supervisor, 'settings:data-care', { retentionDays: 365, backupDays: 7 })).toMatchObject(
      {
        error: { code: 'FORBIDDEN' },
      },
    );
    expect((await ok(admin, 'settings:data-care', { retentionDays: 365, backupDays: 7 })).dataCare).toEqual({
      retentionDays: 365,
      backupDays: 7,
    });
    hub.store.insertGuestBook(
      'gb-1',
      { ...GUEST, phone: '081234567890', address: '', groupSize: 1, consent: true } as never,
      't',
      '2026-11-01',
      'x',
      1,
    );
    expect(await ok(supervisor, 'guestbook:erase', { phone: '0812 3456 7890' })).toEqual({ erased: 1 });
    expect(hub.store.lookupGuest({ phone: '081234567890' })).toBeNull();
  });
});
