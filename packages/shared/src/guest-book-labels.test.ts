import { expect, it } from 'vitest';
import { currentServiceUsedLabel, GUEST_BOOK_OPTIONS, guestBookEntrySchema } from './guest-book';

const entry = {
  identityType: 'KTP',
  identityNumber: '3324012345678901',
  fullName: 'Siti Aminah',
  gender: 'Perempuan',
  birthYear: 1995,
  education: 'D4/S1',
  occupation: 'Peneliti/Dosen',
  institutionCategory: 'Lembaga Penelitian & Pendidikan',
  institutionName: 'Universitas Diponegoro',
  email: '',
  phone: '0812-3456-7890',
  purpose: 'Penelitian',
  dataNeeded: '',
  visitType: 'Perorangan',
  consent: true,
};

it('names the recommendation service as the office standard does, and reads the old stored label as it', () => {
  expect(GUEST_BOOK_OPTIONS.servicesUsed).toContain('Rekomendasi Statistik');
  expect(currentServiceUsedLabel('Rekomendasi Kegiatan Statistik')).toBe('Rekomendasi Statistik');
  expect(currentServiceUsedLabel('Perpustakaan')).toBe('Perpustakaan');
  const parsed = guestBookEntrySchema.parse({ ...entry, servicesUsed: ['Rekomendasi Kegiatan Statistik'] });
  expect(parsed.servicesUsed).toEqual(['Rekomendasi Statistik']);
});
