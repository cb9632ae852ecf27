/** Checks a hub's database after a load, read-only: what was acknowledged is there, numbers have no gaps. */
import Database from 'better-sqlite3';

export interface DbCheck {
  tickets: number;
  /** Acknowledged takes missing from the tickets table. */
  missing: string[];
  /** Acknowledged finishes whose ticket is not 'finished'. */
  notFinished: string[];
  /** Per service: highest number, count, and the numbers missing below the highest. */
  services: Record<string, { max: number; count: number; gaps: number[] }>;
  domainEvents: number;
  quickCheck: string;
  ok: boolean;
}

export function checkDatabase(file: string, acked: readonly string[], finished: readonly string[]): DbCheck {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare('SELECT id, day, number, service_id AS serviceId, status FROM tickets')
      .all() as Array<{
      id: string;
      day: string;
      number: string;
      serviceId: string;
      status: string;
    }>;
    const byId = new Map(rows.map((r) => [r.id, r]));
    const missing = acked.filter((id) => !byId.has(id));
    const notFinished = finished.filter((id) => byId.get(id)?.status !== 'finished');
    const seqs = new Map<string, number[]>();
    for (const r of rows) {
      const key = `${r.day} ${r.serviceId}`;
      const list = seqs.get(key) ?? [];
      list.push(Number(r.number.split('-')[1]));
      seqs.set(key, list);
    }
    const services: DbCheck['services'] = {};
    for (const [key, list] of seqs) {
      list.sort((a, b) => a - b);
      const max = list[list.length - 1] ?? 0;
      const present = new Set(list);
      const gaps: number[] = [];
      for (let n = 1; n <= max && gaps.length < 20; n++) if (!present.has(n)) gaps.push(n);
      services[key] = { max, count: list.length, gaps };
    }
    const domainEvents = (
      db.prepare(`SELECT count(*) AS n FROM events WHERE kind = 'domain'`).get() as { n: number }
    ).n;
    const quickCheck = db.pragma('quick_check', { simple: true }) as string;
    const ok =
      missing.length === 0 &&
      notFinished.length === 0 &&
      // No gaps and as many tickets as the highest number: each of 1..max exactly once.
      Object.values(services).every((s) => s.gaps.length === 0 && s.count === s.max) &&
      quickCheck === 'ok';
    return { tickets: rows.length, missing, notFinished, services, domainEvents, quickCheck, ok };
  } finally {
    db.close();
  }
}

export function describeCheck(check: DbCheck, acked: number): string {
  const services = Object.entries(check.services)
    .map(
      ([key, s]) => `${key.split(' ')[1]} 1..${s.max}${s.gaps.length ? ` (gaps: ${s.gaps.join(', ')})` : ''}`,
    )
    .join(', ');
  return (
    `${check.ok ? 'PASS' : 'FAIL'}: ${acked} acknowledged takes, ${check.tickets} tickets stored, ` +
    `${check.missing.length} missing, ${check.notFinished.length} acknowledged finishes not stored as finished; ` +
    `numbers ${services}; ${check.domainEvents} domain events; quick_check ${check.quickCheck}`
  );
}
