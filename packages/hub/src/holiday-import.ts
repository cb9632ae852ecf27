import { type Holiday, holidaySchema } from '@pst/shared';

/** Why a row of an imported holiday file was refused (the app words it from its string tables). */
export interface HolidayImportProblem {
  /** 1-based row of the file (the header, when there is one, is row 1). */
  row: number;
  field: 'date' | 'name';
}

export type HolidayImport = { ok: true; holidays: Holiday[] } | { ok: false; problem: HolidayImportProblem };

type Cell = string | number | Date | boolean | null | undefined;

/**
 * Reads the year's national holidays and cuti bersama from the file an admin has (typed from the
 * SKB 3 Menteri, or the office's own spreadsheet): XLSX (first sheet) or CSV with `;` or `,`.
 * Columns: date, description, joint leave (ya/tidak; when absent, "Cuti Bersama" in the description
 * says it). A header row is recognised and skipped; empty rows are ignored.
 */
export async function parseHolidayFile(data: Buffer): Promise<HolidayImport> {
  return parseRows(isXlsx(data) ? await xlsxRows(data) : csvRows(data.toString('utf8')));
}

function isXlsx(data: Buffer): boolean {
  // An XLSX file is a ZIP archive: "PK\x03\x04".
  return data.length > 4 && data.readUInt32LE(0) === 0x04034b50;
}

async function xlsxRows(data: Buffer): Promise<Cell[][]> {
  // Loaded when a file is imported (as for exports): exceljs is about 28 MB an idle hub need not hold.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: Cell[][] = [];
  sheet?.eachRow({ includeEmpty: true }, (row, number) => {
    rows[number - 1] = [1, 2, 3].map((column) => {
      const value = row.getCell(column).value;
      if (value && typeof value === 'object' && !(value instanceof Date))
        return 'text' in value ? String(value.text) : 'result' in value ? (value.result as Cell) : null;
      return value as Cell;
    });
  });
  return Array.from(rows, (row) => row ?? []);
}

function csvRows(text: string): Cell[][] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const separator = (lines[0] ?? '').includes(';') ? ';' : ',';
  return lines.map((line) => splitCsvLine(line, separator));
}

/** One CSV line with RFC 4180 quotes ("a;b" stays one field, "" is a quote). */
function splitCsvLine(line: string, separator: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

function parseRows(rows: Cell[][]): HolidayImport {
  const holidays = new Map<string, Holiday>();
  for (const [index, row] of rows.entries()) {
    const [dateCell, nameCell, leaveCell] = row;
    const blank = (cell: Cell) => cell === null || cell === undefined || String(cell).trim() === '';
    if (blank(dateCell) && blank(nameCell)) continue;
    const date = dateOf(dateCell);
    if (!date) {
      // A first row without digits is a header such as "Tanggal;Keterangan;Cuti bersama".
      if (index === 0 && !/\d/.test(String(dateCell ?? ''))) continue;
      return { ok: false, problem: { row: index + 1, field: 'date' } };
    }
    const name = String(nameCell ?? '').trim();
    const isJointLeave = blank(leaveCell)
      ? /cuti bersama/i.test(name)
      : /^(ya|y|yes|true|1|cuti)/i.test(String(leaveCell).trim());
    const parsed = holidaySchema.safeParse({ date, name, isJointLeave });
    if (!parsed.success) return { ok: false, problem: { row: index + 1, field: 'name' } };
    holidays.set(date, parsed.data);
  }
  return { ok: true, holidays: [...holidays.values()].sort((a, b) => a.date.localeCompare(b.date)) };
}

/** 2027-01-01, 01/01/2027, 1-1-2027, or a spreadsheet date cell; null when it is no real date. */
function dateOf(cell: Cell): string | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  const text = String(cell ?? '').trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]]
    : local
      ? [local[3], local[2], local[1]]
      : [undefined, undefined, undefined];
  if (!year || !month || !day) return null;
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  // Refuses 31/02 and the like: the date must survive a round trip through the calendar.
  const calendar = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(calendar.getTime()) && calendar.toISOString().slice(0, 10) === date ? date : null;
}
