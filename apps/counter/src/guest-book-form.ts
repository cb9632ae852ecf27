import {
  type GuestBookEntry,
  type GuestBookInput,
  guestBookEntrySchema,
  isPlausibleBirthYear,
} from '@pst/shared';

/** The form as typed: every field a string or a list, so half-filled forms survive reconnects. */
export interface GuestBookDraft {
  identityType: string;
  identityNumber: string;
  fullName: string;
  gender: string;
  birthYear: string;
  education: string;
  occupation: string;
  institutionCategory: string;
  institutionName: string;
  email: string;
  phone: string;
  address: string;
  purpose: string;
  servicesUsed: string[];
  dataNeeded: string;
  visitType: string;
  groupSize: string;
  consent: boolean;
}

export const EMPTY_DRAFT: GuestBookDraft = {
  identityType: 'KTP',
  identityNumber: '',
  fullName: '',
  gender: '',
  birthYear: '',
  education: '',
  occupation: '',
  institutionCategory: '',
  institutionName: '',
  email: '',
  phone: '',
  address: '',
  purpose: '',
  servicesUsed: [],
  dataNeeded: '',
  visitType: 'Perorangan',
  groupSize: '1',
  consent: false,
};

/** A returning visitor's last entry as a new draft: the form's fields only, consent asked again. */
export function draftFromEntry(entry: GuestBookEntry): GuestBookDraft {
  const draft = { ...EMPTY_DRAFT };
  for (const key of Object.keys(EMPTY_DRAFT) as Array<keyof GuestBookDraft>) {
    const value = entry[key as keyof GuestBookEntry];
    if (key === 'consent' || value === undefined) continue;
    (draft as Record<string, unknown>)[key] = Array.isArray(value) ? [...value] : String(value);
  }
  return draft;
}

export type DraftCheck =
  | { ok: true; entry: GuestBookInput }
  | { ok: false; errors: Partial<Record<keyof GuestBookDraft, string>> };

/**
 * Checks a draft with the same schema the hub applies; its messages (shared) tell an empty field
 * ("Wajib diisi") from a wrong one. Only the year's plausibility needs this PC's calendar.
 */
export function checkDraft(draft: GuestBookDraft, thisYear: number): DraftCheck {
  const year = draft.birthYear.trim();
  const birthYear = year === '' ? undefined : /^\d{4}$/.test(year) ? Number(year) : Number.NaN;
  const input = { ...draft, birthYear, groupSize: Number(draft.groupSize || '1') };
  const parsed = guestBookEntrySchema.safeParse(input);
  const errors: Partial<Record<keyof GuestBookDraft, string>> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'fullName') as keyof GuestBookDraft;
      errors[field] ??= issue.message;
    }
  }
  if (birthYear !== undefined && !errors.birthYear && !isPlausibleBirthYear(birthYear, thisYear)) {
    errors.birthYear = 'Tahun lahir tidak masuk akal';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, entry: input as GuestBookInput };
}
