import { announcementParts, LETTER_NAMES } from './announcement';
import type { QueueConfig } from './config';
import { terbilangWords } from './terbilang';

/**
 * The recorded voice: one clip per phrase, letter, number word and desk word. The display ships a
 * set made with espeak-ng; an office may replace any clip with its own recording (the hub keeps
 * those under its data dir and serves them in place of the shipped ones).
 */

/** A clip's name: lower-case letters, digits and dashes ("front-office", "huruf-k", "dua"). */
export const CLIP_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Desk names said as one phrase (one clip); every other name is said word by word. */
const DESK_PHRASES: Record<string, string> = { 'front-office': 'Front Office' };

const NUMBER_WORDS =
  'nol satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas belas puluh seratus ratus seribu ribu'.split(
    ' ',
  );

function clipKey(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** How a desk's name is said: "Front Office" as one clip; "Meja Konsultasi 1" as meja, konsultasi, satu. */
export function deskClips(name: string): string[] {
  const key = clipKey(name);
  if (key in DESK_PHRASES) return [key];
  return key
    .split('-')
    .filter(Boolean)
    .flatMap((word) => (/^\d+$/.test(word) ? terbilangWords(Number(word)) : [word]));
}

/** The clips that say one call, in order: "nomor antrian, ka, dua belas, silakan menuju, meja konsultasi satu". */
export function announcementClips(number: string, desk: { id: string; name: string }): string[] {
  return announcementParts(number, desk).flatMap((part) => {
    if (part.kind === 'phrase') return [part.id];
    if (part.kind === 'letter') return [`huruf-${part.letter.toLowerCase()}`];
    if (part.kind === 'word') return [part.word];
    return deskClips(part.name);
  });
}

/** What to record for a clip (the words a person says into the microphone). */
export function clipText(clip: string): string {
  if (clip === 'nomor-antrian') return 'nomor antrian';
  if (clip === 'silakan-menuju') return 'silakan menuju';
  const letter = /^huruf-([a-z])$/.exec(clip)?.[1];
  if (letter) return LETTER_NAMES[letter.toUpperCase()] ?? letter;
  return DESK_PHRASES[clip]?.toLowerCase() ?? clip.replace(/-/g, ' ');
}

const BASE_CLIPS = [
  'nomor-antrian',
  'silakan-menuju',
  ...Object.keys(LETTER_NAMES).map((letter) => `huruf-${letter.toLowerCase()}`),
  ...NUMBER_WORDS,
];

/** Every clip the calls of this office can need: phrases, its service letters, number words, its desks' words. */
export function neededClips(config: Pick<QueueConfig, 'services' | 'desks'>): string[] {
  const letters = config.services.map((s) => `huruf-${s.prefix.toLowerCase()}`);
  const desks = config.desks.flatMap((d) => deskClips(d.name));
  return [...new Set(['nomor-antrian', 'silakan-menuju', ...letters, ...NUMBER_WORDS, ...desks])];
}

/** The clip set the display ships: every letter and number word, and the words of the usual desks. */
export const BUNDLED_CLIPS: readonly string[] = [
  ...new Set([
    ...BASE_CLIPS,
    'meja',
    'front-office',
    'konsultasi',
    'perpustakaan',
    'penjualan',
    'produk',
    'statistik',
    'rekomendasi',
    'layanan',
  ]),
];
