/**
 * A password sign-in's writes on PostgreSQL in one statement, one round trip (issue 12). With
 * Prisma's batch they were BEGIN, the session, the user's lastLoginAt, the audit row and COMMIT,
 * then the NOTIFY that tells the other instances the user row changed: six round trips, each a
 * wake-up of a database process on the cores that hash passwords. Here data-modifying CTEs do the
 * same in one statement: it is one transaction (all or nothing), and the notification is delivered
 * at its commit, as from a transaction.
 *
 * For the common sign-in only (src/account/sign-in/establish-session.ts decides): a sign-in that
 * brings writes of its own (a rehashed password, a used challenge, webhook deliveries) keeps the
 * batch. What the statement writes equals what the batch writes, and the rows it answers equal what
 * Prisma answers (test/integration/accounts/sign-in-statement.test.ts), which the columns read below
 * vouch for: the session and the user come back as refresh-statements.ts reads them.
 * SQLite keeps the batch: it is in-process, a statement costs no round trip, and it has no
 * data-modifying CTEs.
 */
import type { PrismaClient } from '../../db/client.js';
import { driverQuery, prepared } from '../../db/driver.js';
import { uuidv7 } from '../../db/uuid7.js';
import type { Session, User } from '../../generated/sqlite/client.js';
import { AUTH_CHANGES_CHANNEL } from '../cache/invalidate.js';
import { SESSION_AND_USER, sessionWithUser } from './refresh-statements.js';

// $1 session id, $2 user id, $3 refresh digest, $4 session createdAt, $5 lastUsedAt, $6 expiresAt,
// $7 ip, $8 user agent, $9 authMethods (JSON), $10 the sign-in's instant (lastLoginAt, the audit
// row's createdAt), $11 the user row's updatedAt, $12 audit id, $13 type, $14 ip, $15 user agent,
// $16 metadata (JSON), $17 the NOTIFY payload.
const SIGN_IN = prepared(`WITH s AS (
  INSERT INTO "Session" ("id", "userId", "refreshTokenHash", "createdAt", "lastUsedAt", "expiresAt", "ip", "userAgent", "authMethods")
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
  RETURNING *
), u AS (
  UPDATE "User" SET "lastLoginAt" = $10, "updatedAt" = $11 WHERE "id" = $2
  RETURNING *
), a AS (
  INSERT INTO "AuditEvent" ("id", "type", "userId", "actorId", "ip", "userAgent", "metadata", "createdAt")
  VALUES ($12, $13, $2, NULL, $14, $15, $16, $10)
), n AS (
  SELECT pg_notify('${AUTH_CHANGES_CHANNEL}', $17)
)
SELECT ${SESSION_AND_USER} FROM s, u, n`);

export interface SignInRows {
  /** The session row, as newSession builds it. */
  session: {
    id: string;
    userId: string;
    refreshTokenHash: string;
    createdAt: Date;
    lastUsedAt: Date;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  };
  /** RFC 8176 `amr` values, stored as JSON. */
  authMethods: string[];
  /** The sign-in's instant: the user's lastLoginAt and the audit row's createdAt. */
  now: Date;
  /** The audit row, as auditRow builds it, about the session's user and by them. */
  audit: { type: string; ip: string | null; userAgent: string | null; metadata: string };
  /** What the other instances are told (encodeChange). */
  notify: string;
}

/**
 * Writes the session, the user's lastLoginAt and the audit row, and notifies the other instances,
 * in one statement; answers the session and the updated user. Throws if any of it fails (nothing is
 * then written), e.g. if the user was deleted meanwhile.
 */
export async function writeSignIn(prisma: PrismaClient, rows: SignInRows): Promise<{ session: Session; user: User }> {
  const { session: s, audit, now } = rows;
  const [row] = await driverQuery(prisma, SIGN_IN, [
    s.id,
    s.userId,
    s.refreshTokenHash,
    s.createdAt,
    s.lastUsedAt,
    s.expiresAt,
    s.ip,
    s.userAgent,
    JSON.stringify(rows.authMethods),
    now,
    // What Prisma writes for @updatedAt: the wall clock at the write.
    new Date(),
    uuidv7(now.getTime()),
    audit.type,
    audit.ip,
    audit.userAgent,
    audit.metadata,
    rows.notify,
  ]);
  if (!row) throw new Error('the sign-in statement answered no row');
  const { user, ...session } = sessionWithUser(row);
  return { session, user };
}
