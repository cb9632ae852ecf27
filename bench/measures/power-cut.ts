/**
 * Power cuts under a burst of kiosks and desks (packages/hub/src/power-cut.ts, the harness CI runs
 * 20 cuts of): more cuts here, once with the hub's own WAL checkpoint mark (as an office runs it) and
 * once with a checkpoint due every 64 WAL pages, so that cuts also fall among checkpoints (the WAL
 * copied into the database file, the WAL starting over).
 */
import { type PowerCutReport, powerCutRun, powerCutUnavailable } from '@pst/hub/power-cut';
import type { MeasureResult, Row } from '../lib/types';
import { log } from '../lib/util';

const SMALL_MARK = 64;

export interface PowerCutData {
  /** Why the file system that forgets unsynced writes cannot run here, if it cannot. */
  skipped: string | null;
  runs: { label: string; report: PowerCutReport }[];
}

function row(label: string, report: PowerCutReport): Row {
  const intact = report.cuts.filter((c) => c.integrityOk).length;
  return {
    measurement: 'power cuts',
    metric: `${report.cuts.length} cuts (kill -9, unsynced writes dropped), group commit, ${label}`,
    value:
      `${report.lost} of ${report.acknowledged} acknowledged commands lost, ${report.reissued} ticket numbers given twice, ` +
      `integrity ok after ${intact} of ${report.cuts.length}`,
    target: '0 lost, 0 given twice, all intact',
    verdict: report.lost === 0 && report.reissued === 0 && report.allIntegrityOk ? 'met' : 'missed',
    note: `${report.checkpoints} WAL checkpoints completed before the cuts; seed ${report.seed}`,
  };
}

export async function powerCuts(cuts: number, seed: number): Promise<MeasureResult<PowerCutData>> {
  const skipped = powerCutUnavailable();
  if (skipped) {
    log(`power cuts skipped: ${skipped}`);
    return {
      rows: [
        {
          measurement: 'power cuts',
          metric: 'cuts under a burst',
          value: `skipped: ${skipped}`,
          verdict: 'info',
        },
      ],
      details: [],
      data: { skipped, runs: [] },
    };
  }
  const runs: PowerCutData['runs'] = [];
  const setups = [
    ['the hub as configured', undefined],
    [`a checkpoint every ${SMALL_MARK} WAL pages`, SMALL_MARK],
  ] as const;
  for (const [i, [label, checkpointPages]] of setups.entries()) {
    log(`power cuts: ${cuts}, ${label}`);
    // The cut moments follow the bench's seed (the work between them follows the machine).
    runs.push({
      label,
      report: await powerCutRun({ durability: 'group', cuts, checkpointPages, seed: seed + i }),
    });
  }
  const acknowledged = runs.map((r) => r.report.cuts.map((c) => c.acknowledged).join(' · '));
  return {
    rows: runs.map((r) => row(r.label, r.report)),
    details: [
      '**power cuts**: a real hub process (the built JavaScript) on a FUSE file system that keeps every write not ' +
        "fsync'ed in memory (tools/lazyfs.py); four kiosks and three desks over Socket.IO; at a random moment 0 to 1 s " +
        "after the round's first acknowledged command the hub is killed and the unsynced writes are dropped; then the " +
        'database is opened as the next start opens it and checked. Acknowledged commands per cut: ' +
        runs.map((r, i) => `${r.label}: ${acknowledged[i]}`).join('; ') +
        '. The control at synchronous=NORMAL (a loss seen) runs in CI (packages/hub/test/power-cut.test.ts).',
    ],
    data: { skipped: null, runs },
  };
}
