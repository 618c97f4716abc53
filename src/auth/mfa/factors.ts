/**
 * Which second factors a user has. The tables are the truth; User.mfaEnabled mirrors "has at
 * least one" so the per-request path (which already holds the user row) can apply MFA_REQUIRED_FOR
 * without a query. Every write that adds or removes a factor calls syncMfaEnabled in its transaction.
 */
import type { Deps } from '../../deps.js';
import type { PrismaClient } from '../../db/client.js';
import { authStateChanged } from '../cache/invalidate.js';
import type { MfaMethod } from './methods.js';

type Db = Pick<PrismaClient, 'totpFactor' | 'passkey' | 'recoveryCode' | 'user' | '$executeRawUnsafe'>;

export interface FactorSummary {
  totp: boolean;
  passkeys: number;
  recoveryCodesLeft: number;
}

export async function factorSummary(db: Pick<PrismaClient, 'totpFactor' | 'passkey' | 'recoveryCode'>, userId: string): Promise<FactorSummary> {
  const [totp, passkeys, recoveryCodesLeft] = await Promise.all([
    db.totpFactor.count({ where: { userId, confirmedAt: { not: null } } }),
    db.passkey.count({ where: { userId } }),
    db.recoveryCode.count({ where: { userId, usedAt: null } }),
  ]);
  return { totp: totp > 0, passkeys, recoveryCodesLeft };
}

/** What an MfaChallenge for this user offers, strongest first. */
export function methodsOf(summary: FactorSummary): MfaMethod[] {
  const methods: MfaMethod[] = [];
  if (summary.passkeys > 0) methods.push('PASSKEY');
  if (summary.totp) methods.push('TOTP');
  if (summary.recoveryCodesLeft > 0 && (summary.totp || summary.passkeys > 0)) methods.push('RECOVERY_CODE');
  return methods;
}

/** A second factor is on when an authenticator app is confirmed or a passkey is registered. */
export function hasSecondFactor(summary: FactorSummary): boolean {
  return summary.totp || summary.passkeys > 0;
}

/**
 * Brings User.mfaEnabled in line with the factor tables (call inside the transaction that changed
 * them, with that transaction) and tells the session cache. Returns the new value.
 */
export async function syncMfaEnabled(deps: Pick<Deps, 'authCache' | 'config'>, db: Db, userId: string): Promise<boolean> {
  const enabled = hasSecondFactor(await factorSummary(db, userId));
  await db.user.update({ where: { id: userId }, data: { mfaEnabled: enabled } });
  await authStateChanged(deps, db, { userId });
  return enabled;
}
