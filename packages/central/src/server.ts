/**
 * The central roll-up service: offices push closed days to `POST /api/v1/days` with their key;
 * central users sign in and read the dashboard (`/`), one office (`/kantor/:id`) and the XLSX export
 * (`/ekspor.xlsx`). Province users see their province only; national users see every office.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CENTRAL_PUSH_PATH,
  type CentralErrorCode,
  centralError,
  centralPushSchema,
  type Lang,
  officeDay,
} from '@pst/shared';
import express, { type NextFunction, type Request, type Response } from 'express';
import pg from 'pg';
import { type CentralUser, login, logout, officeByKey, userBySession } from './accounts';
import { officeDetail, officeTable, type Period, rangeOf, type Scope, trend } from './dashboard';
import { dashboardWorkbook } from './export';
import { ingestPush } from './ingest';
import { migrate } from './migrations';
import { dashboardPage, loginPage, officePage } from './pages';
import { provinceName } from './provinces';
import { t } from './strings';
import { LoginThrottle } from './throttle';

export interface CentralOptions {
  databaseUrl: string;
  port?: number;
  host?: string;
  /** The service's only clock (injectable so tests can move time). */
  clock?: () => number;
  /** Connections to PostgreSQL (default 10). */
  poolSize?: number;
  /** Refuse session cookies over plain HTTP? Set when served behind HTTPS. */
  secureCookies?: boolean;
}

export interface Central {
  url: string;
  port: number;
  pool: pg.Pool;
  close(): Promise<void>;
}

const STATUS: Record<CentralErrorCode, number> = {
  CENTRAL_KEY_INVALID: 401,
  CENTRAL_PAYLOAD_INVALID: 400,
  CENTRAL_DAY_NOT_CLOSED: 422,
  CENTRAL_STALE_VERSION: 409,
  CENTRAL_LOGIN_FAILED: 401,
  CENTRAL_THROTTLED: 429,
  CENTRAL_FORBIDDEN: 403,
};
const COOKIE = 'pst_central';

export async function createCentral(options: CentralOptions): Promise<Central> {
  const clock = options.clock ?? Date.now;
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
  await migrate(pool);
  const throttle = new LoginThrottle(clock);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use((_req, res, next) => {
    res.set({
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
    });
    next();
  });

  const langOf = (req: Request): Lang => {
    const asked = typeof req.query.lang === 'string' ? req.query.lang : cookies(req).lang;
    return asked === 'en' ? 'en' : 'id';
  };
  const refuse = (res: Response, lang: Lang, code: CentralErrorCode, details?: unknown) =>
    res.status(STATUS[code]).json({ ok: false, error: centralError(code, lang, details) });

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });

  // ---- pushes from office hubs ----
  app.post(CENTRAL_PUSH_PATH, express.json({ limit: '8mb' }), async (req, res, next) => {
    const lang: Lang = req.headers['accept-language']?.startsWith('en') ? 'en' : 'id';
    try {
      const key = /^Bearer (\S{10,200})$/.exec(req.headers.authorization ?? '')?.[1];
      const office = key ? await officeByKey(pool, key) : null;
      if (!office) return refuse(res, lang, 'CENTRAL_KEY_INVALID');
      const parsed = centralPushSchema.safeParse(req.body);
      if (!parsed.success)
        return refuse(res, lang, 'CENTRAL_PAYLOAD_INVALID', {
          issues: parsed.error.issues
            .slice(0, 5)
            .map((i) => ({ path: i.path.join('.'), message: i.message })),
        });
      const result = await ingestPush(pool, office, parsed.data, clock());
      if (!result.ok) return refuse(res, lang, result.code, result.details);
      return res.json({ ok: true, data: result.data });
    } catch (error) {
      next(error);
    }
  });

  // ---- central users ----
  const session = async (req: Request): Promise<{ user: CentralUser; token: string } | null> => {
    const token = cookies(req)[COOKIE];
    if (!token || token.length > 200) return null;
    const user = await userBySession(pool, token, clock());
    return user ? { user, token } : null;
  };
  const signedIn =
    (page: (req: Request, res: Response, user: CentralUser) => Promise<void>) =>
    async (req: Request, res: Response, next: NextFunction) => {
      try {
        const s = await session(req);
        if (!s) return res.redirect(303, `/masuk?lang=${langOf(req)}`);
        if (typeof req.query.lang === 'string')
          res.cookie('lang', langOf(req), {
            sameSite: 'strict',
            httpOnly: true,
            secure: !!options.secureCookies,
          });
        await page(req, res, s.user);
      } catch (error) {
        next(error);
      }
    };

  app.get('/masuk', (req, res) => {
    res.type('html').send(loginPage(langOf(req)));
  });
  app.post('/masuk', express.urlencoded({ extended: false, limit: '4kb' }), async (req, res, next) => {
    const lang = langOf(req);
    try {
      const username = String(req.body?.username ?? '').slice(0, 100);
      const password = String(req.body?.password ?? '').slice(0, 200);
      const address = req.socket.remoteAddress ?? '';
      if (!throttle.allowed(username, address))
        return res
          .status(429)
          .type('html')
          .send(loginPage(lang, centralError('CENTRAL_THROTTLED', lang).message, username));
      const token = await login(pool, username, password, clock());
      if (!token) {
        throttle.failed(username, address);
        return res
          .status(401)
          .type('html')
          .send(loginPage(lang, centralError('CENTRAL_LOGIN_FAILED', lang).message, username));
      }
      throttle.succeeded(username);
      res.cookie(COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: !!options.secureCookies,
        path: '/',
      });
      return res.redirect(303, '/');
    } catch (error) {
      next(error);
    }
  });
  app.post('/keluar', async (req, res, next) => {
    try {
      const s = await session(req);
      if (s) await logout(pool, s.token);
      res.clearCookie(COOKIE, { path: '/' });
      res.redirect(303, '/masuk');
    } catch (error) {
      next(error);
    }
  });

  /**
   * The period asked for: `periode=bulan&bulan=2026-10` (links), `periode=bulan&bulan=10&tahun=2026`
   * (the form's month-name and year selects) or `periode=tahun&tahun=2026`; default: this month.
   */
  const periodOf = (req: Request): Period => {
    const bulan = typeof req.query.bulan === 'string' ? req.query.bulan : '';
    const tahun =
      typeof req.query.tahun === 'string' && /^\d{4}$/.test(req.query.tahun) ? req.query.tahun : null;
    if (req.query.periode === 'tahun') return { kind: 'year', year: tahun ?? officeDay(clock()).slice(0, 4) };
    if (/^\d{4}-(0[1-9]|1[0-2])$/.test(bulan)) return { kind: 'month', month: bulan };
    if (tahun && /^(0[1-9]|1[0-2])$/.test(bulan)) return { kind: 'month', month: `${tahun}-${bulan}` };
    return { kind: 'month', month: officeDay(clock()).slice(0, 7) };
  };
  const scopeOf = (req: Request, user: CentralUser): Scope => {
    if (user.role === 'province') return { province: user.province };
    const asked = typeof req.query.provinsi === 'string' ? req.query.provinsi : '';
    return { province: /^\d{2}$/.test(asked) ? asked : null };
  };
  const queryOf = (req: Request, period: Period, scope: Scope, lang: Lang) => {
    const params = new URLSearchParams(
      period.kind === 'year'
        ? { periode: 'tahun', tahun: period.year }
        : { periode: 'bulan', bulan: period.month },
    );
    if (scope.province && (req.query.provinsi || scope.province)) params.set('provinsi', scope.province);
    params.set('lang', lang);
    return params.toString();
  };

  app.get(
    '/',
    signedIn(async (req, res, user) => {
      const lang = langOf(req);
      const period = periodOf(req);
      const scope = scopeOf(req, user);
      const range = rangeOf(period);
      const [offices, points] = await Promise.all([
        officeTable(pool, scope, range),
        trend(pool, scope, range, period.kind === 'year' ? 'month' : 'day'),
      ]);
      res.type('html').send(
        dashboardPage({
          lang,
          user,
          period,
          province: scope.province,
          offices,
          trend: points,
          now: clock(),
          query: queryOf(req, period, scope, lang),
        }),
      );
    }),
  );

  app.get(
    '/kantor/:id',
    signedIn(async (req, res, user) => {
      const lang = langOf(req);
      const id = String(req.params.id);
      const period = periodOf(req);
      const range = rangeOf(period);
      const province = id.slice(0, 2);
      if (!/^\d{4}$/.test(id)) return void res.status(404).type('html').send(t(lang, 'noData'));
      if (user.role === 'province' && user.province !== province)
        return void res.status(403).type('html').send(centralError('CENTRAL_FORBIDDEN', lang).message);
      const [offices, points, detail] = await Promise.all([
        officeTable(pool, { province }, range),
        trend(pool, { province, office: id }, range, period.kind === 'year' ? 'month' : 'day'),
        officeDetail(pool, id, range),
      ]);
      const office = offices.find((o) => o.id === id);
      if (!office) return void res.status(404).type('html').send(t(lang, 'noData'));
      res.type('html').send(
        officePage({
          lang,
          user,
          period,
          office,
          trend: points,
          detail,
          now: clock(),
          query: queryOf(req, period, scopeOf(req, user), lang),
        }),
      );
    }),
  );

  app.get(
    '/ekspor.xlsx',
    signedIn(async (req, res, user) => {
      const lang = langOf(req);
      const period = periodOf(req);
      const range = rangeOf(period);
      const officeId =
        typeof req.query.kantor === 'string' && /^\d{4}$/.test(req.query.kantor) ? req.query.kantor : null;
      const scope = officeId ? { province: officeId.slice(0, 2) } : scopeOf(req, user);
      if (user.role === 'province' && scope.province !== user.province)
        return void res.status(403).type('html').send(centralError('CENTRAL_FORBIDDEN', lang).message);
      const by = period.kind === 'year' ? 'month' : 'day';
      const [all, points] = await Promise.all([
        officeTable(pool, scope, range),
        trend(pool, officeId ? { ...scope, office: officeId } : scope, range, by),
      ]);
      const offices = officeId ? all.filter((o) => o.id === officeId) : all;
      const label = period.kind === 'year' ? period.year : period.month;
      const what =
        officeId ?? (scope.province ? `${scope.province}-${provinceName(scope.province)}` : 'nasional');
      const file = `rekap-pst-${what}-${label}.xlsx`.replace(/[^\w.-]+/g, '-');
      const body = await dashboardWorkbook(lang, `${t(lang, 'title')} ${label}`, offices, points);
      res
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .set('content-disposition', `attachment; filename="${file}"`)
        .send(body);
    }),
  );

  // Malformed JSON or a body over the limit is the pusher's fault, answered in the push's own terms.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = (error as { status?: number }).status;
    if (req.path === CENTRAL_PUSH_PATH && status && status >= 400 && status < 500)
      return refuse(res, 'id', 'CENTRAL_PAYLOAD_INVALID', {
        reason: (error as { type?: string }).type ?? 'body',
      });
    console.error(error);
    res
      .status(500)
      .json({ ok: false, error: { code: 'INTERNAL', message: 'Terjadi kesalahan pada server.' } });
  });

  const server: Server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, options.host ?? '0.0.0.0', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  return {
    url: `http://${host}:${port}`,
    port,
    pool,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}

function cookies(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) out[part.slice(0, at).trim()] = decodeURIComponent(part.slice(at + 1).trim());
  }
  return out;
}
