/**
 * Signing up: a new account with a password, unverified until the emailed code is entered.
 * Whether an unverified account may sign in meanwhile is REQUIRE_EMAIL_VERIFICATION. Where usernames
 * sign in (LOGIN_IDENTIFIERS username or both) a username without an address is enough: that
 * account gets no email and has nothing to verify.
 */
import type { User } from '../generated/sqlite/client.js';
import { auditRow, recordAudit, type AuditEntry } from '../audit/record.js';
import { fieldError, GatehouseError, validationError, type FieldError } from '../errors.js';
import type { Deps } from '../deps.js';
import { rethrowTaken, takenError } from '../users/account-errors.js';
import { requireEmail } from '../users/email-input.js';
import { sendVerificationCode, verificationEmail } from './email-verification.js';
import { writeRegistration, type NewUserRow, type RegistrationRows } from './register-statement-postgresql.js';
import { newCode } from '../auth/one-time-codes.js';
import { uuidv7 } from '../db/uuid7.js';
import { outboxRow } from '../mail/outbox.js';
import { validatePassword } from '../auth/passwords/validators.js';
import { cleanProfile, type ProfileInput } from '../users/profile-fields.js';
import { applyAttributes } from '../users/attributes.js';
import { enqueueWebhook, hasSubscribers } from '../webhooks/enqueue.js';
import { webhookUser } from '../webhooks/events.js';
import type { DeviceInfo } from '../auth/sessions/create-session.js';

export interface RegisterInput extends ProfileInput {
  /**
   * Null or absent: an account without an address, allowed only when usernames sign in
   * (LOGIN_IDENTIFIERS username or both), and then with a username.
   */
  email?: string | null;
  password: string;
  firstName: string;
  lastName: string;
  /** The self-editable custom attributes (USER_ATTRIBUTES_SCHEMA); admin-only ones are refused. */
  attributes?: unknown;
}

/**
 * @throws GatehouseError REGISTRATION_CLOSED (REGISTRATION_MODE), VALIDATION_FAILED (every bad field at once), EMAIL_TAKEN, USERNAME_TAKEN
 */
export async function register(deps: Deps, input: RegisterInput, device: DeviceInfo): Promise<User> {
  const mode = deps.config.accounts.registrationMode;
  // Refused before anything else: a closed server neither hashes nor counts nor reveals accounts.
  if (mode !== 'open') throw new GatehouseError('REGISTRATION_CLOSED', { details: { mode } });
  await deps.rateLimits.consume('register', { ip: device.ip });
  const problems: FieldError[] = [];
  const identifiers = deps.config.accounts.loginIdentifiers;
  const givenEmail = input.email ?? '';
  // No address (omitted, null or blank) is an account without one: only where usernames sign in.
  const addressless = givenEmail.trim() === '' && identifiers !== 'email';
  let email: string | null = null;
  if (!addressless) {
    try {
      email = requireEmail(givenEmail);
    } catch (error) {
      if (!(error instanceof GatehouseError)) throw error;
      const required = input.email === null || input.email === undefined;
      problems.push(...(required ? [fieldError('email', 'required', 'requiredEmail')] : (error.extensions.fields as FieldError[])));
    }
  }
  // With LOGIN_IDENTIFIERS=username, or without an address, an account without a username could not sign in with its password.
  const usernameRequired = identifiers === 'username' || addressless ? (['username'] as const) : [];
  const required = ['firstName', 'lastName', ...deps.config.accounts.registrationRequiredFields, ...usernameRequired] as const;
  const { data, problems: profileProblems } = cleanProfile(input, required, true);
  problems.push(...profileProblems);
  // Validated even when absent, so a schema's `required` attributes are asked for at sign-up.
  const attributes = applyAttributes(deps.config.accounts.attributes, '{}', input.attributes ?? {}, 'self');
  problems.push(...attributes.problems);
  problems.push(
    ...validatePassword(deps.config.passwords.policy, input.password, { email, username: data.username, firstName: data.firstName, lastName: data.lastName }),
  );
  if (problems.length) throw validationError(problems);

  // Checked first for the common case (and to spare the hashing); the unique constraint decides races.
  const keys = [...(email ? [{ email }] : []), ...(data.username ? [{ username: data.username }] : [])];
  const clash = await deps.prisma.user.findFirst({ where: { OR: keys }, select: { email: true } });
  if (clash) throw takenError(email !== null && clash.email === email ? 'email' : 'username');

  const passwordHash = await deps.passwords.hash(input.password);
  const now = deps.clock.now();
  const row = { ...data, attributes: attributes.text, email, passwordHash, passwordChangedAt: now, createdAt: now };
  try {
    // The common registration on PostgreSQL: one statement, one round trip (register-statement-postgresql.ts).
    if (deps.config.database.provider === 'postgresql' && !(await hasSubscribers(deps.prisma, 'user.created', deps.authCache))) {
      return await registerInOneStatement(deps, row, device);
    }
    return await deps.prisma.$transaction(async (tx) => {
      const user = await tx.user.create({ data: row });
      // An account without an address has nothing to verify (../users/verification.ts).
      if (user.email !== null) await sendVerificationCode(deps, tx, user, { newUser: true });
      await recordAudit(tx, registeredAudit(user.id, device), now);
      await enqueueWebhook(tx, 'user.created', { user: webhookUser(user), actor: { kind: 'user', id: user.id } }, now, deps.authCache);
      return user;
    });
  } catch (error) {
    rethrowTaken(error);
  }
}

function registeredAudit(userId: string, device: DeviceInfo): AuditEntry {
  return { type: 'auth.registered', userId, ...device };
}

/** The same writes as the transaction above (less the webhook, which has no subscriber), as one statement. */
async function registerInOneStatement(deps: Deps, row: Omit<NewUserRow, 'id'>, device: DeviceInfo): Promise<User> {
  const now = row.createdAt;
  const user = { ...row, id: uuidv7(now.getTime()) };
  let verification: RegistrationRows['verification'] = null;
  if (user.email !== null) {
    const { row: token, issued } = newCode(deps, user.id, 'EMAIL_VERIFICATION', undefined, { link: true });
    const message = verificationEmail(deps, { email: user.email, firstName: user.firstName ?? '', locale: user.locale ?? null }, issued);
    verification = { token, email: outboxRow(message, now) };
  }
  return writeRegistration(deps.prisma, { user, verification, audit: auditRow(registeredAudit(user.id, device), now) });
}
