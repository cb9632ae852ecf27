/**
 * Real office hubs push to a real central over real HTTP, through a link the tests cut: nothing is
 * lost, nothing is counted twice, nothing personal leaves the office, and the office never waits.
 */
import { join } from 'node:path';
import { buildReport, CENTRAL_SETTING, type CentralLink, Store, seedOffice } from '@pst/hub';
import { closeClients, MORNING, ok, removeDir, startHub, type TestHub, tempDir } from '@pst/hub/testing';
import { addDays, officeDay } from '@pst/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { startCentral, type TestCentral } from './helpers';
import { Link } from './link';

const DAY = 86_400_000;
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  closeClients();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A hub whose office has `days` past days of visits, linked to central through a cuttable link. */
async function linkedOffice(
  days: number,
  options: { complaintText?: boolean; intervalMs?: number; requestTimeoutMs?: number } = {},
) {
  const dataDir = tempDir();
  const store = new Store(join(dataDir, 'pst.sqlite'));
  seedOffice(store, { days, now: MORNING, seed: 22 });
  store.close();
  const hub = await startHub({
    dataDir,
    // The link is set before the hub starts: until then nothing is pushed.
    central: {
      intervalMs: options.intervalMs ?? 60_000,
      retry: { minMs: 20, maxMs: 100 },
      requestTimeoutMs: options.requestTimeoutMs ?? 20_000,
    },
  });
  const central = await startCentral({ now: hub.now });
  const key = await central.office('3324', 'BPS Kabupaten Kendal');
  const link = await Link.open(central.url);
  hub.store.setSetting(CENTRAL_SETTING, {
    url: link.url,
    key,
    complaintText: options.complaintText ?? false,
  } satisfies CentralLink);
  cleanups.push(
    () => removeDir(dataDir),
    () => central.close(),
    () => link.close(),
    () => hub.stop(),
  );
  return { hub, central, link };
}

/** Until `check` passes, polling (the pusher works on its own timers). */
async function eventually(check: () => Promise<void>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** Central's sums over every day of the office, and the hub's own report over the same days. */
async function compare(hub: TestHub, central: TestCentral) {
  const today = officeDay(hub.now.value);
  const { rows } = await central.pool.query(
    `SELECT count(*)::int AS days, sum(visits)::int AS visits, sum(within_target)::int AS within,
       sum(clocked)::int AS clocked, sum(ikm_respondents)::int AS respondents, sum(complaints)::int AS complaints,
       sum(complaints_open)::int AS open, max(version)::int AS max_version
     FROM office_days WHERE office_id = '3324'`,
  );
  const first = hub.store.db.prepare('SELECT min(day) FROM tickets').pluck().get() as string;
  const report = buildReport(
    hub.store.reports,
    { from: first, to: addDays(today, -1) },
    'Asia/Jakarta',
    today,
  );
  const hubDays = hub.store.db.prepare('SELECT count(*) FROM report_days').pluck().get() as number;
  return {
    central: rows[0],
    hub: {
      days: hubDays,
      visits: report.visitors.total,
      within: report.overall.withinTarget,
      clocked: report.overall.serviceWait.mean === null ? 0 : countClocked(report),
      respondents: report.satisfaction.respondents,
      complaints: report.satisfaction.complaints.length,
      open: report.satisfaction.complaints.filter((c) => c.status !== 'selesai').length,
    },
  };
}

function countClocked(report: ReturnType<typeof buildReport>): number {
  // The 10-minute share's denominator: stages on the clock (withinTargetShare = within / clocked).
  const share = report.overall.withinTargetShare ?? 0;
  return share ? Math.round(report.overall.withinTarget / share) : 0;
}

describe('hubs pushing closed days to central', () => {
  it('a link cut mid-push, after central stored or before it got the push, loses nothing and doubles nothing', async () => {
    const { hub, central, link } = await linkedOffice(120);
    // 1. The second answer never reaches the hub: central stored that batch, the hub must send it again.
    link.cutResponseAfter(1);
    const cut = await hub.central.pushNow();
    expect(cut).toMatchObject({ ok: false, pushed: 50 });
    expect(link.cuts).toBe(1);
    const { rows } = await central.pool.query('SELECT count(*)::int AS n FROM office_days');
    expect(rows[0].n).toBe(100);
    expect(hub.store.outbox.counts().pending).toBeGreaterThan(0);

    // 2. Half a request gets through, then the link drops: central stores nothing of it.
    link.mode = 'cut-request';
    await eventually(async () => expect(link.cuts).toBe(2));
    const { rows: after } = await central.pool.query('SELECT count(*)::int AS n FROM office_days');
    expect(after[0].n).toBe(100);

    // 3. The link is back: the hub's own retry sends the rest, the stored batch again (a resend, not a double).
    link.mode = 'up';
    await eventually(async () => expect(hub.store.outbox.counts()).toMatchObject({ pending: 0, dirty: 0 }));
    const { central: c, hub: h } = await compare(hub, central);
    expect(c).toEqual({ ...h, max_version: 1 });
    expect(h.visits).toBeGreaterThan(500);
  });

  it('sends no personal data: no name, NIK, phone, e-mail, institution or complaint words', async () => {
    const { hub, link } = await linkedOffice(30);
    await eventually(async () => expect(await hub.central.pushNow()).toMatchObject({ ok: true }));
    expect(hub.store.outbox.counts()).toMatchObject({ pending: 0 });
    const entries = hub.store.db.prepare('SELECT entry, phone, email FROM guest_book').all() as Array<{
      entry: string;
      phone: string;
      email: string;
    }>;
    expect(entries.length).toBeGreaterThan(50);
    expect(link.sent).toContain('guestBook');
    for (const row of entries) {
      const e = JSON.parse(row.entry) as Record<string, string>;
      for (const secret of [
        e.fullName,
        e.identityNumber,
        e.institutionName,
        e.dataNeeded,
        row.phone,
        row.email,
      ])
        if (secret) expect(link.sent).not.toContain(secret);
    }
    const complaints = hub.store.db
      .prepare("SELECT complaint FROM ratings WHERE complaint != ''")
      .pluck()
      .all() as string[];
    expect(complaints.length).toBeGreaterThan(0);
    for (const text of complaints) expect(link.sent).not.toContain(text);
  });

  it('sends complaint words only when the admin turned that on', async () => {
    const { hub, central } = await linkedOffice(30, { complaintText: true });
    await eventually(async () => expect(await hub.central.pushNow()).toMatchObject({ ok: true, pushed: 0 }));
    const texts = (
      await central.pool.query(
        "SELECT jsonb_array_elements_text(facts->'complaints'->'texts') AS t FROM office_days",
      )
    ).rows.map((r) => r.t);
    const complaints = hub.store.db
      .prepare("SELECT complaint FROM ratings WHERE complaint != ''")
      .pluck()
      .all();
    expect(texts.sort()).toEqual([...complaints].sort());
  });

  it('a late correction goes again under a new version and replaces the day; an unchanged day does not', async () => {
    const { hub, central } = await linkedOffice(30);
    await eventually(async () => expect(await hub.central.pushNow()).toMatchObject({ ok: true, pushed: 0 }));
    const day = hub.store.db
      .prepare(
        "SELECT day FROM ratings WHERE complaint != '' AND complaint_status = 'baru' ORDER BY day LIMIT 1",
      )
      .pluck()
      .get() as string;
    const before = await compare(hub, central);

    // The day's facts are kept again with no change: nothing new to send.
    hub.store.db.prepare('DELETE FROM report_days WHERE day = ?').run(day);
    expect(await hub.central.pushNow()).toEqual({ ok: true, pushed: 0 });

    // The complaint is followed up: the day's open complaints change, the day goes again as version 2.
    hub.store.db
      .prepare("UPDATE ratings SET complaint_status = 'selesai' WHERE day = ? AND complaint != ''")
      .run(day);
    expect(await hub.central.pushNow()).toEqual({ ok: true, pushed: 1 });
    const { rows } = await central.pool.query(
      "SELECT version, complaints_open FROM office_days WHERE day = $1 AND office_id = '3324'",
      [day],
    );
    expect(rows[0]).toEqual({ version: 2, complaints_open: 0 });
    const after = await compare(hub, central);
    expect(after.central).toEqual({ ...after.hub, max_version: 2 });
    expect(after.central.visits).toBe(before.central.visits);
    expect(after.central.open).toBeLessThan(before.central.open);
  });

  it('a hub offline for weeks keeps serving without waiting, then catches up by itself', async () => {
    // The hub looks for closed days every 50 ms here (5 minutes by default); a push times out after 300 ms.
    const { hub, central, link } = await linkedOffice(5, { intervalMs: 50, requestTimeoutMs: 300 });
    await eventually(async () => expect(await hub.central.pushNow()).toMatchObject({ ok: true, pushed: 0 }));
    // Central takes pushes and never answers, for three weeks of office days.
    link.mode = 'hang';
    const kiosk = await hub.device('kiosk');
    for (let d = 0; d < 21; d++) {
      hub.advance(DAY);
      await hub.housekeeping();
      const ticket = await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
      expect(ticket.ticket.number).toMatch(/\d/);
    }
    const yesterday = addDays(officeDay(hub.now.value), -1);
    const { rows: before } = await central.pool.query(
      "SELECT to_char(max(day), 'YYYY-MM-DD') AS last FROM office_days",
    );
    expect(before[0].last < addDays(yesterday, -20)).toBe(true);
    expect(link.hung).toBeGreaterThan(0);
    // The link comes back; nobody asks the hub to push.
    link.restore();
    await eventually(async () => {
      const { central: c, hub: h } = await compare(hub, central);
      expect(c).toEqual({ ...h, max_version: 1 });
      expect(hub.store.outbox.counts()).toMatchObject({ pending: 0, dirty: 0 });
    });
    const { rows } = await central.pool.query(
      "SELECT to_char(max(day), 'YYYY-MM-DD') AS last FROM office_days",
    );
    expect(rows[0].last).toBe(yesterday);
  });
});
