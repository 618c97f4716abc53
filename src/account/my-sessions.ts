/**
 * A user's own devices: list them, sign out of this one, of all, or of one other.
 */
import type { Session } from '../generated/sqlite/client.js';
import { recordAudit } from '../audit/record.js';
import { fieldError, GatehouseError, messageText } from '../errors.js';
import type { Deps } from '../deps.js';
import type { Viewer } from '../auth/sessions/authenticate.js';
import type { DeviceInfo } from '../auth/sessions/create-session.js';
import { revokeSessions } from '../auth/sessions/revoke.js';
import { requirePassword } from '../auth/require-password.js';

/** Revokes the viewer's current session. */
export async function logout(deps: Deps, viewer: Viewer, device: DeviceInfo): Promise<void> {
  await deps.prisma.$transaction(async (tx) => {
    const now = deps.clock.now();
    await revokeSessions(deps, { userId: viewer.user.id, id: viewer.session.id }, 'logout', tx);
    await recordAudit(tx, { type: 'auth.logout', userId: viewer.user.id, ...device, metadata: { sessionId: viewer.session.id } }, now);
  });
}

/**
 * Revokes every live session of the viewer, this one included; returns how many. Needs the
 * password: a stolen access token alone must not be able to sign the owner out everywhere.
 * @throws GatehouseError INVALID_CREDENTIALS (field password)
 */
export async function logoutAll(deps: Deps, viewer: Viewer, password: string, device: DeviceInfo): Promise<number> {
  await requirePassword(deps, viewer.user.id, password, device);
  return deps.prisma.$transaction(async (tx) => {
    const now = deps.clock.now();
    const count = await revokeSessions(deps, { userId: viewer.user.id }, 'logout_all', tx);
    await recordAudit(tx, { type: 'auth.logout_all', userId: viewer.user.id, ...device, metadata: { count } }, now);
    return count;
  });
}

/**
 * Revokes one live session of the viewer's (another device, or this one). Another device needs
 * the password (a fresh proof: whoever stole this session must not sign the owner's other devices
 * out); signing this one out does not, it is `logout`.
 * @throws GatehouseError INVALID_CREDENTIALS (field password), NOT_FOUND when it is not one of the
 * viewer's live sessions.
 */
export async function revokeSession(deps: Deps, viewer: Viewer, sessionId: string, password: string | null, device: DeviceInfo): Promise<void> {
  if (sessionId !== viewer.session.id) {
    if (password === null) {
      throw new GatehouseError('INVALID_CREDENTIALS', {
        message: messageText('passwordRequiredToSignOut'),
        fields: [fieldError('password', 'password_required', 'passwordRequiredToSignOut')],
      });
    }
    await requirePassword(deps, viewer.user.id, password, device);
  }
  await deps.prisma.$transaction(async (tx) => {
    const now = deps.clock.now();
    const count = await revokeSessions(deps, { userId: viewer.user.id, id: sessionId }, 'revoked_by_user', tx);
    if (count === 0) throw new GatehouseError('NOT_FOUND', { message: messageText('noSuchSession') });
    await recordAudit(tx, { type: 'auth.session_revoked', userId: viewer.user.id, ...device, metadata: { sessionId } }, now);
  });
}

/** The viewer's live sessions, most recently used first: at most `take` of them. */
export async function mySessions(deps: Deps, viewer: Viewer, take: number): Promise<Session[]> {
  return deps.prisma.session.findMany({
    where: { userId: viewer.user.id, revokedAt: null, expiresAt: { gt: deps.clock.now() } },
    orderBy: [{ lastUsedAt: 'desc' }, { id: 'desc' }],
    take,
  });
}
