import { describe, expect, it } from 'vitest';
import { STAFF_ROLES, type StaffRole } from './contract';
import {
  grantableRoles,
  isSupervisorOrAbove,
  mayManageAccount,
  STAFF_ROLE_RANK,
  staffChangeRefusal,
} from './staff-roles';

const account = (role: StaffRole, active = true) => ({ role, active });

describe('staff role ordering', () => {
  it('grants only roles up to the actor’s own', () => {
    expect(grantableRoles('supervisor', STAFF_ROLES)).toEqual(['front-office', 'consultant', 'supervisor']);
    expect(grantableRoles('admin', STAFF_ROLES)).toEqual([...STAFF_ROLES]);
    expect(grantableRoles('consultant', STAFF_ROLES)).toEqual(['front-office', 'consultant']);
  });

  it('manages lower accounts, its own, and everything for an admin', () => {
    for (const actor of STAFF_ROLES)
      for (const target of STAFF_ROLES)
        expect(mayManageAccount(actor, target), `${actor} -> ${target}`).toBe(
          actor === 'admin' || STAFF_ROLE_RANK[target] < STAFF_ROLE_RANK[actor],
        );
    expect(mayManageAccount('supervisor', 'supervisor', true)).toBe(true);
  });

  it.each([
    ['supervisor', null, account('admin'), 1, 'ROLE_ABOVE_OWN'],
    ['supervisor', account('admin'), account('admin'), 1, 'ROLE_ABOVE_OWN'],
    ['supervisor', account('supervisor'), account('consultant'), 1, 'ROLE_ABOVE_OWN'],
    ['supervisor', account('consultant'), account('supervisor'), 1, null],
    ['supervisor', null, account('front-office'), 1, null],
    ['admin', account('admin'), account('admin', false), 1, 'LAST_ADMIN'],
    ['admin', account('admin'), account('supervisor'), 1, 'LAST_ADMIN'],
    ['admin', account('admin'), account('supervisor'), 2, null],
    ['admin', account('admin', false), account('consultant'), 1, null],
    ['admin', null, account('admin'), 1, null],
  ] as const)('%s changes %o to %o with %i active admins: %s', (actor, before, after, admins, refusal) => {
    expect(staffChangeRefusal(actor, before, after, admins)).toBe(refusal);
  });
});

describe('isSupervisorOrAbove', () => {
  it('holds for supervisors and admins only, and for no unknown role', () => {
    expect(STAFF_ROLES.filter(isSupervisorOrAbove)).toEqual(['supervisor', 'admin']);
    expect(isSupervisorOrAbove('')).toBe(false);
    expect(isSupervisorOrAbove('toString')).toBe(false);
  });
});
