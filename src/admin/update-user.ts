/**
 * Admin changes to an account: any field, including email, flags and role; activation; deletion.
 * Each runs in one serializable transaction with its guards and its audit event.
 */
import { authStateChanged } from '../auth/cache/invalidate.js';
import { recordAudit } from '../audit/record.js';
import { enqueueNotice } from '../mail/outbox.js';
import { consumeOutstandingTokens } from '../auth/outstanding-tokens.js';
import { revokeSessions } from '../auth/sessions/revoke.js';
import { serializable, type Tx } from '../db/transaction.js';
import { fieldError, GatehouseError, validationError } from '../errors.js';
import type { Role, User } from '../generated/sqlite/client.js';
import type { Deps } from '../deps.js';
import { auditBy, webhookActor, type Actor } from './actor.js';
import { loadEffectiveAccess } from '../auth/permissions/effective.js';
import { assertAvailable, joinRoot, leaveRoot } from './create-user.js';
import { assertActiveSuperuserRemains } from '../users/superusers.js';
import { assertCanMakeSuperuser, assertCanManage, assertNotOwnFlags, assertNotOwnCredential } from './guards.js';
import { resolveFlags } from '../users/role.js';
import { PROFILE_FIELD_NAMES } from '../users/profile-fields.js';
import { enqueueWebhook } from '../webhooks/enqueue.js';
import { enqueueUserChanges } from '../webhooks/user-events.js';
import { validateUserFields, type UserFieldsInput } from '../users/user-fields.js';
import { applyAttributes } from '../users/attributes.js';

type AdminDeps = Pick<Deps, 'prisma' | 'clock' | 'authCache' | 'config'>;

export interface UpdateUserInput extends UserFieldsInput {
  isActive?: boolean | null;
  isStaff?: boolean | null;
  isSuperuser?: boolean | null;
  role?: Role | null;
  /** True marks the address verified now; false marks it unverified. A changed email is unverified unless this is true. */
  emailVerified?: boolean | null;
  /** A patch of custom attributes (null removes a key); staff may set admin-only ones. */
  attributes?: unknown;
}

/** The target, or NOT_FOUND. */
export async function findTarget(db: Pick<Tx, 'user'>, id: string): Promise<User> {
  const user = await db.user.findUnique({ where: { id } });
  if (!user) throw new GatehouseError('NOT_FOUND', { message: 'No such user.' });
  return user;
}

/**
 * The target of a change, or NOT_FOUND; FORBIDDEN unless the actor may manage it (guards.ts:
 * it holds nothing the actor lacks; only superusers change superusers).
 */
export async function loadTarget(db: Pick<Tx, 'user' | 'permission' | 'group'>, actor: Actor, id: string): Promise<User> {
  const user = await findTarget(db, id);
  if (!actor.isSuperuser) {
    // Counted as if active: an inactive account holds nothing now, but regains it all when reactivated.
    const holdings = await loadEffectiveAccess(db, { id: user.id, isActive: true, isSuperuser: user.isSuperuser });
    assertCanManage(actor, user, holdings);
  }
  return user;
}

export async function updateUser(deps: AdminDeps, actor: Actor, id: string, input: UpdateUserInput): Promise<User> {
  const { data, problems } = validateUserFields(input);
  if (problems.length) throw validationError(problems);
  if (input.isActive === null) throw validationError([fieldError('isActive', 'required', 'notNull', { field: 'isActive' })]);
  const now = deps.clock.now();
  return serializable(deps.prisma, async (tx) => {
    const before = await loadTarget(tx, actor, id);
    const flags = resolveFlags(before, input);
    const isActive = input.isActive ?? before.isActive;
    const flagChanges: string[] = (['isStaff', 'isSuperuser', 'role'] as const).filter((key) => flags[key] !== before[key]);
    if (isActive !== before.isActive) flagChanges.push('isActive');
    assertNotOwnFlags(actor, id, flagChanges);
    if (flags.isSuperuser && !before.isSuperuser) assertCanMakeSuperuser(actor);
    await assertAvailable(tx, { email: data.email, username: data.username }, id);

    const emailChanged = data.email !== undefined && data.email !== before.email;
    let attributes: string | undefined;
    if (input.attributes != null) {
      const applied = applyAttributes(deps.config.accounts.attributes, before.attributes, input.attributes, 'admin');
      if (applied.problems.length) throw validationError(applied.problems);
      attributes = applied.text;
    }
    if (emailChanged) assertNotOwnCredential(actor, id, 'email');
    const verified = input.emailVerified ?? (emailChanged ? false : null);
    const after = await tx.user.update({
      where: { id },
      data: {
        ...data,
        attributes,
        ...flags,
        isActive,
        ...(verified === null ? {} : { emailVerifiedAt: verified ? (before.emailVerifiedAt && !emailChanged ? before.emailVerifiedAt : now) : null }),
      },
    });
    // Links and codes mailed to the old address must not act on the new one.
    if (emailChanged) await consumeOutstandingTokens(tx, id, now);
    await applyFlagEffects(deps, tx, before, after);
    await authStateChanged(deps, tx, { userId: id });
    await noticeChanges(tx, before, after, now);
    const changed = changedFields(before, after);
    await enqueueUserChanges(tx, before, after, changed, webhookActor(actor), now);
    if (changed.length)
      await recordAudit(tx, { type: 'admin.user_updated', userId: id, ...auditBy(actor), metadata: { changed: describe(before, after, changed) } }, now);
    return after;
  });
}

/** Activates or deactivates an account; deactivation ends its sessions at once. */
export async function setUserActive(deps: AdminDeps, actor: Actor, id: string, isActive: boolean): Promise<User> {
  const now = deps.clock.now();
  return serializable(deps.prisma, async (tx) => {
    const before = await loadTarget(tx, actor, id);
    if (before.isActive !== isActive) assertNotOwnFlags(actor, id, ['isActive']);
    const after = await tx.user.update({ where: { id }, data: { isActive } });
    await applyFlagEffects(deps, tx, before, after);
    await authStateChanged(deps, tx, { userId: id });
    if (before.isActive !== isActive) {
      await recordAudit(tx, { type: isActive ? 'admin.user_activated' : 'admin.user_deactivated', userId: id, ...auditBy(actor) }, now);
    }
    await noticeChanges(tx, before, after, now);
    await enqueueUserChanges(tx, before, after, [], webhookActor(actor), now);
    return after;
  });
}

/** Deletes an account and (by cascade) its sessions, tokens and memberships. Audit events stay. */
export async function deleteUser(deps: AdminDeps, actor: Actor, id: string): Promise<string> {
  const now = deps.clock.now();
  return serializable(deps.prisma, async (tx) => {
    const before = await loadTarget(tx, actor, id);
    // Recorded before the delete, which nulls the links to the user (they may be the actor too);
    // the id and address stay in the metadata.
    await recordAudit(tx, { type: 'admin.user_deleted', userId: id, ...auditBy(actor), metadata: { deletedUserId: id, email: before.email } }, now);
    await tx.user.delete({ where: { id } });
    await authStateChanged(deps, tx, { userId: id });
    if (before.isSuperuser && before.isActive) await assertActiveSuperuserRemains(tx);
    await enqueueWebhook(tx, 'user.deleted', { userId: id, actor: webhookActor(actor) }, now);
    return id;
  });
}

/**
 * The owner hears of what staff changed, as they do of their own changes: a new email address (at
 * the old one, so a takeover by address change does not go unseen), deactivation, reactivation.
 * An account without an address (usernames sign in) hears nothing; the audit row is written all the same.
 */
async function noticeChanges(tx: Tx, before: User, after: User, now: Date): Promise<void> {
  const { firstName } = after;
  if (after.email !== before.email) {
    // An address is never removed (validateUserFields), so after.email is one; ?? only satisfies the type.
    await enqueueNotice(tx, { to: before.email, template: 'changed_by_admin', payload: { firstName, change: 'email', newEmail: after.email ?? '' } }, now);
  }
  if (after.isActive !== before.isActive) {
    await enqueueNotice(
      tx,
      { to: after.email, template: 'changed_by_admin', payload: { firstName, change: after.isActive ? 'reactivated' : 'deactivated' } },
      now,
    );
  }
}

/** Root membership follows the superuser flag; losing the last active superuser is refused; deactivation ends sessions. */
async function applyFlagEffects(deps: AdminDeps, tx: Tx, before: User, after: User): Promise<void> {
  if (after.isSuperuser && !before.isSuperuser) await joinRoot(tx, after.id);
  if (!after.isSuperuser && before.isSuperuser) await leaveRoot(tx, after.id);
  const wasActiveSuperuser = before.isSuperuser && before.isActive;
  if (wasActiveSuperuser && !(after.isSuperuser && after.isActive)) await assertActiveSuperuserRemains(tx);
  if (before.isActive && !after.isActive) await revokeSessions(deps, { userId: after.id }, 'account_deactivated', tx);
}

/** Fields an admin can see changed, for the audit trail. */
const AUDITED: readonly (keyof User)[] = [
  'email',
  ...PROFILE_FIELD_NAMES,
  'notes',
  'attributes',
  'isActive',
  'isStaff',
  'isSuperuser',
  'role',
  'emailVerifiedAt',
];

function changedFields(before: User, after: User): (keyof User)[] {
  return AUDITED.filter((key) => String(before[key]) !== String(after[key]));
}

/** Old and new values of flags and identity fields; free-text fields are named, not copied. */
function describe(before: User, after: User, changed: (keyof User)[]): Record<string, unknown> {
  const shown = new Set<keyof User>(['email', 'username', 'isActive', 'isStaff', 'isSuperuser', 'role']);
  return Object.fromEntries(changed.map((key) => [key, shown.has(key) ? { from: before[key], to: after[key] } : true]));
}
