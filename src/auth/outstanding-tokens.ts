/**
 * A password or email change ends every reset link and one-time code the user still holds. A
 * link or code proves control of a mailbox at the time it was sent; once the password or the
 * address has changed, that proof is about an account state that no longer exists (a link mailed
 * to the old address must not reset the password, nor mark the new address verified).
 */
import type { PrismaClient } from '../db/client.js';

/**
 * Marks every unconsumed reset token, verification code and email-change code of `userId` used.
 * Call it in the transaction that changes the password or the email, so the two commit together.
 * @returns how many were still outstanding.
 */
export async function consumeOutstandingTokens(db: Pick<PrismaClient, 'oneTimeToken'>, userId: string, now: Date): Promise<number> {
  const { count } = await db.oneTimeToken.updateMany({ where: { userId, consumedAt: null }, data: { consumedAt: now } });
  return count;
}
