/**
 * The second step of a sign-in: an authenticator or recovery code for an MfaChallenge's token.
 * Each try counts against the per-user and per-IP limits and the challenge's own allowance before
 * the code is compared; a wrong one is audited; a recovery code used is audited and mailed.
 */
import type { Locale } from '../../config/locales.js';
import { auditRow, recordAudit } from '../../audit/record.js';
import { consumeChallenge, countMfaAttempt, exhausted, openMfaChallenge } from '../../auth/mfa/challenge.js';
import { verifySecondFactor } from '../../auth/mfa/verify-second-factor.js';
import type { DeviceInfo } from '../../auth/sessions/create-session.js';
import type { Deps } from '../../deps.js';
import { GatehouseError, messageText } from '../../errors.js';
import { noticeRows } from '../../mail/outbox.js';
import { establishSession } from './establish-session.js';
import type { SignedIn } from './result.js';

/**
 * @throws GatehouseError TOKEN_INVALID / TOKEN_EXPIRED (the challenge), INVALID_CODE (with
 *   `remainingAttempts`), TOO_MANY_ATTEMPTS, RATE_LIMITED, ACCOUNT_DISABLED
 */
export async function completeMfaSignIn(deps: Deps, mfaToken: string, code: string, device: DeviceInfo): Promise<SignedIn> {
  const challenge = await openMfaChallenge(deps, mfaToken, device);
  const userId = challenge.userId;
  await deps.rateLimits.consume('mfaCode', { ip: device.ip, userId });
  const remainingAttempts = await countMfaAttempt(deps, challenge.id);

  const result = await verifySecondFactor(deps, userId, code);
  if (!result) {
    await recordAudit(deps.prisma, { type: 'mfa.code_failed', userId, ...device, metadata: { remainingAttempts } }, deps.clock.now());
    if (exhausted(remainingAttempts)) await reportFailureBurst(deps, userId, device);
    throw new GatehouseError('INVALID_CODE', { details: { remainingAttempts } });
  }
  const now = deps.clock.now();
  if (!(await consumeChallenge(deps.prisma, challenge.id, now))) throw new GatehouseError('TOKEN_INVALID', { message: messageText('mfaStepEnded') });
  // The account may have been disabled between the two steps.
  const user = await deps.prisma.user.findUnique({ where: { id: userId } });
  if (!user?.isActive) throw new GatehouseError('ACCOUNT_DISABLED');

  return establishSession(deps, user, device, {
    authMethods: [...challenge.parsed.authMethods, result.method],
    writes: (at) =>
      result.method === 'recovery_code'
        ? [
            deps.prisma.auditEvent.create({
              data: auditRow({ type: 'mfa.recovery_code_used', userId, ...device, metadata: { remaining: result.remaining } }, at),
            }),
            // None for an account without an address (usernames sign in); the audit row stands.
            ...noticeRows(
              {
                to: user.email,
                template: 'recovery_code_used',
                payload: { firstName: user.firstName, remaining: result.remaining },
                locale: user.locale as Locale | null,
              },
              at,
            ).map((data) => deps.prisma.outboxEmail.create({ data })),
          ]
        : [],
  });
}

/**
 * Someone passed the password and then failed every try of the second step: they may hold the
 * password. The owner is told, once per challenge, and the burst is audited.
 */
async function reportFailureBurst(deps: Deps, userId: string, device: DeviceInfo): Promise<void> {
  const user = await deps.prisma.user.findUnique({ where: { id: userId }, select: { email: true, firstName: true, locale: true } });
  if (!user) return;
  const now = deps.clock.now();
  await deps.prisma.$transaction([
    deps.prisma.auditEvent.create({ data: auditRow({ type: 'mfa.challenge_exhausted', userId, ...device }, now) }),
    ...noticeRows(
      { to: user.email, template: 'second_factor_failures', payload: { firstName: user.firstName, ip: device.ip }, locale: user.locale as Locale | null },
      now,
    ).map((data) => deps.prisma.outboxEmail.create({ data })),
  ]);
}
