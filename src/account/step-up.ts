/**
 * Step-up: sensitive changes (password, email, second factors, passkeys, deleting the account)
 * need a fresh proof that the person is at the keyboard, not just a live session: the password
 * or a second-factor code given with the request, or a sign-in or `reauthenticate` within
 * REAUTH_WINDOW_SECONDS. A proof given here refreshes the window for this session only.
 */
import type { Locale } from '../config/locales.js';
import { auditRow, recordAudit } from '../audit/record.js';
import { authStateChanged } from '../auth/cache/invalidate.js';
import { verifySecondFactor } from '../auth/mfa/verify-second-factor.js';
import { requirePassword } from '../auth/require-password.js';
import type { Viewer } from '../auth/sessions/authenticate.js';
import type { DeviceInfo } from '../auth/sessions/create-session.js';
import type { Deps } from '../deps.js';
import { fieldError, GatehouseError, validationError } from '../errors.js';
import { noticeRows } from '../mail/outbox.js';

export interface Proof {
  password?: string | null;
  /** A code from the authenticator app, or a recovery code. */
  code?: string | null;
}

/** When this session last proved who is using it: its sign-in, or its last reauthentication. */
export function freshSince(session: Viewer['session']): Date {
  return session.reauthenticatedAt && session.reauthenticatedAt > session.createdAt ? session.reauthenticatedAt : session.createdAt;
}

/**
 * Passes when `proof` holds a right password or code (and records it), or the session's last proof
 * is recent enough.
 * @throws GatehouseError REAUTHENTICATION_REQUIRED, INVALID_CREDENTIALS (password), INVALID_CODE, RATE_LIMITED
 */
export async function requireFreshProof(deps: Deps, viewer: Viewer, proof: Proof, device: DeviceInfo): Promise<void> {
  if (proof.password || proof.code) return reauthenticate(deps, viewer, proof, device);
  const windowMs = deps.config.mfa.reauthWindowSeconds * 1000;
  if (deps.clock.now().getTime() - freshSince(viewer.session).getTime() <= windowMs) return;
  throw new GatehouseError('REAUTHENTICATION_REQUIRED');
}

/**
 * Checks a password or second-factor code of the viewer and marks the session freshly proven.
 * Each try counts against the password-check or second-factor limits before it is compared.
 */
export async function reauthenticate(deps: Deps, viewer: Viewer, proof: Proof, device: DeviceInfo): Promise<void> {
  const userId = viewer.user.id;
  if (proof.password) {
    await requirePassword(deps, userId, proof.password, device);
  } else if (proof.code) {
    await deps.rateLimits.consume('mfaCode', { ip: device.ip, userId });
    const result = await verifySecondFactor(deps, userId, proof.code);
    if (!result) {
      await recordAudit(deps.prisma, { type: 'mfa.code_failed', userId, ...device, metadata: { purpose: 'reauthenticate' } }, deps.clock.now());
      throw new GatehouseError('INVALID_CODE');
    }
    if (result.method === 'recovery_code') {
      const now = deps.clock.now();
      await deps.prisma.$transaction([
        deps.prisma.auditEvent.create({
          data: auditRow({ type: 'mfa.recovery_code_used', userId, ...device, metadata: { remaining: result.remaining, purpose: 'reauthenticate' } }, now),
        }),
        // None for an account without an address (usernames sign in); the audit row stands.
        ...noticeRows(
          {
            to: viewer.user.email,
            template: 'recovery_code_used',
            payload: { firstName: viewer.user.firstName, remaining: result.remaining },
            locale: viewer.user.locale as Locale | null,
          },
          now,
        ).map((data) => deps.prisma.outboxEmail.create({ data })),
      ]);
    }
  } else {
    throw new GatehouseError('VALIDATION_FAILED', { fields: [fieldError('password', 'required', 'passwordOrCodeRequired')] });
  }
  await deps.prisma.session.update({ where: { id: viewer.session.id }, data: { reauthenticatedAt: deps.clock.now() } });
  await authStateChanged(deps, deps.prisma, { userId });
}

/**
 * For the changes that have always asked for the current password (changing it or the email,
 * closing the account): an account with a password must still give it; one without a password
 * (signed up and signed in by email code or passkey) shows a fresh proof instead (requireFreshProof:
 * a second-factor code, or a sign-in or reauthenticate within REAUTH_WINDOW_SECONDS).
 * @throws GatehouseError VALIDATION_FAILED (`field` missing), INVALID_CREDENTIALS, REAUTHENTICATION_REQUIRED, INVALID_CODE, RATE_LIMITED
 */
export async function requirePasswordOrFreshProof(deps: Deps, viewer: Viewer, proof: Proof, device: DeviceInfo, field = 'password'): Promise<void> {
  // Read now, not from the cached row: whether a password exists decides which proof counts.
  const { passwordHash } = await deps.prisma.user.findUniqueOrThrow({ where: { id: viewer.user.id }, select: { passwordHash: true } });
  if (!passwordHash) return requireFreshProof(deps, viewer, { code: proof.code }, device);
  if (!proof.password) throw validationError([fieldError(field, 'required', 'currentPasswordRequired')]);
  await requirePassword(deps, viewer.user.id, proof.password, device, field);
}
