/**
 * `role` is what clients read; the flags are what Gatehouse checks. They are kept in step:
 * ADMIN iff isSuperuser, STAFF iff isStaff and not superuser, USER otherwise. A superuser is
 * always staff too (as Django's createsuperuser makes them).
 */
import type { Role } from '../generated/sqlite/client.js';
import { fieldError, validationError } from '../errors.js';

export interface Flags {
  isStaff: boolean;
  isSuperuser: boolean;
}

export function roleFor(flags: Flags): Role {
  if (flags.isSuperuser) return 'ADMIN';
  return flags.isStaff ? 'STAFF' : 'USER';
}

export function flagsFor(role: Role): Flags {
  return { isStaff: role !== 'USER', isSuperuser: role === 'ADMIN' };
}

/**
 * The flags and role after a change that may name the role, the flags, or both.
 * @throws VALIDATION_FAILED when the role and the flags given disagree.
 */
export function resolveFlags(current: Flags, change: { role?: Role | null; isStaff?: boolean | null; isSuperuser?: boolean | null }): Flags & { role: Role } {
  const fromRole = change.role ? flagsFor(change.role) : current;
  const isSuperuser = change.isSuperuser ?? fromRole.isSuperuser;
  // Superusers are staff: making someone a superuser makes them staff.
  const isStaff = isSuperuser || (change.isStaff ?? fromRole.isStaff);
  const flags = { isStaff, isSuperuser };
  if (change.role && roleFor(flags) !== change.role) {
    throw validationError([fieldError('role', 'role_conflicts_with_flags', 'roleConflictsWithFlags', { role: change.role })]);
  }
  if (change.isStaff === false && isSuperuser) {
    throw validationError([fieldError('isStaff', 'superuser_is_staff', 'superuserIsStaff')]);
  }
  return { ...flags, role: roleFor(flags) };
}
