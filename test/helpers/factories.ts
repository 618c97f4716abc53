/**
 * Users and sessions made directly in the database, for tests that need someone to act as.
 */
import { randomUUID } from 'node:crypto';
import { createSession, type SessionTokens } from '../../src/auth/sessions/create-session.js';
import type { Deps } from '../../src/deps.js';
import type { User } from '../../src/generated/sqlite/client.js';
import { joinRoot } from '../../src/admin/create-user.js';
import { resolveFlags } from '../../src/users/role.js';

export interface UserOverrides {
  /** Null: an account without an address (usernames sign in); give it a username. */
  email?: string | null;
  password?: string | null;
  firstName?: string;
  lastName?: string;
  username?: string | null;
  isActive?: boolean;
  isStaff?: boolean;
  isSuperuser?: boolean;
  verified?: boolean;
}

/** The one password test accounts are made with. */
export const PASSWORD = 'correct horse battery staple';

/**
 * A user row as the domain would make it: flags and role through the same rule the admin API uses
 * (a superuser is staff, and a member of Root), so a test cannot start from a state Gatehouse forbids.
 */
/** A user with an address: what every factory account has unless made with `email: null`. */
export type UserWithEmail = User & { email: string };

export async function createUser(deps: Deps, overrides?: UserOverrides & { email?: string }): Promise<UserWithEmail>;
export async function createUser(deps: Deps, overrides: UserOverrides): Promise<User>;
export async function createUser(deps: Deps, overrides: UserOverrides = {}): Promise<User> {
  const password = overrides.password === undefined ? PASSWORD : overrides.password;
  const { isStaff, isSuperuser, role } = resolveFlags(
    { isStaff: false, isSuperuser: false },
    { isStaff: overrides.isStaff, isSuperuser: overrides.isSuperuser },
  );
  const user = await deps.prisma.user.create({
    data: {
      email: overrides.email === null ? null : (overrides.email ?? `user-${randomUUID().slice(0, 8)}@example.com`),
      username: overrides.username ?? null,
      firstName: overrides.firstName ?? 'Ada',
      lastName: overrides.lastName ?? 'Lovelace',
      passwordHash: password === null ? null : await deps.passwords.hash(password),
      isActive: overrides.isActive ?? true,
      isStaff,
      isSuperuser,
      role,
      emailVerifiedAt: overrides.verified === false || overrides.email === null ? null : deps.clock.now(),
    },
  });
  if (isSuperuser) await joinRoot(deps.prisma, user.id);
  return user;
}

/** A user with a live session; `accessToken` is ready for an Authorization header. */
export async function signedInUser(deps: Deps, overrides?: UserOverrides & { email?: string }): Promise<{ user: UserWithEmail } & SessionTokens>;
export async function signedInUser(deps: Deps, overrides: UserOverrides): Promise<{ user: User } & SessionTokens>;
export async function signedInUser(deps: Deps, overrides: UserOverrides = {}): Promise<{ user: User } & SessionTokens> {
  const user = await createUser(deps, overrides);
  const tokens = await createSession(deps, user.id, { ip: '127.0.0.1', userAgent: 'vitest' });
  return { user, ...tokens };
}
