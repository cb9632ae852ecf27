/** The dashboard's words: Bahasa Indonesia first, English as a switch. */
import type { Lang } from '@pst/shared';

const id = {
  title: 'Rekap PST Provinsi dan Nasional',
  national: 'Nasional',
  province: 'Provinsi',
  allProvinces: 'Semua provinsi',
  signIn: 'Masuk',
  signOut: 'Keluar',
  username: 'Nama pengguna',
  password: 'Kata sandi',
  month: 'Bulan',
  year: 'Tahun',
  show: 'Tampilkan',
  exportXlsx: 'Unduh XLSX',
  office: 'Kantor',
  offices: 'Kantor',
  visits: 'Kunjungan',
  withinTarget: 'Dilayani ≤ 10 menit',
  ikm: 'IKM',
  category: 'Kategori',
  complaintsOpen: 'Pengaduan terbuka',
  complaints: 'Pengaduan',
  online: 'Permintaan online ≤ 3 hari kerja',
  onlineNote: 'Belum ada data: hub kantor belum mencatat permintaan online.',
  lastSync: 'Sinkron terakhir',
  lastDay: 'Hari terakhir diterima',
  status: 'Status',
  never: 'Belum pernah mengirim',
  late: 'Terlambat',
  ok: 'Lancar',
  revoked: 'Kunci dicabut',
  daysAgo: 'hari lalu',
  trend: 'Tren',
  total: 'Total',
  perQueue: 'Per layanan',
  queue: 'Layanan',
  served: 'Dilayani',
  medianWait: 'Tunggu (nilai tengah)',
  minutes: 'menit',
  demographics: 'Buku tamu (demografi)',
  entries: 'Entri',
  complaintTexts: 'Isi pengaduan (dikirim atas izin admin kantor)',
  back: 'Kembali',
  noData: 'Belum ada data pada periode ini.',
  respondents: 'Responden',
  daysReported: 'Hari terlapor',
  language: 'English',
  period: 'Periode',
  max: 'tertinggi',
} as const;

export type StringKey = keyof typeof id;

const en: Record<StringKey, string> = {
  title: 'PST provincial and national roll-up',
  national: 'National',
  province: 'Province',
  allProvinces: 'All provinces',
  signIn: 'Sign in',
  signOut: 'Sign out',
  username: 'Username',
  password: 'Password',
  month: 'Month',
  year: 'Year',
  show: 'Show',
  exportXlsx: 'Download XLSX',
  office: 'Office',
  offices: 'Offices',
  visits: 'Visits',
  withinTarget: 'Served within 10 min',
  ikm: 'IKM',
  category: 'Category',
  complaintsOpen: 'Open complaints',
  complaints: 'Complaints',
  online: 'Online requests within 3 working days',
  onlineNote: 'No data yet: office hubs do not record online requests.',
  lastSync: 'Last sync',
  lastDay: 'Last day received',
  status: 'Status',
  never: 'Never sent',
  late: 'Late',
  ok: 'Up to date',
  revoked: 'Key revoked',
  daysAgo: 'days ago',
  trend: 'Trend',
  total: 'Total',
  perQueue: 'Per service',
  queue: 'Service',
  served: 'Served',
  medianWait: 'Wait (middle value)',
  minutes: 'min',
  demographics: 'Guest book (demographics)',
  entries: 'Entries',
  complaintTexts: "Complaint words (sent with the office admin's consent)",
  back: 'Back',
  noData: 'No data in this period yet.',
  respondents: 'Respondents',
  daysReported: 'Days reported',
  language: 'Bahasa Indonesia',
  period: 'Period',
  max: 'highest',
};

export function t(lang: Lang, key: StringKey): string {
  return lang === 'en' ? en[key] : id[key];
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** Indonesian (or English) digits; the formats are kept: making one costs more than a table row. */
export function formatNumber(value: number, lang: Lang, digits = 0): string {
  const key = `${lang}${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

export function formatPercent(share: number | null, lang: Lang): string {
  return share === null ? '–' : `${formatNumber(share * 100, lang, 1)}%`;
}
