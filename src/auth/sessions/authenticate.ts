/**
 * Turns a presented access token into the signed-in viewer, checked against its session on every
 * request so a logout, revocation or deactivation takes effect at once: one indexed lookup.
 */
import type { Session, User } from '../../generated/sqlite/client.js';
import { GatehouseError } from '../../errors.js';
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
export async function authenticate(deps: Pick<Deps, 'prisma' | 'clock' | 'accessTokens' | 'config'>, token: string): Promise<Viewer> {
  const now = deps.clock.now();
  const claims = deps.accessTokens.verify(token, now);
  const session = await deps.prisma.session.findUnique({ where: { id: claims.sid }, include: { user: true } });
  if (!session || session.userId !== claims.sub) throw new GatehouseError('TOKEN_INVALID', { message: 'The access token is invalid.' });
  if (session.revokedAt || session.expiresAt <= now || absoluteEnd(deps.config, session.createdAt) <= now) {
    throw new GatehouseError('UNAUTHENTICATED', { message: 'The session has ended; sign in again.' });
  }
  if (!session.user.isActive) throw new GatehouseError('ACCOUNT_DISABLED');
  const { user, ...rest } = session;
  return { user, session: rest };
}
