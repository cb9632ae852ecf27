import { describe, expect, it } from 'vitest';
import { answerElement, answerIntegrity, chooseOverall, IDLE, payload, start } from './flow';

const request = { ticketId: '20261125-K001', number: 'K-001', deskName: 'Meja Konsultasi 1' };

describe('rating flow', () => {
  it('goes overall -> nine elements -> two integrity questions -> complaint, skips giving null', () => {
    let s = chooseOverall(start(request), 4);
    expect(s.step).toEqual({ name: 'element', index: 0 });
    for (const score of [4, 3, null, 4, 4, 3, 4, null, 3] as const) s = answerElement(s, score);
    expect(s.step).toEqual({ name: 'integrity', index: 0 });
    s = answerIntegrity(answerIntegrity(s, false), null);
    expect(s.step).toEqual({ name: 'complaint' });
    expect(payload({ ...s, complaint: '  Kursi kurang  ' })).toEqual({
      ticketId: '20261125-K001',
      overall: 4,
      scores: [4, 3, null, 4, 4, 3, 4, null, 3],
      integrity: { imbalan: false, pungli: null },
      complaint: 'Kursi kurang',
    });
  });

  it('has nothing to send before the overall answer, and answers out of turn change nothing', () => {
    expect(payload(start(request))).toBeNull();
    expect(payload(IDLE)).toBeNull();
    const s = start(request);
    expect(answerElement(s, 4)).toBe(s);
    expect(answerIntegrity(s, true)).toBe(s);
  });

  it('starts clean for the next visitor', () => {
    const first = answerElement(chooseOverall(start(request), 2), 1);
    const next = start({ ...request, ticketId: '20261125-K002', number: 'K-002' });
    expect(next.scores).toEqual(Array(9).fill(null));
    expect(next.overall).toBeNull();
    expect(first.scores[0]).toBe(1);
  });
});
