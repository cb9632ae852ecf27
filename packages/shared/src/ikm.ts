/** The nine elements (unsur) of the IKM survey, PermenPANRB No. 14 Tahun 2017, with the answer wording 1 -> 4. */
export const IKM_ELEMENTS = [
  { code: 'U1', name: 'Persyaratan', answers: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'] },
  {
    code: 'U2',
    name: 'Sistem, mekanisme, dan prosedur',
    answers: ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'],
  },
  {
    code: 'U3',
    name: 'Waktu penyelesaian',
    answers: ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'],
  },
  { code: 'U4', name: 'Biaya/tarif', answers: ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'] },
  {
    code: 'U5',
    name: 'Produk spesifikasi jenis pelayanan',
    answers: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  },
  {
    code: 'U6',
    name: 'Kompetensi pelaksana',
    answers: ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'],
  },
  {
    code: 'U7',
    name: 'Perilaku pelaksana',
    answers: ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah'],
  },
  {
    code: 'U8',
    name: 'Penanganan pengaduan, saran dan masukan',
    answers: ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik'],
  },
  { code: 'U9', name: 'Sarana dan prasarana', answers: ['Buruk', 'Cukup', 'Baik', 'Sangat baik'] },
] as const;

export type IkmCategory = 'A' | 'B' | 'C' | 'D';
export const IKM_CATEGORY_LABELS: Record<IkmCategory, string> = {
  A: 'Sangat Baik',
  B: 'Baik',
  C: 'Kurang Baik',
  D: 'Tidak Baik',
};

/** Quality category of a converted IKM value (25-100). */
export function ikmCategory(converted: number): IkmCategory {
  const v = Math.round(converted * 100) / 100;
  if (v >= 88.31) return 'A';
  if (v >= 76.61) return 'B';
  if (v >= 65) return 'C';
  return 'D';
}
