/**
 * The wire contract between an office hub and the central roll-up service (packages/central):
 * a hub pushes each closed office day's facts, versioned, to `POST /api/v1/days` with its office key.
 * Only counts, durations and tallies: nothing here can carry a name, NIK, phone or e-mail, and the
 * schema is strict, so a push with any other field is refused. Complaint words travel only when
 * the office's admin turned that on (`complaints.texts`).
 */
import { z } from 'zod';
import { IKM_ELEMENTS } from './ikm';

export const CENTRAL_PUSH_PATH = '/api/v1/days';
/** Days in one push: a hub catching up on ten years sends ~73 requests. */
export const CENTRAL_MAX_DAYS_PER_PUSH = 50;

const count = z.number().int().min(0).max(1_000_000);
const durations = z.array(z.number().int().min(0).max(86_400_000)).max(100_000);
const counts = z.record(z.string().max(80), count);
const ikmArray = z.array(count).length(IKM_ELEMENTS.length);

export const centralStageTallySchema = z.strictObject({
  count,
  served: count,
  noShow: count,
  cancelled: count,
  unserved: count,
  transferred: count,
  withinTarget: count,
  waits: durations,
  services: durations,
  clockWaits: durations,
});

export const centralDayFactsSchema = z.strictObject({
  /** Tickets issued per service. */
  services: counts,
  /** Tickets issued per hour 0-23. */
  hours: z.array(count).length(24),
  /** Per stage queue and desk: counts and durations (ms). */
  stages: z
    .array(
      z.strictObject({
        queue: z.string().max(80),
        deskId: z.string().max(80).nullable(),
        tally: centralStageTallySchema,
      }),
    )
    .max(500),
  /** Guest-book demographics: counts per value of each dimension (gender, age group, ...). */
  guestBook: z.strictObject({
    entries: count,
    breakdown: z.record(z.string().max(40), counts),
  }),
  ratings: z.strictObject({
    ikm: z.strictObject({ respondents: count, sums: ikmArray, answered: ikmArray }),
    overallScores: counts,
    imbalanAsked: count,
    pungliReported: count,
  }),
  complaints: z.strictObject({
    total: count,
    open: count,
    /** Only when the office's admin turned complaint text on (`hub central set --complaint-text on`). */
    texts: z.array(z.string().max(2000)).max(1000).optional(),
  }),
});
export type CentralDayFacts = z.infer<typeof centralDayFactsSchema>;

export const centralPushSchema = z.strictObject({
  days: z
    .array(
      z.strictObject({
        day: z.string().regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/),
        /** Grows by one each time the office's facts of that day change (a late correction). */
        version: z.number().int().min(1).max(1_000_000_000),
        facts: centralDayFactsSchema,
      }),
    )
    .min(1)
    .max(CENTRAL_MAX_DAYS_PER_PUSH),
});
export type CentralPush = z.infer<typeof centralPushSchema>;

/** What central answers to an accepted push. */
export interface CentralPushResult {
  /** Days stored (new, or a newer version). */
  stored: number;
  /** Days it already had in this very version (a resend after a lost answer). */
  unchanged: number;
}

/** A push refused because central holds a newer (or a different same) version of some days. */
export interface CentralStaleDetails {
  days: Array<{ day: string; version: number }>;
}

export const CENTRAL_ERRORS = {
  CENTRAL_KEY_INVALID: {
    id: 'Kunci kantor tidak dikenal atau sudah dicabut.',
    en: 'Unknown or revoked office key.',
  },
  CENTRAL_PAYLOAD_INVALID: {
    id: 'Data kiriman tidak sesuai format.',
    en: 'The pushed data does not match the format.',
  },
  CENTRAL_DAY_NOT_CLOSED: {
    id: 'Hari yang dikirim belum berakhir di kantor itu (tanggal masa depan).',
    en: 'A pushed day has not ended yet at that office (a day from the future).',
  },
  CENTRAL_STALE_VERSION: {
    id: 'Versi data hari itu lebih lama dari yang sudah tersimpan.',
    en: 'That day is already stored in a newer version.',
  },
  CENTRAL_LOGIN_FAILED: { id: 'Nama pengguna atau kata sandi salah.', en: 'Wrong username or password.' },
  CENTRAL_THROTTLED: {
    id: 'Terlalu banyak percobaan masuk. Coba lagi beberapa menit lagi.',
    en: 'Too many sign-in attempts. Try again in a few minutes.',
  },
  CENTRAL_FORBIDDEN: {
    id: 'Anda tidak berwenang melihat data ini.',
    en: 'You are not allowed to see this data.',
  },
} as const satisfies Record<string, { id: string; en: string }>;
export type CentralErrorCode = keyof typeof CENTRAL_ERRORS;

export interface CentralErrorBody {
  code: CentralErrorCode;
  message: string;
  details?: unknown;
}

export function centralError(code: CentralErrorCode, lang: 'id' | 'en' = 'id', details?: unknown) {
  const body: CentralErrorBody = { code, message: CENTRAL_ERRORS[code][lang] };
  if (details !== undefined) body.details = details;
  return body;
}
