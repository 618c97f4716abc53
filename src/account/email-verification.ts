/**
 * Proving an email address: a 6-digit code and a link are emailed at registration (and on request),
 * and verifyEmail (the code) or verifyEmailWithToken (the link) marks the address verified. Both
 * are one OneTimeToken row (../auth/one-time-codes.ts), so using either kills the other, and a new
 * email replaces the previous one. resendVerificationEmail answers the same for any address.
 */
import { authStateChanged } from '../auth/cache/invalidate.js';
import type { OneTimeToken, User } from '../generated/sqlite/client.js';
import type { PrismaClient } from '../db/client.js';
import { recordAudit } from '../audit/record.js';
import { enqueueEmail } from '../mail/outbox.js';
import type { Deps } from '../deps.js';
import { checkCode, checkLink, consumeCode, issueCode, type IssuedCode, type IssueOptions } from '../auth/one-time-codes.js';
import type { EmailMessage } from '../mail/templates.js';
import { lookupEmail, requireAddress } from '../users/email-input.js';
import type { DeviceInfo } from '../auth/sessions/create-session.js';
import { GatehouseError, messageText } from '../errors.js';
import { isLocale } from '../config/locales.js';

type Tx = Pick<PrismaClient, 'oneTimeToken' | 'outboxEmail' | 'user'>;

/**
 * Issues a verification code and link for `user` and queues their email, in the caller's transaction
 * (`newUser`: the account was created in it, see IssueOptions).
 * @throws GatehouseError EMAIL_REQUIRED for an account without an address (before anything is written)
 */
export async function sendVerificationCode(
  deps: Pick<Deps, 'config' | 'clock'>,
  tx: Tx,
  user: Pick<User, 'id' | 'email' | 'firstName' | 'locale'>,
  options: Pick<IssueOptions, 'newUser'> = {},
): Promise<void> {
  const to = requireAddress(user);
  const issued = await issueCode(deps, tx, user.id, 'EMAIL_VERIFICATION', undefined, { link: true, ...options });
  await enqueueEmail(tx, verificationEmail(deps, { ...user, email: to }, issued), deps.clock.now());
}

/** The verification email of `issued` (a code and a link) to `user`'s address, in their language. */
export function verificationEmail(
  deps: Pick<Deps, 'config'>,
  user: Pick<User, 'firstName' | 'locale'> & { email: string },
  { code, minutes, link }: IssuedCode,
): EmailMessage {
  const url = deps.config.accounts.emailVerificationUrl.replace('{token}', encodeURIComponent(link ?? ''));
  // The address is the account's own, so its locale is the one enqueueEmail would look up: passed,
  // the user row is not read again (one SELECT less per registration, issue 12).
  const locale = isLocale(user.locale) ? user.locale : null;
  return { to: user.email, template: 'verification_code', payload: { firstName: user.firstName, code, minutes, url }, locale };
}

/** The one answer to a failed verifyEmail: any finer one would tell an unknown address from a registered one. */
const UNUSABLE_CODE_MESSAGE = messageText('verificationCodeUnusable');

/**
 * Marks the address verified when `code` is its live verification code. The public API answers
 * every failure alike (unknown address, already verified, wrong, expired or exhausted code): one
 * INVALID_CODE with one message and no remainingAttempts, since the caller is not signed in and
 * any difference would reveal that an account exists. Tries are still counted and limited.
 * @throws GatehouseError INVALID_CODE; through the CLI (`actor.cli`) also CODE_EXPIRED, TOO_MANY_ATTEMPTS
 */
export async function verifyEmail(deps: Deps, input: { email: string; code: string }, device: DeviceInfo, actor?: { cli: true }): Promise<User> {
  await deps.rateLimits.consume('verifyCode', { ip: device.ip });
  const email = lookupEmail(input.email);
  const user = email ? await deps.prisma.user.findUnique({ where: { email } }) : null;
  try {
    return await markVerified(deps, user, input.code, device, actor);
  } catch (error) {
    const codeError = error instanceof GatehouseError && ['INVALID_CODE', 'CODE_EXPIRED', 'TOO_MANY_ATTEMPTS'].includes(error.code);
    if (!codeError || actor?.cli) throw error;
    throw new GatehouseError('INVALID_CODE', { message: UNUSABLE_CODE_MESSAGE });
  }
}

/** The one answer to a failed verifyEmailWithToken, for the same reason as UNUSABLE_CODE_MESSAGE. */
const UNUSABLE_LINK_MESSAGE = messageText('verificationLinkUnusable');

/**
 * Marks the address verified when `token` is the live link of a verification email (its code dies
 * with it). Every failure (unknown, malformed, used, replaced or expired link) is one TOKEN_INVALID
 * with one message, as verifyEmail answers every failure alike. Tries count per IP (verifyCode).
 * @throws GatehouseError TOKEN_INVALID, RATE_LIMITED
 */
export async function verifyEmailWithToken(deps: Deps, input: { token: string }, device: DeviceInfo): Promise<User> {
  await deps.rateLimits.consume('verifyCode', { ip: device.ip });
  const invalid = new GatehouseError('TOKEN_INVALID', { message: UNUSABLE_LINK_MESSAGE });
  let token: Pick<OneTimeToken, 'id' | 'userId'>;
  try {
    token = await checkLink(deps, 'EMAIL_VERIFICATION', input.token.trim());
  } catch (error) {
    if (error instanceof GatehouseError && ['TOKEN_INVALID', 'TOKEN_EXPIRED'].includes(error.code)) throw invalid;
    throw error;
  }
  try {
    return await markTokenVerified(deps, token, device, {});
  } catch (error) {
    // A concurrent use of the link or of its code won.
    if (error instanceof GatehouseError && error.code === 'INVALID_CODE') throw invalid;
    throw error;
  }
}

async function markVerified(deps: Deps, user: User | null, code: string, device: DeviceInfo, actor?: { cli: true }): Promise<User> {
  const token = await checkCode(deps, user?.id ?? null, 'EMAIL_VERIFICATION', code.trim());
  return markTokenVerified(deps, token, device, actor?.cli ? { via: 'cli' } : {});
}

/** Consumes the checked row (once: a concurrent second use gets INVALID_CODE) and marks its user's address verified. */
async function markTokenVerified(deps: Deps, token: Pick<OneTimeToken, 'id' | 'userId'>, device: DeviceInfo, metadata: Record<string, string>): Promise<User> {
  return deps.prisma.$transaction(async (tx) => {
    const now = deps.clock.now();
    await consumeCode(tx, token.id, now);
    const verified = await tx.user.update({ where: { id: token.userId }, data: { emailVerifiedAt: now } });
    await authStateChanged(deps, tx, { userId: verified.id });
    await recordAudit(tx, { type: 'auth.email_verified', userId: verified.id, ...device, metadata }, now);
    return verified;
  });
}

/** Emails a fresh code when the address has an active, unverified account; otherwise does nothing. Same answer either way. */
export async function resendVerificationEmail(deps: Deps, input: { email: string }, device: DeviceInfo): Promise<void> {
  const email = lookupEmail(input.email);
  // Counted before the lookup, so a registered and an unknown address are limited alike.
  await deps.rateLimits.consume('resendVerification', { ip: device.ip, email });
  if (!email) return;
  await deps.prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email } });
    if (!user || !user.isActive || user.emailVerifiedAt) return;
    await sendVerificationCode(deps, tx, user);
  });
}
