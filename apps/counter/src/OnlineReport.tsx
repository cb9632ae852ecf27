/** The online service's figures beside the walk-in report, for the same range (issue 21). */
import {
  formatNumber,
  formatPercent,
  ONLINE_CHANNEL_LABELS,
  type OnlineChannelFigures,
  type OnlineReport as OnlineReportData,
} from '@pst/shared';
import { useT } from '@pst/ui';
import { useEffect, useState } from 'react';
import { rangeParams, useCounter } from './store';

export function OnlineReport() {
  const tr = useT();
  const session = useCounter((s) => s.session);
  const range = useCounter((s) => s.reportRange);
  const report = useCounter((s) => s.report);
  const lang = useCounter((s) => s.lang);
  const [data, setData] = useState<OnlineReportData | null>(null);
  useEffect(() => {
    if (!session || !report) return;
    void fetch(new URL(`../api/reports/online?${rangeParams(range)}`, window.location.href), {
      headers: { authorization: `Bearer ${session.token}` },
    })
      .then((r) => r.json() as Promise<{ ok: boolean; data: OnlineReportData }>)
      .then((body) => body.ok && setData(body.data))
      .catch(() => setData(null));
  }, [session, range, report]);
  if (!data) return null;
  // The walk-in report's number styles: counts as "1.234", IKM with 2 decimals, working days with 1,
  // shares as "62,5%".
  const show = (v: number | null, digits = 0) => formatNumber(v, lang, digits);
  const row = (label: string, f: OnlineChannelFigures) => (
    <tr key={label}>
      <th scope="row">{label}</th>
      <td>{show(f.requests)}</td>
      <td>{formatPercent(f.inTimeShare, lang)}</td>
      <td>{show(f.medianWorkingDays, 1)}</td>
      <td>{show(f.closedDone)}</td>
      <td>{show(f.closedNoResponse)}</td>
      <td>{show(f.ikm.converted, 2)}</td>
    </tr>
  );
  return (
    <section className="card online-report" aria-label={tr('on.report.title')}>
      <h2>{tr('on.report.title')}</h2>
      <table className="online-table">
        <thead>
          <tr>
            <th>{tr('on.channel')}</th>
            <th>{tr('on.report.requests')}</th>
            <th>{tr('on.report.inTime')}</th>
            <th>{tr('on.report.median')}</th>
            <th>{tr('on.report.done')}</th>
            <th>{tr('on.report.noResponse')}</th>
            <th>IKM</th>
          </tr>
        </thead>
        <tbody>
          {data.channels.map((c) => row(ONLINE_CHANNEL_LABELS[c.channel], c))}
          {row(tr('on.report.all'), data.total)}
        </tbody>
      </table>
      <p data-testid="online-appointments">
        {tr('on.report.appointments', {
          booked: data.appointments.booked,
          kept: data.appointments.kept,
          missed: data.appointments.missed,
          zoom: data.appointments.zoom,
        })}
      </p>
      <p data-testid="online-ikm">
        {tr('on.report.ikm', {
          walkIn: show(data.ikm.walkIn.converted, 2),
          walkInN: data.ikm.walkIn.respondents,
          online: show(data.ikm.online.converted, 2),
          onlineN: data.ikm.online.respondents,
        })}
      </p>
    </section>
  );
}
