/**
 * Changing one's email address: the new address must prove itself with an emailed code before
 * it replaces the old one, and the old address is told.
 */
import type { Locale } from '../config/locales.js';
import { authStateChanged } from '../auth/cache/invalidate.js';
import type { User } from '../generated/sqlite/client.js';
import { recordAudit } from '../audit/record.js';
import { fieldError, GatehouseError, validationError } from '../errors.js';
import { enqueueEmail, enqueueNotice } from '../mail/outbox.js';
import type { Deps } from '../deps.js';
import { rethrowTaken, takenError } from '../users/account-errors.js';
import { requireEmail } from '../users/email-input.js';
import { checkCode, consumeCode, issueCode } from '../auth/one-time-codes.js';
import type { Viewer } from '../auth/sessions/authenticate.js';
import type { DeviceInfo } from '../auth/sessions/create-session.js';
import { consumeOutstandingTokens } from '../auth/outstanding-tokens.js';
import { enqueueUserChanges } from '../webhooks/user-events.js';
import { requirePasswordOrFreshProof } from './step-up.js';

/**
 * Emails a confirmation code to `newEmail`. Also how an account without an address adds its first.
 * @throws GatehouseError INVALID_CREDENTIALS, VALIDATION_FAILED (field newEmail), EMAIL_TAKEN, RATE_LIMITED,
 *   REAUTHENTICATION_REQUIRED (an account without a password and no fresh proof)
 */
export async function requestEmailChange(
  deps: Deps,
  viewer: Viewer,
  input: { newEmail: string; password?: string | null; code?: string | null },
  device: DeviceInfo,
): Promise<void> {
  await requirePasswordOrFreshProof(deps, viewer, input, device, 'password');
  const newEmail = requireEmail(input.newEmail, 'newEmail');
  if (newEmail === viewer.user.email) throw validationError([fieldError('newEmail', 'unchanged', 'emailUnchanged')]);
  // Each request mails a stranger's address: limited per user and per target, before the taken check (an oracle too).
  await deps.rateLimits.consume('emailChange', { userId: viewer.user.id, email: newEmail });
  if (await deps.prisma.user.findUnique({ where: { email: newEmail }, select: { id: true } })) throw takenError('email', 'newEmail');
  await deps.prisma.$transaction(async (tx) => {
    const now = deps.clock.now();
    const { code, minutes } = await issueCode(deps, tx, viewer.user.id, 'EMAIL_CHANGE', { newEmail });
    await enqueueEmail(
      tx,
      {
        to: newEmail,
        template: 'email_change_code',
        payload: { firstName: viewer.user.firstName, code, minutes, newEmail },
        // The new address has no account yet: the email speaks the language of the one changing.
        locale: viewer.user.locale as Locale | null,
      },
      now,
    );
    await recordAudit(tx, { type: 'auth.email_change_requested', userId: viewer.user.id, ...device, metadata: { newEmail } }, now);
  });
}

/**
 * Replaces the address with the one the code was sent to (now verified) and notifies the old one (when there was one).
 * @throws GatehouseError INVALID_CODE, CODE_EXPIRED, TOO_MANY_ATTEMPTS, EMAIL_TAKEN
 */
export async function confirmEmailChange(deps: Deps, viewer: Viewer, input: { code: string }, device: DeviceInfo): Promise<User> {
  await deps.rateLimits.consume('verifyCode', { ip: device.ip });
  const token = await checkCode(deps, viewer.user.id, 'EMAIL_CHANGE', input.code.trim());
  const { newEmail } = JSON.parse(token.payload ?? '{}') as { newEmail?: string };
  if (!newEmail) throw new GatehouseError('INVALID_CODE');
  try {
    return await deps.prisma.$transaction(async (tx) => {
      const now = deps.clock.now();
      await consumeCode(tx, token.id, now);
      const before = await tx.user.findUniqueOrThrow({ where: { id: viewer.user.id } });
      const user = await tx.user.update({ where: { id: before.id }, data: { email: newEmail, emailVerifiedAt: now } });
      await authStateChanged(deps, tx, { userId: user.id });
      await consumeOutstandingTokens(tx, user.id, now);
      // An account that had no address (usernames sign in) is adding its first: there is no old one to warn.
      await enqueueNotice(tx, { to: before.email, template: 'email_change_notice', payload: { firstName: user.firstName, newEmail } }, now);
      const changed = before.emailVerifiedAt ? ['email'] : ['email', 'emailVerified'];
      await enqueueUserChanges(tx, before, user, changed, { kind: 'user', id: user.id }, now);
      await recordAudit(tx, { type: 'auth.email_changed', userId: user.id, ...device, metadata: { from: before.email, to: newEmail } }, now);
      return user;
    });
  } catch (error) {
    rethrowTaken(error);
  }
}
