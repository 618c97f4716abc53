/**
 * Turns a presented access token into the signed-in viewer, checked against its session on every
 * request so a logout, revocation or deactivation takes effect: one indexed lookup, or the
 * session cache (../cache/auth-cache.ts), which every such write invalidates (../cache/invalidate.ts).
 */
import type { Session, User } from '../../generated/sqlite/client.js';
import { GatehouseError, messageText } from '../../errors.js';
import type { Deps } from '../../deps.js';
import { absoluteEnd } from './lifetime.js';

export interface Viewer {
  user: User;
  session: Session;
}

/**
 * @throws GatehouseError TOKEN_INVALID / TOKEN_EXPIRED for a bad token, UNAUTHENTICATED for a
 * session that is revoked or expired, ACCOUNT_DISABLED for an inactive user.
 */
export async function authenticate(deps: Pick<Deps, 'prisma' | 'clock' | 'accessTokens' | 'config' | 'authCache'>, token: string): Promise<Viewer> {
  const now = deps.clock.now();
  const claims = deps.accessTokens.verify(token, now);
  let viewer = await deps.authCache.viewer(claims.sid, () => loadViewer(deps, claims.sid));
  // A cached row past its expiry may be stale the other way (a refresh on another instance slid
  // expiresAt): the database decides.
  if (viewer && viewer.session.expiresAt <= now) {
    deps.authCache.forgetSession(claims.sid);
    viewer = await loadViewer(deps, claims.sid);
  }
  if (!viewer || viewer.session.userId !== claims.sub) throw new GatehouseError('TOKEN_INVALID', { message: messageText('accessTokenInvalid') });
  const { session, user } = viewer;
  if (session.revokedAt || session.expiresAt <= now || absoluteEnd(deps.config, session.createdAt) <= now) {
    throw new GatehouseError('UNAUTHENTICATED', { message: messageText('sessionEnded') });
  }
  if (!user.isActive) throw new GatehouseError('ACCOUNT_DISABLED');
  return viewer;
}

/** The session with its user (ended ones too: every change of either invalidates the cached copy). */
async function loadViewer(deps: Pick<Deps, 'prisma'>, sessionId: string): Promise<Viewer | null> {
  const row = await deps.prisma.session.findUnique({ where: { id: sessionId }, include: { user: true } });
  if (!row) return null;
  const { user, ...session } = row;
  return { user, session };
}
