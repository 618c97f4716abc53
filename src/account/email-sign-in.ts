/**
 * Passwordless sign-in by email (EMAIL_SIGN_IN): one request mails a 6-digit code and a link; the
 * code (with the address) or the link signs in once, within EMAIL_SIGN_IN_TTL_SECONDS. Both are
 * one OneTimeToken row (../auth/one-time-codes.ts), so using either kills the other, and a new
 * request replaces the previous one. The emailed secret proves the address, so it ends verified.
 * It is a first factor only: an account with a second factor gets an MfaChallenge.
 *
 * Nothing here reveals whether an address has an account: a request answers the same (and mails
 * nothing) for an unknown or disabled one, and every way a code can fail is answered INVALID_CODE.
 */
import { auditRow, recordAudit } from '../audit/record.js';
import { checkCode, checkLink, consumeCode, issueCode } from '../auth/one-time-codes.js';
import type { AuthMethod } from '../auth/mfa/methods.js';
import type { DeviceInfo } from '../auth/sessions/create-session.js';
import type { Deps } from '../deps.js';
import { GatehouseError, messageText } from '../errors.js';
import type { User } from '../generated/sqlite/client.js';
import { enqueueEmail } from '../mail/outbox.js';
import { lookupEmail } from '../users/email-input.js';
import { afterFirstFactor } from './sign-in/after-first-factor.js';
import type { SignInResult } from './sign-in/result.js';

/** The one answer to a code that cannot be used, whatever the reason (wrong, expired, used up, no such account). */
const UNUSABLE_CODE_MESSAGE = messageText('signInCodeUnusable');

/** @throws GatehouseError FEATURE_DISABLED when EMAIL_SIGN_IN is off. */
function assertEnabled(deps: Pick<Deps, 'config'>): void {
  if (!deps.config.emailSignIn.enabled) throw new GatehouseError('FEATURE_DISABLED', { message: messageText('emailSignInDisabled') });
}

/**
 * Mails a sign-in code and link when `email` belongs to an active account; otherwise does nothing.
 * @throws GatehouseError FEATURE_DISABLED, RATE_LIMITED
 */
export async function requestSignInCode(deps: Deps, input: { email: string }, device: DeviceInfo): Promise<void> {
  assertEnabled(deps);
  const email = lookupEmail(input.email);
  // Counted before the lookup, so a registered and an unknown address are limited alike.
  await deps.rateLimits.consume('signInCode', { ip: device.ip, email });
  if (!email) return;
  await deps.prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email } });
    if (!user || !user.isActive) return;
    const now = deps.clock.now();
    const issued = await issueCode(deps, tx, user.id, 'SIGN_IN', undefined, { ttlSeconds: deps.config.emailSignIn.ttlSeconds, link: true });
    const url = deps.config.emailSignIn.url.replace('{token}', encodeURIComponent(issued.link ?? ''));
    await enqueueEmail(
      tx,
      // Found by this address, so it is the account's.
      { to: email, template: 'sign_in_code', payload: { firstName: user.firstName, code: issued.code, url, minutes: issued.minutes } },
      now,
    );
    await recordAudit(tx, { type: 'sign_in_code.requested', userId: user.id, ...device }, now);
  });
}

/**
 * Signs in with the address and the emailed code.
 * @throws GatehouseError FEATURE_DISABLED, RATE_LIMITED, INVALID_CODE (for every unusable code)
 */
export async function signInWithCode(deps: Deps, input: { email: string; code: string }, device: DeviceInfo): Promise<SignInResult> {
  assertEnabled(deps);
  // Each try counts per IP (RATE_LIMIT_SIGN_IN_CODE_IP); per code, the row allows VERIFICATION_CODE_MAX_ATTEMPTS.
  // Not per address: a stranger's wrong guesses must not lock the owner out of the code in their inbox.
  await deps.rateLimits.consume('signInCode', { ip: device.ip });
  const email = lookupEmail(input.email);
  const found = email ? await deps.prisma.user.findUnique({ where: { email } }) : null;
  const user = found?.isActive ? found : null;
  let tokenId: string;
  try {
    tokenId = (await checkCode(deps, user?.id ?? null, 'SIGN_IN', input.code.trim())).id;
    await consumeCode(deps.prisma, tokenId, deps.clock.now());
  } catch (error) {
    if (!(error instanceof GatehouseError && ['INVALID_CODE', 'CODE_EXPIRED', 'TOO_MANY_ATTEMPTS'].includes(error.code))) throw error;
    if (user) {
      // The try that used up the code's allowance is a burst of wrong guesses: its own event, for alerting.
      const exhausted = error.code === 'INVALID_CODE' && error.extensions.remainingAttempts === 0;
      const type = exhausted ? 'sign_in_code.exhausted' : 'sign_in_code.failed';
      await recordAudit(deps.prisma, { type, userId: user.id, ...device, metadata: { reason: error.code } }, deps.clock.now());
    }
    // CODE_EXPIRED or TOO_MANY_ATTEMPTS would tell a stranger the address has an account.
    throw new GatehouseError('INVALID_CODE', { message: UNUSABLE_CODE_MESSAGE });
  }
  // checkCode refused a missing account already; this only tells the type checker.
  if (!user) throw new GatehouseError('INVALID_CODE', { message: UNUSABLE_CODE_MESSAGE });
  return signedInByEmail(deps, user, device, 'email_code');
}

/**
 * Signs in with the emailed link's token.
 * @throws GatehouseError FEATURE_DISABLED, RATE_LIMITED, TOKEN_INVALID (unknown, used, replaced, disabled account), TOKEN_EXPIRED
 */
export async function signInWithLink(deps: Deps, input: { token: string }, device: DeviceInfo): Promise<SignInResult> {
  assertEnabled(deps);
  await deps.rateLimits.consume('signInCode', { ip: device.ip });
  const row = await checkLink(deps, 'SIGN_IN', input.token.trim());
  const user = await deps.prisma.user.findUnique({ where: { id: row.userId } });
  const invalid = new GatehouseError('TOKEN_INVALID', { message: messageText('linkInvalid') });
  if (!user?.isActive) throw invalid;
  try {
    await consumeCode(deps.prisma, row.id, deps.clock.now());
  } catch {
    // A concurrent use (of the link or its code) won.
    throw invalid;
  }
  return signedInByEmail(deps, user, device, 'email_link');
}

/** The code or link is spent: the address is proven, and the sign-in goes on as after a password. */
function signedInByEmail(deps: Deps, user: User, device: DeviceInfo, method: Extract<AuthMethod, 'email_code' | 'email_link'>): Promise<SignInResult> {
  return afterFirstFactor(deps, user, device, method, {
    ...(user.emailVerifiedAt ? {} : { userData: { emailVerifiedAt: deps.clock.now() } }),
    writes: (now) => [deps.prisma.auditEvent.create({ data: auditRow({ type: 'sign_in_code.used', userId: user.id, ...device, metadata: { method } }, now) })],
  });
}
