/**
 * The rules that keep staff from raising privileges, and the instance from losing its last
 * superuser. Scope rules decide who may call an operation; these decide what the call may do.
 */
import { GatehouseError } from '../errors.js';
import type { Tx } from '../db/transaction.js';
import type { Actor } from './actor.js';

/**
 * A staff member cannot grant a permission they do not hold themselves (directly, or through a
 * group they assign, or to a group).
 */
export function assertCanGrant(actor: Actor, codenames: Iterable<string>): void {
  const missing = [...new Set(codenames)].filter((codename) => !actor.access.has(codename)).sort();
  if (missing.length) {
    throw new GatehouseError('FORBIDDEN', {
      message: `You cannot grant permissions you do not hold: ${missing.join(', ')}.`,
      details: { required: missing.map((codename) => `permission:${codename}`) },
    });
  }
}

/**
 * Nor take away one they do not hold (from a group, or by deleting a group): otherwise a staff
 * member allowed to change groups could strip the permissions of colleagues holding more.
 */
export function assertCanRevoke(actor: Actor, codenames: Iterable<string>): void {
  const missing = [...new Set(codenames)].filter((codename) => !actor.access.has(codename)).sort();
  if (missing.length) {
    throw new GatehouseError('FORBIDDEN', {
      message: `You cannot take away permissions you do not hold: ${missing.join(', ')}.`,
      details: { required: missing.map((codename) => `permission:${codename}`) },
    });
  }
}

/** Only a superuser may make someone a superuser. */
export function assertCanMakeSuperuser(actor: Actor): void {
  if (!actor.isSuperuser)
    throw new GatehouseError('FORBIDDEN', { message: 'Only a superuser can make someone a superuser.', details: { required: ['superuser'] } });
}

/**
 * Only a superuser may change a superuser: otherwise a staff member allowed to change users could
 * set a superuser's password or email and sign in as them.
 */
export function assertCanTouchSuperuser(actor: Actor, target: { id: string; isSuperuser: boolean }): void {
  if (target.isSuperuser && !actor.isSuperuser && target.id !== actor.id) {
    throw new GatehouseError('FORBIDDEN', { message: 'Only a superuser can change a superuser.', details: { required: ['superuser'] } });
  }
}

/** What an account holds: its permissions (direct and through groups) and the names of its groups. */
export interface Holdings {
  permissions: ReadonlySet<string>;
  groups: ReadonlySet<string>;
}

/**
 * A staff member may change (password, email, flags, groups, permissions) or delete only an account
 * that holds nothing they do not hold themselves: every permission and every group. Otherwise one
 * holding only users.change_user could set the password of a colleague holding far more and sign
 * in as them. Groups count by name because apps check them by name (hasGroup, the `groups` claim).
 * Superusers may act on everyone; only superusers on superusers.
 */
export function assertCanManage(actor: Actor, target: { id: string; isSuperuser: boolean }, holdings: Holdings): void {
  if (actor.isSuperuser) return;
  assertCanTouchSuperuser(actor, target);
  const permissions = [...holdings.permissions].filter((codename) => !actor.access.has(codename)).sort();
  const groups = [...holdings.groups].filter((name) => !actor.access.groups.has(name)).sort();
  if (permissions.length || groups.length) {
    const named = [...permissions.map((codename) => `permission ${codename}`), ...groups.map((name) => `group ${name}`)];
    throw new GatehouseError('FORBIDDEN', {
      message: `You can only change accounts whose permissions and groups you hold yourself; this account also has ${named.join(', ')}.`,
      details: { required: [...permissions.map((codename) => `permission:${codename}`), ...groups.map((name) => `group:${name}`)] },
    });
  }
}

/**
 * Adding someone (or oneself) to a group takes groups.change_group besides the right to grant every
 * permission the group holds: membership is itself a privilege, since apps check groups by name,
 * so even a group without permissions (say "admins") must not be free to join.
 */
export function assertCanAddToGroups(actor: Actor, groups: readonly { name: string; permissions: readonly string[] }[]): void {
  if (!groups.length || actor.isSuperuser) return;
  if (!actor.access.has('groups.change_group')) {
    throw new GatehouseError('FORBIDDEN', {
      message: `Adding someone to a group requires groups.change_group (${groups.map((g) => g.name).join(', ')}).`,
      details: { required: ['permission:groups.change_group'] },
    });
  }
  assertCanGrant(
    actor,
    groups.flatMap((g) => g.permissions),
  );
}

/** Nobody changes their own isActive, isStaff, isSuperuser or role; another admin must. */
export function assertNotOwnFlags(actor: Actor, targetId: string, changed: readonly string[]): void {
  if (targetId === actor.id && changed.length) {
    throw new GatehouseError('FORBIDDEN', { message: `You cannot change your own ${changed.join(', ')}.` });
  }
}

/**
 * Nobody sets their own password or email through the admin API: changePassword and
 * requestEmailChange check the current password first, so a stolen staff access token must not
 * turn into the account itself (a new password, or an address to send a reset link to).
 */
export function assertNotOwnCredential(actor: Actor, targetId: string, credential: 'password' | 'email'): void {
  if (targetId === actor.id) {
    const instead = credential === 'password' ? 'changePassword' : 'requestEmailChange';
    throw new GatehouseError('FORBIDDEN', { message: `You cannot set your own ${credential} here; use ${instead}, which asks for your current password.` });
  }
}
