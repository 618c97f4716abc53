/**
 * Turning an authenticator app on: start (a new seed, stored encrypted, not yet in force), then
 * confirm with a first code, which turns it on and hands out the recovery codes once. Adding a
 * factor needs a fresh proof: a thief holding a session must not bind their own app to the account.
 */
import { recordAudit } from '../../audit/record.js';
import { syncMfaEnabled } from '../../auth/mfa/factors.js';
import { replaceRecoveryCodes } from '../../auth/mfa/recovery-code-rows.js';
import { matchingStep, newTotpSecret, totpUri } from '../../auth/mfa/totp.js';
import { totpContext } from '../../auth/mfa/verify-second-factor.js';
import type { Viewer } from '../../auth/sessions/authenticate.js';
import type { DeviceInfo } from '../../auth/sessions/create-session.js';
import type { Deps } from '../../deps.js';
import { GatehouseError, messageText } from '../../errors.js';
import { enqueueNotice } from '../../mail/outbox.js';
import { enqueueWebhook } from '../../webhooks/enqueue.js';
import { decryptSecret, encryptSecret } from '../../security/encryption.js';
import { requireFreshProof } from '../step-up.js';
import { accountLabel } from '../../users/account-label.js';

export interface TotpEnrollment {
  /** Base32, for typing into an app by hand. */
  secret: string;
  otpauthUri: string;
  qrCodeSvg: string;
}

/** @throws GatehouseError CONFLICT when an authenticator app is already on */
export async function startTotpEnrollment(deps: Deps, viewer: Viewer, device: DeviceInfo): Promise<TotpEnrollment> {
  const userId = viewer.user.id;
  const existing = await deps.prisma.totpFactor.findUnique({ where: { userId }, select: { confirmedAt: true } });
  if (existing?.confirmedAt) throw new GatehouseError('CONFLICT', { message: messageText('totpAlreadySetUp') });
  const secret = newTotpSecret();
  const secretCiphertext = encryptSecret(deps.config.dataEncryption, secret, totpContext(userId));
  const now = deps.clock.now();
  // A new start replaces an unconfirmed seed: only the latest QR code works.
  await deps.prisma.totpFactor.upsert({
    where: { userId },
    create: { userId, secretCiphertext, createdAt: now },
    update: { secretCiphertext, createdAt: now, lastUsedStep: null },
  });
  await recordAudit(deps.prisma, { type: 'mfa.totp_enrollment_started', userId, ...device }, now);
  const otpauthUri = totpUri(secret, deps.config.mfa.issuer, accountLabel(viewer.user));
  // Loaded on first use, not at start (issue 12, memory): only enrolment draws a QR code.
  const { default: QRCode } = await import('qrcode');
  return { secret, otpauthUri, qrCodeSvg: await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) };
}

/**
 * @returns the ten recovery codes, shown once.
 * @throws GatehouseError REAUTHENTICATION_REQUIRED, INVALID_CODE, RATE_LIMITED, CONFLICT (nothing to confirm)
 */
export async function confirmTotpEnrollment(deps: Deps, viewer: Viewer, code: string, password: string | null, device: DeviceInfo): Promise<string[]> {
  const userId = viewer.user.id;
  await requireFreshProof(deps, viewer, { password }, device);
  const factor = await deps.prisma.totpFactor.findUnique({ where: { userId } });
  if (!factor || factor.confirmedAt) throw new GatehouseError('CONFLICT', { message: messageText('totpStartFirst') });
  await deps.rateLimits.consume('mfaCode', { ip: device.ip, userId });
  const { plaintext: secret } = decryptSecret(deps.config.dataEncryption, factor.secretCiphertext, totpContext(userId));
  const step = matchingStep(secret, code.replace(/\s/g, ''), deps.clock.now());
  if (step === null) {
    await recordAudit(deps.prisma, { type: 'mfa.totp_enrollment_failed', userId, ...device }, deps.clock.now());
    throw new GatehouseError('INVALID_CODE');
  }
  return deps.prisma.$transaction(async (tx) => {
    const now = deps.clock.now();
    // Conditional: two confirmations racing make one set of recovery codes.
    const { count } = await tx.totpFactor.updateMany({ where: { id: factor.id, confirmedAt: null }, data: { confirmedAt: now, lastUsedStep: step } });
    if (count === 0) throw new GatehouseError('CONFLICT', { message: messageText('totpAlreadyConfirmed') });
    const codes = await replaceRecoveryCodes(deps, tx, userId, now);
    await syncMfaEnabled(deps, tx, userId);
    await recordAudit(tx, { type: 'mfa.totp_enabled', userId, ...device }, now);
    await enqueueWebhook(tx, 'user.mfa_changed', { userId, actor: { kind: 'user', id: userId }, factor: 'totp', action: 'enabled' }, now);
    await enqueueNotice(
      tx,
      { to: viewer.user.email, template: 'factor_added', payload: { firstName: viewer.user.firstName, factor: 'an authenticator app' } },
      now,
    );
    return codes;
  });
}
