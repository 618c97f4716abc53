/**
 * Token introspection for trusted services that prefer asking to verifying (in the spirit of
 * RFC 7662): is this access token good right now, and whose is it? Unlike local verification it
 * also sees logouts, revocations, deactivation and the user's current role, groups and permissions.
 * Bad tokens are an answer (`active: false` with a reason), never an error.
 */
import { authenticate } from '../sessions/authenticate.js';
import { loadEffectiveAccess } from '../permissions/effective.js';
import type { Deps } from '../../deps.js';
import { GatehouseError, type ErrorCode } from '../../errors.js';

export type InactiveReason = 'INVALID' | 'EXPIRED' | 'SESSION_ENDED' | 'ACCOUNT_DISABLED';

export type Introspection =
  | { active: false; reason: InactiveReason }
  | {
      active: true;
      reason: null;
      userId: string;
      sessionId: string;
      email: string | null;
      role: 'USER' | 'STAFF' | 'ADMIN';
      isStaff: boolean;
      isSuperuser: boolean;
      groups: string[];
      permissions: string[];
      issuedAt: Date;
      expiresAt: Date;
    };

/** Far longer than any token Gatehouse issues; bounds the work done on garbage. */
const MAX_TOKEN_LENGTH = 16_384;

const REASONS: Partial<Record<ErrorCode, InactiveReason>> = {
  TOKEN_INVALID: 'INVALID',
  TOKEN_EXPIRED: 'EXPIRED',
  UNAUTHENTICATED: 'SESSION_ENDED',
  ACCOUNT_DISABLED: 'ACCOUNT_DISABLED',
};

export async function introspectAccessToken(
  deps: Pick<Deps, 'prisma' | 'clock' | 'accessTokens' | 'config' | 'authCache'>,
  token: string,
): Promise<Introspection> {
  if (!token || token.length > MAX_TOKEN_LENGTH) return { active: false, reason: 'INVALID' };
  try {
    const { user, session } = await authenticate(deps, token);
    // authenticate returns no claims; verifying again for iat/exp costs microseconds.
    const claims = deps.accessTokens.verify(token, deps.clock.now());
    const access = await deps.authCache.access(user.id, () => loadEffectiveAccess(deps.prisma, user));
    return {
      active: true,
      reason: null,
      userId: user.id,
      sessionId: session.id,
      email: user.email,
      role: user.role,
      isStaff: user.isStaff,
      isSuperuser: user.isSuperuser,
      groups: [...access.groups].sort(),
      permissions: [...access.permissions].sort(),
      issuedAt: new Date(claims.iat * 1000),
      expiresAt: new Date(claims.exp * 1000),
    };
  } catch (error) {
    const reason = error instanceof GatehouseError ? REASONS[error.code] : undefined;
    if (reason) return { active: false, reason };
    throw error;
  }
}
