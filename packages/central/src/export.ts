/** The dashboard as an XLSX workbook: the offices of the view, and the trend of the range. */
import type { Lang } from '@pst/shared';
import ExcelJS from 'exceljs';
import type { Figures, OfficeFigures, TrendPoint } from './dashboard';
import { provinceName } from './provinces';
import { t } from './strings';

function figureColumns(lang: Lang) {
  return [
    { header: t(lang, 'visits'), key: 'visits', width: 12 },
    { header: `${t(lang, 'withinTarget')} (%)`, key: 'within', width: 18, style: { numFmt: '0.0' } },
    { header: t(lang, 'ikm'), key: 'ikm', width: 10, style: { numFmt: '0.00' } },
    { header: t(lang, 'category'), key: 'category', width: 10 },
    { header: t(lang, 'respondents'), key: 'respondents', width: 12 },
    { header: t(lang, 'complaints'), key: 'complaints', width: 12 },
    { header: t(lang, 'complaintsOpen'), key: 'complaintsOpen', width: 16 },
    { header: t(lang, 'online'), key: 'online', width: 20 },
    { header: t(lang, 'daysReported'), key: 'days', width: 12 },
  ];
}

function figureValues(f: Figures) {
  return {
    visits: f.visits,
    within: f.withinShare === null ? null : Math.round(f.withinShare * 1000) / 10,
    ikm: f.ikm.converted === null ? null : Math.round(f.ikm.converted * 100) / 100,
    category: f.ikm.category,
    respondents: f.ikm.respondents,
    complaints: f.complaints,
    complaintsOpen: f.complaintsOpen,
    // Office hubs do not record online requests yet: the column is there, empty.
    online: null,
    days: f.days,
  };
}

/** Text cells that a spreadsheet would run as a formula are written as text. */
function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export async function dashboardWorkbook(
  lang: Lang,
  title: string,
  offices: OfficeFigures[],
  trend: TrendPoint[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PST central';
  const sheet = workbook.addWorksheet(t(lang, 'offices'));
  sheet.columns = [
    { header: t(lang, 'office'), key: 'id', width: 8 },
    { header: '', key: 'name', width: 32 },
    { header: t(lang, 'province'), key: 'province', width: 22 },
    ...figureColumns(lang),
    { header: t(lang, 'lastSync'), key: 'lastSync', width: 22, style: { numFmt: 'yyyy-mm-dd hh:mm' } },
    { header: t(lang, 'lastDay'), key: 'lastDay', width: 14 },
  ];
  for (const o of offices)
    sheet.addRow({
      id: o.id,
      name: safeText(o.name),
      province: provinceName(o.province),
      ...figureValues(o),
      lastSync: o.lastPushAt,
      lastDay: o.lastDay,
    });
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const trendSheet = workbook.addWorksheet(t(lang, 'trend'));
  trendSheet.columns = [{ header: t(lang, 'period'), key: 'period', width: 12 }, ...figureColumns(lang)];
  for (const p of trend) trendSheet.addRow({ period: p.period, ...figureValues(p) });
  trendSheet.getRow(1).font = { bold: true };
  workbook.title = title;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
