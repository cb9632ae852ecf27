/**
 * The dashboard's pages, rendered on the server as plain HTML with SVG charts: they work in any
 * browser of a provincial office, without a build step, and every value is escaped.
 */
import {
  DEFAULT_CONFIG,
  FRONT_OFFICE_QUEUE,
  formatDateTime,
  formatDay,
  formatMonth,
  formatNumber,
  formatPercent,
  formatShortDay,
  formatShortMonth,
  GUEST_BOOK_DIMENSION_LABELS,
  type GuestBookDimension,
  IKM_CATEGORY_LABELS,
  type Lang,
  monthNames,
  officeDay,
} from '@pst/shared';
import type { CentralUser } from './accounts';
import type { Figures, OfficeDetail, OfficeFigures, Period, TrendPoint } from './dashboard';
import { PROVINCES, provinceName } from './provinces';
import { t } from './strings';

/** An office whose last push is older than this shows as late (it pushes every few minutes while up). */
export const LATE_AFTER_MS = 2 * 86_400_000;

export function escapeHtml(value: unknown): string {
  return String(value).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

const CSS = `
body{font-family:system-ui,sans-serif;margin:0;color:#1d2733;background:#f4f6f8}
header{background:#0b4f8a;color:#fff;padding:.6rem 1.2rem;display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
header h1{font-size:1.15rem;margin:0;flex:1}header a{color:#fff}
main{padding:1rem 1.2rem;max-width:1400px}
form.period{display:flex;gap:.5rem;align-items:end;flex-wrap:wrap;margin-bottom:1rem}
label{font-size:.85rem}.field,form.login label{display:flex;flex-direction:column;gap:.2rem}
input,select,button{font:inherit;padding:.3rem .5rem}
table{border-collapse:collapse;background:#fff;width:100%;margin:.5rem 0 1.5rem}
th,td{border:1px solid #d5dbe1;padding:.35rem .5rem;text-align:right;font-variant-numeric:tabular-nums}
th{background:#e8eef4}td.name,th.name{text-align:left}
tr.late td{background:#fff4e0}tr.never td{background:#fde8e8}
.cat-A{color:#126b2f;font-weight:600}.cat-B{color:#1c5f99;font-weight:600}.cat-C{color:#9a6200;font-weight:600}.cat-D{color:#b3261e;font-weight:600}
.charts{display:flex;gap:1rem;flex-wrap:wrap}.chart{background:#fff;border:1px solid #d5dbe1;padding:.5rem;margin:0}
.note{font-size:.85rem;color:#555}.error{color:#b3261e;font-weight:600}
.login{max-width:22rem;margin:4rem auto;background:#fff;padding:1.5rem;border:1px solid #d5dbe1;display:flex;flex-direction:column;gap:.8rem}
`;

function layout(lang: Lang, title: string, body: string, user?: CentralUser, langHref?: string): string {
  const who = user
    ? `<span>${escapeHtml(user.name)} · ${escapeHtml(user.role === 'national' ? t(lang, 'national') : `${t(lang, 'province')} ${provinceName(user.province ?? '')}`)}</span>
       <form method="post" action="/keluar"><button>${t(lang, 'signOut')}</button></form>`
    : '';
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title>
<style>${CSS}</style></head><body>
<header><h1>${escapeHtml(title)}</h1>${langHref ? `<a href="${escapeHtml(langHref)}">${t(lang, 'language')}</a>` : ''}${who}</header>
<main>${body}</main></body></html>`;
}

/** The sign-in form; after a refusal it shows why and keeps the username typed. */
export function loginPage(lang: Lang, error?: string, username = ''): string {
  return layout(
    lang,
    t(lang, 'title'),
    `<form class="login" method="post" action="/masuk">
      <h2>${t(lang, 'signIn')}</h2>
      ${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
      <label>${t(lang, 'username')}<input name="username" autocomplete="username" value="${escapeHtml(username)}" required></label>
      <label>${t(lang, 'password')}<input name="password" type="password" autocomplete="current-password" required></label>
      <button>${t(lang, 'signIn')}</button>
    </form>`,
    undefined,
    `/masuk?lang=${lang === 'id' ? 'en' : 'id'}`,
  );
}

export interface DashboardView {
  lang: Lang;
  user: CentralUser;
  period: Period;
  /** The province shown (a province user's own; a national user's choice, or null for all). */
  province: string | null;
  offices: OfficeFigures[];
  trend: TrendPoint[];
  now: number;
  query: string;
}

function periodLabel(period: Period, lang: Lang): string {
  return period.kind === 'year' ? period.year : formatMonth(period.month, lang);
}

/** A trend point's period as people write it: "24 Nov 2026" for a day, "November 2026" for a month. */
function periodText(period: string, lang: Lang, short = false): string {
  if (period.length === 7) return short ? formatShortMonth(period, lang) : formatMonth(period, lang);
  return short ? formatShortDay(period, lang) : formatDay(period, lang);
}

/** A statistic's name on the guest book ("Jenis kelamin"), not its key ("gender"). */
function dimensionLabel(dimension: string, lang: Lang): string {
  return GUEST_BOOK_DIMENSION_LABELS[dimension as GuestBookDimension]?.[lang] ?? dimension;
}

/**
 * A queue's service name. A push carries only the queue's id; central has no office's config, so
 * the names are the shared defaults' (offices keep those ids), and an office's own id shows as is.
 */
function queueLabel(queue: string, lang: Lang): string {
  if (queue === FRONT_OFFICE_QUEUE) return 'Front Office';
  const service = DEFAULT_CONFIG.services.find((s) => s.id === queue);
  return service ? (lang === 'en' ? service.nameEn : service.name) : queue;
}

/** The years a period can be chosen in: from 2020 (or an older year shown) to next year. */
function yearChoices(shown: number, now: number): number[] {
  const last = Number(officeDay(now).slice(0, 4)) + 1;
  const first = Math.min(2020, shown);
  return Array.from({ length: Math.max(last, shown) - first + 1 }, (_, i) => first + i);
}

function periodForm(
  view: { lang: Lang; period: Period; user: CentralUser; province: string | null; now: number },
  action: string,
) {
  const { lang, period, user } = view;
  // A month is a month-name select and the year select (a native month input follows the
  // browser's language, and shows "--------- ----" when empty).
  const month = period.kind === 'month' ? period.month : `${period.year}-${officeDay(view.now).slice(5, 7)}`;
  const year = Number(month.slice(0, 4));
  const months = monthNames(lang)
    .map((name, i) => {
      const value = String(i + 1).padStart(2, '0');
      return `<option value="${value}"${value === month.slice(5, 7) ? ' selected' : ''}>${escapeHtml(name)}</option>`;
    })
    .join('');
  const years = yearChoices(year, view.now)
    .map((y) => `<option${y === year ? ' selected' : ''}>${y}</option>`)
    .join('');
  const provinces =
    user.role === 'national' && action === '/'
      ? field(
          'f-provinsi',
          t(lang, 'province'),
          `<select id="f-provinsi" name="provinsi"><option value="">${t(lang, 'allProvinces')}</option>${Object.entries(
            PROVINCES,
          )
            .map(
              ([code, p]) =>
                `<option value="${code}"${code === view.province ? ' selected' : ''}>${code} ${escapeHtml(p.name)}</option>`,
            )
            .join('')}</select>`,
        )
      : '';
  return `<form class="period" method="get" action="${escapeHtml(action)}">
    ${field(
      'f-periode',
      t(lang, 'period'),
      `<select id="f-periode" name="periode">
      <option value="bulan"${period.kind === 'month' ? ' selected' : ''}>${t(lang, 'month')}</option>
      <option value="tahun"${period.kind === 'year' ? ' selected' : ''}>${t(lang, 'year')}</option></select>`,
    )}
    ${field('f-bulan', t(lang, 'month'), `<select id="f-bulan" name="bulan">${months}</select>`)}
    ${field('f-tahun', t(lang, 'year'), `<select id="f-tahun" name="tahun">${years}</select>`)}
    ${provinces}<input type="hidden" name="lang" value="${lang}"><button>${t(lang, 'show')}</button></form>`;
}

/** A labelled control: the label names the control alone (a wrapping label would add its options' words). */
function field(id: string, label: string, control: string): string {
  return `<div class="field"><label for="${id}">${escapeHtml(label)}</label>${control}</div>`;
}

function ikmCell(figures: Figures, lang: Lang): string {
  const { converted, category } = figures.ikm;
  if (converted === null || category === null) return '<td>–</td><td>–</td>';
  return `<td>${formatNumber(converted, lang, 2)}</td><td class="cat-${category}" title="${IKM_CATEGORY_LABELS[category]}">${category}</td>`;
}

function syncState(office: OfficeFigures, now: number, lang: Lang): { css: string; text: string } {
  if (!office.keyActive) return { css: 'never', text: t(lang, 'revoked') };
  if (!office.lastPushAt) return { css: 'never', text: t(lang, 'never') };
  const age = now - office.lastPushAt.getTime();
  if (age > LATE_AFTER_MS)
    return {
      css: 'late',
      text: `${t(lang, 'late')} (${Math.floor(age / 86_400_000)} ${t(lang, 'daysAgo')})`,
    };
  return { css: '', text: t(lang, 'ok') };
}

function figureCells(f: Figures, lang: Lang): string {
  return `<td>${formatNumber(f.visits, lang)}</td><td>${formatPercent(f.withinShare, lang)}</td>${ikmCell(f, lang)}
    <td>${formatNumber(f.complaintsOpen, lang)}</td><td title="${t(lang, 'onlineNote')}">–</td>`;
}

function figureHeads(lang: Lang): string {
  return `<th>${t(lang, 'visits')}</th><th>${t(lang, 'withinTarget')}</th><th>${t(lang, 'ikm')}</th>
    <th>${t(lang, 'category')}</th><th>${t(lang, 'complaintsOpen')}</th><th>${t(lang, 'online')}*</th>`;
}

export function dashboardPage(view: DashboardView): string {
  const { lang, offices, now } = view;
  const title = `${t(lang, 'title')}: ${view.province ? provinceName(view.province) : t(lang, 'national')} ${periodLabel(view.period, lang)}`;
  const rows = offices
    .map((o) => {
      const state = syncState(o, now, lang);
      return `<tr class="${state.css}"><td class="name"><a href="/kantor/${o.id}?${escapeHtml(view.query)}">${o.id} ${escapeHtml(o.name)}</a></td>
        ${figureCells(o, lang)}<td>${o.lastPushAt ? formatDateTime(o.lastPushAt.getTime(), lang) : '–'}</td>
        <td>${o.lastDay ? formatDay(o.lastDay, lang) : '–'}</td><td class="name">${escapeHtml(state.text)}</td></tr>`;
    })
    .join('');
  const body = `${periodForm(view, '/')}
    <p><a href="/ekspor.xlsx?${escapeHtml(view.query)}">${t(lang, 'exportXlsx')}</a></p>
    ${charts(view.trend, lang)}
    <h2>${t(lang, 'offices')} (${offices.length})</h2>
    <table><thead><tr><th class="name">${t(lang, 'office')}</th>${figureHeads(lang)}<th>${t(lang, 'lastSync')}</th>
      <th>${t(lang, 'lastDay')}</th><th class="name">${t(lang, 'status')}</th></tr></thead><tbody>${rows}</tbody></table>
    <p class="note">* ${t(lang, 'onlineNote')}</p>
    ${trendTable(view.trend, lang)}`;
  return layout(lang, title, body, view.user, `/?${swapLang(view.query, lang)}`);
}

export interface OfficeView {
  lang: Lang;
  user: CentralUser;
  period: Period;
  office: OfficeFigures;
  trend: TrendPoint[];
  detail: OfficeDetail;
  now: number;
  query: string;
}

export function officePage(view: OfficeView): string {
  const { lang, office, detail } = view;
  const state = syncState(office, view.now, lang);
  const queues = Object.entries(detail.byQueue)
    .map(
      ([queue, s]) =>
        `<tr><td class="name">${escapeHtml(queueLabel(queue, lang))}</td><td>${formatNumber(s.count, lang)}</td><td>${formatNumber(s.served, lang)}</td>
         <td>${formatPercent(s.withinTargetShare, lang)}</td><td>${s.wait.median === null ? '–' : formatNumber(s.wait.median / 60_000, lang, 1)}</td></tr>`,
    )
    .join('');
  const demographics = Object.entries(detail.guestBook.breakdown)
    .map(
      ([dimension, counts]) =>
        `<tr><td class="name">${escapeHtml(dimensionLabel(dimension, lang))}</td><td class="name">${Object.entries(
          counts,
        )
          .sort((a, b) => b[1] - a[1])
          .map(([value, n]) => `${escapeHtml(value)}: ${formatNumber(n, lang)}`)
          .join(' · ')}</td></tr>`,
    )
    .join('');
  const texts = detail.complaintTexts.length
    ? `<h2>${t(lang, 'complaintTexts')}</h2><table><tbody>${detail.complaintTexts
        .map((c) => `<tr><td>${formatDay(c.day, lang)}</td><td class="name">${escapeHtml(c.text)}</td></tr>`)
        .join('')}</tbody></table>`
    : '';
  const body = `<p><a href="/?${escapeHtml(view.query)}">← ${t(lang, 'back')}</a></p>
    ${periodForm({ ...view, province: office.province }, `/kantor/${office.id}`)}
    <p>${t(lang, 'lastSync')}: ${office.lastPushAt ? formatDateTime(office.lastPushAt.getTime(), lang) : '–'} · ${t(lang, 'lastDay')}: ${office.lastDay ? formatDay(office.lastDay, lang) : '–'} · ${escapeHtml(state.text)}
     · <a href="/ekspor.xlsx?kantor=${office.id}&${escapeHtml(view.query)}">${t(lang, 'exportXlsx')}</a></p>
    <table><thead><tr>${figureHeads(lang)}<th>${t(lang, 'complaints')}</th><th>${t(lang, 'respondents')}</th><th>${t(lang, 'daysReported')}</th></tr></thead>
      <tbody><tr>${figureCells(office, lang)}<td>${formatNumber(office.complaints, lang)}</td><td>${formatNumber(office.ikm.respondents, lang)}</td><td>${formatNumber(office.days, lang)}</td></tr></tbody></table>
    ${charts(view.trend, lang)}
    <h2>${t(lang, 'perQueue')}</h2>
    <table><thead><tr><th class="name">${t(lang, 'queue')}</th><th>${t(lang, 'visits')}</th><th>${t(lang, 'served')}</th>
      <th>${t(lang, 'withinTarget')}</th><th>${t(lang, 'medianWait')} (${t(lang, 'minutes')})</th></tr></thead><tbody>${queues}</tbody></table>
    <h2>${t(lang, 'demographics')} (${t(lang, 'entries')}: ${formatNumber(detail.guestBook.entries, lang)})</h2>
    <table><tbody>${demographics}</tbody></table>
    ${texts}${trendTable(view.trend, lang)}`;
  return layout(
    lang,
    `${office.id} ${office.name} · ${periodLabel(view.period, lang)}`,
    body,
    view.user,
    `/kantor/${office.id}?${swapLang(view.query, lang)}`,
  );
}

function swapLang(query: string, lang: Lang): string {
  const params = new URLSearchParams(query);
  params.set('lang', lang === 'id' ? 'en' : 'id');
  return params.toString();
}

function trendTable(trend: TrendPoint[], lang: Lang): string {
  if (!trend.length) return `<p>${t(lang, 'noData')}</p>`;
  return `<h2>${t(lang, 'trend')}</h2><table><thead><tr><th class="name">${t(lang, 'period')}</th>${figureHeads(lang)}</tr></thead>
    <tbody>${trend.map((p) => `<tr><td class="name">${periodText(p.period, lang)}</td>${figureCells(p, lang)}</tr>`).join('')}</tbody></table>`;
}

function charts(trend: TrendPoint[], lang: Lang): string {
  if (!trend.length) return '';
  return `<div class="charts">
    ${barChart(
      t(lang, 'visits'),
      trend.map((p) => ({ label: periodText(p.period, lang, true), value: p.visits })),
      (v) => formatNumber(v, lang),
      t(lang, 'max'),
    )}
    ${barChart(
      `${t(lang, 'withinTarget')} (%)`,
      trend.map((p) => ({
        label: periodText(p.period, lang, true),
        value: p.withinShare === null ? 0 : p.withinShare * 100,
      })),
      (v) => `${formatNumber(v, lang, 1)}%`,
      t(lang, 'max'),
      100,
    )}
    ${barChart(
      t(lang, 'ikm'),
      trend.map((p) => ({ label: periodText(p.period, lang, true), value: p.ikm.converted ?? 0 })),
      (v) => formatNumber(v, lang, 2),
      t(lang, 'max'),
      100,
    )}</div>`;
}

/** A small bar chart in SVG, one bar per period, with the value in each bar's title. */
function barChart(
  title: string,
  points: Array<{ label: string; value: number }>,
  format: (value: number) => string,
  maxLabel: string,
  max?: number,
): string {
  const width = 380;
  const height = 160;
  const top = Math.max(max ?? 0, ...points.map((p) => p.value), 1);
  const step = width / points.length;
  const bars = points
    .map((p, i) => {
      const h = Math.round((p.value / top) * (height - 20));
      return `<rect x="${(i * step + 1).toFixed(1)}" y="${height - h}" width="${Math.max(1, step - 2).toFixed(1)}" height="${h}" fill="#0b4f8a"><title>${escapeHtml(`${p.label}: ${format(p.value)}`)}</title></rect>`;
    })
    .join('');
  const first = points[0]?.label ?? '';
  const last = points.at(-1)?.label ?? '';
  return `<figure class="chart"><figcaption>${escapeHtml(title)} (${escapeHtml(maxLabel)} ${escapeHtml(format(Math.max(0, ...points.map((p) => p.value))))})</figcaption>
    <svg role="img" aria-label="${escapeHtml(title)}" width="${width}" height="${height + 16}" viewBox="0 0 ${width} ${height + 16}">
    ${bars}<text x="0" y="${height + 13}" font-size="11">${escapeHtml(first)}</text>
    <text x="${width}" y="${height + 13}" font-size="11" text-anchor="end">${escapeHtml(last)}</text></svg></figure>`;
}
