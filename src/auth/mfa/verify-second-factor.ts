/**
 * Checks a second-factor code of a user: six digits are an authenticator code, anything else a
 * recovery code. A good code is used up in the same step (the TOTP time step is recorded, the
 * recovery code marked used) by a conditional update, so two requests racing with one code cannot
 * both pass. The caller counts the attempt against the rate limits first.
 */
import type { PrismaClient } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { decryptSecret, encryptSecret } from '../../security/encryption.js';
import type { AuthMethod } from './methods.js';
import { normaliseRecoveryCode, recoveryCodeDigest } from './recovery-codes.js';
import { matchingStep } from './totp.js';

export type SecondFactorResult = { method: Extract<AuthMethod, 'totp'> } | { method: Extract<AuthMethod, 'recovery_code'>; remaining: number } | null;

/** The authenticated-data context of a user's TOTP seed (src/security/encryption.ts). */
export function totpContext(userId: string): string {
  return `totp:${userId}`;
}

export async function verifySecondFactor(
  deps: Pick<Deps, 'prisma' | 'clock' | 'config'>,
  userId: string,
  code: string,
  db: Pick<PrismaClient, 'totpFactor' | 'recoveryCode'> = deps.prisma,
): Promise<SecondFactorResult> {
  const trimmed = code.replace(/\s/g, '');
  if (/^\d{6}$/.test(trimmed)) return (await useTotpCode(deps, db, userId, trimmed)) ? { method: 'totp' } : null;
  if (!normaliseRecoveryCode(trimmed)) return null;
  const now = deps.clock.now();
  const { count } = await db.recoveryCode.updateMany({
    where: { userId, codeHash: recoveryCodeDigest(deps.config.jwt.derivedKeys.codeDigest, userId, trimmed), usedAt: null },
    data: { usedAt: now },
  });
  if (count === 0) return null;
  return { method: 'recovery_code', remaining: await db.recoveryCode.count({ where: { userId, usedAt: null } }) };
}

/** A code of the confirmed authenticator, in a time step after the last one used. */
async function useTotpCode(deps: Pick<Deps, 'clock' | 'config'>, db: Pick<PrismaClient, 'totpFactor'>, userId: string, code: string): Promise<boolean> {
  const factor = await db.totpFactor.findUnique({ where: { userId } });
  if (!factor?.confirmedAt) return false;
  const { plaintext: secret, stale } = decryptSecret(deps.config.dataEncryption, factor.secretCiphertext, totpContext(userId));
  const step = matchingStep(secret, code, deps.clock.now());
  if (step === null) return false;
  // Replay: the step must be later than the last one accepted, checked and recorded in one statement.
  const { count } = await db.totpFactor.updateMany({
    where: { id: factor.id, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
    data: { lastUsedStep: step, ...(stale ? { secretCiphertext: encryptSecret(deps.config.dataEncryption, secret, totpContext(userId)) } : {}) },
  });
  return count === 1;
}
