/**
 * Whose personal data is erased (UU 27/2022): rows of office days before `before` (retention), or
 * the rows of one person by phone or e-mail (a request to be forgotten).
 */
export type PersonalMatch = { before: string } | { phone: string | null; email: string | null };

/** The WHERE clause of a match and its parameters, for tables with `day`, `phone` and `email`. */
export function personalWhere(match: PersonalMatch): [where: string, params: unknown[]] {
  return 'before' in match
    ? ['day < ?', [match.before]]
    : ['(phone = ? OR email = ?)', [match.phone, match.email]];
}
