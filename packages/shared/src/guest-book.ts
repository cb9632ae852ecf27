import { z } from 'zod';

/** Value lists as BPS offices' guest books use them (SKD categories); labels are what users see. */
export const GUEST_BOOK_OPTIONS = {
  identityType: ['KTP', 'SIM', 'Paspor', 'Kartu Pelajar/Mahasiswa', 'Lainnya'],
  gender: ['Laki-laki', 'Perempuan'],
  education: ['<= SLTA/Sederajat', 'D1/D2/D3', 'D4/S1', 'S2', 'S3'],
  occupation: [
    'Pelajar/Mahasiswa',
    'Peneliti/Dosen',
    'ASN/TNI/Polri',
    'Pegawai BUMN/BUMD',
    'Pegawai Swasta',
    'Wiraswasta',
    'Lainnya',
  ],
  institutionCategory: [
    'Lembaga Negara',
    'Kementerian & Lembaga Pemerintah',
    'TNI/Polri/BIN/Kejaksaan',
    'Pemerintah Daerah',
    'Lembaga Internasional',
    'Lembaga Penelitian & Pendidikan',
    'BUMN/BUMD',
    'Swasta',
    'Lainnya',
  ],
  purpose: ['Tugas Sekolah/Tugas Kuliah', 'Pemerintahan', 'Komersial', 'Penelitian', 'Lainnya'],
  servicesUsed: [
    'Perpustakaan',
    'Penjualan Produk Statistik',
    'Konsultasi Statistik',
    'Rekomendasi Kegiatan Statistik',
    'Lainnya',
  ],
  visitType: ['Perorangan', 'Kelompok'],
} as const;

const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values);

/** Indonesian mobile numbers: 08xx, 628xx or +628xx, 10 to 13 digits in the 0-form; spaces and dashes allowed. */
export function normalizePhone(raw: string): string | null {
  const digits = raw.replace(/[\s\-().]/g, '');
  const match = /^(?:\+62|62|0)(8[1-9]\d{7,10})$/.exec(digits);
  return match ? `0${match[1]}` : null;
}

/** A phone number as people type it, stored and looked up in one form (08xxxxxxxxxx). */
export const phoneSchema = z
  .string()
  .max(20)
  .refine((v) => normalizePhone(v) !== null, 'Nomor HP Indonesia, mis. 0812 3456 7890')
  .transform((v) => normalizePhone(v) as string);

export const guestBookEntrySchema = z
  .strictObject({
    identityType: oneOf(GUEST_BOOK_OPTIONS.identityType),
    identityNumber: z.string().trim().min(3).max(30),
    fullName: z.string().trim().min(2).max(100),
    gender: oneOf(GUEST_BOOK_OPTIONS.gender),
    birthYear: z.number().int().min(1900).max(2100),
    education: oneOf(GUEST_BOOK_OPTIONS.education),
    occupation: oneOf(GUEST_BOOK_OPTIONS.occupation),
    institutionCategory: oneOf(GUEST_BOOK_OPTIONS.institutionCategory),
    institutionName: z.string().trim().max(120),
    email: z.email().max(120),
    phone: phoneSchema,
    address: z.string().trim().max(200).default(''),
    purpose: oneOf(GUEST_BOOK_OPTIONS.purpose),
    servicesUsed: z.array(oneOf(GUEST_BOOK_OPTIONS.servicesUsed)).min(1).max(5),
    dataNeeded: z.string().trim().max(1000),
    visitType: oneOf(GUEST_BOOK_OPTIONS.visitType),
    groupSize: z.number().int().min(1).max(500).default(1),
    /** Consent to store personal data for service and service statistics (UU 27/2022). */
    consent: z.literal(true, { error: 'Persetujuan pengunjung diperlukan' }),
  })
  // Object-level checks run as soon as their own fields are there, so a form shows every problem at once.
  .refine((entry) => entry.identityType !== 'KTP' || /^\d{16}$/.test(entry.identityNumber), {
    path: ['identityNumber'],
    message: 'NIK terdiri dari 16 angka',
    when: (payload) => hasFields(payload.value, ['identityType', 'identityNumber']),
  })
  .refine((entry) => entry.visitType !== 'Perorangan' || entry.groupSize === 1, {
    path: ['groupSize'],
    message: 'Kunjungan perorangan berjumlah 1 orang',
    when: (payload) => hasFields(payload.value, ['visitType']),
  });

function hasFields(value: unknown, fields: string[]): boolean {
  return typeof value === 'object' && value !== null && fields.every((f) => f in value);
}
export type GuestBookEntry = z.output<typeof guestBookEntrySchema>;
export type GuestBookInput = z.input<typeof guestBookEntrySchema>;

/** Show only the last digits of an identity or phone number outside the edit form. */
export function maskDigits(value: string, visible = 4): string {
  if (value.length <= visible) return value;
  return `${'•'.repeat(value.length - visible)}${value.slice(-visible)}`;
}
