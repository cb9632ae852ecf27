/**
 * Desk control, part 1 (issue 20): calling a chosen ticket out of the desk's queue list, and the desk's
 * work profile (in which order or ratio a desk that serves several queues calls them). The wire side:
 * the reasons a chosen call may give, the profile's schema, and the command's payload.
 */
import { z } from 'zod';
import { t } from './i18n';
import { idSchema as id, ticketIdSchema } from './ids';
import type { Lang } from './time';

/**
 * Why a desk calls a ticket that is not next. Taken from the office's procedure (standar pelayanan):
 * the requirements (dokumen) and the appointment (janji temu) of the online service, the special
 * treatment of UU 25/2009 pasal 29 for a visitor the kiosk did not mark, a consultation that belongs
 * to the consultant who knows its topic, a visit coming back to finish, a request of other staff.
 * `lainnya` needs a note.
 */
export const CALL_REASONS = [
  'dokumen-siap',
  'janji-temu',
  'perlakuan-khusus',
  'keahlian-petugas',
  'lanjutan-layanan',
  'permintaan-petugas',
  'lainnya',
] as const;
export type CallReason = (typeof CALL_REASONS)[number];

/** A reason in words (the string tables' `callReason.*`): screens, exports and the audit read it so. */
export function callReasonLabel(reason: CallReason, lang: Lang = 'id'): string {
  return t(lang, `callReason.${reason}`);
}

/** Whether a chosen call's reason needs a note to say what it was. */
export const reasonNeedsNote = (reason: CallReason): boolean => reason === 'lainnya';

/**
 * A desk's work profile. `order`: the desk's services in their configured order (a later one only when
 * every earlier one is empty). `ratio`: weighted round-robin, `weights` per service id (a service not
 * listed weighs 1); e.g. { konsultasi: 2, rekomendasi: 1 } calls two Konsultasi for each Rekomendasi
 * while both have visitors waiting. The rule is queue-core's work-profile.ts.
 */
export const workProfileSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('order') }),
  z.strictObject({
    kind: z.literal('ratio'),
    weights: z.record(id, z.number().int().min(1).max(10)),
  }),
]);
export type WorkProfile = z.infer<typeof workProfileSchema>;

export const deskPickSchemas = {
  /** Calls a chosen waiting ticket (not the next one) at the sender's desk, with a reason. */
  'desk:call-chosen': z
    .strictObject({
      deskId: id,
      ticketId: ticketIdSchema,
      reason: z.enum(CALL_REASONS),
      note: z.string().trim().max(200).default(''),
    })
    .refine((p) => !reasonNeedsNote(p.reason) || p.note.length > 0, {
      path: ['note'],
      message: 'alasan "lainnya" perlu keterangan',
    }),
} as const;
