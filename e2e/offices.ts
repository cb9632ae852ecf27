/** What the layout tests put on screen: the screens offices have, and offices with more services. */
import { DEFAULT_CONFIG, type QueueConfig } from '@pst/shared';

/** The landscape screens offices buy: a TV or monitor at full HD, and the two common laptop sizes. */
export const LANDSCAPE_SCREENS = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
];

/** Services an office may add to the four defaults (long names on purpose). */
const EXTRA_SERVICES: QueueConfig['services'] = [
  { id: 'data-mikro', name: 'Data Mikro', nameEn: 'Microdata', prefix: 'D', color: '#00695c' },
  { id: 'peta', name: 'Peta Wilayah Kerja', nameEn: 'Work Area Maps', prefix: 'W', color: '#5d4037' },
  {
    id: 'publikasi',
    name: 'Publikasi Digital',
    nameEn: 'Digital Publications',
    prefix: 'B',
    color: '#37474f',
  },
  { id: 'daring', name: 'Konsultasi Daring', nameEn: 'Online Consultation', prefix: 'O', color: '#ad1457' },
].map((s) => ({ ...s, targetMinutes: 10, typicalServiceMinutes: 10, active: true }));

/** The default services and then the extra ones, `count` in all. */
export function servicesUpTo(count: number): QueueConfig['services'] {
  return [...DEFAULT_CONFIG.services, ...EXTRA_SERVICES].slice(0, count);
}
