/**
 * Users and sessions made directly in the database, for tests that need someone to act as.
 */
import { randomUUID } from 'node:crypto';
import { createSession, type SessionTokens } from '../../src/auth/sessions/create-session.js';
import type { Deps } from '../../src/deps.js';
import type { User } from '../../src/generated/sqlite/client.js';

export interface UserOverrides {
  email?: string;
  password?: string | null;
  firstName?: string;
  lastName?: string;
  username?: string | null;
  isActive?: boolean;
  isStaff?: boolean;
  isSuperuser?: boolean;
  verified?: boolean;
  role?: 'USER' | 'STAFF' | 'ADMIN';
}

export const DEFAULT_PASSWORD = 'correct horse battery staple';

export async function createUser(deps: Deps, overrides: UserOverrides = {}): Promise<User> {
  const password = overrides.password === undefined ? DEFAULT_PASSWORD : overrides.password;
  const isStaff = overrides.isStaff ?? false;
  const isSuperuser = overrides.isSuperuser ?? false;
  return deps.prisma.user.create({
    data: {
      email: overrides.email ?? `user-${randomUUID().slice(0, 8)}@example.com`,
      username: overrides.username ?? null,
      firstName: overrides.firstName ?? 'Ada',
      lastName: overrides.lastName ?? 'Lovelace',
      passwordHash: password === null ? null : await deps.passwords.hash(password),
      isActive: overrides.isActive ?? true,
      isStaff,
      isSuperuser,
      role: overrides.role ?? (isSuperuser ? 'ADMIN' : isStaff ? 'STAFF' : 'USER'),
      emailVerifiedAt: overrides.verified === false ? null : deps.clock.now(),
    },
  });
}

/** A user with a live session; `accessToken` is ready for an Authorization header. */
export async function signedInUser(deps: Deps, overrides: UserOverrides = {}): Promise<{ user: User } & SessionTokens> {
  const user = await createUser(deps, overrides);
  const tokens = await createSession(deps, user.id, { ip: '127.0.0.1', userAgent: 'vitest' });
  return { user, ...tokens };
}
