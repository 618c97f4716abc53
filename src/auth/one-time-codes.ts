/**
 * Six-digit codes sent by email (verification, email change, passwordless sign-in). Only an HMAC
 * digest bound to the user and purpose is stored; a new code replaces the older ones of its
 * purpose; every try is counted with a conditional update before the code is compared, so
 * concurrent guesses can never exceed the allowed number of tries in total.
 *
 * A code may come with a link (sign-in): the link names the same row by its id and carries 32
 * random bytes whose SHA-256 digest the row's payload holds, so the code and the link of one
 * email are one row and die together when either is used.
 */
import type { OneTimeToken, TokenPurpose } from '../generated/sqlite/client.js';
import type { PrismaClient } from '../db/client.js';
import { uuidv7 } from '../db/uuid7.js';
import { GatehouseError, messageText } from '../errors.js';
import type { Deps } from '../deps.js';
import { codeDigest, digestsEqual, generateCode, generateToken, tokenDigest } from './tokens/opaque.js';

export type CodePurpose = Extract<TokenPurpose, 'EMAIL_VERIFICATION' | 'EMAIL_CHANGE' | 'SIGN_IN'>;

export interface IssuedCode {
  code: string;
  expiresAt: Date;
  /** The lifetime in minutes, for the email. */
  minutes: number;
  /** With `options.link`: the link's token (`<row id>.<secret>`), to put in a URL. */
  link: string | null;
}

export interface IssueOptions {
  /** The code's lifetime. @default ACCOUNTS codeTtlSeconds (VERIFICATION_CODE_TTL_SECONDS) */
  ttlSeconds?: number;
  /** Also issue a link for the same row (checkLink). @default false */
  link?: boolean;
  /**
   * The user was created in the caller's transaction, so there is no older code to replace and the
   * DELETE is skipped (one statement less per registration, issue 12). @default false
   */
  newUser?: boolean;
}

/** Longest link token looked at (a row id, a dot and 43 characters of secret fit well within). */
const MAX_LINK_LENGTH = 200;

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
  options: IssueOptions = {},
): Promise<IssuedCode> {
  const { row, issued } = newCode(deps, userId, purpose, payload, options);
  // All of them, consumed ones too: the digest column is unique and a user may draw the same code twice.
  if (!options.newUser) await db.oneTimeToken.deleteMany({ where: { userId, purpose } });
  await db.oneTimeToken.create({ data: row });
  return issued;
}

/**
 * A new code's OneTimeToken row (its id made here, as Prisma's default makes it, since the link
 * carries it) and what the email says, for issueCode and for callers that write the row in a
 * statement of their own (a new user's, who has no older code to replace).
 */
export function newCode(
  deps: Pick<Deps, 'config' | 'clock'>,
  userId: string,
  purpose: CodePurpose,
  payload?: Record<string, unknown>,
  options: Pick<IssueOptions, 'ttlSeconds' | 'link'> = {},
) {
  const now = deps.clock.now();
  const ttl = options.ttlSeconds ?? deps.config.accounts.codeTtlSeconds;
  const secret = options.link ? generateToken(32) : null;
  const stored = secret ? { ...payload, linkDigest: tokenDigest(secret) } : payload;
  const code = generateCode();
  const expiresAt = new Date(now.getTime() + ttl * 1000);
  const id = uuidv7(now.getTime());
  const row = {
    id,
    userId,
    purpose,
    tokenHash: digest(deps, userId, purpose, code),
    payload: stored ? JSON.stringify(stored) : null,
    expiresAt,
    createdAt: now,
  };
  const issued: IssuedCode = { code, expiresAt, minutes: Math.round(ttl / 60), link: secret ? `${id}.${secret}` : null };
  return { row, issued };
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

/**
 * Finds the live row of `purpose` a link names. Returns it unconsumed, like checkCode; the caller
 * consumes it (consumeCode), which kills its code too. Tries are not counted against the code's
 * allowance: guessing 32 random bytes is hopeless, and a stranger's guesses must not use up the
 * owner's code.
 * @throws GatehouseError TOKEN_INVALID (unknown, malformed, used or replaced), TOKEN_EXPIRED
 */
export async function checkLink(deps: Pick<Deps, 'clock' | 'prisma'>, purpose: CodePurpose, link: string): Promise<OneTimeToken> {
  const [id, secret, extra] = link.length <= MAX_LINK_LENGTH ? link.split('.') : [];
  const row = id && secret && extra === undefined ? await deps.prisma.oneTimeToken.findUnique({ where: { id } }) : null;
  const stored = row?.purpose === purpose && !row.consumedAt ? linkDigestOf(row.payload) : null;
  if (!row || !stored || !secret || !digestsEqual(tokenDigest(secret), stored))
    throw new GatehouseError('TOKEN_INVALID', { message: messageText('linkInvalid') });
  if (row.expiresAt <= deps.clock.now()) throw new GatehouseError('TOKEN_EXPIRED', { message: messageText('linkExpired') });
  return row;
}

function linkDigestOf(payload: string | null): string | null {
  try {
    const value: unknown = JSON.parse(payload ?? 'null');
    const digest = value && typeof value === 'object' && 'linkDigest' in value ? value.linkDigest : null;
    return typeof digest === 'string' ? digest : null;
  } catch {
    return null;
  }
}

/** Marks a checked code used, once: a concurrent second use gets INVALID_CODE. */
export async function consumeCode(db: Pick<PrismaClient, 'oneTimeToken'>, tokenId: string, now: Date): Promise<void> {
  const { count } = await db.oneTimeToken.updateMany({ where: { id: tokenId, consumedAt: null }, data: { consumedAt: now } });
  if (count !== 1) throw new GatehouseError('INVALID_CODE');
}
