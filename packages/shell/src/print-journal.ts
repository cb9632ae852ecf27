/**
 * The kiosk's own print jobs, kept on the kiosk PC (`pst-print-jobs.json` in userData), so a kiosk
 * restart forgets none of them:
 * - a job the hub sends again (its retry, or its queue after the kiosk reconnects) that already
 *   printed is answered from the journal, not printed twice;
 * - a job that was printing when the kiosk stopped may be on paper: it is never printed again by
 *   itself (at most once on paper), and counts as failed, so staff or the visitor reprint it;
 * - the last failed job is still known after a restart: the kiosk shows its ticket with "Cetak ulang".
 * Each change is written to a temporary file, fsync'ed and renamed over the journal (then the folder
 * fsync'ed where the system allows), so a power cut leaves the old journal or the new one, never half.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { PrintOutcome, PrintOutcomeState } from './bridge';

export const PRINT_JOURNAL_FILE = 'pst-print-jobs.json';
/** Jobs remembered: plenty for a hub's retries and a reconnect, small enough to rewrite on each job. */
export const PRINT_JOURNAL_KEEP = 50;

const OUTCOMES = [
  'ok',
  'offline',
  'paper-out',
  'cover-open',
  'error',
] as const satisfies readonly PrintOutcomeState[];

const entrySchema = z.strictObject({
  jobId: z.string().min(1).max(64),
  ticketId: z.string().max(40).nullable(),
  /** `printing` until the printer answered; `interrupted`: the kiosk stopped meanwhile. */
  state: z.enum(['printing', 'ok', 'failed', 'interrupted']),
  /** The printer's answer (a failed job's reason). */
  outcome: z.enum(OUTCOMES).nullable(),
  detail: z.string().max(500),
  /** When the job last changed (the kiosk PC's clock). */
  at: z.number().int().min(0),
});
const journalSchema = z.strictObject({ jobs: z.array(entrySchema) });

export type JournalEntry = z.infer<typeof entrySchema>;

/** What a restart knows of the last failed print: the kiosk offers "Cetak ulang" for it. */
export interface FailedPrint {
  jobId: string;
  ticketId: string;
  outcome: PrintOutcomeState;
  detail: string;
  at: number;
}

export interface PrintJournal {
  readonly file: string;
  get(jobId: string): JournalEntry | null;
  /** Before the bytes go to the printer. */
  begin(jobId: string, ticketId: string | null, at: number): void;
  /** The printer's answer. */
  finish(jobId: string, outcome: PrintOutcome, at: number): void;
  /**
   * The newest job, when it failed (or was interrupted) for a ticket, no longer ago than `maxAgeMs`:
   * a later job that printed (a reprint, the next visitor's ticket) means nothing is left to offer.
   */
  lastFailed(now: number, maxAgeMs: number): FailedPrint | null;
}

/** Writes `text` to `file` so that a power cut leaves either the old file or the new one. */
export function writeFileDurably(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
  // The rename itself is on disk once the folder is synced (Windows cannot open a folder: NTFS
  // journals the rename itself).
  try {
    const dir = openSync(dirname(file), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    // Not possible on this system.
  }
}

/**
 * Opens the journal in `userDataDir`. A missing file is an empty journal; a broken one too (the
 * kiosk must print on), reported through `log`. Jobs found `printing` were cut off by the stop that
 * preceded this start: they become `interrupted`.
 */
export function openPrintJournal(userDataDir: string, log: (line: string) => void = () => {}): PrintJournal {
  const file = join(userDataDir, PRINT_JOURNAL_FILE);
  let jobs: JournalEntry[] = [];
  try {
    const parsed = journalSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) jobs = parsed.data.jobs;
    else log(`print journal ${file} is invalid: starting empty`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      log(`print journal ${file} unreadable (${(error as Error).message}): starting empty`);
  }
  const save = () => writeFileDurably(file, `${JSON.stringify({ jobs })}\n`);
  if (jobs.some((job) => job.state === 'printing')) {
    jobs = jobs.map((job) =>
      job.state === 'printing'
        ? { ...job, state: 'interrupted', detail: 'the kiosk stopped while this job was printing' }
        : job,
    );
    save();
  }
  const put = (entry: JournalEntry) => {
    jobs = [...jobs.filter((job) => job.jobId !== entry.jobId), entry].slice(-PRINT_JOURNAL_KEEP);
    save();
  };

  return {
    file,
    get: (jobId) => jobs.find((job) => job.jobId === jobId) ?? null,
    begin(jobId, ticketId, at) {
      put({ jobId, ticketId, state: 'printing', outcome: null, detail: '', at });
    },
    finish(jobId, outcome, at) {
      const job = jobs.find((j) => j.jobId === jobId);
      if (!job) return;
      put({
        ...job,
        state: outcome.state === 'ok' ? 'ok' : 'failed',
        outcome: outcome.state,
        detail: outcome.detail.slice(0, 500),
        at,
      });
    },
    lastFailed(now, maxAgeMs) {
      const last = jobs.at(-1);
      if (!last?.ticketId || last.state === 'ok' || last.state === 'printing') return null;
      if (now - last.at > maxAgeMs) return null;
      return {
        jobId: last.jobId,
        ticketId: last.ticketId,
        outcome: last.outcome ?? 'error',
        detail: last.detail,
        at: last.at,
      };
    },
  };
}
