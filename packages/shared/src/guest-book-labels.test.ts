import { expect, it } from 'vitest';
import {
  currentServiceUsedLabel,
  GUEST_BOOK_OPTIONS,
  guestBookEntrySchema,
  withCurrentServiceLabels,
} from './guest-book';
import { GUEST } from './testing';

it('names the recommendation service as the office standard does, and reads the old stored label as it', () => {
  expect(GUEST_BOOK_OPTIONS.servicesUsed).toContain('Rekomendasi Statistik');
  expect(currentServiceUsedLabel('Rekomendasi Kegiatan Statistik')).toBe('Rekomendasi Statistik');
  expect(currentServiceUsedLabel('Perpustakaan')).toBe('Perpustakaan');
  const parsed = guestBookEntrySchema.parse({ ...GUEST, servicesUsed: ['Rekomendasi Kegiatan Statistik'] });
  expect(parsed.servicesUsed).toEqual(['Rekomendasi Statistik']);
});

it('reads a stored entry with today’s labels, each once (reports, exports, a returning visitor’s form)', () => {
  const stored = {
    ...GUEST,
    servicesUsed: ['Rekomendasi Kegiatan Statistik', 'Rekomendasi Statistik', 'Perpustakaan'],
  };
  expect(withCurrentServiceLabels(stored).servicesUsed).toEqual(['Rekomendasi Statistik', 'Perpustakaan']);
  // A saved form with the old and the new label ticked stores the service once.
  expect(guestBookEntrySchema.parse(stored).servicesUsed).toEqual(['Rekomendasi Statistik', 'Perpustakaan']);
});
