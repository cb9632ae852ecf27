/** Indonesian number words ("terbilang"), as a list of words so speech clips can be joined word by word. */
const DIGITS = [
  'nol',
  'satu',
  'dua',
  'tiga',
  'empat',
  'lima',
  'enam',
  'tujuh',
  'delapan',
  'sembilan',
] as const;

export function terbilangWords(n: number): string[] {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new RangeError(`terbilang: ${n} is outside 0..9999`);
  if (n === 0) return ['nol'];
  return below10000(n);
}

export function terbilang(n: number): string {
  return terbilangWords(n).join(' ');
}

/** A count of `size` said once: "se-" for one (`one`, e.g. seratus), else the digit and `word`; then the rest. */
function place(n: number, size: number, one: string, word: string, rest: (n: number) => string[]): string[] {
  if (n < size) return rest(n);
  const count = Math.floor(n / size);
  return [...(count === 1 ? [one] : [...below10(count), word]), ...rest(n % size)];
}

function below10000(n: number): string[] {
  return place(n, 1000, 'seribu', 'ribu', below1000);
}

function below1000(n: number): string[] {
  return place(n, 100, 'seratus', 'ratus', below100);
}

function below100(n: number): string[] {
  if (n === 0) return [];
  if (n < 10) return below10(n);
  if (n === 10) return ['sepuluh'];
  if (n === 11) return ['sebelas'];
  if (n < 20) return [...below10(n - 10), 'belas'];
  return [...below10(Math.floor(n / 10)), 'puluh', ...below10(n % 10)];
}

function below10(n: number): string[] {
  return n === 0 ? [] : [DIGITS[n] as string];
}
