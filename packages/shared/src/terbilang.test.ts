import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  announcementParts,
  announcementText,
  announcementUtterance,
  parseTicketNumber,
} from './announcement';
import { terbilang, terbilangWords } from './terbilang';

describe('terbilang', () => {
  it.each([
    [0, 'nol'],
    [1, 'satu'],
    [9, 'sembilan'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [21, 'dua puluh satu'],
    [99, 'sembilan puluh sembilan'],
    [100, 'seratus'],
    [101, 'seratus satu'],
    [110, 'seratus sepuluh'],
    [111, 'seratus sebelas'],
    [200, 'dua ratus'],
    [999, 'sembilan ratus sembilan puluh sembilan'],
    [1000, 'seribu'],
    [1001, 'seribu satu'],
    [1100, 'seribu seratus'],
    [2000, 'dua ribu'],
    [2024, 'dua ribu dua puluh empat'],
    [9999, 'sembilan ribu sembilan ratus sembilan puluh sembilan'],
  ])('%i is "%s"', (n, words) => {
    expect(terbilang(n)).toBe(words);
  });

  it.each([-1, 10_000, 1.5, Number.NaN])('refuses %s', (n) => {
    expect(() => terbilang(n)).toThrow(RangeError);
  });

  it('gives every number 0..9999 its own reading from a small vocabulary', () => {
    const vocabulary = new Set(
      'nol satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas belas puluh seratus ratus seribu ribu'.split(
        ' ',
      ),
    );
    // Plain checks in the loop, one expect at the end: 40,000 expect calls took seconds on a busy machine.
    const seen = new Set<string>();
    const unknown = new Set<string>();
    let empty = 0;
    for (let n = 0; n <= 9999; n++) {
      const words = terbilangWords(n);
      if (words.length === 0) empty++;
      for (const w of words) if (!vocabulary.has(w)) unknown.add(w);
      seen.add(words.join(' '));
    }
    expect({ empty, unknown: [...unknown], distinct: seen.size }).toEqual({
      empty: 0,
      unknown: [],
      distinct: 10_000,
    });
  });

  it('never reads a leading zero', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 9999 }), (n) => !terbilangWords(n).includes('nol')));
  });
});

describe('announcement', () => {
  const desk = { id: 'konsultasi-1', name: 'Meja Konsultasi 1' };

  it('reads the call as DOMAIN.md writes it', () => {
    expect(announcementText('K-012', desk)).toBe(
      'Nomor antrian, K, dua belas, silakan menuju, Meja Konsultasi 1',
    );
    expect(announcementUtterance('K-012', desk)).toBe(
      'Nomor antrian, ka, dua belas, silakan menuju, Meja Konsultasi 1',
    );
    expect(announcementText('P-001', { id: 'p', name: 'Meja Perpustakaan' })).toBe(
      'Nomor antrian, P, satu, silakan menuju, Meja Perpustakaan',
    );
    expect(announcementText('J-1000', desk)).toContain(', J, seribu, ');
    expect(announcementText('K-100', desk)).toContain(', K, seratus, ');
  });

  it('splits the call into parts a clip player can play', () => {
    expect(announcementParts('R-111', desk)).toEqual([
      { kind: 'phrase', id: 'nomor-antrian' },
      { kind: 'letter', letter: 'R' },
      { kind: 'word', word: 'seratus' },
      { kind: 'word', word: 'sebelas' },
      { kind: 'phrase', id: 'silakan-menuju' },
      { kind: 'desk', deskId: 'konsultasi-1', name: 'Meja Konsultasi 1' },
    ]);
  });

  it.each(['K12', 'k-012', 'KK-012', 'K-12', ''])('refuses the ticket number "%s"', (number) => {
    expect(() => parseTicketNumber(number)).toThrow(RangeError);
  });
});
