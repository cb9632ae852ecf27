import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, queueConfigSchema } from './config';
import { schemas } from './contract';
import { CALL_REASONS, callReasonLabel } from './desk-pick';

const withProfile = (profile: unknown) => ({
  ...DEFAULT_CONFIG,
  desks: DEFAULT_CONFIG.desks.map((d) => (d.id === 'konsultasi-1' ? { ...d, profile } : d)),
});

describe('work profiles in the desk configuration', () => {
  it.each([
    [{ kind: 'order' }],
    [{ kind: 'ratio', weights: { konsultasi: 2, rekomendasi: 1 } }],
    [{ kind: 'ratio', weights: {} }],
  ])('accepts %j', (profile) => {
    expect(queueConfigSchema.safeParse(withProfile(profile)).success).toBe(true);
  });

  it.each([
    ['a weight for a service the desk does not serve', { kind: 'ratio', weights: { perpustakaan: 2 } }],
    ['a weight of 0', { kind: 'ratio', weights: { konsultasi: 0 } }],
    ['a weight above 10', { kind: 'ratio', weights: { konsultasi: 11 } }],
    ['an unknown kind', { kind: 'random' }],
    ['an unknown key', { kind: 'order', extra: true }],
  ])('refuses %s', (_what, profile) => {
    expect(queueConfigSchema.safeParse(withProfile(profile)).success).toBe(false);
  });

  it('keeps configurations saved before profiles existed (no profile: the configured order)', () => {
    expect(queueConfigSchema.parse(DEFAULT_CONFIG).desks.every((d) => d.profile === undefined)).toBe(true);
  });
});

describe('desk:call-chosen payload', () => {
  const payload = { deskId: 'konsultasi-1', ticketId: '20261125-K003' };
  it('needs a reason of the list, and a note for "lainnya"', () => {
    const parse = (extra: object) => schemas['desk:call-chosen'].safeParse({ ...payload, ...extra });
    expect(parse({ reason: 'janji-temu' }).success).toBe(true);
    expect(parse({}).success).toBe(false);
    expect(parse({ reason: 'suka-suka' }).success).toBe(false);
    expect(parse({ reason: 'lainnya' }).error?.issues[0]?.path).toEqual(['note']);
    expect(parse({ reason: 'lainnya', note: '   ' }).success).toBe(false);
    expect(parse({ reason: 'lainnya', note: 'Diminta kepala PST' }).success).toBe(true);
    expect(parse({ reason: 'janji-temu', note: 'x'.repeat(201) }).success).toBe(false);
  });

  it('words every reason in both languages', () => {
    for (const reason of CALL_REASONS) {
      expect(callReasonLabel(reason, 'id')).not.toContain('callReason.');
      expect(callReasonLabel(reason, 'en')).not.toBe(callReasonLabel(reason, 'id'));
    }
  });
});
