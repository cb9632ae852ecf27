/**
 * The nine elements (unsur) of the IKM survey, PermenPANRB No. 14 Tahun 2017: the question the tablet
 * asks and the four answers worded for that element, 1 -> 4 (Indonesian, with the English switch).
 */
export const IKM_ELEMENTS = [
  {
    code: 'U1',
    name: 'Persyaratan',
    question: 'Bagaimana pendapat Anda tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
    questionEn: 'How well do the requirements fit the service you asked for?',
    answers: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
    answersEn: ['Not suitable', 'Less suitable', 'Suitable', 'Very suitable'],
  },
  {
    code: 'U2',
    name: 'Sistem, mekanisme, dan prosedur',
    question: 'Bagaimana pemahaman Anda tentang kemudahan prosedur pelayanan di unit ini?',
    questionEn: 'How easy is the service procedure here?',
    answers: ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'],
    answersEn: ['Not easy', 'Less easy', 'Easy', 'Very easy'],
  },
  {
    code: 'U3',
    name: 'Waktu penyelesaian',
    question: 'Bagaimana pendapat Anda tentang kecepatan waktu dalam memberikan pelayanan?',
    questionEn: 'How fast were you served?',
    answers: ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'],
    answersEn: ['Not fast', 'Less fast', 'Fast', 'Very fast'],
  },
  {
    code: 'U4',
    name: 'Biaya/tarif',
    question: 'Bagaimana pendapat Anda tentang kewajaran biaya/tarif dalam pelayanan?',
    questionEn: 'How fair is the cost of the service?',
    answers: ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'],
    answersEn: ['Very expensive', 'Fairly expensive', 'Cheap', 'Free'],
  },
  {
    code: 'U5',
    name: 'Produk spesifikasi jenis pelayanan',
    question:
      'Bagaimana pendapat Anda tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?',
    questionEn: 'How well does what you received match what the service standard promises?',
    answers: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
    answersEn: ['Not matching', 'Less matching', 'Matching', 'Fully matching'],
  },
  {
    code: 'U6',
    name: 'Kompetensi pelaksana',
    question: 'Bagaimana pendapat Anda tentang kompetensi/kemampuan petugas dalam pelayanan?',
    questionEn: 'How competent were the staff who served you?',
    answers: ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'],
    answersEn: ['Not competent', 'Less competent', 'Competent', 'Very competent'],
  },
  {
    code: 'U7',
    name: 'Perilaku pelaksana',
    question:
      'Bagaimana pendapat Anda tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?',
    questionEn: 'How polite and friendly were the staff?',
    answers: ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah'],
    answersEn: [
      'Not polite and friendly',
      'Less polite and friendly',
      'Polite and friendly',
      'Very polite and friendly',
    ],
  },
  {
    code: 'U8',
    name: 'Penanganan pengaduan, saran dan masukan',
    question: 'Bagaimana pendapat Anda tentang penanganan pengaduan, saran dan masukan pengguna layanan?',
    questionEn: 'How are complaints, suggestions and feedback handled?',
    answers: ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik'],
    answersEn: [
      'There is none',
      'There is one, but it does not work',
      'It works, not fully',
      'It is well managed',
    ],
  },
  {
    code: 'U9',
    name: 'Sarana dan prasarana',
    question: 'Bagaimana pendapat Anda tentang kualitas sarana dan prasarana?',
    questionEn: 'How good are the facilities?',
    answers: ['Buruk', 'Cukup', 'Baik', 'Sangat baik'],
    answersEn: ['Poor', 'Fair', 'Good', 'Very good'],
  },
] as const;

/** An element's answer, 1 (worst) to 4 (best): the tablet's buttons, the payload, the IKM math. */
export const IKM_SCORES = [1, 2, 3, 4] as const;
export type IkmScore = (typeof IKM_SCORES)[number];

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
