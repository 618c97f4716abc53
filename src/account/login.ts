/**
 * Signing in with email and password. An unknown address costs the same work (a dummy hash) and
 * gets the same error as a wrong password; the account's state (disabled, unverified) is revealed
 * only to someone who knows the password. With a second factor on, the password yields an
 * MfaChallenge, not a session (./sign-in/after-first-factor.ts).
 */
import { auditRow, recordAudit } from '../audit/record.js';
import { GatehouseError } from '../errors.js';
import type { Deps } from '../deps.js';
import { lookupEmail } from '../users/email-input.js';
import type { DeviceInfo } from '../auth/sessions/create-session.js';
import { afterFirstFactor } from './sign-in/after-first-factor.js';
import type { SignInResult } from './sign-in/result.js';
import { identifierDigest } from '../audit/identifier-digest.js';

/**
 * @throws GatehouseError INVALID_CREDENTIALS, ACCOUNT_DISABLED, EMAIL_NOT_VERIFIED
 */
export async function login(deps: Deps, input: { email: string; password: string }, device: DeviceInfo): Promise<SignInResult> {
  const email = lookupEmail(input.email);
  const user = email ? await deps.prisma.user.findUnique({ where: { email } }) : null;
  // Only a well-formed address gets per-account keys; the account's limits restart when its password changes (a reset ends them).
  const limited = { ip: device.ip, email, generation: user?.passwordChangedAt?.toISOString() ?? null };
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
      ? { reason: user ? 'wrong_password' : 'unknown_email', error: new GatehouseError('INVALID_CREDENTIALS') }
      : !user.isActive
        ? { reason: 'account_disabled', error: new GatehouseError('ACCOUNT_DISABLED') }
        : deps.config.accounts.requireEmailVerification && !user.emailVerifiedAt
          ? { reason: 'email_not_verified', error: new GatehouseError('EMAIL_NOT_VERIFIED') }
          : null;
  if (refusal || !user) {
    // What was typed may be a password (typed into the wrong field): an unknown identifier is kept only as a keyed digest.
    const metadata = user ? { reason: refusal?.reason } : { identifierDigest: identifierDigest(deps.config, input.email), reason: refusal?.reason };
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

function ignoreRateLimited(error: unknown): void {
  if (!(error instanceof GatehouseError && error.code === 'RATE_LIMITED')) throw error;
}
