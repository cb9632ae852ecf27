import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ticketView } from '@pst/queue-core';
import {
  BUNDLED_CLIPS,
  CLIP_NAME,
  clipText,
  errorBody,
  FRONT_OFFICE_QUEUE,
  formatDateTime,
  type Lang,
  neededClips,
  officeDay,
  PIN_PATTERN,
  REPORT_ROLES,
  reportRangeSchema,
  type TicketView,
  t,
} from '@pst/shared';
import express from 'express';
import { z } from 'zod';
import type { HubContext } from './context';
import { guestBookTable, reportTables, toCsv, toXlsx } from './exports';
import { parseHolidayFile } from './holiday-import';
import { CLIP_MAX_BYTES, clipType, OfficeClips } from './office-clips';
import { officeCalendar } from './online';
import { buildOnlineReport, onlineTables } from './online-reports';
import { buildReport, presetRange, type ReportRange } from './reports';
import { PAGE_STYLE, securityHeaders } from './security-headers';
import type { StaffRecord } from './storage/store';

const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="#0b4f8a"/>' +
  '<text x="32" y="41" fill="#fff" font-family="sans-serif" font-size="24" font-weight="700" text-anchor="middle">PST</text></svg>';

export const APPS = ['kiosk', 'counter', 'display', 'rating'] as const;

const loginSchema = z.strictObject({
  username: z.string().min(1).max(40),
  pin: z.string().regex(PIN_PATTERN),
});

export function createHttpApp(
  hub: HubContext,
  options: { appsDir: string; dataDir: string; version: string; startedAt: number },
) {
  const app = express();
  app.disable('x-powered-by');
  // Before everything, so every answer carries them (pages, API, errors, static files).
  app.use(securityHeaders());
  app.use(express.json({ limit: '32kb' }));

  /** The staff member whose session token is the request's `Authorization: Bearer`, or null. */
  const staffOf = (req: express.Request): StaffRecord | null => {
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    return token ? hub.store.staffBySession(token, hub.clock()) : null;
  };

  // Strangers on the LAN learn up/down and the printers' states; staff get the details (data
  // paths, printer addresses and names, who is connected) that an attacker would map the office with.
  app.get('/healthz', (req, res) => {
    const databaseOk = hub.store.isReachable();
    const status = databaseOk ? 'ok' : 'degraded';
    res.status(databaseOk ? 200 : 503);
    if (!staffOf(req)) {
      res.json({
        status,
        printer: { state: hub.printerStatus().state },
        printers: hub.printers().map(({ id, kind, state }) => ({ id, kind, state })),
      });
      return;
    }
    const roles: Record<string, number> = {};
    for (const socket of hub.io.of('/').sockets.values())
      roles[socket.data.role] = (roles[socket.data.role] ?? 0) + 1;
    res.json({
      status,
      version: options.version,
      uptimeSeconds: Math.round((Date.now() - options.startedAt) / 1000),
      database: { ok: databaseOk },
      printer: hub.printerStatus(),
      printers: hub.printers(),
      clients: roles,
      day: hub.runner.state.day,
    });
  });

  app.post('/api/login', async (req, res) => {
    const parsed = loginSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ ok: false, error: errorBody('VALIDATION_FAILED') });
      return;
    }
    // The socket's own address: a header such as X-Forwarded-For is the client's word, not a fact.
    const address = req.socket.remoteAddress ?? 'unknown';
    const result = await hub.staffLogin.login(parsed.data.username, parsed.data.pin, address);
    if (result.ok) {
      res.json({ ok: true, data: { token: result.token, staff: result.staff } });
      return;
    }
    if (result.code === 'LOGIN_FAILED') {
      res.status(401).json({ ok: false, error: errorBody('LOGIN_FAILED') });
      return;
    }
    const refuse = (heldMs: number) => {
      if (res.writableEnded || res.destroyed) return;
      const seconds = Math.max(1, Math.ceil(((result.retryAfterMs ?? 1000) - heldMs) / 1000));
      res
        .status(429)
        .setHeader('retry-after', String(seconds))
        .json({ ok: false, error: errorBody(result.code, 'id', { retryAfterSeconds: String(seconds) }) });
    };
    // A throttled try waits out its wait before it hears so (login-tarpit.ts); beyond the caps, at once.
    const drop =
      result.code === 'LOGIN_THROTTLED'
        ? hub.loginTarpit.hold(address, result.retryAfterMs ?? 0, refuse)
        : null;
    if (drop) res.on('close', drop);
    else refuse(0);
  });

  app.post('/api/logout', (req, res) => {
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    if (token) hub.store.logout(token);
    res.json({ ok: true, data: {} });
  });

  app.get('/api/tickets/:id', (req, res) => {
    const view = findTicket(hub, req.params.id);
    if (!view) res.status(404).json({ ok: false, error: errorBody('UNKNOWN_TICKET') });
    else res.json({ ok: true, data: view });
  });

  app.get('/t/:id', (req, res) => {
    const lang: Lang = req.query.lang === 'en' ? 'en' : 'id';
    const view = findTicket(hub, req.params.id);
    res
      .status(view ? 200 : 404)
      .type('html')
      .send(statusPage(hub, view, lang));
  });

  /** Report and export routes: a staff session token as `Authorization: Bearer`, with a role in REPORT_ROLES. */
  const supervisor: express.RequestHandler = (req, res, next) => {
    const staff = staffOf(req);
    if (!staff) {
      res.status(401).json({ ok: false, error: errorBody('UNAUTHENTICATED') });
      return;
    }
    if (!(REPORT_ROLES as readonly string[]).includes(staff.role)) {
      res.status(403).json({ ok: false, error: errorBody('FORBIDDEN') });
      return;
    }
    res.locals.staff = staff;
    next();
  };
  const rangeOf = (req: express.Request, res: express.Response): ReportRange | null => {
    const tz = hub.runner.state.config.office.timeZone;
    const preset = req.query.preset;
    if (preset === 'today' || preset === 'week' || preset === 'month')
      return presetRange(preset, hub.clock(), tz);
    const range = reportRangeSchema.safeParse({ from: req.query.from, to: req.query.to });
    if (range.success) return range.data;
    res.status(400).json({
      ok: false,
      error: errorBody('VALIDATION_FAILED', 'id', { range: 'from/to: real days YYYY-MM-DD, from <= to' }),
    });
    return null;
  };
  const reportOf = (range: ReportRange) => {
    const tz = hub.runner.state.config.office.timeZone;
    return buildReport(hub.store.reports, range, tz, officeDay(hub.clock(), tz));
  };
  const attach = (res: express.Response, name: string) =>
    res.setHeader('content-disposition', `attachment; filename="${name}"`);

  // The online service's figures (issue 21): also in the XLSX and as online/janji-temu/ikm-kanal CSV tables.
  const onlineReportOf = (range: ReportRange) =>
    buildOnlineReport(hub.store.reports, range, hub.clock(), officeCalendar(hub));
  app.get('/api/reports/online', supervisor, (req, res) => {
    const range = rangeOf(req, res);
    if (range) res.json({ ok: true, data: onlineReportOf(range) });
  });
  app.get('/api/reports', supervisor, (req, res) => {
    const range = rangeOf(req, res);
    if (range) res.json({ ok: true, data: reportOf(range) });
  });
  app.get('/api/reports/export.xlsx', supervisor, async (req, res) => {
    const range = rangeOf(req, res);
    if (!range) return;
    const config = hub.runner.state.config;
    const xlsx = await toXlsx(
      [...reportTables(reportOf(range), config), ...onlineTables(onlineReportOf(range))],
      {
        title: `${config.office.name} · Laporan Pelayanan PST`,
        subtitle: `${range.from} s.d. ${range.to}`,
      },
    );
    attach(res, `laporan-pst-${range.from}-${range.to}.xlsx`).type('xlsx').send(xlsx);
  });
  app.get('/api/reports/:table.csv', supervisor, (req, res) => {
    const range = rangeOf(req, res);
    if (!range) return;
    const table = [
      ...reportTables(reportOf(range), hub.runner.state.config),
      ...onlineTables(onlineReportOf(range)),
    ].find((t) => t.name === req.params.table);
    if (!table) {
      res.status(404).json({ ok: false, error: errorBody('NOT_FOUND') });
      return;
    }
    attach(res, `${table.name}-${range.from}-${range.to}.csv`).type('csv').send(toCsv(table));
  });
  /**
   * Reads a holiday file (CSV or XLSX) and answers the dates in it: nothing is saved here, the admin
   * checks the list in Settings and saves it with `settings:holidays`.
   */
  app.post(
    '/api/holidays/import',
    supervisor,
    express.raw({ type: () => true, limit: '2mb' }),
    async (req, res) => {
      const data = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const read = await parseHolidayFile(data).catch(() => null);
      if (read?.ok) {
        res.json({ ok: true, data: read.holidays });
        return;
      }
      const details: Record<string, string> = read
        ? { row: String(read.problem.row), field: read.problem.field }
        : { file: 'unreadable' };
      res.status(400).json({ ok: false, error: errorBody('VALIDATION_FAILED', 'id', details) });
    },
  );
  app.get('/api/guestbook/export.:format', supervisor, async (req, res) => {
    const range = rangeOf(req, res);
    if (!range) return;
    if (req.params.format !== 'csv' && req.params.format !== 'xlsx') {
      res.status(404).json({ ok: false, error: errorBody('NOT_FOUND') });
      return;
    }
    const staff = res.locals.staff as StaffRecord;
    // Personal data leaves the hub here: who, when and which range is recorded (UU 27/2022).
    hub.store.audit(hub.clock(), 'guestbook.export', { ...range, format: req.params.format }, staff.id);
    const table = guestBookTable(hub.store.guestBookRows(range.from, range.to));
    const name = `buku-tamu-${range.from}-${range.to}.${req.params.format}`;
    if (req.params.format === 'csv') attach(res, name).type('csv').send(toCsv(table));
    else
      attach(res, name)
        .type('xlsx')
        .send(
          await toXlsx([table], {
            title: hub.runner.state.config.office.name,
            subtitle: `${range.from} s.d. ${range.to}`,
          }),
        );
  });

  // ---- pilot-a: the office's own recordings of the announcement clips ----
  const officeClips = new OfficeClips(join(options.dataDir, 'clips'));
  // The display asks here for each clip: the office's recording, else the one the display ships.
  app.get('/clips/:name', (req, res) => {
    const name = req.params.name;
    const shipped = join(options.appsDir, 'display', 'dist', 'clips', `${name}.wav`);
    const file = officeClips.file(name) ?? (CLIP_NAME.test(name) && existsSync(shipped) ? shipped : null);
    if (file) res.sendFile(file, { maxAge: 0 });
    else res.status(404).json({ ok: false, error: errorBody('NOT_FOUND') });
  });
  /** Each clip the office's calls need, and whose voice says it now: the office's, the shipped one, or none. */
  app.get('/api/clips', supervisor, (_req, res) => {
    const own = new Set(officeClips.names());
    const clips = neededClips(hub.runner.state.config).map((name) => ({
      name,
      text: clipText(name),
      source: own.has(name) ? 'office' : BUNDLED_CLIPS.includes(name) ? 'bundled' : 'missing',
    }));
    res.json({ ok: true, data: { clips, maxBytes: CLIP_MAX_BYTES } });
  });
  app.put(
    '/api/clips/:name',
    supervisor,
    express.raw({ type: () => true, limit: CLIP_MAX_BYTES }),
    (req, res) => {
      const name = req.params.name as string;
      const body = Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : new Uint8Array();
      const type = clipType(body);
      const known = neededClips(hub.runner.state.config).includes(name) || BUNDLED_CLIPS.includes(name);
      if (!CLIP_NAME.test(name) || !known || !type) {
        res.status(400).json({
          ok: false,
          error: errorBody('VALIDATION_FAILED', 'id', {
            [known ? 'file' : 'name']: known ? 'berkas WAV atau MP3' : 'kata tidak dikenal',
          }),
        });
        return;
      }
      officeClips.save(name, type, body);
      hub.store.audit(hub.clock(), 'clip.saved', { name, type, bytes: body.length }, res.locals.staff.id);
      res.json({ ok: true, data: { name, type } });
    },
  );
  app.delete('/api/clips/:name', supervisor, (req, res) => {
    const name = req.params.name as string;
    if (!officeClips.remove(name)) {
      res.status(404).json({ ok: false, error: errorBody('NOT_FOUND') });
      return;
    }
    hub.store.audit(hub.clock(), 'clip.removed', { name }, res.locals.staff.id);
    res.json({ ok: true, data: { name } });
  });

  for (const name of APPS) {
    const dist = join(options.appsDir, name, 'dist');
    app.use(`/${name}`, express.static(dist, { index: 'index.html', maxAge: '1h' }));
    // Client-side routes fall back to the app's page; until the app is built, a page says how.
    app.get([`/${name}`, `/${name}/{*rest}`], (_req, res) => {
      const index = join(dist, 'index.html');
      if (existsSync(index)) {
        res.sendFile(index);
        return;
      }
      res
        .status(503)
        .type('html')
        .send(
          page(
            `${name} belum dibangun`,
            `<h1>Aplikasi <code>${name}</code> belum dibangun</h1><p>Jalankan <code>npm run build</code> di folder proyek, lalu muat ulang halaman ini.</p><p lang="en">The <code>${name}</code> app is not built yet: run <code>npm run build</code>, then reload.</p>`,
          ),
        );
    });
  }

  // Every page's browser asks its origin for /favicon.ico: the service's mark, not a 404 in each log.
  app.get('/favicon.ico', (_req, res) => {
    res.type('image/svg+xml').set('Cache-Control', 'public, max-age=86400').send(FAVICON);
  });

  app.get('/', (_req, res) => {
    const links = APPS.map((name) => `<li><a href="/${name}/">/${name}</a></li>`).join('');
    res.type('html').send(page('PST', `<h1>${hub.runner.state.config.office.name}</h1><ul>${links}</ul>`));
  });

  // A body that is not JSON (or too big) gets the same error shape as everything else, never a stack trace.
  app.use(
    (
      error: Error & { status?: number; type?: string },
      req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => {
      // Never the message: a JSON parser's quotes the body it choked on, which may hold a PIN.
      const client = { path: req.path, status: error.status, type: error.type ?? error.name };
      if (error.status && error.status < 500) hub.log.warn(client, 'bad HTTP request');
      else hub.log.error({ ...client, err: error }, 'HTTP request failed');
      res.status(error.status && error.status < 500 ? error.status : 500).json({
        ok: false,
        error: errorBody(error.status && error.status < 500 ? 'VALIDATION_FAILED' : 'INTERNAL'),
      });
    },
  );

  return app;
}

function findTicket(hub: HubContext, id: string): TicketView | null {
  const today = hub.runner.state.tickets.get(id);
  if (today) return ticketView(hub.runner.state, today);
  const past = hub.store.pastTicket(id);
  if (!past) return null;
  return {
    id: past.id,
    number: past.number,
    serviceId: past.service_id,
    queue: past.service_id,
    priority: false,
    status: past.status as TicketView['status'],
    issuedAt: past.issued_at,
    peopleAhead: 0,
    estimatedWaitMinutes: 0,
    desk: null,
    recalls: 0,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The public status page of one ticket (the printed QR code points here): no personal data. */
function statusPage(hub: HubContext, view: TicketView | null, lang: Lang): string {
  const config = hub.runner.state.config;
  // A mistyped address or yesterday's ticket: a page that says what to do, not a bare 404.
  if (!view)
    return page(
      t(lang, 'page.unknownTicket'),
      `<h1>${escapeHtml(config.office.name)}</h1>
    <p class="status">${escapeHtml(t(lang, 'page.unknownTicket'))}</p>
    <p>${escapeHtml(t(lang, 'page.unknownTicketHint'))}</p>
    <p class="muted">${escapeHtml(t(lang, 'app.free'))}</p>`,
    );
  const service = config.services.find((s) => s.id === view.serviceId);
  const rows: string[] = [`<p class="status">${escapeHtml(t(lang, `status.${view.status}`))}</p>`];
  if (view.status === 'waiting') {
    // The line the visitor stands in now: the front office's first, when the office works that way.
    const ahead = view.queue === FRONT_OFFICE_QUEUE ? 'kiosk.peopleAheadFrontOffice' : 'kiosk.peopleAhead';
    rows.push(`<p>${escapeHtml(t(lang, ahead, { n: view.peopleAhead }))}</p>`);
    rows.push(`<p>${escapeHtml(t(lang, 'kiosk.estimatedWait', { n: view.estimatedWaitMinutes }))}</p>`);
  }
  if ((view.status === 'called' || view.status === 'serving') && view.desk) {
    rows.push(`<p class="go">${escapeHtml(t(lang, 'page.goTo', { desk: view.desk.name }))}</p>`);
  }
  const body = `
    <h1>${escapeHtml(config.office.name)}</h1>
    <p class="number">${escapeHtml(view.number)}</p>
    <p>${escapeHtml((lang === 'en' ? service?.nameEn : service?.name) ?? view.serviceId)}</p>
    ${rows.join('\n')}
    <p class="muted">${escapeHtml(formatDateTime(view.issuedAt, lang, config.office.timeZone))}</p>
    <p class="muted">${escapeHtml(t(lang, 'page.refresh'))} · ${escapeHtml(t(lang, 'app.free'))}</p>`;
  return page(`${view.number} · ${t(lang, 'page.ticketStatus')}`, body, 15);
}

function page(title: string, body: string, refreshSeconds?: number): string {
  const refresh = refreshSeconds ? `<meta http-equiv="refresh" content="${refreshSeconds}">` : '';
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">${refresh}<title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style>
</head><body>${body}</body></html>`;
}
