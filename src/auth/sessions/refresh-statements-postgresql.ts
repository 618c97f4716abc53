/**
 * Refresh rotations on PostgreSQL, a whole turn's worth in one statement, one round trip (issue 12).
 * On PostgreSQL each statement is a round trip to a server process, and each round trip wakes that
 * process and the server's own write to its socket, which on a refresh cost more of the server's
 * time than the work itself (docs/performance.md). The two statements of refresh-statements.ts
 * (read, then conditional UPDATE) would cost two round trips per refresh; this one reads each
 * presented digest's session joined with its user, rotates each whose common case holds, and
 * answers per input the row it read and whether it rotated. The rotations asked for during one turn
 * of the event loop go in one statement, sent at the end of that turn (../../db/turn-batch.ts).
 *
 * Equivalence with the two statements and the rules between them (src/account/refresh.ts): a
 * session is updated only when the row read passes every check the rules make before rotating (it
 * is the current token, not revoked, `expiresAt` after now, absolute end from `createdAt` after
 * now, user active), and under exactly today's conditions on the live row (`id`, current digest,
 * not revoked; PostgreSQL re-checks these on the newest row version if a concurrent writer got
 * there first). That is today's read-check-update with no gap between read and update, one of the
 * interleavings today's code already allows. When an input did not rotate, the caller applies
 * today's rules to the row it read, which decide every other outcome as before.
 *
 * Inputs of one statement are independent: each reads its own session; two inputs presenting one
 * token read the same row, and `UPDATE … FROM` updates it once, for one of them (RETURNING names
 * which); the other then finds it rotated, as a concurrent refresh with that token does today. If
 * the statement fails (a deadlock between two instances' statements, say), each input is run again
 * in a statement of its own, so one input's failure is never another's.
 *
 * SQLite keeps the two statements: it is in-process, a statement costs no round trip. The
 * parameters are numbered by hand (`$1`…): the statement is PostgreSQL's only, and the driver
 * leaves SQL without `?` as it is.
 */
import type { PrismaClient } from '../../db/client.js';
import { driverQuery, prepared } from '../../db/driver.js';
import { perTurn } from '../../db/turn-batch.js';
import type { Config } from '../../config/index.js';
import type { Session, User } from '../../generated/sqlite/client.js';
import { SESSION_AND_USER, sessionWithUser } from './refresh-statements.js';

// $1 the inputs as a JSON array of { n, presented, next, now, idleEnd, maxLifetime, createdAfter }: n
// numbers the input, next is the successor's digest, idleEnd is now + REFRESH_TOKEN_TTL_SECONDS,
// maxLifetime is SESSION_MAX_LIFETIME_SECONDS, createdAfter is now - maxLifetime. Instants are ISO
// strings in UTC, read as timestamp(3) like the columns (without zone: PostgreSQL drops the Z).
//
// The new expiresAt is sessionExpiry's min(idle end, createdAt + max lifetime) (lifetime.ts). The idle
// end is computed in JS and passed; the absolute end depends on createdAt, which JS has not read yet,
// so it is computed here from the same integer seconds: `timestamp + make_interval(secs => n)` adds n
// whole seconds exactly (PostgreSQL counts microseconds in integers), and createdAt holds whole
// milliseconds, so the sum is the very instant JS's `createdAt + n * 1000` is. The live-session check
// `createdAt + max lifetime > now` is the comparison `createdAt > now - max lifetime`, both sides
// whole milliseconds. test/integration/accounts/refresh-statements.test.ts holds the stored expiresAt
// to sessionExpiry in both regimes (idle end first, absolute end first).
const FIND_AND_ROTATE = prepared(`WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb)
    AS i("n" int, "presented" text, "next" text, "now" timestamp(3), "idleEnd" timestamp(3),
      "maxLifetime" bigint, "createdAfter" timestamp(3))
), found AS (
  SELECT i.*, f.* FROM input i CROSS JOIN LATERAL (
    SELECT ${SESSION_AND_USER}
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."refreshTokenHash" = i."presented" OR s."previousTokenHash" = i."presented"
    LIMIT 1
  ) f
), rotated AS (
  UPDATE "Session" s
  SET "refreshTokenHash" = f."next", "previousTokenHash" = f."presented", "rotatedAt" = f."now", "lastUsedAt" = f."now",
    "expiresAt" = LEAST(f."idleEnd", f."s.createdAt" + make_interval(secs => f."maxLifetime"))
  FROM found f
  WHERE s."id" = f."s.id" AND s."refreshTokenHash" = f."presented" AND s."revokedAt" IS NULL
    AND f."s.refreshTokenHash" = f."presented" AND f."s.revokedAt" IS NULL AND f."s.expiresAt" > f."now"
    AND f."s.createdAt" > f."createdAfter" AND f."u.isActive"
  RETURNING f."n", s."expiresAt"
)
SELECT f.*, r."expiresAt" AS "rotatedExpiresAt" FROM found f LEFT JOIN rotated r ON r."n" = f."n"`);

/** Most inputs in one statement; a larger turn is sent as several. */
const MAX_INPUTS = 100;

export interface FoundAndRotated {
  /** The session as read, before any rotation, with its user. */
  session: Session & { user: User };
  /** The session's new expiresAt if this statement rotated it to `nextDigest`, else null. */
  rotatedExpiresAt: Date | null;
}

interface Input {
  presented: string;
  next: string;
  now: string;
  idleEnd: string;
  maxLifetime: number;
  createdAfter: string;
}

interface Pending {
  input: Input;
  resolve(found: FoundAndRotated | null): void;
  reject(error: unknown): void;
}

/**
 * The session whose current or previous refresh token has digest `presented`, with its user; rotated
 * to `nextDigest` at `now` (previous digest `presented`, sliding expiry) if it is the current token
 * of a live session of an active user. Null if no session has that digest.
 */
export function findAndRotateSession(
  prisma: PrismaClient,
  config: Pick<Config, 'tokens' | 'sessions'>,
  presented: string,
  nextDigest: string,
  now: Date,
): Promise<FoundAndRotated | null> {
  const maxLifetime = config.sessions.maxLifetimeSeconds;
  const input: Input = {
    presented,
    next: nextDigest,
    now: now.toISOString(),
    idleEnd: new Date(now.getTime() + config.tokens.refreshTtlSeconds * 1000).toISOString(),
    maxLifetime,
    createdAfter: new Date(now.getTime() - maxLifetime * 1000).toISOString(),
  };
  return new Promise((resolve, reject) => inThisTurn(prisma, { input, resolve, reject }));
}

const inThisTurn = perTurn<PrismaClient, Pending>((prisma, pending) => {
  for (let i = 0; i < pending.length; i += MAX_INPUTS) void settle(prisma, pending.slice(i, i + MAX_INPUTS));
});

async function settle(prisma: PrismaClient, pending: Pending[]): Promise<void> {
  let answers: (FoundAndRotated | null)[];
  try {
    answers = await run(prisma, pending);
  } catch (error) {
    if (pending.length === 1) return pending[0]!.reject(error);
    // Each alone, with its own outcome.
    for (const p of pending) void settle(prisma, [p]);
    return;
  }
  pending.forEach((p, i) => p.resolve(answers[i]!));
}

async function run(prisma: PrismaClient, pending: Pending[]): Promise<(FoundAndRotated | null)[]> {
  const inputs = pending.map((p, n) => ({ n, ...p.input }));
  const rows = await driverQuery(prisma, FIND_AND_ROTATE, [JSON.stringify(inputs)]);
  const answers: (FoundAndRotated | null)[] = pending.map(() => null);
  for (const row of rows) answers[row['n'] as number] = { session: sessionWithUser(row), rotatedExpiresAt: (row['rotatedExpiresAt'] as Date | null) ?? null };
  return answers;
}
