import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDayFacts } from '../src/testing';
import { officeDays, push, startCentral, type TestCentral } from './helpers';

let central: TestCentral;
let key: string;

beforeAll(async () => {
  central = await startCentral();
  key = await central.office('3324', 'BPS Kabupaten Kendal');
});
afterAll(() => central.close());

const day = (d: string, version: number, visits: number, withinTarget = visits) => ({
  day: d,
  version,
  facts: sampleDayFacts(visits, withinTarget),
});

/** Pushes something that must be refused and checks that nothing in the database moved. */
async function refused(
  body: unknown,
  code: string,
  status: number,
  options: { key?: string; raw?: string } = {},
) {
  const before = await officeDays(central);
  const { rows: officesBefore } = await central.pool.query('SELECT last_push_at, last_day FROM offices');
  const answer = await push(central, options.key ?? key, body, options.raw);
  expect(answer.status).toBe(status);
  expect(answer.body.ok).toBe(false);
  expect(answer.body.error?.code).toBe(code);
  expect(answer.body.error?.message).toMatch(/\w/);
  expect(await officeDays(central)).toEqual(before);
  const { rows: officesAfter } = await central.pool.query('SELECT last_push_at, last_day FROM offices');
  expect(officesAfter).toEqual(officesBefore);
  return answer.body.error;
}

describe('pushes of closed days', () => {
  it('stores new days, treats a resend as nothing new, and lets a late correction replace (never add)', async () => {
    const first = await push(central, key, { days: [day('2026-11-23', 1, 10, 8), day('2026-11-24', 1, 5)] });
    expect(first.body).toEqual({ ok: true, data: { stored: 2, unchanged: 0 } });

    const resend = await push(central, key, { days: [day('2026-11-23', 1, 10, 8), day('2026-11-24', 1, 5)] });
    expect(resend.body).toEqual({ ok: true, data: { stored: 0, unchanged: 2 } });

    const corrected = await push(central, key, { days: [day('2026-11-23', 2, 12, 9)] });
    expect(corrected.body).toEqual({ ok: true, data: { stored: 1, unchanged: 0 } });

    const rows = await officeDays(central);
    expect(rows).toEqual([
      expect.objectContaining({ day: '2026-11-23', version: 2, visits: 12, within_target: 9, clocked: 12 }),
      expect.objectContaining({ day: '2026-11-24', version: 1, visits: 5 }),
    ]);
    // The month's sums follow the correction: replaced, not added.
    const { rows: month } = await central.pool.query(
      "SELECT days, visits, within_target, ikm_respondents FROM office_months WHERE office_id = '3324'",
    );
    expect(month).toEqual([{ days: 2, visits: 17, within_target: 14, ikm_respondents: 8 }]);
    const { rows: office } = await central.pool.query(
      "SELECT to_char(last_day, 'YYYY-MM-DD') AS last_day, last_push_at FROM offices",
    );
    expect(office[0]).toEqual({ last_day: '2026-11-24', last_push_at: new Date(central.now.value) });
  });

  it('refuses a replayed old version, with the version it holds, and changes nothing', async () => {
    const error = await refused(
      { days: [day('2026-11-24', 1, 5), day('2026-11-23', 1, 10, 8)] },
      'CENTRAL_STALE_VERSION',
      409,
    );
    expect(error?.details).toEqual({ days: [{ day: '2026-11-23', version: 2 }] });
    // The same version with other facts is no resend either.
    await refused({ days: [day('2026-11-23', 2, 99)] }, 'CENTRAL_STALE_VERSION', 409);
  });

  it('refuses a day that has not ended at the office (today or the future), the whole push', async () => {
    const error = await refused(
      { days: [day('2026-11-20', 1, 3), day('2026-11-25', 1, 4)] },
      'CENTRAL_DAY_NOT_CLOSED',
      422,
    );
    expect(error?.details).toEqual({ days: ['2026-11-25'], today: '2026-11-25' });
    await refused({ days: [day('2027-01-01', 1, 4)] }, 'CENTRAL_DAY_NOT_CLOSED', 422);
  });

  it('refuses a wrong, missing or revoked key', async () => {
    await refused({ days: [day('2026-11-20', 1, 3)] }, 'CENTRAL_KEY_INVALID', 401, {
      key: 'pstk_not-a-key-at-all',
    });
    const response = await fetch(`${central.url}/api/v1/days`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ days: [day('2026-11-20', 1, 3)] }),
    });
    expect(response.status).toBe(401);
    const other = await central.office('3374', 'BPS Kota Semarang');
    const { revokeKey } = await import('../src/accounts');
    expect(await revokeKey(central.pool, '3374', central.now.value)).toBe(true);
    await refused({ days: [day('2026-11-20', 1, 3)] }, 'CENTRAL_KEY_INVALID', 401, { key: other });
  });

  it('refuses malformed pushes: broken JSON, missing parts, unknown (personal) fields, two of one day', async () => {
    await refused(null, 'CENTRAL_PAYLOAD_INVALID', 400, { raw: '{"days": [' });
    await refused({ days: [] }, 'CENTRAL_PAYLOAD_INVALID', 400);
    await refused({ days: [{ day: '2026-11-20', version: 1 }] }, 'CENTRAL_PAYLOAD_INVALID', 400);
    await refused({ days: [day('2026-13-01', 1, 3)] }, 'CENTRAL_PAYLOAD_INVALID', 400);
    await refused({ days: [{ ...day('2026-11-20', 0, 3) }] }, 'CENTRAL_PAYLOAD_INVALID', 400);
    const withName = day('2026-11-20', 1, 3);
    const facts = { ...withName.facts, guestBook: { ...withName.facts.guestBook, names: ['Budi Santoso'] } };
    const error = await refused({ days: [{ ...withName, facts }] }, 'CENTRAL_PAYLOAD_INVALID', 400);
    expect(JSON.stringify(error?.details)).toContain('guestBook');
    await refused(
      { days: [day('2026-11-20', 1, 3), day('2026-11-20', 2, 4)] },
      'CENTRAL_PAYLOAD_INVALID',
      400,
    );
  });

  it('answers in English when the hub asks for it', async () => {
    const response = await fetch(`${central.url}/api/v1/days`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer pstk_wrong-key-000',
        'accept-language': 'en',
      },
      body: '{}',
    });
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      'Unknown or revoked office key.',
    );
  });
});
