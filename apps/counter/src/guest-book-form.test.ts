import { describe, expect, it } from 'vitest';
import { checkDraft, draftFromEntry, EMPTY_DRAFT, type GuestBookDraft } from './guest-book-form';

const PHONE_INVALID = 'Nomor telepon tidak valid, mis. 0812 3456 7890, 0294 381461 atau +65 6123 4567';

const good: GuestBookDraft = {
  ...EMPTY_DRAFT,
  identityNumber: '3324012345678901',
  fullName: 'Siti Aminah',
  gender: 'Perempuan',
  birthYear: '1995',
  education: 'D4/S1',
  occupation: 'Peneliti/Dosen',
  institutionCategory: 'Lembaga Penelitian & Pendidikan',
  institutionName: 'Universitas Diponegoro',
  email: 'siti@example.ac.id',
  phone: '0812 3456 7890',
  purpose: 'Penelitian',
  servicesUsed: ['Konsultasi Statistik'],
  dataNeeded: 'Data kemiskinan',
  consent: true,
};

describe('guest-book form', () => {
  it('accepts a complete entry and normalises the phone', () => {
    const check = checkDraft(good, 2026);
    expect(check.ok && check.entry).toMatchObject({ birthYear: 1995, groupSize: 1, phone: '0812 3456 7890' });
  });

  it.each([
    ['identityNumber', { identityNumber: '33240123' }, 'NIK terdiri dari 16 angka'],
    ['email', { email: 'siti@' }, 'Alamat email tidak valid, mis. nama@contoh.com'],
    ['phone', { phone: '021 555' }, PHONE_INVALID],
    ['phone', { phone: '', email: '' }, 'Isi nomor telepon atau email (salah satu wajib)'],
    ['birthYear', { birthYear: '95' }, 'Tahun lahir 4 angka, mis. 1990'],
    ['birthYear', { birthYear: '' }, 'Wajib diisi'],
    ['birthYear', { birthYear: '2030' }, 'Tahun lahir tidak masuk akal'],
    ['gender', { gender: '' }, 'Wajib diisi'],
    ['fullName', { fullName: 'A' }, 'Nama minimal 2 huruf'],
    ['servicesUsed', { servicesUsed: [] }, 'Pilih minimal satu layanan'],
    ['consent', { consent: false }, 'Persetujuan pengunjung diperlukan'],
    ['fullName', { fullName: '' }, 'Wajib diisi'],
  ] as const)('refuses a bad %s with a clear message', (field, change, expected) => {
    const check = checkDraft({ ...good, ...change } as GuestBookDraft, 2026);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.errors[field]).toBe(expected);
  });

  it.each([
    ['an office landline', { phone: '(0294) 381461' }],
    [
      'a foreign number with a passport',
      { phone: '+44 20 7946 0958', identityType: 'Paspor', identityNumber: 'C01X00T47' },
    ],
    ['no phone when an email is given', { phone: '' }],
    ['no email when a phone is given', { email: '' }],
  ] as const)('accepts %s', (_what, change) => {
    expect(checkDraft({ ...good, ...change } as GuestBookDraft, 2026).ok).toBe(true);
  });

  it('reports every problem at once, NIK included, on an empty form', () => {
    const check = checkDraft({ ...EMPTY_DRAFT, identityNumber: '1234' }, 2026);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.errors.identityNumber).toBe('NIK terdiri dari 16 angka');
      expect(Object.keys(check.errors)).toEqual(
        expect.arrayContaining(['fullName', 'gender', 'birthYear', 'phone', 'purpose', 'consent']),
      );
    }
  });

  it('pre-fills from a returning visitor without extra keys, and asks consent again', () => {
    const check = checkDraft(good, 2026);
    if (!check.ok) throw new Error('fixture');
    const found = {
      ...check.entry,
      phone: '081234567890',
      address: '',
      groupSize: 1,
      consent: true as const,
      lastVisitAt: 1,
    };
    const draft = draftFromEntry(found as Parameters<typeof draftFromEntry>[0]);
    expect(draft).toEqual({ ...good, phone: '081234567890', consent: false });
    expect(checkDraft({ ...draft, consent: true }, 2026).ok).toBe(true);
  });
});
