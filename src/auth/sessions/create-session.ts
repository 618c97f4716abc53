/**
 * Starting a session: one per signed-in device, holding the digest of its refresh token.
 */
import type { Session } from '../../generated/sqlite/client.js';
import type { Deps } from '../../server/deps.js';
import { generateToken, tokenDigest } from '../tokens/opaque.js';

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

/** Longest user agent kept; anything longer is truncated rather than refused. */
const MAX_USER_AGENT = 512;

/** Creates a session for `userId` and issues its first access and refresh tokens. */
export async function createSession(
  deps: Pick<Deps, 'prisma' | 'clock' | 'config' | 'accessTokens'>,
  userId: string,
  device: DeviceInfo,
  db: Pick<Deps['prisma'], 'session'> = deps.prisma,
): Promise<SessionTokens> {
  const now = deps.clock.now();
  const refreshToken = generateToken();
  const refreshTokenExpiresAt = new Date(now.getTime() + deps.config.tokens.refreshTtlSeconds * 1000);
  const session = await db.session.create({
    data: {
      userId,
      refreshTokenHash: tokenDigest(refreshToken),
      createdAt: now,
      lastUsedAt: now,
      expiresAt: refreshTokenExpiresAt,
      ip: device.ip,
      userAgent: device.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
    },
  });
  const access = deps.accessTokens.sign({ userId, sessionId: session.id }, now);
  return { session, accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, refreshTokenExpiresAt };
}
