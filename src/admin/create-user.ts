/**
 * Creating an account on someone's behalf: by an admin through the API, or by an operator with
 * the createuser / createstaffuser / createsuperuser commands. Same validation either way.
 */
import { validatePassword } from '../auth/passwords/validators.js';
import { recordAudit } from '../audit/record.js';
import { ROOT_GROUP } from '../auth/permissions/builtin.js';
import { isUniqueViolation } from '../db/errors.js';
import { fieldError, GatehouseError, validationError, type FieldError } from '../errors.js';
import type { Role, User } from '../generated/sqlite/client.js';
import type { Deps } from '../deps.js';
import { auditBy, auditType, webhookActor, type Actor } from './actor.js';
import { assertCanMakeSuperuser } from './guards.js';
import { resolveFlags } from '../users/role.js';
import { validateUserFields, type UserFieldsInput } from '../users/user-fields.js';
import { applyAttributes } from '../users/attributes.js';
import type { Tx } from '../db/transaction.js';
import { takenError } from '../users/account-errors.js';
import { sendVerificationCode } from '../account/email-verification.js';
import { enqueueWebhook } from '../webhooks/enqueue.js';
import { webhookUser } from '../webhooks/events.js';
import { sendPasswordResetLink } from '../account/password-reset.js';

export interface CreateUserInput extends UserFieldsInput {
  /**
   * Null or absent: an account without an address, allowed only when usernames sign in
   * (LOGIN_IDENTIFIERS username or both), and then it needs a username.
   */
  email?: string | null;
  /** Null or absent: the account has no password until one is set (or a reset is used). */
  password?: string | null;
  isActive?: boolean | null;
  isStaff?: boolean | null;
  isSuperuser?: boolean | null;
  role?: Role | null;
  /** Mark the address as verified (the operator vouches for it). @default false */
  emailVerified?: boolean | null;
  /** Ask for an invitation / verification email. */
  sendInvite?: boolean | null;
  /** Custom attributes (USER_ATTRIBUTES_SCHEMA), admin-only ones included. */
  attributes?: unknown;
}

/**
 * @throws GatehouseError REGISTRATION_CLOSED (an invitation with REGISTRATION_MODE=closed), EMAIL_REQUIRED (an invitation
 *   without an address), VALIDATION_FAILED, EMAIL_TAKEN, USERNAME_TAKEN, FORBIDDEN
 */
export async function createUser(deps: Pick<Deps, 'prisma' | 'clock' | 'config' | 'passwords'>, actor: Actor, input: CreateUserInput): Promise<User> {
  if (input.sendInvite && deps.config.accounts.registrationMode === 'closed') {
    throw new GatehouseError('REGISTRATION_CLOSED', {
      message: 'Invitations are off (REGISTRATION_MODE=closed): set a password instead.',
      details: { mode: 'closed' },
    });
  }
  const { email: givenEmail, ...fields } = input;
  const hasEmail = givenEmail !== null && givenEmail !== undefined;
  // Refused before anything is written: an invitation nobody receives would look sent to the admin who asked.
  if (input.sendInvite && !hasEmail)
    throw new GatehouseError('EMAIL_REQUIRED', { message: 'An invitation needs an email address: give one, or set a password.' });
  const flags = resolveFlags({ isStaff: false, isSuperuser: false }, input);
  if (flags.isSuperuser) assertCanMakeSuperuser(actor);
  const { data, problems } = validateUserFields(hasEmail ? { ...fields, email: givenEmail } : fields);
  problems.push(...addresslessProblems(deps.config.accounts.loginIdentifiers, hasEmail, data.username, input.emailVerified === true));
  const attributes = { email: data.email ?? null, username: data.username ?? null, firstName: data.firstName, lastName: data.lastName };
  if (input.password != null) problems.push(...validatePassword(deps.config.passwords.policy, input.password, attributes));
  const custom = applyAttributes(deps.config.accounts.attributes, '{}', input.attributes ?? {}, 'admin');
  problems.push(...custom.problems);
  if (problems.length) throw validationError(problems);
  await assertAvailable(deps.prisma, { email: attributes.email, username: attributes.username });
  const passwordHash = input.password != null ? await deps.passwords.hash(input.password) : null;
  const now = deps.clock.now();
  try {
    return await deps.prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          ...data,
          email: attributes.email,
          attributes: custom.text,
          ...flags,
          isActive: input.isActive ?? true,
          passwordHash,
          passwordChangedAt: passwordHash ? now : null,
          emailVerifiedAt: input.emailVerified ? now : null,
          createdAt: now,
        },
      });
      if (user.isSuperuser) await joinRoot(tx, user.id);
      await recordAudit(
        tx,
        {
          type: auditType(actor, 'admin.user_created'),
          ...auditBy(actor),
          userId: user.id,
          metadata: {
            email: user.email,
            role: user.role,
            isActive: user.isActive,
            passwordSet: passwordHash !== null,
            inviteRequested: input.sendInvite === true,
          },
        },
        now,
      );
      if (input.sendInvite) await sendInvitation(deps, tx, user);
      await enqueueWebhook(tx, 'user.created', { user: webhookUser(user), actor: webhookActor(actor) }, now);
      return user;
    });
  } catch (error) {
    // A concurrent insert of the same address or username between the check and the write.
    if (isUniqueViolation(error)) await assertAvailable(deps.prisma, { email: attributes.email, username: attributes.username });
    throw error;
  }
}

/**
 * Why an account without an address cannot be made here: only usernames can sign in to one
 * (LOGIN_IDENTIFIERS username or both), so it needs a username, and it has nothing to verify.
 */
function addresslessProblems(
  identifiers: 'email' | 'username' | 'both',
  hasEmail: boolean,
  username: string | null | undefined,
  emailVerified: boolean,
): FieldError[] {
  if (hasEmail) return [];
  if (identifiers === 'email') return [fieldError('email', 'required', 'emailRequiredToSignIn')];
  return [
    ...(username ? [] : [fieldError('username', 'required', 'usernameRequiredWithoutEmail')]),
    ...(emailVerified ? [fieldError('emailVerified', 'invalid', 'noEmailToVerify')] : []),
  ];
}

/**
 * @throws EMAIL_TAKEN / USERNAME_TAKEN when another account (not `exceptId`) uses them. An admin is
 * allowed to learn this: they can list users anyway.
 */
export async function assertAvailable(db: Pick<Tx, 'user'>, values: { email?: string | null; username?: string | null }, exceptId?: string): Promise<void> {
  const notMe = exceptId ? { NOT: { id: exceptId } } : {};
  if (values.email && (await db.user.findFirst({ where: { email: values.email, ...notMe }, select: { id: true } }))) {
    throw takenError('email');
  }
  if (values.username && (await db.user.findFirst({ where: { username: values.username, ...notMe }, select: { id: true } }))) {
    throw takenError('username');
  }
}

/** Superusers are members of Root (seeded with every built-in permission). */
export async function joinRoot(tx: Pick<Tx, 'group' | 'userGroup'>, userId: string): Promise<void> {
  const root = await tx.group.findUnique({ where: { name: ROOT_GROUP }, select: { id: true } });
  if (!root) return;
  await tx.userGroup.upsert({ where: { userId_groupId: { userId, groupId: root.id } }, create: { userId, groupId: root.id }, update: {} });
}

/** A demoted superuser leaves Root, or they would keep every built-in permission through it. */
export async function leaveRoot(tx: Pick<Tx, 'group' | 'userGroup'>, userId: string): Promise<void> {
  const root = await tx.group.findUnique({ where: { name: ROOT_GROUP }, select: { id: true } });
  if (root) await tx.userGroup.deleteMany({ where: { userId, groupId: root.id } });
}

/**
 * The invitation, queued in the creating transaction: an account with no password gets a link to
 * choose one (using it also proves the address); one with a password but an unverified address
 * gets a verification code; a verified account with a password needs nothing. The account was
 * created in `tx`, so it has no older codes or links to replace or prune (`newUser`).
 */
async function sendInvitation(deps: Pick<Deps, 'config' | 'clock'>, tx: Tx, user: User): Promise<void> {
  if (!user.passwordHash) await sendPasswordResetLink(deps, tx, user, { newUser: true });
  else if (!user.emailVerifiedAt) await sendVerificationCode(deps, tx, user, { newUser: true });
}
