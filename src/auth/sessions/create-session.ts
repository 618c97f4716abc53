/**
 * Starting a session: one per signed-in device, holding the digest of its refresh token.
 */
import { randomUUID } from 'node:crypto';
import type { Session } from '../../generated/sqlite/client.js';
import type { Deps } from '../../deps.js';
import { MAX_USER_AGENT } from '../../audit/record.js';
import { issueAccessToken } from '../tokens/issue-access-token.js';
import { generateToken, tokenDigest } from '../tokens/opaque.js';
import { sessionExpiry } from './lifetime.js';

export interface SessionTokens {
  session: Session;
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

export interface DeviceInfo {
  ip: string | null;
  userAgent: string | null;
}

/** A new session's row and its refresh token, for callers that write it in a batch of their own. */
export function newSession(deps: Pick<Deps, 'clock' | 'config'>, userId: string, device: DeviceInfo) {
  const now = deps.clock.now();
  const refreshToken = generateToken();
  const refreshTokenExpiresAt = sessionExpiry(deps.config, now, now);
  const data = {
    // Chosen here, so the rows that name the session can be written in the same batch.
    id: randomUUID(),
    userId,
    refreshTokenHash: tokenDigest(refreshToken),
    createdAt: now,
    lastUsedAt: now,
    expiresAt: refreshTokenExpiresAt,
    ip: device.ip,
    userAgent: device.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
  };
  return { data, refreshToken, refreshTokenExpiresAt };
}

/**
 * Creates a session for `userId` and issues its first access and refresh tokens.
 * @param db the client or transaction to write through (and read the token's claims through).
 */
export async function createSession(
  deps: Pick<Deps, 'prisma' | 'clock' | 'config' | 'accessTokens'>,
  userId: string,
  device: DeviceInfo,
  db: Pick<Deps['prisma'], 'session' | 'user' | 'permission' | 'group'> = deps.prisma,
): Promise<SessionTokens> {
  const { data, refreshToken, refreshTokenExpiresAt } = newSession(deps, userId, device);
  const session = await db.session.create({ data });
  const access = await issueAccessToken(deps, userId, session.id, db);
  return { session, accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, refreshTokenExpiresAt };
}
