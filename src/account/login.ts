/**
 * Signing in with an identifier (the email, the username or either: LOGIN_IDENTIFIERS) and a
 * password. An unknown identifier costs the same work (a dummy hash, and in each mode the same one
 * query) and gets the same error as a wrong password; the account's state (disabled, unverified) is revealed
 * only to someone who knows the password. With a second factor on, the password yields an
 * MfaChallenge, not a session (./sign-in/after-first-factor.ts).
 */
import { auditRow, recordAudit } from '../audit/record.js';
import { GatehouseError } from '../errors.js';
import type { Deps } from '../deps.js';
import { lookupEmail } from '../users/email-input.js';
import { lookupUsername } from '../users/username.js';
import { awaitsEmailVerification } from '../users/verification.js';
import type { User } from '../generated/sqlite/client.js';
import type { DeviceInfo } from '../auth/sessions/create-session.js';
import { afterFirstFactor } from './sign-in/after-first-factor.js';
import type { SignInResult } from './sign-in/result.js';
import { identifierDigest } from '../audit/identifier-digest.js';

/**
 * @param input.identifier what the user typed: an address, a username, or either, per LOGIN_IDENTIFIERS
 * @throws GatehouseError INVALID_CREDENTIALS, ACCOUNT_DISABLED, EMAIL_NOT_VERIFIED
 */
export async function login(deps: Deps, input: { identifier: string; password: string }, device: DeviceInfo): Promise<SignInResult> {
  const { user, key } = await findAccount(deps, input.identifier);
  // Only a well-formed identifier gets per-account keys; the account's limits restart when its password changes (a reset ends them).
  const limited = { ip: device.ip, email: key, generation: user?.passwordChangedAt?.toISOString() ?? null };
  // Refused before any hashing: a locked-out account or IP costs the attacker nothing to ask about, and us nothing to answer.
  await deps.rateLimits.check('login', limited);
  // An over-long password is refused without hashing it (bounded cost), as the same error.
  const password = input.password.length <= deps.config.passwords.policy.maxLength ? input.password : null;
  const matches =
    user?.passwordHash && password !== null
      ? await deps.passwords.verify(user.passwordHash, password)
      : await deps.passwords.verifyDummy(input.password.slice(0, deps.config.passwords.policy.maxLength));

  const refusal: { reason: string; error: GatehouseError } | null =
    !user || !matches
      ? {
          reason: user ? 'wrong_password' : deps.config.accounts.loginIdentifiers === 'email' ? 'unknown_email' : 'unknown_identifier',
          error: new GatehouseError('INVALID_CREDENTIALS'),
        }
      : !user.isActive
        ? { reason: 'account_disabled', error: new GatehouseError('ACCOUNT_DISABLED') }
        : awaitsEmailVerification(deps.config.accounts.requireEmailVerification, user)
          ? { reason: 'email_not_verified', error: new GatehouseError('EMAIL_NOT_VERIFIED') }
          : null;
  if (refusal || !user) {
    // What was typed may be a password (typed into the wrong field): an unknown identifier is kept only as a keyed digest.
    const metadata = user ? { reason: refusal?.reason } : { identifierDigest: identifierDigest(deps.config, input.identifier), reason: refusal?.reason };
    await recordAudit(deps.prisma, { type: 'auth.login_failed', userId: user?.id ?? null, ...device, metadata }, deps.clock.now());
    // Only wrong passwords count towards the limits and the account's back-off.
    // This attempt is still answered as what it was; the limit refuses the next one.
    if (!refusal || refusal.error.code === 'INVALID_CREDENTIALS') await deps.rateLimits.consume('login', limited).catch(ignoreRateLimited);
    throw refusal?.error ?? new GatehouseError('INVALID_CREDENTIALS');
  }

  await deps.rateLimits.reset('login', limited);
  // Weaker (or legacy) hashes are upgraded now, while the plain password is at hand (also when a second factor is still due).
  const rehash = deps.passwords.needsRehash(user.passwordHash!) ? await deps.passwords.hash(input.password) : null;
  return afterFirstFactor(deps, user, device, 'password', {
    ...(rehash ? { userData: { passwordHash: rehash } } : {}),
    writes: (now) => (rehash ? [deps.prisma.auditEvent.create({ data: auditRow({ type: 'auth.password_rehashed', userId: user.id, ...device }, now) })] : []),
  });
}

/**
 * The account `raw` names, and the key its login limits are counted under: the account's email
 * when there is one (so its address and its username share one budget), else the normalised
 * identifier (so "Ana@Example.com " and "ana@example.com" share one); null for malformed input.
 * Each mode makes the same query whether or not the account exists.
 */
async function findAccount(deps: Deps, raw: string): Promise<{ user: User | null; key: string | null }> {
  const mode = deps.config.accounts.loginIdentifiers;
  const email = mode === 'username' ? null : lookupEmail(raw);
  const username = mode === 'email' ? null : lookupUsername(raw);
  const where = [...(email ? [{ email }] : []), ...(username ? [{ username }] : [])];
  if (where.length === 0) return { user: null, key: null };
  const found = await deps.prisma.user.findMany({ where: { OR: where }, take: 2 });
  // Under `both`, one account's address may be another's username: the address wins, as it is the one proven by email.
  const user = found.find((u) => email !== null && u.email === email) ?? found.find((u) => username !== null && u.username === username) ?? null;
  return { user, key: user?.email ?? email ?? `username:${username!}` };
}

function ignoreRateLimited(error: unknown): void {
  if (!(error instanceof GatehouseError && error.code === 'RATE_LIMITED')) throw error;
}
