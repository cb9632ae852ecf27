import type { StaffRole } from './contract';

/**
 * Staff roles in order of power: front office and consultant stand level, then supervisor, then
 * admin. The one rule for who may manage whom; the hub enforces it and the counter's settings
 * screen hides what it would refuse.
 */
export const STAFF_ROLE_RANK: Record<StaffRole, number> = {
  'front-office': 1,
  consultant: 1,
  supervisor: 2,
  admin: 3,
};

/** Supervisors and admins: the supervisor's screens (board, reports, settings), anyone's appointment. */
export function isSupervisorOrAbove(role: string): boolean {
  return (
    Object.hasOwn(STAFF_ROLE_RANK, role) && STAFF_ROLE_RANK[role as StaffRole] >= STAFF_ROLE_RANK.supervisor
  );
}

/** Why an account change is refused; null when it is allowed. */
export type StaffChangeRefusal = 'ROLE_ABOVE_OWN' | 'LAST_ADMIN';

export interface StaffAccountState {
  role: StaffRole;
  active: boolean;
}

/** The roles an actor may give: its own and those below it (only an admin makes admins). */
export function grantableRoles(actor: StaffRole, roles: readonly StaffRole[]): StaffRole[] {
  return roles.filter((role) => STAFF_ROLE_RANK[role] <= STAFF_ROLE_RANK[actor]);
}

/**
 * May `actor` touch an existing account (rename, role, disable, reset PIN, unlock)? Its own, or an
 * account below its own role, or any for admins (an admin manages admins; a supervisor does not
 * manage other supervisors, or it could reset one's PIN and take the account over).
 */
export function mayManageAccount(actor: StaffRole, target: StaffRole, isOwn = false): boolean {
  return isOwn || actor === 'admin' || STAFF_ROLE_RANK[target] < STAFF_ROLE_RANK[actor];
}

/**
 * Checks an account change: `before` is null for a new account, `isOwn` when actors change their
 * own account (a new PIN of their own). `activeAdmins` counts the active admin accounts before the
 * change. Returns why it is refused, or null.
 */
export function staffChangeRefusal(
  actor: StaffRole,
  before: StaffAccountState | null,
  after: StaffAccountState,
  activeAdmins: number,
  isOwn = false,
): StaffChangeRefusal | null {
  if (STAFF_ROLE_RANK[after.role] > STAFF_ROLE_RANK[actor]) return 'ROLE_ABOVE_OWN';
  if (before && !mayManageAccount(actor, before.role, isOwn)) return 'ROLE_ABOVE_OWN';
  const wasActiveAdmin = before?.role === 'admin' && before.active;
  const staysActiveAdmin = after.role === 'admin' && after.active;
  if (wasActiveAdmin && !staysActiveAdmin && activeAdmins <= 1) return 'LAST_ADMIN';
  return null;
}
