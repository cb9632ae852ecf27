/**
 * The tables of a report: the hub writes each as a sheet of the XLSX export and serves each as
 * `/api/reports/<name>.csv`; the supervisor's screen offers the same list for download.
 */
export const REPORT_TABLES = [
  'layanan',
  'meja',
  'harian',
  'pengunjung',
  'jam-sibuk',
  'buku-tamu',
  'ikm',
  'pengaduan',
  // chosen and out-of-order calls (issue 20): hub/src/chosen-call-report.ts
  'panggilan-pilihan',
  // tickets sent to a named desk and called there ahead of their queue: the same module
  'kiriman-meja',
  // tickets put back at the head of a queue (Kembalikan, back from a park): the same module
  'ke-depan-antrian',
  // the online service (issue 21): hub/src/online-reports.ts
  'online',
  'janji-temu',
  'ikm-kanal',
] as const;
export type ReportTableName = (typeof REPORT_TABLES)[number];
