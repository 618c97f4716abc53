/**
 * Proving an email address: a 6-digit code is emailed at registration (and on request), and
 * verifyEmail marks the address verified. resendVerificationEmail answers the same for any address.
 */
import { authStateChanged } from '../auth/cache/invalidate.js';
import type { User } from '../generated/sqlite/client.js';
import type { PrismaClient } from '../db/client.js';
import { recordAudit } from '../audit/record.js';
import { enqueueEmail } from '../mail/outbox.js';
import type { Deps } from '../deps.js';
import { checkCode, consumeCode, issueCode } from '../auth/one-time-codes.js';
import { lookupEmail } from '../users/email-input.js';
import type { DeviceInfo } from '../auth/sessions/create-session.js';
import { GatehouseError } from '../errors.js';

type Tx = Pick<PrismaClient, 'oneTimeToken' | 'outboxEmail' | 'user'>;

/** Issues a verification code for `user` and queues its email, in the caller's transaction. */
export async function sendVerificationCode(deps: Pick<Deps, 'config' | 'clock'>, tx: Tx, user: Pick<User, 'id' | 'email' | 'firstName'>): Promise<void> {
  const { code, minutes } = await issueCode(deps, tx, user.id, 'EMAIL_VERIFICATION');
  await enqueueEmail(tx, { to: user.email, template: 'verification_code', payload: { firstName: user.firstName, code, minutes } }, deps.clock.now());
}

/** The one answer to a failed verifyEmail: any finer one would tell an unknown address from a registered one. */
const UNUSABLE_CODE_MESSAGE = 'The code is wrong or no longer valid; request a new one if it keeps failing.';

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

async function markVerified(deps: Deps, user: User | null, code: string, device: DeviceInfo, actor?: { cli: true }): Promise<User> {
  const token = await checkCode(deps, user?.id ?? null, 'EMAIL_VERIFICATION', code.trim());
  return deps.prisma.$transaction(async (tx) => {
    const now = deps.clock.now();
    await consumeCode(tx, token.id, now);
    const verified = await tx.user.update({ where: { id: token.userId }, data: { emailVerifiedAt: now } });
    await authStateChanged(deps, tx, { userId: verified.id });
    await recordAudit(tx, { type: 'auth.email_verified', userId: verified.id, ...device, metadata: actor?.cli ? { via: 'cli' } : {} }, now);
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
