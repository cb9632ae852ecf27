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
    'Rekomendasi Statistik',
    'Lainnya',
  ],
  visitType: ['Perorangan', 'Kelompok'],
} as const;

/**
 * Guest-book labels renamed after entries were stored under the old words: "Rekomendasi Kegiatan
 * Statistik" is the service the office standard calls "Rekomendasi Statistik". Old entries read
 * (reports, a returning visitor's pre-filled form) as today's label.
 */
const RENAMED_SERVICES_USED: Record<string, string> = {
  'Rekomendasi Kegiatan Statistik': 'Rekomendasi Statistik',
};

/** A stored "services used" label as today's list names it. */
export function currentServiceUsedLabel(label: string): string {
  return RENAMED_SERVICES_USED[label] ?? label;
}

/**
 * A stored entry's "services used" as today's list names them, each once: every read of a stored entry
 * (reports, exports, a returning visitor's form) goes through this, so an old label is never shown, nor
 * counted twice beside its new name.
 */
export function withCurrentServiceLabels<T extends { servicesUsed?: unknown }>(entry: T): T {
  if (!Array.isArray(entry.servicesUsed)) return entry;
  return {
    ...entry,
    servicesUsed: [...new Set(entry.servicesUsed.map((l) => currentServiceUsedLabel(String(l))))],
  };
}

/** The two words a form shows for a field: nothing typed yet, or something typed that is wrong. */
export const REQUIRED = 'Wajib diisi';

/** The guest-book statistics a report breaks visitors down by (age groups derive from the birth year). */
export const GUEST_BOOK_DIMENSIONS = [
  'gender',
  'ageGroup',
  'education',
  'occupation',
  'institutionCategory',
  'purpose',
  'servicesUsed',
] as const;
export type GuestBookDimension = (typeof GUEST_BOOK_DIMENSIONS)[number];

/** What screens, the printed report and the exports call each statistic (never the key). */
export const GUEST_BOOK_DIMENSION_LABELS: Record<GuestBookDimension, { id: string; en: string }> = {
  gender: { id: 'Jenis kelamin', en: 'Gender' },
  ageGroup: { id: 'Kelompok umur', en: 'Age group' },
  education: { id: 'Pendidikan tertinggi', en: 'Highest education' },
  occupation: { id: 'Pekerjaan utama', en: 'Main occupation' },
  institutionCategory: { id: 'Kategori instansi', en: 'Institution category' },
  purpose: { id: 'Pemanfaatan utama hasil kunjungan', en: 'Main use of the visit' },
  servicesUsed: { id: 'Layanan yang digunakan', en: 'Services used' },
};

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    error: (issue) => (issue.input === undefined || issue.input === '' ? REQUIRED : 'Pilihan tidak valid'),
  });
const requiredText = (min: number, max: number, invalid: string) =>
  z.string({ error: REQUIRED }).trim().min(1, REQUIRED).min(min, invalid).max(max, invalid);

export type PhoneKind = 'mobile' | 'landline' | 'foreign';

/**
 * A phone number as people type it, in one stored form: Indonesian numbers as 0xxxx (mobile 08xx,
 * or a landline with its area code such as 0294 381461), foreign ones as +<country><number>.
 * Spaces, dashes, dots and brackets are ignored. Null when it is no phone number.
 */
export function normalizePhone(raw: string): string | null {
  const digits = raw.trim().replace(/[\s\-().]/g, '');
  const national = /^(?:\+62|62|0(?!0))(\d+)$/.exec(digits)?.[1];
  if (national !== undefined) {
    // Mobile: 8xx, 9 to 12 digits after the 0. Landline: area code 2-4 digits (not 8) + 5-8 digits.
    return /^8[1-9]\d{7,10}$/.test(national) || /^[2-79]\d{6,10}$/.test(national) ? `0${national}` : null;
  }
  // E.164 outside Indonesia: +<country code><number>, at most 15 digits ("00" is the dialling prefix).
  const foreign = /^(?:\+|00)([1-9]\d{6,14})$/.exec(digits)?.[1];
  return foreign && !foreign.startsWith('62') ? `+${foreign}` : null;
}

export function phoneKind(normalized: string): PhoneKind {
  if (normalized.startsWith('+')) return 'foreign';
  return normalized.startsWith('08') ? 'mobile' : 'landline';
}

const PHONE_INVALID = 'Nomor telepon tidak valid, mis. 0812 3456 7890, 0294 381461 atau +65 6123 4567';

/** A phone number to look a visitor up by, or to erase them by. */
export const phoneSchema = z
  .string()
  .max(24)
  .refine((v) => normalizePhone(v) !== null, PHONE_INVALID)
  .transform((v) => normalizePhone(v) as string);

/** Phone and email in the guest book: either may stay empty, not both (see the object rule below). */
const optionalPhone = z
  .string()
  .trim()
  .max(24, PHONE_INVALID)
  .refine((v) => v === '' || normalizePhone(v) !== null, PHONE_INVALID)
  .transform((v) => (v === '' ? '' : (normalizePhone(v) as string)));
/** Made once: a zod schema made inside the check was built anew at every guest-book save. */
const emailFormat = z.email();
const optionalEmail = z
  .string()
  .trim()
  .max(120, 'Alamat email terlalu panjang')
  .refine(
    (v) => v === '' || emailFormat.safeParse(v).success,
    'Alamat email tidak valid, mis. nama@contoh.com',
  );

export const guestBookEntrySchema = z
  .strictObject({
    identityType: oneOf(GUEST_BOOK_OPTIONS.identityType),
    identityNumber: requiredText(3, 30, 'Nomor identitas 3 sampai 30 karakter'),
    fullName: requiredText(2, 100, 'Nama minimal 2 huruf'),
    gender: oneOf(GUEST_BOOK_OPTIONS.gender),
    birthYear: z
      .number({
        error: (issue) => (issue.input === undefined ? REQUIRED : 'Tahun lahir 4 angka, mis. 1990'),
      })
      .int('Tahun lahir 4 angka, mis. 1990')
      .min(1900, 'Tahun lahir tidak masuk akal')
      .max(2100, 'Tahun lahir tidak masuk akal'),
    education: oneOf(GUEST_BOOK_OPTIONS.education),
    occupation: oneOf(GUEST_BOOK_OPTIONS.occupation),
    institutionCategory: oneOf(GUEST_BOOK_OPTIONS.institutionCategory),
    institutionName: z.string().trim().max(120, 'Nama instansi paling banyak 120 karakter'),
    email: optionalEmail,
    phone: optionalPhone,
    address: z.string().trim().max(200, 'Alamat paling banyak 200 karakter').default(''),
    purpose: oneOf(GUEST_BOOK_OPTIONS.purpose),
    servicesUsed: z
      .array(z.string().transform(currentServiceUsedLabel).pipe(oneOf(GUEST_BOOK_OPTIONS.servicesUsed)))
      .min(1, 'Pilih minimal satu layanan')
      .max(5, 'Pilih paling banyak lima layanan')
      // An old label and its new name ticked together are one service.
      .transform((labels) => [...new Set(labels)]),
    dataNeeded: z.string().trim().max(1000, 'Paling banyak 1000 karakter'),
    visitType: oneOf(GUEST_BOOK_OPTIONS.visitType),
    groupSize: z
      .number({ error: 'Jumlah orang 1 sampai 500' })
      .int('Jumlah orang 1 sampai 500')
      .min(1, 'Jumlah orang 1 sampai 500')
      .max(500, 'Jumlah orang 1 sampai 500')
      .default(1),
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
  })
  // A visitor is reached by phone or by email: one of them is enough (offices, foreign guests).
  .refine((entry) => entry.phone !== '' || entry.email !== '', {
    path: ['phone'],
    message: 'Isi nomor telepon atau email (salah satu wajib)',
    when: (payload) => hasFields(payload.value, ['phone', 'email']),
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
