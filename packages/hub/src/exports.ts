import {
  COMPLAINT_STATUS_LABELS,
  FRONT_OFFICE_QUEUE,
  formatCsvNumber,
  formatDateTime,
  GUEST_BOOK_DIMENSION_LABELS,
  type GuestBookDimension,
  IKM_CATEGORY_LABELS,
  type QueueConfig,
  type ReportTableName,
} from '@pst/shared';
import { chosenCallTables } from './chosen-call-report';
import type { Report } from './reports';

export type Cell = string | number | null;
export interface Table {
  /** A report's tables are the shared REPORT_TABLES; the full guest book is its own export. */
  name: ReportTableName | 'buku-tamu-lengkap';
  title: string;
  columns: string[];
  rows: Cell[][];
}

const minutes = (ms: number | null) => (ms === null ? null : Math.round((ms / 60_000) * 10) / 10);
const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

/** Every report as tables: the one shape both the XLSX and the CSV exports are written from. */
export function reportTables(report: Report, config: QueueConfig): Table[] {
  const queueName = (id: string) =>
    id === FRONT_OFFICE_QUEUE ? 'Front Office' : (config.services.find((s) => s.id === id)?.name ?? id);
  const deskName = (id: string) => config.desks.find((d) => d.id === id)?.name ?? id;
  // Stage outcomes that add up to "Jumlah tahap"; the 10-minute figures are over called stages, named so.
  const summaryColumns = [
    'Jumlah tahap antrian',
    'Dilayani (termasuk dialihkan)',
    'Tidak hadir',
    'Dialihkan',
    'Dibatalkan',
    'Tidak terlayani (hari ditutup)',
    'Belum selesai',
    'Dipanggil (dasar % target)',
    'Sesuai target 10 menit',
    'Melewati target 10 menit',
    'Sesuai target 10 menit (% dari dipanggil)',
    'Tunggu jam 10 menit rata-rata (mnt)',
    'Tunggu rata-rata (mnt)',
    'Tunggu median (mnt)',
    'Tunggu p90 (mnt)',
    'Layanan rata-rata (mnt)',
    'Layanan median (mnt)',
    'Layanan p90 (mnt)',
  ];
  const summaryRow = (s: Report['overall']): Cell[] => [
    s.count,
    s.served,
    s.noShow,
    s.transferred,
    s.cancelled,
    s.unserved,
    s.count - s.served - s.noShow - s.cancelled - s.unserved,
    s.called,
    s.withinTarget,
    s.breaches,
    percent(s.withinTargetShare),
    minutes(s.serviceWait.mean),
    minutes(s.wait.mean),
    minutes(s.wait.median),
    minutes(s.wait.p90),
    minutes(s.service.mean),
    minutes(s.service.median),
    minutes(s.service.p90),
  ];
  const serviceIds = config.services.map((s) => s.id);
  const ikm = report.satisfaction;
  return [
    {
      name: 'layanan',
      title: 'Per layanan',
      columns: ['Layanan', ...summaryColumns],
      rows: [
        ...Object.entries(report.byQueue).map(([id, s]) => [queueName(id), ...summaryRow(s)]),
        ['Semua', ...summaryRow(report.overall)],
      ],
    },
    {
      name: 'meja',
      title: 'Per meja',
      columns: ['Meja', ...summaryColumns],
      rows: Object.entries(report.byDesk).map(([id, s]) => [deskName(id), ...summaryRow(s)]),
    },
    {
      name: 'harian',
      title: 'Per hari',
      columns: ['Tanggal', ...summaryColumns],
      rows: Object.entries(report.byDay)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([day, s]) => [day, ...summaryRow(s)]),
    },
    {
      name: 'pengunjung',
      title: 'Pengunjung per hari',
      columns: ['Tanggal', ...config.services.map((s) => s.name), 'Jumlah'],
      rows: report.visitors.perDay.map((d) => [
        d.day,
        ...serviceIds.map((id) => d.services[id] ?? 0),
        d.total,
      ]),
    },
    {
      name: 'jam-sibuk',
      title: 'Jam sibuk',
      columns: ['Hari', ...Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}.00`)],
      rows: report.busyHours.map((hours, i) => [
        ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'][i] as string,
        ...hours,
      ]),
    },
    {
      name: 'buku-tamu',
      title: 'Statistik buku tamu',
      columns: ['Rincian', 'Kategori', 'Jumlah'],
      rows: Object.entries(report.guestBook.breakdown).flatMap(([dimension, counts]) =>
        Object.entries(counts).map(([value, n]): Cell[] => [
          GUEST_BOOK_DIMENSION_LABELS[dimension as GuestBookDimension].id,
          value,
          n,
        ]),
      ),
    },
    {
      name: 'ikm',
      title: 'IKM',
      columns: ['Unsur', 'Nama', 'Responden', 'NRR', 'NRR tertimbang'],
      rows: [
        ...ikm.elements.map((e): Cell[] => [
          e.code,
          e.name,
          e.respondents,
          round(e.nrr, 3),
          round(e.weighted, 3),
        ]),
        [
          'IKM',
          ikm.missingElements.length
            ? `Belum dapat dihitung: unsur ${ikm.missingElements.join(', ')} belum ada jawabannya`
            : 'Indeks (x25)',
          ikm.respondents,
          round(ikm.converted, 2),
          ikm.category ? `${ikm.category} (${IKM_CATEGORY_LABELS[ikm.category]})` : null,
        ],
      ],
    },
    {
      name: 'pengaduan',
      title: 'Pengaduan dan saran',
      columns: [
        'Tanggal',
        'Tiket',
        'Meja',
        'Isi',
        'Status',
        'Ditangani oleh',
        'Tanggapan',
        'Tanggal tanggapan',
      ],
      rows: ikm.complaints.map((c) => [
        c.day,
        c.ticketId,
        deskName(c.deskId),
        c.text,
        COMPLAINT_STATUS_LABELS[c.status],
        c.handledBy,
        c.response,
        c.respondedAt === null ? null : formatDateTime(c.respondedAt, 'id', config.office.timeZone),
      ]),
    },
    ...chosenCallTables(report.outOfOrder, config),
  ];
}

function round(value: number | null, digits: number): number | null {
  return value === null ? null : Number(value.toFixed(digits));
}

/**
 * Text that a spreadsheet would run as a formula (`=cmd|' /C calc'!A0`, `+`, `-`, `@`, or a leading
 * tab or carriage return) gets a leading apostrophe, so it shows as the text it is (OWASP's rule for
 * CSV injection). Only text: numbers are the hub's own figures and stay numbers.
 */
export function neutralizeCsvText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * CSV as Excel with Indonesian regional settings opens it: `;` between fields, a decimal comma,
 * and a BOM so it reads the text as UTF-8 (RFC 4180 quoting otherwise). XLSX stays the first choice.
 * Every CSV goes through here, so every text cell is neutralised (neutralizeCsvText).
 */
export function toCsv(table: Table): string {
  const cell = (value: Cell) => {
    if (value === null) return '';
    const text = typeof value === 'number' ? formatCsvNumber(value) : neutralizeCsvText(value);
    return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\uFEFF${[table.columns, ...table.rows].map((row) => row.map(cell).join(';')).join('\r\n')}\r\n`;
}

export async function toXlsx(tables: Table[], meta: { title: string; subtitle: string }): Promise<Buffer> {
  // Loaded at the first export: exceljs costs about 28 MB of memory that an idle hub need not hold.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Antrian PST';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.title.slice(0, 31));
    sheet.addRow([meta.title]).font = { bold: true, size: 13 };
    sheet.addRow([`${table.title} · ${meta.subtitle}`]);
    sheet.addRow([]);
    const header = sheet.addRow(table.columns);
    header.font = { bold: true };
    // Strings are written as string cells (exceljs makes a formula only from `{ formula }`), so
    // visitor text starting with `=` stays text here without an apostrophe.
    for (const row of table.rows) sheet.addRow(row);
    sheet.columns.forEach((column, i) => {
      column.width = Math.min(40, Math.max(10, table.columns[i]?.length ?? 10));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The guest book of a range, with personal data: only for roles that may see it, and every export is logged. */
export function guestBookTable(
  rows: Array<{ day: string; ticketId: string; entry: Record<string, unknown> }>,
): Table {
  const fields = [
    ['fullName', 'Nama lengkap'],
    ['identityType', 'Jenis identitas'],
    ['identityNumber', 'Nomor identitas'],
    ['gender', 'Jenis kelamin'],
    ['birthYear', 'Tahun lahir'],
    ['education', 'Pendidikan'],
    ['occupation', 'Pekerjaan'],
    ['institutionCategory', 'Kategori instansi'],
    ['institutionName', 'Nama instansi'],
    ['email', 'Email'],
    ['phone', 'Nomor HP'],
    ['address', 'Alamat'],
    ['purpose', 'Pemanfaatan'],
    ['servicesUsed', 'Layanan'],
    ['dataNeeded', 'Data yang dibutuhkan'],
    ['visitType', 'Jenis kunjungan'],
    ['groupSize', 'Jumlah orang'],
  ] as const;
  return {
    name: 'buku-tamu-lengkap',
    title: 'Buku tamu',
    columns: ['Tanggal', 'Tiket', ...fields.map(([, label]) => label)],
    rows: rows.map((r) => [
      r.day,
      r.ticketId,
      ...fields.map(([key]) => {
        const value = r.entry[key];
        return Array.isArray(value) ? value.join('; ') : value == null ? null : (value as string | number);
      }),
    ]),
  };
}
