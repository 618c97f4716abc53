/**
 * Refresh-token rotation with reuse detection.
 *
 * Each refresh replaces the session's token with the next one, derived from it with a keyed HMAC:
 * two refreshes racing with one token therefore compute the same successor, both succeed and both
 * answer with the same, valid pair, and the session survives whichever answer the client keeps.
 * The token just rotated out keeps answering (with that same successor) for REFRESH_GRACE_SECONDS;
 * presented after that, it is taken as stolen: the session is revoked and the event audited.
 * Only digests are stored; the successor cannot be computed without the server's secret.
 */
import { createHmac, type KeyObject } from 'node:crypto';
import type { Session, User } from '../generated/sqlite/client.js';
import { issueAccessToken } from '../auth/tokens/issue-access-token.js';
import { recordAudit } from '../audit/record.js';
import { GatehouseError, messageText } from '../errors.js';
import type { Deps } from '../deps.js';
import type { DeviceInfo, SessionTokens } from '../auth/sessions/create-session.js';
import { revokeSessions } from '../auth/sessions/revoke.js';
import { tokenDigest } from '../auth/tokens/opaque.js';
import { absoluteEnd, sessionExpiry } from '../auth/sessions/lifetime.js';
import { findSessionByRefreshDigest, rotateSession } from '../auth/sessions/refresh-statements.js';
import { findAndRotateSession } from '../auth/sessions/refresh-statements-postgresql.js';

export interface RefreshResult extends SessionTokens {
  user: User;
}

/** Longest refresh token looked up; ours are 43 characters. */
const MAX_REFRESH_TOKEN_LENGTH = 256;

/** The token that replaces `token`, keyed with `config.jwt.derivedKeys.refreshSuccessor` (its own key, no other use). */
export function nextRefreshToken(key: KeyObject, token: string): string {
  return createHmac('sha256', key).update(`gatehouse.refresh-rotation\0${token}`, 'utf8').digest('base64url');
}

const invalid = () => new GatehouseError('TOKEN_INVALID', { message: messageText('refreshInvalid') });

/**
 * @throws GatehouseError TOKEN_INVALID (unknown, revoked or reused token), TOKEN_EXPIRED, ACCOUNT_DISABLED
 */
export async function refresh(deps: Deps, refreshToken: string, device: DeviceInfo): Promise<RefreshResult> {
  if (!refreshToken || refreshToken.length > MAX_REFRESH_TOKEN_LENGTH) throw invalid();
  const { prisma, clock, config } = deps;
  const presented = tokenDigest(refreshToken);
  const next = nextRefreshToken(config.jwt.derivedKeys.refreshSuccessor, refreshToken);
  const nextDigest = tokenDigest(next);
  const now = clock.now();

  // Hand-written statements on the hot path (issue 12); the rare paths below stay on Prisma. On
  // PostgreSQL with rotation on, the read also rotates when every check below would pass (one round
  // trip, refresh-statements-postgresql.ts); the rules below still decide, on the row it read.
  const oneStatement = config.tokens.refreshRotation && config.database.provider === 'postgresql';
  const found = oneStatement ? await findAndRotateSession(prisma, config, presented, nextDigest, now) : null;
  const session = oneStatement ? (found?.session ?? null) : await findSessionByRefreshDigest(prisma, presented);
  if (!session || session.revokedAt) throw invalid();
  // The absolute limit is checked from createdAt too, for sessions whose expiresAt was slid before it existed.
  if (session.expiresAt <= now || absoluteEnd(config, session.createdAt) <= now)
    throw new GatehouseError('TOKEN_EXPIRED', { message: messageText('refreshExpired') });
  if (!session.user.isActive) throw new GatehouseError('ACCOUNT_DISABLED');

  if (!config.tokens.refreshRotation && session.refreshTokenHash === presented) return keepRefreshToken(deps, session, refreshToken, now);

  let current: Session | null = null;
  if (session.refreshTokenHash === presented) {
    const rotated = {
      refreshTokenHash: nextDigest,
      previousTokenHash: presented,
      rotatedAt: now,
      lastUsedAt: now,
      // Sliding lifetime: an active device stays signed in, up to the absolute limit from sign-in.
      // (On PostgreSQL, the same instant computed by the statement, as stored.)
      expiresAt: found?.rotatedExpiresAt ?? sessionExpiry(config, session.createdAt, now),
    };
    // PostgreSQL: the statement above already ran this UPDATE, the checks above passed on the row it
    // read; it matched nothing only if the live row's digest or revocation had moved (or the row was
    // gone), and then this UPDATE would match nothing either.
    const count = found ? (found.rotatedExpiresAt ? 1 : 0) : await rotateSession(prisma, session.id, presented, rotated);
    // The cached row of this session is stale now (this instance only: nothing security-relevant moved).
    deps.authCache.forgetSession(session.id);
    // count 0: a concurrent refresh with this very token rotated first; it is read back below.
    // count 1: the row is what was read plus what was written; no need to read it back.
    if (count === 1) {
      const { user: _user, ...row } = session;
      current = { ...row, ...rotated };
    }
  }
  current ??= await prisma.session.findUnique({ where: { id: session.id } });
  if (!current || current.revokedAt) throw invalid();

  const isTwin = current.previousTokenHash === presented && current.refreshTokenHash === nextDigest;
  const inGrace = current.rotatedAt !== null && now.getTime() - current.rotatedAt.getTime() <= config.tokens.refreshGraceSeconds * 1000;
  if (!isTwin || (!inGrace && session.refreshTokenHash !== presented)) {
    await reportReuse(deps, session, device);
    throw invalid();
  }
  // Same claims as at sign-in (JWT_INCLUDE_CLAIMS), recomputed so a changed role or group shows.
  const access = await issueAccessToken(deps, session.user, current.id);
  return {
    session: current,
    user: session.user,
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken: next,
    refreshTokenExpiresAt: current.expiresAt,
  };
}

/**
 * REFRESH_TOKEN_ROTATION off: the presented token stays the session's token; only the session's
 * last use and sliding expiry move (conditionally: a session revoked meanwhile is not revived).
 */
async function keepRefreshToken(deps: Deps, session: Session & { user: User }, refreshToken: string, now: Date): Promise<RefreshResult> {
  const kept = { lastUsedAt: now, expiresAt: sessionExpiry(deps.config, session.createdAt, now) };
  const { count } = await deps.prisma.session.updateMany({
    where: { id: session.id, refreshTokenHash: session.refreshTokenHash, revokedAt: null },
    data: kept,
  });
  deps.authCache.forgetSession(session.id);
  if (count === 0) throw invalid();
  const { user, ...row } = session;
  const access = await issueAccessToken(deps, user, session.id);
  return {
    session: { ...row, ...kept },
    user,
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken,
    refreshTokenExpiresAt: kept.expiresAt,
  };
}

/** A rotated-out token came back after the grace window: whoever holds it, the session is ended. */
async function reportReuse(deps: Deps, session: Session, device: DeviceInfo): Promise<void> {
  await deps.prisma.$transaction(async (tx) => {
    const now = deps.clock.now();
    const revoked = await revokeSessions(deps, { userId: session.userId, id: session.id }, 'refresh_token_reuse', tx);
    if (revoked) await recordAudit(tx, { type: 'auth.refresh_token_reused', userId: session.userId, ...device, metadata: { sessionId: session.id } }, now);
  });
}
