/**
 * The two statements of a refresh rotation, hand-written (issue 12): Prisma's client spent more
 * on interpreting `findFirst({ include: { user } })` and `updateMany` than the database spent on
 * them. The session is read with its user in one statement (Prisma's include was two), and the
 * rotation is one conditional UPDATE. Both run through Prisma's own driver adapter (src/db/driver.ts).
 * The rows they answer equal what Prisma reads (test/integration/accounts/refresh-statements.test.ts).
 *
 * On SQLite a refresh runs these two: the database is in-process, a statement costs no round trip,
 * and the rules run in JS between them. The UPDATE is committed with the other rotations of the same
 * turn of the event loop (../../db/sqlite-group-commit.ts, through driverExecute). On PostgreSQL, with rotation on, the common case is one
 * statement instead (refresh-statements-postgresql.ts): there, each statement is a round trip to
 * a server process.
 */
import type { PrismaClient } from '../../db/client.js';
import { driverExecute, driverQuery, prepared } from '../../db/driver.js';
import type { Session, User } from '../../generated/sqlite/client.js';

// Every column of each model: the type check fails when the schema gains or loses one (USER_COLUMNS
// is also what registration on PostgreSQL answers, ../../account/register-statement-postgresql.ts).
const SESSION_COLUMNS = Object.keys({
  id: 1,
  userId: 1,
  refreshTokenHash: 1,
  previousTokenHash: 1,
  rotatedAt: 1,
  createdAt: 1,
  lastUsedAt: 1,
  expiresAt: 1,
  revokedAt: 1,
  revokeReason: 1,
  ip: 1,
  userAgent: 1,
  authMethods: 1,
  reauthenticatedAt: 1,
} satisfies Record<keyof Session, 1>);

export const USER_COLUMNS = Object.keys({
  id: 1,
  email: 1,
  username: 1,
  firstName: 1,
  lastName: 1,
  pictureUrl: 1,
  role: 1,
  isActive: 1,
  isStaff: 1,
  isSuperuser: 1,
  emailVerifiedAt: 1,
  passwordHash: 1,
  passwordChangedAt: 1,
  lastLoginAt: 1,
  organizationName: 1,
  organizationType: 1,
  country: 1,
  signatureName: 1,
  signatureRole: 1,
  notes: 1,
  mfaEnabled: 1,
  attributes: 1,
  locale: 1,
  createdAt: 1,
  updatedAt: 1,
} satisfies Record<keyof User, 1>);

/** Every column of session `s` and user `u`, aliased "s.…" and "u.…" (read back by `sessionWithUser`). */
export const SESSION_AND_USER = [...SESSION_COLUMNS.map((c) => `s."${c}" AS "s.${c}"`), ...USER_COLUMNS.map((c) => `u."${c}" AS "u.${c}"`)].join(', ');

// prepared: on PostgreSQL, parsed and planned once per connection (driver.ts).
const SELECT_BY_DIGEST = prepared(`SELECT ${SESSION_AND_USER}
  FROM "Session" s JOIN "User" u ON u."id" = s."userId"
  WHERE s."refreshTokenHash" = ? OR s."previousTokenHash" = ?
  LIMIT 1`);

const ROTATE = prepared(`UPDATE "Session"
  SET "refreshTokenHash" = ?, "previousTokenHash" = ?, "rotatedAt" = ?, "lastUsedAt" = ?, "expiresAt" = ?
  WHERE "id" = ? AND "refreshTokenHash" = ? AND "revokedAt" IS NULL`);

/** [alias, column] pairs, built once: a refresh profile showed the per-row `${prefix}${column}` concatenation. */
const SESSION_ALIASES = SESSION_COLUMNS.map((c) => [`s.${c}`, c] as const);
const USER_ALIASES = USER_COLUMNS.map((c) => [`u.${c}`, c] as const);

function pick<T>(row: Record<string, unknown>, aliases: readonly (readonly [string, string])[]): T {
  const picked: Record<string, unknown> = {};
  for (const [alias, column] of aliases) picked[column] = row[alias];
  return picked as T;
}

/** The session and its user from a row selected with `SESSION_AND_USER`. */
export function sessionWithUser(row: Record<string, unknown>): Session & { user: User } {
  const session = pick<Session & { user: User }>(row, SESSION_ALIASES);
  session.user = pick<User>(row, USER_ALIASES);
  return session;
}

/** The session whose current or previous refresh token has digest `digest`, with its user. */
export async function findSessionByRefreshDigest(prisma: PrismaClient, digest: string): Promise<(Session & { user: User }) | null> {
  const [row] = await driverQuery(prisma, SELECT_BY_DIGEST, [digest, digest]);
  return row ? sessionWithUser(row) : null;
}

export interface Rotation {
  refreshTokenHash: string;
  previousTokenHash: string;
  rotatedAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
}

/**
 * Writes `rotation` to session `id` if its current digest is still `presented` and it is not revoked;
 * answers 1 if it did, 0 if a concurrent refresh or a revocation came first.
 */
export function rotateSession(prisma: PrismaClient, id: string, presented: string, rotation: Rotation): Promise<number> {
  const r = rotation;
  return driverExecute(prisma, ROTATE, [r.refreshTokenHash, r.previousTokenHash, r.rotatedAt, r.lastUsedAt, r.expiresAt, id, presented]);
}
