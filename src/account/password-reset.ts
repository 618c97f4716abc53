/**
 * Forgotten passwords: a single-use link (32 random bytes, stored as a SHA-256 digest) is emailed
 * to an active account; using it sets a new password and ends every session. Requesting answers
 * the same whether or not the address has an account.
 */
import { authStateChanged } from '../auth/cache/invalidate.js';
import type { OneTimeToken, User } from '../generated/sqlite/client.js';
import { recordAudit } from '../audit/record.js';
import { GatehouseError, messageText, validationError } from '../errors.js';
import { enqueueEmail, enqueueNotice } from '../mail/outbox.js';
import type { Deps } from '../deps.js';
import { lookupEmail, requireAddress } from '../users/email-input.js';
import { validatePassword } from '../auth/passwords/validators.js';
import type { DeviceInfo } from '../auth/sessions/create-session.js';
import { consumeOutstandingTokens } from '../auth/outstanding-tokens.js';
import type { Tx } from '../db/transaction.js';
import { revokeSessions } from '../auth/sessions/revoke.js';
import { enqueueWebhook } from '../webhooks/enqueue.js';
import { generateToken, tokenDigest } from '../auth/tokens/opaque.js';
import type { IssueOptions } from '../auth/one-time-codes.js';

const MAX_TOKEN_LENGTH = 256;

/** Emails a reset link when `email` belongs to an active account; otherwise does nothing. */
export async function requestPasswordReset(deps: Deps, input: { email: string }, device: DeviceInfo): Promise<void> {
  const email = lookupEmail(input.email);
  // Counted before the lookup, so a registered and an unknown address are limited alike.
  await deps.rateLimits.consume('passwordReset', { ip: device.ip, email });
  if (!email) return;
  await deps.prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email } });
    if (!user || !user.isActive) return;
    await sendPasswordResetLink(deps, tx, user);
    await recordAudit(tx, { type: 'auth.password_reset_requested', userId: user.id, ...device }, deps.clock.now());
  });
}

/**
 * Live reset links one account may have; a request beyond it drops the oldest. Requests are
 * limited per address (RATE_LIMIT_PASSWORD_RESET_EMAIL), so this only bounds the rows when the
 * limits are off.
 */
export const MAX_LIVE_RESET_LINKS = 5;

/**
 * Issues a reset link for `user` and queues its email in the caller's transaction. Older links
 * stay valid until used or expired: if a new request killed them, anyone knowing the address
 * could spend its request quota and leave the owner with nothing but dead links. Each link is 32
 * random bytes, so a few live ones are no easier to guess than one. Also used by admins (and
 * invitations; `newUser`: the account was created in `tx`, so there are no older links to prune).
 * @throws GatehouseError EMAIL_REQUIRED for an account without an address (before anything is written)
 */
export async function sendPasswordResetLink(
  deps: Pick<Deps, 'config' | 'clock'>,
  tx: Tx,
  user: Pick<User, 'id' | 'email' | 'firstName'>,
  options: Pick<IssueOptions, 'newUser'> = {},
): Promise<void> {
  const to = requireAddress(user);
  const now = deps.clock.now();
  const ttl = deps.config.accounts.resetTtlSeconds;
  if (!options.newUser) await pruneResetLinks(tx, user.id, now);
  const token = generateToken(32);
  await tx.oneTimeToken.create({
    data: { userId: user.id, purpose: 'PASSWORD_RESET', tokenHash: tokenDigest(token), expiresAt: new Date(now.getTime() + ttl * 1000), createdAt: now },
  });
  const url = deps.config.accounts.passwordResetUrl.replace('{token}', encodeURIComponent(token));
  await enqueueEmail(tx, { to, template: 'password_reset', payload: { firstName: user.firstName, url, minutes: Math.round(ttl / 60) } }, now);
}

/** Drops used and expired links, and the oldest live ones beyond MAX_LIVE_RESET_LINKS - 1. */
async function pruneResetLinks(tx: Tx, userId: string, now: Date): Promise<void> {
  const where = { userId, purpose: 'PASSWORD_RESET' } as const;
  await tx.oneTimeToken.deleteMany({ where: { ...where, OR: [{ consumedAt: { not: null } }, { expiresAt: { lte: now } }] } });
  const beyondCap = await tx.oneTimeToken.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: MAX_LIVE_RESET_LINKS - 1,
    select: { id: true },
  });
  if (beyondCap.length) await tx.oneTimeToken.deleteMany({ where: { id: { in: beyondCap.map((row) => row.id) } } });
}

/** Finds the live reset token, or says why there is none. */
async function findResetToken(deps: Deps, token: string): Promise<{ token: OneTimeToken & { user: User } } | { error: GatehouseError }> {
  const row =
    token && token.length <= MAX_TOKEN_LENGTH
      ? await deps.prisma.oneTimeToken.findUnique({ where: { tokenHash: tokenDigest(token) }, include: { user: true } })
      : null;
  if (!row || row.purpose !== 'PASSWORD_RESET' || row.consumedAt || !row.user.isActive)
    return { error: new GatehouseError('TOKEN_INVALID', { message: messageText('resetLinkInvalid') }) };
  if (row.expiresAt <= deps.clock.now()) return { error: new GatehouseError('TOKEN_EXPIRED', { message: messageText('resetLinkExpired') }) };
  return { token: row };
}

/** Whether a reset token is still usable; no side effects. */
export async function isPasswordResetTokenUsable(deps: Deps, token: string): Promise<boolean> {
  return 'token' in (await findResetToken(deps, token));
}

/**
 * Sets a new password with a reset token, consumes it and ends every session. Following the
 * emailed link also proves the address, so an unverified one becomes verified.
 * @throws GatehouseError TOKEN_INVALID, TOKEN_EXPIRED, VALIDATION_FAILED (field newPassword)
 */
export async function resetPassword(deps: Deps, input: { token: string; newPassword: string }, device: DeviceInfo): Promise<void> {
  const found = await findResetToken(deps, input.token);
  if ('error' in found) throw found.error;
  const { user } = found.token;
  const problems = validatePassword(deps.config.passwords.policy, input.newPassword, user, 'newPassword');
  if (problems.length) throw validationError(problems);
  const passwordHash = await deps.passwords.hash(input.newPassword);
  await deps.prisma.$transaction(async (tx) => {
    const now = deps.clock.now();
    const { count } = await tx.oneTimeToken.updateMany({ where: { id: found.token.id, consumedAt: null }, data: { consumedAt: now } });
    if (count !== 1) throw new GatehouseError('TOKEN_INVALID', { message: messageText('resetLinkInvalid') });
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: now, emailVerifiedAt: user.emailVerifiedAt ?? now } });
    await authStateChanged(deps, tx, { userId: user.id });
    await consumeOutstandingTokens(tx, user.id, now);
    const revoked = await revokeSessions(deps, { userId: user.id }, 'password_reset', tx);
    await enqueueWebhook(tx, 'user.password_changed', { userId: user.id, actor: { kind: 'user', id: user.id }, via: 'reset' }, now);
    await recordAudit(tx, { type: 'auth.password_reset', userId: user.id, ...device, metadata: { sessionsRevoked: revoked } }, now);
    await enqueueNotice(tx, { to: user.email, template: 'password_changed', payload: { firstName: user.firstName } }, now);
  });
}
