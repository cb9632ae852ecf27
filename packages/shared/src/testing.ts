import type { GuestBookInput } from './guest-book';

/**
 * One visitor's complete guest-book entry, for the tests on both sides of the wire (hub, apps and
 * browsers import it from here; the hub's testing.ts passes it on).
 */
export const GUEST: GuestBookInput = {
  identityType: 'KTP',
  identityNumber: '3324012345678901',
  fullName: 'Siti Aminah',
  gender: 'Perempuan',
  birthYear: 1995,
  education: 'D4/S1',
  occupation: 'Peneliti/Dosen',
  institutionCategory: 'Lembaga Penelitian & Pendidikan',
  institutionName: 'Universitas Diponegoro',
  email: 'siti.aminah@example.ac.id',
  phone: '0812-3456-7890',
  purpose: 'Penelitian',
  servicesUsed: ['Konsultasi Statistik'],
  dataNeeded: 'Data kemiskinan Kabupaten Kendal 2020-2025',
  visitType: 'Perorangan',
  consent: true,
};
