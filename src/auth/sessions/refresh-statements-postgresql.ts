/**
 * A refresh rotation on PostgreSQL in one statement, one round trip (issue 12). On PostgreSQL each
 * statement is a round trip to a server process; the two of refresh-statements.ts (read, then
 * conditional UPDATE) cost two. This one reads the session by either digest joined with its user,
 * rotates it when the common case holds, and answers the row it read and whether it rotated.
 *
 * Equivalence with the two statements and the rules between them (src/account/refresh.ts): the
 * UPDATE runs only when the row read passes every check the rules make before rotating (it is the
 * current token, not revoked, `expiresAt` after now, absolute end from `createdAt` after now, user
 * active), and under exactly today's conditions on the live row (`id`, current digest, not
 * revoked; PostgreSQL re-checks these on the newest row version if a concurrent writer got there
 * first). That is today's read-check-update with no gap between read and update, one of the
 * interleavings today's code already allows. When it did not rotate, the caller applies today's
 * rules to the row it read, which decide every other outcome as before.
 *
 * SQLite keeps the two statements: it is in-process, a statement costs no round trip.
 * The parameters are numbered by hand (`$1`…): the statement is PostgreSQL's only, and the driver
 * leaves SQL without `?` as it is.
 */
import type { PrismaClient } from '../../db/client.js';
import { driverQuery, prepared } from '../../db/driver.js';
import type { Config } from '../../config/index.js';
import type { Session, User } from '../../generated/sqlite/client.js';
import { SESSION_AND_USER, sessionWithUser } from './refresh-statements.js';

// $1 presented digest, $2 next digest, $3 now, $4 idle end (now + REFRESH_TOKEN_TTL_SECONDS),
// $5 SESSION_MAX_LIFETIME_SECONDS, $6 now - SESSION_MAX_LIFETIME_SECONDS.
//
// The new expiresAt is sessionExpiry's min(idle end, createdAt + max lifetime) (lifetime.ts). The idle
// end is computed in JS and passed; the absolute end depends on createdAt, which JS has not read yet,
// so it is computed here from the same integer seconds: `timestamp + make_interval(secs => n)` adds n
// whole seconds exactly (PostgreSQL counts microseconds in integers), and createdAt holds whole
// milliseconds, so the sum is the very instant JS's `createdAt + n * 1000` is. The live-session check
// `createdAt + max lifetime > now` is the comparison `createdAt > now - max lifetime`, both sides
// whole milliseconds. test/integration/accounts/refresh-statements.test.ts holds the stored expiresAt
// to sessionExpiry in both regimes (idle end first, absolute end first).
const FIND_AND_ROTATE = prepared(`WITH found AS (
  SELECT ${SESSION_AND_USER}
  FROM "Session" s JOIN "User" u ON u."id" = s."userId"
  WHERE s."refreshTokenHash" = $1 OR s."previousTokenHash" = $1
  LIMIT 1
), rotated AS (
  UPDATE "Session" s
  SET "refreshTokenHash" = $2, "previousTokenHash" = $1, "rotatedAt" = $3, "lastUsedAt" = $3,
    "expiresAt" = LEAST($4, f."s.createdAt" + make_interval(secs => $5))
  FROM found f
  WHERE s."id" = f."s.id" AND s."refreshTokenHash" = $1 AND s."revokedAt" IS NULL
    AND f."s.refreshTokenHash" = $1 AND f."s.revokedAt" IS NULL AND f."s.expiresAt" > $3
    AND f."s.createdAt" > $6 AND f."u.isActive"
  RETURNING s."expiresAt"
)
SELECT f.*, r."expiresAt" AS "rotatedExpiresAt" FROM found f LEFT JOIN rotated r ON true`);

export interface FoundAndRotated {
  /** The session as read, before any rotation, with its user. */
  session: Session & { user: User };
  /** The session's new expiresAt if this statement rotated it to `nextDigest`, else null. */
  rotatedExpiresAt: Date | null;
}

/**
 * The session whose current or previous refresh token has digest `presented`, with its user; rotated
 * to `nextDigest` at `now` (previous digest `presented`, sliding expiry) if it is the current token
 * of a live session of an active user. Null if no session has that digest.
 */
export async function findAndRotateSession(
  prisma: PrismaClient,
  config: Pick<Config, 'tokens' | 'sessions'>,
  presented: string,
  nextDigest: string,
  now: Date,
): Promise<FoundAndRotated | null> {
  const idleEnd = new Date(now.getTime() + config.tokens.refreshTtlSeconds * 1000);
  const maxLifetime = config.sessions.maxLifetimeSeconds;
  const createdAfter = new Date(now.getTime() - maxLifetime * 1000);
  const [row] = await driverQuery(prisma, FIND_AND_ROTATE, [presented, nextDigest, now, idleEnd, maxLifetime, createdAfter]);
  if (!row) return null;
  return { session: sessionWithUser(row), rotatedExpiresAt: (row['rotatedExpiresAt'] as Date | null) ?? null };
}
