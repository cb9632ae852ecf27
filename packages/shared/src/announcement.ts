import { terbilangWords } from './terbilang';

/** How a prefix letter is read aloud in Indonesian (K is "ka", not "kay"). */
export const LETTER_NAMES: Record<string, string> = {
  A: 'a',
  B: 'be',
  C: 'ce',
  D: 'de',
  E: 'e',
  F: 'ef',
  G: 'ge',
  H: 'ha',
  I: 'i',
  J: 'je',
  K: 'ka',
  L: 'el',
  M: 'em',
  N: 'en',
  O: 'o',
  P: 'pe',
  Q: 'ki',
  R: 'er',
  S: 'es',
  T: 'te',
  U: 'u',
  V: 'fe',
  W: 'we',
  X: 'eks',
  Y: 'ye',
  Z: 'zet',
};

/** One piece of a spoken call; a clip player maps each piece to a recorded file. */
export type AnnouncementPart =
  | { kind: 'phrase'; id: 'nomor-antrian' | 'silakan-menuju' }
  | { kind: 'letter'; letter: string }
  | { kind: 'word'; word: string }
  | { kind: 'desk'; deskId: string; name: string };

const PHRASES = { 'nomor-antrian': 'Nomor antrian', 'silakan-menuju': 'silakan menuju' } as const;

export function parseTicketNumber(number: string): { prefix: string; seq: number } {
  const match = /^([A-Z])-(\d{3,4})$/.exec(number);
  if (!match) throw new RangeError(`not a ticket number: ${number}`);
  return { prefix: match[1] as string, seq: Number(match[2]) };
}

/** "Nomor antrian, K, dua belas, silakan menuju, Meja Konsultasi 1" as parts: never a visitor's name. */
export function announcementParts(number: string, desk: { id: string; name: string }): AnnouncementPart[] {
  const { prefix, seq } = parseTicketNumber(number);
  return [
    { kind: 'phrase', id: 'nomor-antrian' },
    { kind: 'letter', letter: prefix },
    ...terbilangWords(seq).map((word): AnnouncementPart => ({ kind: 'word', word })),
    { kind: 'phrase', id: 'silakan-menuju' },
    { kind: 'desk', deskId: desk.id, name: desk.name },
  ];
}

/** The sentence as DOMAIN.md writes it (shown in logs and tests). */
export function announcementText(number: string, desk: { id: string; name: string }): string {
  return render(announcementParts(number, desk), (letter) => letter);
}

/** The same sentence spelled for a speech engine, so the letter is read the Indonesian way. */
export function announcementUtterance(number: string, desk: { id: string; name: string }): string {
  return render(announcementParts(number, desk), (letter) => LETTER_NAMES[letter] ?? letter);
}

function render(parts: AnnouncementPart[], letter: (l: string) => string): string {
  const chunks: string[] = [];
  let words: string[] = [];
  const flush = () => {
    if (words.length) chunks.push(words.join(' '));
    words = [];
  };
  for (const part of parts) {
    if (part.kind === 'word') {
      words.push(part.word);
      continue;
    }
    flush();
    if (part.kind === 'phrase') chunks.push(PHRASES[part.id]);
    else if (part.kind === 'letter') chunks.push(letter(part.letter));
    else chunks.push(part.name);
  }
  flush();
  return chunks.join(', ');
}
