/**
 * What the tests of refresh rotations sent together share (refresh-group-commit on SQLite,
 * refresh-batch-postgresql): a client that counts statements, sessions to refresh, and the check
 * that every session but a refused one moved to the token its answer carries.
 */
import { expect } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { createApp } from '../../src/server/app.js';
import { tokenDigest } from '../../src/auth/tokens/opaque.js';
import { signedInUser } from './factories.js';
import { createGraphQLClient, errorCode, type GraphQLResult } from './graphql.js';
import type { TestApp } from './test-app.js';

export interface Rotated {
  refreshToken: { refreshToken: string; session: { id: string } };
}

/** The test app's database through a second client that reports every statement's first word. */
export async function countedClient(t: TestApp) {
  const statements: string[] = [];
  const prisma = await openDatabase(t.config.database, { onStatement: (sql) => statements.push(sql.trim().split(/\s/)[0]!.toUpperCase()) });
  return { prisma, statements, client: createGraphQLClient(createApp({ ...t.deps, prisma })) };
}

/** `count` users, each signed in once. */
export async function signedInUsers(t: TestApp, count: number) {
  return Promise.all(Array.from({ length: count }, () => signedInUser(t.deps)));
}

/**
 * Each of `users` refreshed once (`results`, in the same order): rotated to the token its answer
 * carries, except `refused`, which answered INTERNAL_SERVER_ERROR without detail and kept its token.
 */
export async function expectRotatedExcept(
  t: TestApp,
  users: { refreshToken: string; session: { id: string } }[],
  results: GraphQLResult<Rotated>[],
  refused?: { refreshToken: string },
): Promise<void> {
  for (const [i, u] of users.entries()) {
    const row = await t.deps.prisma.session.findUniqueOrThrow({ where: { id: u.session.id } });
    if (u === refused) {
      expect(errorCode(results[i]!)).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(results[i]!.errors)).not.toMatch(/refused by the test|at .*\.ts:\d+/);
      expect(row.refreshTokenHash).toBe(tokenDigest(u.refreshToken));
    } else {
      expect(results[i]!.errors).toBeUndefined();
      expect(row.previousTokenHash).toBe(tokenDigest(u.refreshToken));
      expect(row.refreshTokenHash).toBe(tokenDigest(results[i]!.data!.refreshToken.refreshToken));
    }
  }
}
