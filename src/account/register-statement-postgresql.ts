/**
 * A registration's writes on PostgreSQL in one statement, one round trip (issue 12), as the
 * sign-in's (../auth/sessions/sign-in-statement-postgresql.ts). In an interactive transaction they
 * were BEGIN, the user, the verification code, its email, the audit row and COMMIT: six round
 * trips, each a wake-up of a database process on the cores that hash passwords. Here they are
 * data-modifying CTEs of one statement, which is one transaction: all of it or none (a taken
 * address or username fails the whole statement, and no half-written account is left).
 *
 * The ids are made here (uuid v7, as Prisma's default makes them): the code's digest is bound to
 * the user's id, and the emailed link carries the code row's. Columns not written take the
 * schema's defaults (role, the flags, mfaEnabled), as with Prisma's create. The user comes back as
 * Prisma reads it (test/integration/accounts/register-statement.test.ts compares the two).
 *
 * For the common registration only (register.ts decides): one with `user.created` webhook
 * subscribers keeps the transaction. SQLite keeps it too: in-process, a statement costs no round
 * trip, and it has no data-modifying CTEs.
 */
import type { PrismaClient } from '../db/client.js';
import { driverQuery, prepared } from '../db/driver.js';
import { uuidv7 } from '../db/uuid7.js';
import type { User } from '../generated/sqlite/client.js';
import { USER_COLUMNS } from '../auth/sessions/refresh-statements.js';
import { PROFILE_FIELD_NAMES } from '../users/profile-fields.js';

/** The new user's columns, as Prisma's create would be given them (with `id` made by the caller). */
export type NewUserRow = { id: string; email: string | null; attributes: string; passwordHash: string; passwordChangedAt: Date; createdAt: Date } & {
  [K in (typeof PROFILE_FIELD_NAMES)[number]]?: string | null;
};

export interface RegistrationRows {
  user: NewUserRow;
  /** The verification code's row and its email's (absent for an account without an address). */
  verification: { token: Record<(typeof TOKEN)[number], unknown>; email: Omit<Record<(typeof OUTBOX)[number], unknown>, 'id'> } | null;
  audit: Omit<Record<(typeof AUDIT)[number], unknown>, 'id'>;
}

const USER = ['id', 'email', ...PROFILE_FIELD_NAMES, 'attributes', 'passwordHash', 'passwordChangedAt', 'createdAt', 'updatedAt'] as const;
const TOKEN = ['id', 'userId', 'purpose', 'tokenHash', 'payload', 'expiresAt', 'createdAt'] as const;
const OUTBOX = ['id', 'to', 'template', 'payload', 'locale', 'nextAttemptAt', 'createdAt'] as const;
const AUDIT = ['id', 'type', 'userId', 'actorId', 'ip', 'userAgent', 'metadata', 'createdAt'] as const;

/** `INSERT INTO table (columns) VALUES ($from, …)`. */
function insert(table: string, columns: readonly string[], from: number): string {
  return `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((_, i) => `$${from + i}`).join(', ')})`;
}

function statement(verification: boolean): string {
  let next = 1;
  const at = (columns: readonly string[]) => ((next += columns.length), next - columns.length);
  const ctes = [`u AS (${insert('User', USER, at(USER))} RETURNING ${USER_COLUMNS.map((c) => `"${c}"`).join(', ')})`];
  if (verification) ctes.push(`t AS (${insert('OneTimeToken', TOKEN, at(TOKEN))})`, `o AS (${insert('OutboxEmail', OUTBOX, at(OUTBOX))})`);
  ctes.push(`a AS (${insert('AuditEvent', AUDIT, at(AUDIT))})`);
  // The code and audit rows name the user inserted beside them: foreign keys are checked at the
  // statement's end, when it exists.
  return prepared(`WITH ${ctes.join(', ')} SELECT * FROM u`);
}

const WITH_VERIFICATION = statement(true);
const WITHOUT_VERIFICATION = statement(false);

/**
 * Writes the user, their verification code and its email (when they have an address) and the
 * audit row in one statement; answers the user. Throws what the driver throws if any of it fails
 * (nothing is then written): a taken email or username is the adapter's UniqueConstraintViolation
 * (../db/unique-violation.ts reads it).
 */
export async function writeRegistration(prisma: PrismaClient, rows: RegistrationRows): Promise<User> {
  const now = rows.user.createdAt.getTime();
  // What Prisma writes for @updatedAt: the wall clock at the write.
  const user: Record<string, unknown> = { ...rows.user, updatedAt: new Date() };
  const args = USER.map((c) => user[c] ?? null);
  if (rows.verification) {
    const email: Record<string, unknown> = { ...rows.verification.email, id: uuidv7(now) };
    args.push(...TOKEN.map((c) => rows.verification!.token[c] ?? null), ...OUTBOX.map((c) => email[c] ?? null));
  }
  const audit: Record<string, unknown> = { ...rows.audit, id: uuidv7(now) };
  args.push(...AUDIT.map((c) => audit[c] ?? null));
  const [row] = await driverQuery(prisma, rows.verification ? WITH_VERIFICATION : WITHOUT_VERIFICATION, args);
  if (!row) throw new Error('the registration statement answered no row');
  return row as unknown as User;
}
