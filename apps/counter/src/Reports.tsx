import {
  COMPLAINT_STATUSES,
  type ComplaintStatus,
  type ComplaintView,
  FRONT_OFFICE_QUEUE,
  formatDateTime,
  formatMinutes,
  formatNumber,
  formatPercent,
  formatShortDay,
  GUEST_BOOK_DIMENSION_LABELS,
  type GuestBookDimension,
  IKM_CATEGORY_LABELS,
  type Lang,
  NO_VALUE,
  REPORT_TABLES,
  type Report,
  type StageSummary,
  type StringKey,
} from '@pst/shared';
import { DateField, useT } from '@pst/ui';
import { useEffect, useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useShallow } from 'zustand/react/shallow';
import { ChosenCallsReport } from './ChosenCallsReport';
import { download, rangeParams, useCounter } from './store';

const COMPLAINT_COLUMNS = [
  'sup.date',
  'sup.ticket',
  'sup.deskColumn',
  'sup.complaintText',
  'sup.complaintStatus',
  'sup.complaintResponse',
  'sup.complaintHandler',
] as const satisfies readonly StringKey[];
/** The stage figures of a queue or desk, after its name and its count (SummaryTable's countLabel). */
const SUMMARY_COLUMNS = [
  'sup.served',
  'sup.noShow',
  'sup.waitMedian',
  'sup.waitP90',
  'sup.serviceMean',
  'sup.breaches',
  'sup.withinTargetOfCalled',
] as const satisfies readonly StringKey[];
/** What a column means where its heading alone may not say it (the heading's tooltip). */
const COLUMN_HINTS: Partial<Record<StringKey, StringKey>> = {
  'sup.waitMedian': 'sup.waitMedianHint',
  'sup.waitP90': 'sup.waitP90Hint',
};
const DAYS = ['Sen', 'Sel', 'Rab', 'Kam', 'Jum', 'Sab', 'Min'];
/** The hours of the busy-hours grid: the service day, 07.00 to 17.59. */
const OPEN_HOURS = Array.from({ length: 11 }, (_, i) => i + 7);

/** Reports for any range, with charts beside their tables, exports and a printable page. */
export function Reports() {
  const tr = useT();
  const { report, range, loadReport, session, busy, board, lang } = useCounter(
    useShallow((s) => ({
      report: s.report,
      range: s.reportRange,
      loadReport: s.loadReport,
      session: s.session,
      busy: s.busy,
      board: s.board,
      lang: s.lang,
    })),
  );
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  useEffect(() => {
    void useCounter.getState().loadReport(useCounter.getState().reportRange);
  }, []);
  const services = board?.services ?? [];
  const queueName = (id: string) =>
    id === FRONT_OFFICE_QUEUE
      ? 'Front Office'
      : (services.find((s) => s.id === id)?.[lang === 'en' ? 'nameEn' : 'name'] ?? id);
  const deskName = (id: string) => board?.desks.find((d) => d.id === id)?.name ?? id;
  const preset = (p: 'today' | 'week' | 'month') => void loadReport({ preset: p });
  const isPreset = (p: string) => 'preset' in range && range.preset === p;
  /** One export of the shown range: the file is named after what it holds and the range's days. */
  const exportButton = (path: string, prefix: string, ext: string, label: string, isLink = false) =>
    report &&
    session && (
      <button
        key={path}
        type="button"
        className={isLink ? 'link-button' : undefined}
        onClick={() =>
          void download(
            session,
            `${path}?${rangeParams(range)}`,
            `${prefix}-${report.range.from}-${report.range.to}.${ext}`,
          )
        }
      >
        {label}
      </button>
    );

  return (
    <div className="reports">
      <section className="panel no-print range-bar">
        <div className="row">
          {(['today', 'week', 'month'] as const).map((p) => (
            <button
              key={p}
              type="button"
              className={isPreset(p) ? 'primary' : ''}
              aria-pressed={isPreset(p)}
              onClick={() => preset(p)}
            >
              {tr(`sup.${p}`)}
            </button>
          ))}
          <label htmlFor="report-from">
            {tr('sup.from')}
            <DateField id="report-from" value={from} onChange={setFrom} />
          </label>
          <label htmlFor="report-to">
            {tr('sup.to')}
            <DateField id="report-to" value={to} onChange={setTo} />
          </label>
          <button type="button" disabled={!from || !to || busy} onClick={() => void loadReport({ from, to })}>
            {tr('sup.show')}
          </button>
        </div>
        {report && session && (
          <div className="row exports">
            <strong>{tr('sup.exports')}:</strong>
            {exportButton('api/reports/export.xlsx', 'laporan-pst', 'xlsx', tr('sup.exportXlsx'))}
            {REPORT_TABLES.map((table) =>
              exportButton(`api/reports/${table}.csv`, table, 'csv', `${table}.csv`, true),
            )}
            {exportButton('api/guestbook/export.xlsx', 'buku-tamu', 'xlsx', tr('sup.exportGuestBook'))}
            <button type="button" onClick={() => window.print()}>
              {tr('sup.print')}
            </button>
          </div>
        )}
      </section>
      {!report ? (
        <p className="muted">{tr('sup.loading')}</p>
      ) : (
        <ReportBody report={report} queueName={queueName} deskName={deskName} />
      )}
    </div>
  );
}

function ReportBody({
  report,
  queueName,
  deskName,
}: {
  report: Report;
  queueName: (id: string) => string;
  deskName: (id: string) => string;
}) {
  const tr = useT();
  const { board, lang } = useCounter(useShallow((s) => ({ board: s.board, lang: s.lang })));
  const services = board?.services ?? [];
  const ikm = report.satisfaction;
  const mins = (ms: number | null) => formatMinutes(ms, lang);
  const ikmValue = formatNumber(ikm.converted, lang, 2);
  const perDay = report.visitors.perDay.map((d) => ({ day: formatShortDay(d.day, lang), ...d.services }));
  const target = Object.entries(report.byQueue).map(([id, s]) => ({
    name: queueName(id),
    percent: s.withinTargetShare === null ? 0 : s.withinTargetShare * 100,
    // Written at every bar (a 0% bar keeps a sliver for it), so 0% reads as 0%, not as missing data.
    label: formatPercent(s.withinTargetShare, lang),
  }));
  const elements = ikm.elements.map((e) => ({
    name: e.code,
    nrr: e.nrr === null ? 0 : Number(e.nrr.toFixed(2)),
  }));
  const maxHour = Math.max(1, ...report.busyHours.flat());
  return (
    <>
      <h1 className="print-only">
        {board?.office.name} · Laporan Pelayanan PST · {report.range.from} s.d. {report.range.to}
      </h1>
      <section className="kpis">
        <Kpi label={tr('sup.visitors')} value={String(report.visitors.total)} />
        <Kpi
          label={tr('sup.withinTarget')}
          value={formatPercent(report.overall.withinTargetShare, lang)}
          note={tr('sup.targetBase', { within: report.overall.withinTarget, called: report.overall.called })}
          testId="kpi-target"
        />
        <Kpi label={tr('sup.meanWait')} value={mins(report.overall.wait.mean)} />
        <Kpi
          label={tr('sup.ikm')}
          value={ikm.converted === null ? NO_VALUE : `${ikmValue} ${ikm.category ?? ''}`}
          note={`${ikm.category ? IKM_CATEGORY_LABELS[ikm.category] : ''} · ${tr('sup.respondents', { n: ikm.respondents })}`}
          testId="kpi-ikm"
        />
      </section>
      <section className="panel chart-row">
        <ChartPanel title={tr('sup.visitorsPerDay')} height={260}>
          <BarChart data={perDay}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="day" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            {services.map((s) => (
              <Bar
                key={s.id}
                dataKey={s.id}
                name={s.name}
                stackId="v"
                fill={s.color}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ChartPanel>
        <SummaryTable
          title={tr('sup.service')}
          countLabel="sup.countQueued"
          stats={report.byQueue}
          nameOf={queueName}
          lang={lang}
        />
      </section>
      <section className="panel chart-row">
        <ChartPanel title={tr('sup.targetPerService')}>
          <BarChart data={target} layout="vertical" margin={{ left: 40, right: 72 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" domain={[0, 100]} />
            <YAxis type="category" dataKey="name" width={170} />
            <Bar dataKey="percent" name="%" fill="#0b6e4f" minPointSize={3} isAnimationActive={false}>
              <LabelList dataKey="label" position="right" />
            </Bar>
          </BarChart>
        </ChartPanel>
        <SummaryTable
          title={tr('sup.deskColumn')}
          countLabel="sup.countCalled"
          stats={report.byDesk}
          nameOf={deskName}
          lang={lang}
        />
      </section>
      <section className="panel chart-row">
        <ChartPanel title={tr('sup.ikmPerElement')}>
          <BarChart data={elements}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" />
            <YAxis domain={[0, 4]} />
            <Tooltip />
            <Bar dataKey="nrr" name="NRR" fill="#0b4f8a" isAnimationActive={false} />
          </BarChart>
        </ChartPanel>
        <div>
          {ikm.missingElements.length > 0 && (
            <p className="notice error" data-testid="ikm-missing">
              {tr('sup.ikmMissing', {
                elements: ikm.elements
                  .filter((e) => ikm.missingElements.includes(e.code))
                  .map((e) => `${e.code} (${e.name})`)
                  .join(', '),
              })}
            </p>
          )}
          <table className="ikm-table">
            <thead>
              <tr>
                <th>Unsur</th>
                <th>Nama</th>
                <th>Responden</th>
                <th>NRR</th>
              </tr>
            </thead>
            <tbody>
              {ikm.elements.map((e) => (
                <tr key={e.code}>
                  <td>{e.code}</td>
                  <td>{e.name}</td>
                  <td>{e.respondents}</td>
                  <td>{formatNumber(e.nrr, lang, 2)}</td>
                </tr>
              ))}
              <tr>
                <th colSpan={3}>IKM (x25)</th>
                <th>{ikm.converted === null ? NO_VALUE : `${ikmValue} (${ikm.category})`}</th>
              </tr>
            </tbody>
          </table>
        </div>
      </section>
      <section className="panel">
        <h2>{tr('sup.busyHours')}</h2>
        <table className="heatmap">
          <thead>
            <tr>
              <th />
              {OPEN_HOURS.map((hour) => (
                <th key={hour}>{String(hour).padStart(2, '0')}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.busyHours.map((hours, day) => (
              <tr key={DAYS[day]}>
                <th>{DAYS[day]}</th>
                {OPEN_HOURS.map((hour) => (
                  <td key={hour} style={heat((hours[hour] ?? 0) / maxHour)}>
                    {hours[hour] || ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {report.outOfOrder && <ChosenCallsReport report={report.outOfOrder} deskName={deskName} lang={lang} />}
      <section className="panel">
        <h2>
          {tr('sup.guestStats')} ({report.guestBook.entries})
        </h2>
        <div className="breakdowns">
          {Object.entries(report.guestBook.breakdown).map(([dimension, counts]) => (
            <table key={dimension}>
              <caption>{GUEST_BOOK_DIMENSION_LABELS[dimension as GuestBookDimension][lang]}</caption>
              <tbody>
                {Object.entries(counts)
                  .sort(([, a], [, b]) => b - a)
                  .map(([value, n]) => (
                    <tr key={value}>
                      <td>{value}</td>
                      <td>{n}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          ))}
        </div>
      </section>
      <section className="panel">
        <h2>{tr('sup.complaints')}</h2>
        {ikm.complaints.length === 0 ? (
          <p className="muted">{tr('sup.noComplaints')}</p>
        ) : (
          <table className="complaints">
            <TableHead cells={COMPLAINT_COLUMNS.map((key) => tr(key))} />
            <tbody>
              {ikm.complaints.map((c) => (
                <ComplaintRow
                  key={`${c.ticketId}-${c.respondedAt}`}
                  complaint={c}
                  deskName={deskName}
                  lang={lang}
                />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

/** One complaint and its follow-up (ISO 9001): status, response; who and when are recorded by the hub. */
function ComplaintRow({
  complaint,
  deskName,
  lang,
}: {
  complaint: ComplaintView;
  deskName: (id: string) => string;
  lang: Lang;
}) {
  const tr = useT();
  const { settingsCommand, loadReport, board } = useCounter(
    useShallow((s) => ({ settingsCommand: s.settingsCommand, loadReport: s.loadReport, board: s.board })),
  );
  const [status, setStatus] = useState<ComplaintStatus>(complaint.status);
  const [response, setResponse] = useState(complaint.response);
  const changed = status !== complaint.status || response.trim() !== complaint.response;
  return (
    <tr data-testid={`complaint-${complaint.ticketId}`}>
      <td>{formatShortDay(complaint.day, lang)}</td>
      <td>{complaint.ticketId}</td>
      <td>{deskName(complaint.deskId)}</td>
      <td>{complaint.text}</td>
      <td>
        <select
          className="no-print"
          aria-label={`${tr('sup.complaintStatus')} ${complaint.ticketId}`}
          value={status}
          onChange={(e) => setStatus(e.target.value as ComplaintStatus)}
        >
          {COMPLAINT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {tr(`complaint.${s}`)}
            </option>
          ))}
        </select>
        <span className="print-only">{tr(`complaint.${complaint.status}`)}</span>
      </td>
      <td>
        <textarea
          aria-label={`${tr('sup.complaintResponse')} ${complaint.ticketId}`}
          className="no-print"
          rows={2}
          maxLength={2000}
          value={response}
          onChange={(e) => setResponse(e.target.value)}
        />
        <span className="print-only">{complaint.response}</span>
        <button
          type="button"
          className="no-print"
          disabled={!changed}
          onClick={() =>
            void settingsCommand(
              'complaint:follow-up',
              { ticketId: complaint.ticketId, status, response },
              tr('sup.complaintSaved'),
            ).then((saved) => saved && loadReport(useCounter.getState().reportRange))
          }
        >
          {tr('sup.complaintSave')}
        </button>
      </td>
      <td>
        {complaint.handledBy ?? NO_VALUE}
        {complaint.respondedAt !== null && (
          <small className="muted">
            {' '}
            · {formatDateTime(complaint.respondedAt, lang, board?.office.timeZone)}
          </small>
        )}
      </td>
    </tr>
  );
}

/** A header cell: its words, or its words and what they mean (shown as the cell's tooltip). */
type HeadCell = string | { text: string; hint: string };

/** A table's header row. */
function TableHead({ cells }: { cells: HeadCell[] }) {
  return (
    <thead>
      <tr>
        {cells.map((cell) =>
          typeof cell === 'string' ? (
            <th key={cell}>{cell}</th>
          ) : (
            <th key={cell.text} title={cell.hint}>
              {cell.text}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}

/** A chart beside its table in a report row: its heading and the full width of its column. */
function ChartPanel({
  title,
  height = 240,
  children,
}: {
  title: string;
  height?: number;
  children: React.ReactElement;
}) {
  return (
    <div className="chart">
      <h2>{title}</h2>
      <ResponsiveContainer width="100%" height={height}>
        {children}
      </ResponsiveContainer>
    </div>
  );
}

/**
 * The stage figures of each queue or desk (`stats` by id), a row each under its name. A service's
 * count is every ticket that entered its queue; a desk's only those called there. A ticket cancelled
 * or left unserved before any desk called it counts for its service and no desk, so the two tables
 * may differ by those: `countLabel` says which count it is, its tooltip why.
 */
function SummaryTable({
  title,
  countLabel,
  stats,
  nameOf,
  lang,
}: {
  title: string;
  countLabel: 'sup.countQueued' | 'sup.countCalled';
  stats: Record<string, StageSummary>;
  nameOf: (id: string) => string;
  lang: Lang;
}) {
  const tr = useT();
  const rows = Object.entries(stats).map(([id, s]) => [nameOf(id), s] as const);
  const mins = (ms: number | null) => formatMinutes(ms, lang);
  return (
    <table className="summary">
      <TableHead
        cells={[
          title,
          { text: tr(countLabel), hint: tr(`${countLabel}Hint`) },
          ...SUMMARY_COLUMNS.map((key) => {
            const hint = COLUMN_HINTS[key];
            return hint ? { text: tr(key), hint: tr(hint) } : tr(key);
          }),
        ]}
      />
      <tbody>
        {rows.map(([name, s]) => (
          <tr key={name}>
            <td>{name}</td>
            <td>{s.count}</td>
            <td>{s.served}</td>
            <td>{s.noShow}</td>
            <td>{mins(s.wait.median)}</td>
            <td>{mins(s.wait.p90)}</td>
            <td>{mins(s.service.mean)}</td>
            <td>{s.breaches}</td>
            <td>{formatPercent(s.withinTargetShare, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Two bands so every number stays readable: light cells with dark text, dark cells with white text. */
function heat(share: number): React.CSSProperties {
  if (share <= 0) return {};
  if (share < 0.5) return { background: `rgb(11 79 138 / ${0.08 + share * 0.64})` };
  return { background: `rgb(11 79 138 / ${0.85 + (share - 0.5) * 0.3})`, color: '#fff', fontWeight: 700 };
}

function Kpi({
  label,
  value,
  note,
  testId,
}: {
  label: string;
  value: string;
  note?: string;
  testId?: string;
}) {
  return (
    <div className="kpi" data-testid={testId}>
      <span>{label}</span>
      <strong>{value}</strong>
      {note && <small>{note}</small>}
    </div>
  );
}
