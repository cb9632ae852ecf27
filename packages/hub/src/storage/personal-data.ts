/**
 * Whose personal data is erased (UU 27/2022): rows of office days before `before` (retention), or
 * the rows of one person by phone or e-mail (a request to be forgotten).
 */
export type PersonalMatch = { before: string } | { phone: string | null; email: string | null };

/** What an erasure removes and writes: the personal fields of a stored entry, the text free text becomes. */
export interface Erasure {
  fields: readonly string[];
  erasedText: string;
  now: number;
  /** At most this many entries (-1: all). */
  limit?: number;
}

/** A stored JSON entry without its personal fields, as stored text again. */
export function withoutFields(json: string, fields: readonly string[]): string {
  const entry = JSON.parse(json) as Record<string, unknown>;
  for (const field of fields) delete entry[field];
  return JSON.stringify(entry);
}

/** The WHERE clause of a match and its parameters, for tables with `day`, `phone` and `email`. */
export function personalWhere(match: PersonalMatch): [where: string, params: unknown[]] {
  return 'before' in match
    ? ['day < ?', [match.before]]
    : ['(phone = ? OR email = ?)', [match.phone, match.email]];
}
