/**
 * Issuing an access token for a session, with the optional claims of JWT_INCLUDE_CLAIMS (role,
 * groups, permissions) loaded at sign time. Both session creation and refresh call this, so every
 * token carries the same claims.
 */
import type { PrismaClient } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { loadEffectiveAccess } from '../permissions/effective.js';
import type { IssuedAccessToken } from './access-token.js';
import { attributeClaims } from '../../users/attributes.js';

/** What the claims are computed from; pass the row you already have to save a query. */
export interface TokenUser {
  id: string;
  role: string;
  isActive: boolean;
  isSuperuser: boolean;
  /** The stored custom attributes; loaded when absent and USER_ATTRIBUTES_SCHEMA marks claims. */
  attributes?: string;
}

/**
 * Signs an access token for `user` (a row, or an id to load) in session `sessionId`.
 * @param db the client or transaction to read the user's groups and permissions through.
 */
export async function issueAccessToken(
  deps: Pick<Deps, 'config' | 'clock' | 'accessTokens' | 'prisma'>,
  user: TokenUser | string,
  sessionId: string,
  db: Pick<PrismaClient, 'user' | 'permission' | 'group'> = deps.prisma,
): Promise<IssuedAccessToken> {
  const include = deps.config.jwt.includeClaims;
  const userId = typeof user === 'string' ? user : user.id;
  const attributeConfig = deps.config.accounts.attributes;
  const wantsAttributes = (attributeConfig?.claims.length ?? 0) > 0;
  if (include.length === 0 && !wantsAttributes) return deps.accessTokens.sign({ userId, sessionId }, deps.clock.now());

  const row =
    typeof user === 'string'
      ? await db.user.findUniqueOrThrow({
          where: { id: user },
          select: { id: true, role: true, isActive: true, isSuperuser: true, attributes: wantsAttributes },
        })
      : user;
  const claims: Record<string, unknown> = {};
  if (wantsAttributes) {
    const stored = row.attributes ?? (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { attributes: true } })).attributes;
    // Bounded: only the `x-gatehouse-claim` attributes, whose JSON every write keeps under CLAIMS_MAX_BYTES.
    const attrs = attributeClaims(attributeConfig, stored);
    if (attrs) claims.attrs = attrs;
  }
  if (include.includes('role')) claims.role = row.role;
  if (include.includes('groups') || include.includes('permissions')) {
    const access = await loadEffectiveAccess(db, row);
    // Sorted, so equal access gives equal tokens and diffs read well.
    if (include.includes('groups')) claims.groups = [...access.groups].sort();
    if (include.includes('permissions')) claims.permissions = [...access.permissions].sort();
  }
  return deps.accessTokens.sign({ userId, sessionId }, deps.clock.now(), claims);
}
