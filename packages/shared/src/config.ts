import { z } from 'zod';
import { workProfileSchema } from './desk-pick';
import { idSchema } from './ids';
import { FRONT_OFFICE_QUEUE } from './rules';
import { DEFAULT_TIME_ZONE, OFFICE_TIME_ZONES, type OfficeTimeZone } from './time';

const id = idSchema;
const text = (max: number) => z.string().trim().min(1).max(max);

export const serviceSchema = z.strictObject({
  id,
  name: text(60),
  nameEn: text(60),
  prefix: z.string().regex(/^[A-Z]$/, 'one capital letter'),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  targetMinutes: z.number().int().min(1).max(240),
  /** Used for wait estimates until the day has its own service times. */
  typicalServiceMinutes: z.number().int().min(1).max(240),
  active: z.boolean(),
});
export type Service = z.infer<typeof serviceSchema>;

/**
 * The line a new ticket for `serviceId` joins: the front office first when the office fills the
 * guest book before the service. The kiosk's numbers and the ticket's "people ahead" both count it.
 */
export function entryQueue(office: Pick<Office, 'frontOfficeFirst'>, serviceId: string): string {
  return office.frontOfficeFirst ? FRONT_OFFICE_QUEUE : serviceId;
}

/**
 * The two time limits of hold and send-to-desk. Configs stored before they existed have no value in
 * the event log's replay (a parsed config gets the defaults): read them here, never off `office`.
 */
export function deskControlOf(office: Pick<Office, 'parkLimitMinutes' | 'sentFallbackMinutes'>): {
  parkLimitMinutes: number;
  sentFallbackMinutes: number;
} {
  return {
    parkLimitMinutes: office.parkLimitMinutes ?? 15,
    sentFallbackMinutes: office.sentFallbackMinutes ?? 5,
  };
}

export const deskSchema = z.strictObject({
  id,
  name: text(40),
  kind: z.enum(['front-office', 'service']),
  /** Service ids in call order (empty for a front-office desk, which serves the front-office queue). */
  services: z.array(id).max(20),
  /** How a desk with several services calls them (issue 20); absent: their configured order. */
  profile: workProfileSchema.optional(),
});
export type Desk = z.infer<typeof deskSchema>;

/** What the ticket tells the visitor besides the number, from the office's service standard (all editable). */
export const ticketTextsSchema = z.strictObject({
  /** The service-time promise of the standard (Jangka Waktu Pelayanan). */
  promise: z.string().trim().max(200),
  /** Where the visitor goes first when the front office comes first. */
  frontOffice: z.string().trim().max(200),
});
export type TicketTexts = z.infer<typeof ticketTextsSchema>;

export const DEFAULT_TICKET_TEXTS: TicketTexts = {
  promise: 'Dilayani maksimal 10 menit sejak pengunjung sebelumnya selesai',
  frontOffice: 'Silakan menuju Front Office untuk mengisi buku tamu',
};

export const officeSchema = z.strictObject({
  name: text(120),
  address: z.string().max(200),
  phone: z.string().max(40),
  email: z.string().max(80),
  timeZone: z.enum(Object.keys(OFFICE_TIME_ZONES) as [OfficeTimeZone, ...OfficeTimeZone[]]),
  /** Tickets first wait for the front office (guest book) before their service; off for offices without one. */
  frontOfficeFirst: z.boolean(),
  frontOfficeTargetMinutes: z.number().int().min(1).max(240),
  frontOfficeTypicalMinutes: z.number().int().min(1).max(240),
  complaintChannels: z.array(text(120)).max(10),
  runningText: z.string().max(500),
  /** Offices configured before these texts existed get today's texts. */
  ticketTexts: ticketTextsSchema.default(DEFAULT_TICKET_TEXTS),
  // ---- hold and send to a desk (issue 20): see deskControlOf ----
  /** A ticket parked (tunda) this long is proposed to its desk as a no-show. */
  parkLimitMinutes: z.number().int().min(1).max(240).default(15),
  /** A ticket sent to a named desk waits for it this long, then any desk of its queue may call it. */
  sentFallbackMinutes: z.number().int().min(1).max(240).default(5),
});
export type Office = z.infer<typeof officeSchema>;

export const queueConfigSchema = z
  .strictObject({
    office: officeSchema,
    services: z.array(serviceSchema).min(1).max(20),
    desks: z.array(deskSchema).max(50),
  })
  .superRefine((config, ctx) => {
    const unique = (values: string[], path: string, what: string) => {
      const seen = new Set<string>();
      values.forEach((v, i) => {
        if (seen.has(v))
          ctx.addIssue({ code: 'custom', path: [path, i], message: `${what} ${v} dipakai dua kali` });
        seen.add(v);
      });
    };
    unique(
      config.services.map((s) => s.id),
      'services',
      'Kode layanan',
    );
    unique(
      config.services.map((s) => s.prefix),
      'services',
      'Huruf awalan',
    );
    unique(
      config.desks.map((d) => d.id),
      'desks',
      'Kode meja',
    );
    const services = new Set(config.services.map((s) => s.id));
    config.desks.forEach((desk, i) => {
      for (const service of desk.services) {
        if (!services.has(service)) {
          ctx.addIssue({
            code: 'custom',
            path: ['desks', i, 'services'],
            message: `Layanan ${service} tidak ada`,
          });
        }
      }
      if (desk.profile?.kind === 'ratio') {
        for (const service of Object.keys(desk.profile.weights)) {
          if (!desk.services.includes(service)) {
            ctx.addIssue({
              code: 'custom',
              path: ['desks', i, 'profile', 'weights', service],
              message: `Layanan ${service} tidak dilayani meja ini`,
            });
          }
        }
      }
    });
  });
export type QueueConfig = z.infer<typeof queueConfigSchema>;

/** Defaults from DOMAIN.md (BPS Kabupaten Kendal); every value is editable. */
export const DEFAULT_CONFIG: QueueConfig = {
  office: {
    name: 'BPS Kabupaten Kendal',
    address: 'Jl. Pramuka, Komplek Perkantoran, Patebon-Kendal 51351',
    phone: '(0294) 381461',
    email: 'bps3324@bps.go.id',
    timeZone: DEFAULT_TIME_ZONE,
    frontOfficeFirst: true,
    frontOfficeTargetMinutes: 10,
    frontOfficeTypicalMinutes: 5,
    complaintChannels: [
      'Kotak saran di ruang PST',
      'Web: s.bps.go.id/pengaduanbpskendal',
      'Email: bps3324@bps.go.id',
      'WhatsApp 24 jam: 0896 3324 3324 (s.bps.go.id/3324OnlineServices)',
      'Media sosial: @bpskendal',
      'LAPOR!: www.lapor.go.id',
    ],
    runningText: 'Selamat datang di Pelayanan Statistik Terpadu (PST) BPS Kabupaten Kendal.',
    ticketTexts: DEFAULT_TICKET_TEXTS,
    parkLimitMinutes: 15,
    sentFallbackMinutes: 5,
  },
  services: [
    {
      id: 'konsultasi',
      name: 'Konsultasi Statistik',
      nameEn: 'Statistical Consultation',
      prefix: 'K',
      color: '#1565c0',
      targetMinutes: 10,
      typicalServiceMinutes: 15,
      active: true,
    },
    {
      id: 'perpustakaan',
      name: 'Perpustakaan',
      nameEn: 'Library',
      prefix: 'P',
      color: '#2e7d32',
      targetMinutes: 10,
      typicalServiceMinutes: 10,
      active: true,
    },
    {
      id: 'penjualan',
      name: 'Penjualan Produk Statistik',
      nameEn: 'Sale of Statistical Products',
      prefix: 'J',
      color: '#e65100',
      targetMinutes: 10,
      typicalServiceMinutes: 10,
      active: true,
    },
    {
      id: 'rekomendasi',
      name: 'Rekomendasi Statistik',
      nameEn: 'Statistical Recommendation',
      prefix: 'R',
      color: '#6a1b9a',
      targetMinutes: 10,
      typicalServiceMinutes: 20,
      active: true,
    },
  ],
  desks: [
    { id: 'fo-1', name: 'Front Office', kind: 'front-office', services: [] },
    {
      id: 'konsultasi-1',
      name: 'Meja Konsultasi 1',
      kind: 'service',
      services: ['konsultasi', 'rekomendasi'],
    },
    {
      id: 'konsultasi-2',
      name: 'Meja Konsultasi 2',
      kind: 'service',
      services: ['konsultasi', 'rekomendasi'],
    },
    {
      id: 'perpustakaan-1',
      name: 'Meja Perpustakaan',
      kind: 'service',
      services: ['perpustakaan', 'penjualan'],
    },
  ],
};
