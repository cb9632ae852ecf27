import type { OfficeTimeZone } from '@pst/shared';

/**
 * The 38 provinces by their BPS code, with the time zone of their offices (the office day, and so
 * which days have ended there, follows it). An office's code starts with its province's.
 */
export const PROVINCES: Readonly<Record<string, { name: string; timeZone: OfficeTimeZone }>> = {
  '11': { name: 'Aceh', timeZone: 'Asia/Jakarta' },
  '12': { name: 'Sumatera Utara', timeZone: 'Asia/Jakarta' },
  '13': { name: 'Sumatera Barat', timeZone: 'Asia/Jakarta' },
  '14': { name: 'Riau', timeZone: 'Asia/Jakarta' },
  '15': { name: 'Jambi', timeZone: 'Asia/Jakarta' },
  '16': { name: 'Sumatera Selatan', timeZone: 'Asia/Jakarta' },
  '17': { name: 'Bengkulu', timeZone: 'Asia/Jakarta' },
  '18': { name: 'Lampung', timeZone: 'Asia/Jakarta' },
  '19': { name: 'Kepulauan Bangka Belitung', timeZone: 'Asia/Jakarta' },
  '21': { name: 'Kepulauan Riau', timeZone: 'Asia/Jakarta' },
  '31': { name: 'DKI Jakarta', timeZone: 'Asia/Jakarta' },
  '32': { name: 'Jawa Barat', timeZone: 'Asia/Jakarta' },
  '33': { name: 'Jawa Tengah', timeZone: 'Asia/Jakarta' },
  '34': { name: 'DI Yogyakarta', timeZone: 'Asia/Jakarta' },
  '35': { name: 'Jawa Timur', timeZone: 'Asia/Jakarta' },
  '36': { name: 'Banten', timeZone: 'Asia/Jakarta' },
  '51': { name: 'Bali', timeZone: 'Asia/Makassar' },
  '52': { name: 'Nusa Tenggara Barat', timeZone: 'Asia/Makassar' },
  '53': { name: 'Nusa Tenggara Timur', timeZone: 'Asia/Makassar' },
  '61': { name: 'Kalimantan Barat', timeZone: 'Asia/Jakarta' },
  '62': { name: 'Kalimantan Tengah', timeZone: 'Asia/Jakarta' },
  '63': { name: 'Kalimantan Selatan', timeZone: 'Asia/Makassar' },
  '64': { name: 'Kalimantan Timur', timeZone: 'Asia/Makassar' },
  '65': { name: 'Kalimantan Utara', timeZone: 'Asia/Makassar' },
  '71': { name: 'Sulawesi Utara', timeZone: 'Asia/Makassar' },
  '72': { name: 'Sulawesi Tengah', timeZone: 'Asia/Makassar' },
  '73': { name: 'Sulawesi Selatan', timeZone: 'Asia/Makassar' },
  '74': { name: 'Sulawesi Tenggara', timeZone: 'Asia/Makassar' },
  '75': { name: 'Gorontalo', timeZone: 'Asia/Makassar' },
  '76': { name: 'Sulawesi Barat', timeZone: 'Asia/Makassar' },
  '81': { name: 'Maluku', timeZone: 'Asia/Jayapura' },
  '82': { name: 'Maluku Utara', timeZone: 'Asia/Jayapura' },
  '91': { name: 'Papua Barat', timeZone: 'Asia/Jayapura' },
  '92': { name: 'Papua Barat Daya', timeZone: 'Asia/Jayapura' },
  '94': { name: 'Papua', timeZone: 'Asia/Jayapura' },
  '95': { name: 'Papua Selatan', timeZone: 'Asia/Jayapura' },
  '96': { name: 'Papua Tengah', timeZone: 'Asia/Jayapura' },
  '97': { name: 'Papua Pegunungan', timeZone: 'Asia/Jayapura' },
};

export function provinceName(code: string): string {
  return PROVINCES[code]?.name ?? code;
}
