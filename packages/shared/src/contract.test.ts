import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, queueConfigSchema } from './config';
import {
  COMMAND_ROLES,
  COMPLAINT_CLOSED_STATUSES,
  COMPLAINT_STATUSES,
  isComplaintClosed,
  schemas,
} from './contract';
import { ERROR_CODES, ERRORS, errorBody } from './errors';
import { guestBookEntrySchema, maskDigits, normalizePhone } from './guest-book';
import { STRINGS, t } from './i18n';
import { IKM_ELEMENTS, ikmCategory } from './ikm';
import { DATA_CARE_DAYS } from './rules';
import { GUEST } from './testing';

describe('contract', () => {
  // That every command has a schema and a roles entry is the type checker's (Record<CommandName, ...>).
  it('lets someone send every command', () => {
    for (const roles of Object.values(COMMAND_ROLES)) expect(roles.length).toBeGreaterThan(0);
  });

  it('closes complaints only with statuses of the one list (central counts the rest as open)', () => {
    for (const status of COMPLAINT_CLOSED_STATUSES) expect(COMPLAINT_STATUSES).toContain(status);
    expect(COMPLAINT_CLOSED_STATUSES).toEqual(['selesai']);
    expect([null, ...COMPLAINT_STATUSES, 'ditutup'].map(isComplaintClosed)).toEqual([
      false,
      false,
      false,
      true,
      false,
    ]);
  });

  it('takes the data-care periods from DATA_CARE_DAYS, the bounds the settings form offers', () => {
    const care = { retentionDays: 365, backupDays: 7 };
    for (const [field, { min, max }] of Object.entries(DATA_CARE_DAYS)) {
      const accepts = (days: number) =>
        schemas['settings:data-care'].safeParse({ ...care, [field]: days }).success;
      expect([min - 1, min, max, max + 1].map(accepts)).toEqual([false, true, true, false]);
    }
  });

  it('validates payloads strictly', () => {
    expect(schemas['ticket:take'].parse({ serviceId: 'konsultasi' })).toEqual({
      serviceId: 'konsultasi',
      priority: false,
    });
    expect(schemas['ticket:status'].safeParse({ ticketId: '20261125-K012' }).success).toBe(true);
    expect(schemas['ticket:status'].safeParse({ ticketId: 'abc' }).success).toBe(false);
    const polluted = JSON.parse('{"serviceId":"konsultasi","__proto__":{"x":1}}');
    expect(schemas['ticket:take'].safeParse(polluted).success).toBe(false);
    expect(schemas['ticket:take'].safeParse({ serviceId: 'konsultasi', constructor: {} }).success).toBe(
      false,
    );
    expect(schemas['ticket:take'].safeParse({ serviceId: 'k'.repeat(100_000) }).success).toBe(false);
    const rating = { ticketId: '20261125-K012', overall: 4, integrity: { imbalan: null, pungli: false } };
    expect(
      schemas['rating:submit'].safeParse({ ...rating, scores: [4, 3, null, 4, 4, 4, 4, 4, 4] }).success,
    ).toBe(true);
    expect(schemas['rating:submit'].safeParse({ ...rating, scores: [4, 3, 4] }).success).toBe(false);
    expect(
      schemas['rating:submit'].safeParse({ ...rating, scores: [5, 3, 4, 4, 4, 4, 4, 4, 4] }).success,
    ).toBe(false);
    expect(schemas['guestbook:lookup'].parse({ phone: '+62 812-3456-7890' })).toEqual({
      phone: '081234567890',
    });
  });

  it('has a message in both languages for every error code', () => {
    for (const code of ERROR_CODES) {
      expect(ERRORS[code].id.length).toBeGreaterThan(5);
      expect(ERRORS[code].en.length).toBeGreaterThan(5);
    }
    expect(errorBody('QUEUE_EMPTY')).toEqual({
      code: 'QUEUE_EMPTY',
      message: 'Tidak ada antrian yang menunggu.',
    });
    expect(errorBody('QUEUE_EMPTY', 'en', { deskId: 'x' }).details).toEqual({ deskId: 'x' });
  });
});

describe('strings', () => {
  // The same keys in both languages is the tables' type (Record<keyof typeof id, string>); the
  // placeholders inside the texts are not.
  it('have the same placeholders in Indonesian and English, and no empty text', () => {
    for (const [key, text] of Object.entries(STRINGS.id)) {
      const english = STRINGS.en[key as keyof typeof STRINGS.en];
      expect(text.trim().length, key).toBeGreaterThan(0);
      expect(english.trim().length, key).toBeGreaterThan(0);
      const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(params(english), key).toEqual(params(text));
    }
    expect(t('id', 'kiosk.peopleAhead', { n: 3 })).toBe('3 orang di depan Anda');
    expect(t('en', 'kiosk.peopleAhead')).toBe('{n} people ahead of you');
  });
});

describe('configuration', () => {
  it('accepts the defaults of DOMAIN.md and refuses bad values', () => {
    expect(queueConfigSchema.parse(DEFAULT_CONFIG)).toEqual(DEFAULT_CONFIG);
    const prefixes = DEFAULT_CONFIG.services.map((s) => s.prefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    const serviceIds = new Set(DEFAULT_CONFIG.services.map((s) => s.id));
    for (const desk of DEFAULT_CONFIG.desks)
      for (const s of desk.services) expect(serviceIds.has(s)).toBe(true);
    const service = DEFAULT_CONFIG.services[0];
    for (const bad of [{ prefix: 'KK' }, { color: 'red' }, { targetMinutes: 0 }]) {
      expect(
        queueConfigSchema.safeParse({ ...DEFAULT_CONFIG, services: [{ ...service, ...bad }] }).success,
      ).toBe(false);
    }
  });
});

describe('guest book', () => {
  it.each([
    ['0812-3456-7890', '081234567890'],
    ['+62 812 3456 7890', '081234567890'],
    ['6281234567890', '081234567890'],
    ['(0294) 381461', '0294381461'],
    ['021 5551234', '0215551234'],
    ['+44 20 7946 0958', '+442079460958'],
    ['0065 6123 4567', '+6561234567'],
    ['021 555', null],
    ['+62 21', null],
    ['0812', null],
    ['08abc', null],
  ])('normalizes %s', (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  it('masks identity numbers outside the edit form', () => {
    expect(maskDigits('3324012345678901')).toBe('••••••••••••8901');
    expect(maskDigits('123')).toBe('123');
  });

  it('refuses a KTP that is not 16 digits, missing consent and unknown keys', () => {
    const entry = { ...GUEST };
    expect(guestBookEntrySchema.parse(entry)).toMatchObject({ address: '', groupSize: 1 });
    const ktp = guestBookEntrySchema.safeParse({ ...entry, identityNumber: '332401234567890' });
    expect(ktp.error?.issues[0]?.path).toEqual(['identityNumber']);
    expect(guestBookEntrySchema.safeParse({ ...entry, consent: false }).success).toBe(false);
    expect(guestBookEntrySchema.safeParse({ ...entry, extra: 1 }).success).toBe(false);
    expect(
      guestBookEntrySchema.safeParse({ ...entry, identityType: 'Paspor', identityNumber: 'B1234567' })
        .success,
    ).toBe(true);
  });
});

describe('IKM categories', () => {
  it.each([
    [100, 'A'],
    [88.31, 'A'],
    [88.3, 'B'],
    [76.61, 'B'],
    [76.6, 'C'],
    [65, 'C'],
    [64.99, 'D'],
    [25, 'D'],
  ] as const)('%d is %s', (value, category) => {
    expect(ikmCategory(value)).toBe(category);
  });

  it('lists the nine elements with four answers each', () => {
    expect(IKM_ELEMENTS.map((e) => e.code)).toEqual(['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9']);
    for (const element of IKM_ELEMENTS) {
      expect(element.answers).toHaveLength(4);
      expect(element.answersEn).toHaveLength(4);
      expect(element.question).toMatch(/^Bagaimana .+\?$/);
    }
    expect(IKM_ELEMENTS[3]?.answers[3]).toBe('Gratis');
  });
});
