/**
 * The server-side half of an MfaChallenge: the password (or another first factor) was right and a
 * second factor is due. The client holds `mfaToken` (32 random bytes; only its SHA-256 is stored);
 * it is single use, short-lived (MFA_CHALLENGE_TTL_SECONDS), takes MFA_CHALLENGE_MAX_ATTEMPTS
 * wrong codes, and is bound to the user and to the user agent that passed the first factor, so a
 * token lifted from one client is refused from another. (Not to the IP: phones change networks
 * between the two steps.)
 */
import type { SignInChallenge } from '../../generated/sqlite/client.js';
import type { PrismaClient } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { GatehouseError, messageText } from '../../errors.js';
import { MAX_USER_AGENT } from '../../audit/record.js';
import type { DeviceInfo } from '../sessions/create-session.js';
import { digestsEqual, generateToken, tokenDigest } from '../tokens/opaque.js';
import type { AuthMethod, MfaMethod } from './methods.js';

/** Longest mfaToken looked up; ours are 43 characters. */
const MAX_TOKEN_LENGTH = 256;

export interface IssuedMfaChallenge {
  mfaToken: string;
  methods: MfaMethod[];
  expiresAt: Date;
}

export interface MfaChallengePayload {
  methods: MfaMethod[];
  /** How the first step was passed, carried into the session's authMethods. */
  authMethods: AuthMethod[];
}

/** The challenge row to write (in the caller's batch) and the token to hand out. */
export function newMfaChallenge(deps: Pick<Deps, 'clock' | 'config'>, userId: string, device: DeviceInfo, payload: MfaChallengePayload) {
  const now = deps.clock.now();
  const mfaToken = generateToken();
  const expiresAt = new Date(now.getTime() + deps.config.mfa.challengeTtlSeconds * 1000);
  const data = {
    purpose: 'MFA' as const,
    tokenHash: tokenDigest(mfaToken),
    userId,
    payload: JSON.stringify(payload),
    ip: device.ip,
    userAgent: device.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
    expiresAt,
    createdAt: now,
  };
  return { data, issued: { mfaToken, methods: payload.methods, expiresAt } satisfies IssuedMfaChallenge };
}

/**
 * The live challenge behind `mfaToken`, presented by `device`.
 * @throws GatehouseError TOKEN_INVALID (unknown, used, dead or another client's), TOKEN_EXPIRED
 */
export async function openMfaChallenge(
  deps: Pick<Deps, 'prisma' | 'clock'>,
  mfaToken: string,
  device: DeviceInfo,
): Promise<SignInChallenge & { userId: string; parsed: MfaChallengePayload }> {
  const invalid = () => new GatehouseError('TOKEN_INVALID', { message: messageText('mfaStepEnded') });
  if (mfaToken.length > MAX_TOKEN_LENGTH) throw invalid();
  const digest = tokenDigest(mfaToken);
  const row = await deps.prisma.signInChallenge.findUnique({ where: { tokenHash: digest } });
  if (!row || row.purpose !== 'MFA' || !row.userId || row.consumedAt || !digestsEqual(row.tokenHash, digest)) throw invalid();
  if (row.expiresAt <= deps.clock.now()) throw new GatehouseError('TOKEN_EXPIRED', { message: messageText('mfaStepExpired') });
  if ((row.userAgent ?? null) !== (device.userAgent?.slice(0, MAX_USER_AGENT) ?? null)) throw invalid();
  return { ...row, userId: row.userId, parsed: JSON.parse(row.payload) as MfaChallengePayload };
}

/**
 * Counts one try on the challenge before the code is compared (conditional update, so concurrent
 * guesses cannot exceed the allowance in total). Returns the tries left after this one.
 * @throws GatehouseError TOO_MANY_ATTEMPTS
 */
export async function countMfaAttempt(deps: Pick<Deps, 'prisma' | 'config'>, challengeId: string): Promise<number> {
  const max = deps.config.mfa.challengeMaxAttempts;
  const { count } = await deps.prisma.signInChallenge.updateMany({
    where: { id: challengeId, consumedAt: null, attempts: { lt: max } },
    data: { attempts: { increment: 1 } },
  });
  if (count === 0) throw new GatehouseError('TOO_MANY_ATTEMPTS', { message: messageText('mfaTooManyCodes') });
  const row = await deps.prisma.signInChallenge.findUnique({ where: { id: challengeId }, select: { attempts: true } });
  return Math.max(0, max - (row?.attempts ?? max));
}

/** The try that used up the challenge's allowance: the caller reports the burst once. */
export function exhausted(remainingAttempts: number): boolean {
  return remainingAttempts === 0;
}

/** Marks the challenge used; false when another request used it first. */
export async function consumeChallenge(db: Pick<PrismaClient, 'signInChallenge'>, challengeId: string, now: Date): Promise<boolean> {
  const { count } = await db.signInChallenge.updateMany({ where: { id: challengeId, consumedAt: null }, data: { consumedAt: now } });
  return count === 1;
}
