import { DEFAULT_HOLIDAYS, type ErrorCode, ONLINE_ACTIONS, type OnlineAction } from '@pst/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { onlineDueAt } from './online-clock';
import {
  allowedActions,
  decideOnline,
  evolveOnline,
  isProposedForClosing,
  NO_RESPONSE_CLOSE_MS,
  noteOnline,
  type OnlineEvent,
  type OnlineRequest,
  recordOnline,
} from './online-request';
import { wib } from './test-helpers';
import { DomainError } from './types';

const calendar = { holidays: DEFAULT_HOLIDAYS };
const HOUR = 3600_000;
const DAY = 24 * HOUR;

function apply(request: OnlineRequest | null, events: OnlineEvent[]): OnlineRequest {
  let current = request;
  for (const event of events) current = evolveOnline(current, event);
  if (!current) throw new Error('no request');
  return current;
}

function act(request: OnlineRequest, action: OnlineAction, now: number): OnlineRequest {
  return apply(request, decideOnline(request, action, now, calendar));
}

function refused(run: () => unknown): ErrorCode | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

const received = wib('20:15', '2026-11-26'); // a WhatsApp message on Thursday evening
const recorded = wib('08:10', '2026-11-27');

describe('an online request, step by step', () => {
  it('waits with its clock stopped until it is clear and complete, then is due in 3 working days', () => {
    let r = apply(null, recordOnline('ON-20261127-001', received, false, recorded, calendar));
    expect(r).toMatchObject({ state: 'baru', receivedAt: received, clockStartedAt: null, dueAt: null });
    r = act(r, 'ask-completeness', wib('08:20', '2026-11-27'));
    expect(r).toMatchObject({
      state: 'menunggu-kelengkapan',
      dueAt: null,
      waitingOnUserSince: wib('08:20', '2026-11-27'),
    });
    r = act(r, 'complete', wib('15:00', '2026-11-27'));
    expect(r).toMatchObject({ state: 'diproses', clockStartedAt: wib('15:00', '2026-11-27') });
    expect(r.dueAt).toBe(wib('15:00', '2026-12-02'));
    expect(r.waitingOnUserSince).toBeNull();
    r = act(r, 'answer', wib('10:00', '2026-12-01'));
    expect(r).toMatchObject({ state: 'dijawab', firstAnsweredAt: wib('10:00', '2026-12-01') });
    r = act(r, 'close-done', wib('11:00', '2026-12-01'));
    expect(r).toMatchObject({
      state: 'ditutup',
      closeReason: 'selesai',
      closedAt: wib('11:00', '2026-12-01'),
    });
    expect(allowedActions(r, wib('11:00', '2026-12-01'))).toEqual([]);
  });

  it('starts the clock at once when recorded clear and complete', () => {
    const r = apply(null, recordOnline('ON-20261127-002', received, true, recorded, calendar));
    expect(r.state).toBe('diproses');
    expect(r.dueAt).toBe(onlineDueAt(recorded, calendar));
  });

  it('keeps its first due time when reopened after an answer', () => {
    let r = apply(null, recordOnline('ON-20261127-003', received, true, recorded, calendar));
    const due = r.dueAt;
    r = act(r, 'answer', recorded + HOUR);
    r = act(r, 'reopen', recorded + 2 * HOUR);
    expect(r).toMatchObject({ state: 'diproses', dueAt: due, firstAnsweredAt: recorded + HOUR });
  });

  it('refuses a request received in the future', () => {
    expect(refused(() => recordOnline('ON-20261127-004', recorded + 1, false, recorded, calendar))).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('refuses what the state does not allow', () => {
    const r = apply(null, recordOnline('ON-20261127-005', received, false, recorded, calendar));
    expect(refused(() => decideOnline(r, 'answer', recorded, calendar))).toBe('ONLINE_INVALID_TRANSITION');
    expect(refused(() => decideOnline(r, 'close-done', recorded, calendar))).toBe(
      'ONLINE_INVALID_TRANSITION',
    );
  });
});

describe('the 7-day close', () => {
  const answeredAt = wib('10:00', '2026-12-01');
  const answered = (() => {
    const r = apply(null, recordOnline('ON-20261127-006', received, true, recorded, calendar));
    return act(r, 'answer', answeredAt);
  })();

  it('is proposed after 7 calendar days of silence, not a millisecond before, and refused before', () => {
    expect(isProposedForClosing(answered, answeredAt + NO_RESPONSE_CLOSE_MS - 1)).toBe(false);
    expect(refused(() => decideOnline(answered, 'close-no-response', answeredAt + 6 * DAY, calendar))).toBe(
      'ONLINE_CLOSE_TOO_EARLY',
    );
    expect(isProposedForClosing(answered, answeredAt + NO_RESPONSE_CLOSE_MS)).toBe(true);
    expect(allowedActions(answered, answeredAt + 7 * DAY)).toContain('close-no-response');
    const closed = act(answered, 'close-no-response', answeredAt + 8 * DAY);
    expect(closed).toMatchObject({ state: 'ditutup', closeReason: 'tidak-ada-respons' });
  });

  it("counts the 7 days again from the user's last reply; staff messages do not count as one", () => {
    const reminded = apply(answered, noteOnline(answered, 'ke-pengguna', answeredAt + 5 * DAY));
    expect(isProposedForClosing(reminded, answeredAt + 7 * DAY)).toBe(true);
    const replied = apply(answered, noteOnline(answered, 'dari-pengguna', answeredAt + 5 * DAY));
    expect(isProposedForClosing(replied, answeredAt + 7 * DAY)).toBe(false);
    expect(isProposedForClosing(replied, answeredAt + 12 * DAY)).toBe(true);
  });

  it('is never proposed while staff owe the answer', () => {
    const r = apply(null, recordOnline('ON-20261127-007', received, true, recorded, calendar));
    expect(isProposedForClosing(r, recorded + 30 * DAY)).toBe(false);
  });
});

describe('any sequence of actions, by property', () => {
  const step = fc.record({
    action: fc.constantFrom(...ONLINE_ACTIONS),
    after: fc.integer({ min: 0, max: 9 * DAY }),
    userReply: fc.boolean(),
  });
  it('never closes by itself, starts the clock once, and closes for no response only after 7 silent days', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(step, { maxLength: 25 }), (isComplete, steps) => {
        let now = recorded;
        let r = apply(null, recordOnline('ON-20261127-008', received, isComplete, now, calendar));
        for (const { action, after, userReply } of steps) {
          now += after;
          if (userReply && r.state !== 'ditutup') r = apply(r, noteOnline(r, 'dari-pengguna', now));
          const before = r;
          const allowed = allowedActions(r, now).includes(action);
          const code = refused(() => decideOnline(before, action, now, calendar));
          expect(code === null).toBe(allowed);
          if (code !== null) continue;
          r = act(r, action, now);
          if (r.state === 'ditutup') {
            // Closed only by a person's action; for no response only after 7 days of the user's silence.
            expect(['close-done', 'close-no-response']).toContain(action);
            if (r.closeReason === 'tidak-ada-respons') {
              expect(before.waitingOnUserSince).not.toBeNull();
              expect(now - (before.waitingOnUserSince ?? now)).toBeGreaterThanOrEqual(NO_RESPONSE_CLOSE_MS);
            }
          }
          if (before.dueAt !== null) expect(r.dueAt).toBe(before.dueAt);
          if (r.dueAt !== null && r.clockStartedAt !== null)
            expect(r.dueAt).toBe(onlineDueAt(r.clockStartedAt, calendar));
        }
      }),
      { numRuns: 300 },
    );
  });
});
