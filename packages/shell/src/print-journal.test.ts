import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPrintJournal, PRINT_JOURNAL_FILE, PRINT_JOURNAL_KEEP } from './print-journal';
import { tempDir } from './test-fakes';

const SECOND = 1000;

describe('the kiosk print journal (on disk)', () => {
  it('survives a reopen: printed, failed and cut-off jobs are known as such', () => {
    const dir = tempDir();
    const journal = openPrintJournal(dir);
    journal.begin('a1', '20261125-K001', 1000);
    journal.finish('a1', { state: 'ok', detail: 'USB printer' }, 1100);
    journal.begin('b2', '20261125-K002', 2000);
    journal.finish('b2', { state: 'paper-out', detail: 'paper out' }, 2100);
    journal.begin('c3', '20261125-K003', 3000);

    const log: string[] = [];
    const reopened = openPrintJournal(dir, (line) => log.push(line));
    expect(reopened.get('a1')).toMatchObject({ state: 'ok' });
    expect(reopened.get('b2')).toMatchObject({ state: 'failed', outcome: 'paper-out' });
    expect(reopened.get('c3')).toMatchObject({ state: 'interrupted' });
    // The newest job was cut off: that is what a restart offers to reprint.
    expect(reopened.lastFailed(3000 + 10 * SECOND, 90 * SECOND)).toMatchObject({
      jobId: 'c3',
      ticketId: '20261125-K003',
      outcome: 'error',
    });
    expect(reopened.lastFailed(3000 + 91 * SECOND, 90 * SECOND)).toBeNull();
    expect(log).toEqual([]);
    // Written through a temporary file renamed over the journal: none is left behind.
    expect(readdirSync(dir)).toEqual([PRINT_JOURNAL_FILE]);
  });

  it('offers nothing once a later job printed, and keeps only the newest jobs', () => {
    const journal = openPrintJournal(tempDir());
    journal.begin('x', '20261125-K001', 0);
    journal.finish('x', { state: 'offline', detail: 'not connected' }, 0);
    expect(journal.lastFailed(0, 90 * SECOND)).toMatchObject({ ticketId: '20261125-K001' });
    journal.begin('y', '20261125-K002', 0);
    journal.finish('y', { state: 'ok', detail: '' }, 0);
    expect(journal.lastFailed(0, 90 * SECOND)).toBeNull();
    for (let i = 0; i < PRINT_JOURNAL_KEEP + 5; i++) journal.begin(`j${i}`, null, i);
    expect(journal.get('x')).toBeNull();
    expect(journal.get(`j${PRINT_JOURNAL_KEEP + 4}`)).not.toBeNull();
  });

  it('starts empty on a missing or broken file, and says so for a broken one', () => {
    const dir = tempDir();
    expect(openPrintJournal(dir).get('a1')).toBeNull();
    expect(existsSync(join(dir, PRINT_JOURNAL_FILE))).toBe(false);
    writeFileSync(join(dir, PRINT_JOURNAL_FILE), '{"jobs": [{"jobId": 3}]}');
    const log: string[] = [];
    const journal = openPrintJournal(dir, (line) => log.push(line));
    expect(log.join('\n')).toContain('invalid');
    journal.begin('a1', null, 5);
    expect(JSON.parse(readFileSync(join(dir, PRINT_JOURNAL_FILE), 'utf8')).jobs).toHaveLength(1);
  });
});
