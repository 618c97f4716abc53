/**
 * Replacing a user's recovery codes: the old ones all stop working and ten new ones are stored as
 * digests, in the caller's transaction. The plain codes are returned once, for the user to keep.
 */
import type { PrismaClient } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { newRecoveryCodes, recoveryCodeDigest } from './recovery-codes.js';

export async function replaceRecoveryCodes(deps: Pick<Deps, 'config'>, db: Pick<PrismaClient, 'recoveryCode'>, userId: string, now: Date): Promise<string[]> {
  const codes = newRecoveryCodes();
  await db.recoveryCode.deleteMany({ where: { userId } });
  await db.recoveryCode.createMany({
    data: codes.map((code) => ({ userId, codeHash: recoveryCodeDigest(deps.config.jwt.derivedKeys.codeDigest, userId, code), createdAt: now })),
  });
  return codes;
}
