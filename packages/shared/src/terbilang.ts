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

function below10000(n: number): string[] {
  if (n >= 1000) {
    const thousands = Math.floor(n / 1000);
    const head = thousands === 1 ? ['seribu'] : [...below10(thousands), 'ribu'];
    return [...head, ...below1000(n % 1000)];
  }
  return below1000(n);
}

function below1000(n: number): string[] {
  if (n >= 100) {
    const hundreds = Math.floor(n / 100);
    const head = hundreds === 1 ? ['seratus'] : [...below10(hundreds), 'ratus'];
    return [...head, ...below100(n % 100)];
  }
  return below100(n);
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
