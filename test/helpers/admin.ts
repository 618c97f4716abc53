/**
 * Staff and superusers for admin tests: a signed-in user with direct permissions.
 */
import type { Deps } from '../../src/deps.js';
import { createSession } from '../../src/auth/sessions/create-session.js';
import { createUser, signedInUser, type UserOverrides } from './factories.js';

/** A signed-in staff member holding exactly `codenames` (directly). */
export async function signedInStaff(deps: Deps, codenames: readonly string[], overrides: UserOverrides & { email?: string } = {}) {
  const signedIn = await signedInUser(deps, { isStaff: true, ...overrides });
  await grant(deps, signedIn.user.id, codenames);
  return signedIn;
}

/** Gives a user direct permissions by codename. */
export async function grant(deps: Deps, userId: string, codenames: readonly string[]): Promise<void> {
  for (const codename of codenames) {
    const permission = await deps.prisma.permission.findUniqueOrThrow({ where: { codename } });
    await deps.prisma.userPermission.create({ data: { userId, permissionId: permission.id } });
  }
}

/** A fresh session (and access token) for an existing user. */
export async function newToken(deps: Deps, userId: string): Promise<string> {
  return (await createSession(deps, userId, { ip: '127.0.0.1', userAgent: 'vitest' })).accessToken;
}

export { createUser };
