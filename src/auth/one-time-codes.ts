/**
 * Six-digit codes sent by email (verification, email change). Only an HMAC digest bound to the
 * user and purpose is stored; a new code replaces the older ones of its purpose; every try is
 * counted with a conditional update before the code is compared, so concurrent guesses can never
 * exceed the allowed number of tries in total.
 */
import type { OneTimeToken, TokenPurpose } from '../generated/sqlite/client.js';
import type { PrismaClient } from '../db/client.js';
import { GatehouseError } from '../errors.js';
import type { Deps } from '../deps.js';
import { codeDigest, digestsEqual, generateCode } from './tokens/opaque.js';

export type CodePurpose = Extract<TokenPurpose, 'EMAIL_VERIFICATION' | 'EMAIL_CHANGE'>;

export interface IssuedCode {
  code: string;
  expiresAt: Date;
  /** The lifetime in minutes, for the email. */
  minutes: number;
}

function digest(deps: Pick<Deps, 'config'>, userId: string, purpose: CodePurpose, code: string): string {
  return codeDigest(deps.config.jwt.derivedKeys.codeDigest, `${purpose}:${userId}`, code);
}

/** Issues a new code of `purpose` for `userId` (in the caller's transaction), invalidating older ones. */
export async function issueCode(
  deps: Pick<Deps, 'config' | 'clock'>,
  db: Pick<PrismaClient, 'oneTimeToken'>,
  userId: string,
  purpose: CodePurpose,
  payload?: Record<string, unknown>,
): Promise<IssuedCode> {
  const now = deps.clock.now();
  const ttl = deps.config.accounts.codeTtlSeconds;
  // All of them, consumed ones too: the digest column is unique and a user may draw the same code twice.
  await db.oneTimeToken.deleteMany({ where: { userId, purpose } });
  const code = generateCode();
  const expiresAt = new Date(now.getTime() + ttl * 1000);
  await db.oneTimeToken.create({
    data: { userId, purpose, tokenHash: digest(deps, userId, purpose, code), payload: payload ? JSON.stringify(payload) : null, expiresAt, createdAt: now },
  });
  return { code, expiresAt, minutes: Math.round(ttl / 60) };
}

/**
 * Checks `code` against the user's live code of `purpose`, counting the try. Returns the token,
 * still unconsumed: the caller consumes it (consumeCode) in the transaction that acts on it.
 * @throws GatehouseError INVALID_CODE, CODE_EXPIRED or TOO_MANY_ATTEMPTS
 */
export async function checkCode(
  deps: Pick<Deps, 'config' | 'clock' | 'prisma'>,
  userId: string | null,
  purpose: CodePurpose,
  code: string,
): Promise<OneTimeToken> {
  const now = deps.clock.now();
  const max = deps.config.accounts.codeMaxAttempts;
  const token = userId ? await deps.prisma.oneTimeToken.findFirst({ where: { userId, purpose, consumedAt: null }, orderBy: { createdAt: 'desc' } }) : null;
  if (!token || !/^\d{6}$/.test(code)) throw new GatehouseError('INVALID_CODE');
  if (token.expiresAt <= now) throw new GatehouseError('CODE_EXPIRED');
  const counted = await deps.prisma.oneTimeToken.updateMany({
    where: { id: token.id, consumedAt: null, attempts: { lt: max } },
    data: { attempts: { increment: 1 } },
  });
  if (counted.count === 0) throw new GatehouseError('TOO_MANY_ATTEMPTS');
  if (!digestsEqual(digest(deps, token.userId, purpose, code), token.tokenHash)) {
    const after = await deps.prisma.oneTimeToken.findUnique({ where: { id: token.id }, select: { attempts: true } });
    throw new GatehouseError('INVALID_CODE', { details: { remainingAttempts: Math.max(0, max - (after?.attempts ?? max)) } });
  }
  return token;
}

/** Marks a checked code used, once: a concurrent second use gets INVALID_CODE. */
export async function consumeCode(db: Pick<PrismaClient, 'oneTimeToken'>, tokenId: string, now: Date): Promise<void> {
  const { count } = await db.oneTimeToken.updateMany({ where: { id: tokenId, consumedAt: null }, data: { consumedAt: now } });
  if (count !== 1) throw new GatehouseError('INVALID_CODE');
}
