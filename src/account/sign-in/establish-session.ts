/**
 * The last step of every sign-in: the session row, the user's lastLoginAt, the audit row and any
 * writes the caller brings (a rehashed password, a used challenge) in one batch, then the tokens.
 * On PostgreSQL a sign-in that brings no writes of its own sends one statement instead
 * (../../auth/sessions/sign-in-statement-postgresql.ts).
 */
import type { Prisma, Session, User } from '../../generated/sqlite/client.js';
import { auditRow } from '../../audit/record.js';
import { authStateChanged, authStateChangedInStatement, encodeChange } from '../../auth/cache/invalidate.js';
import { newSession, type DeviceInfo } from '../../auth/sessions/create-session.js';
import { writeSignIn } from '../../auth/sessions/sign-in-statement-postgresql.js';
import { issueAccessToken } from '../../auth/tokens/issue-access-token.js';
import type { AuthMethod } from '../../auth/mfa/methods.js';
import type { Deps } from '../../deps.js';
import type { SignedIn } from './result.js';
import { webhookBatchWrites } from '../../webhooks/enqueue.js';

export interface EstablishOptions {
  /** How the person proved who they are, in order (Session.authMethods, the audit row). */
  authMethods: AuthMethod[];
  /** Extra changes to the user row (a rehashed password, a verified email). */
  userData?: Prisma.UserUpdateInput;
  /** Extra writes of the same batch. */
  writes?: (now: Date) => Prisma.PrismaPromise<unknown>[];
}

export async function establishSession(deps: Deps, user: User, device: DeviceInfo, options: EstablishOptions): Promise<SignedIn> {
  // One batch, not an interactive transaction: the writes go together without holding the
  // database between event-loop turns (SQLite's single connection waits for it).
  const now = deps.clock.now();
  const { data, refreshToken, refreshTokenExpiresAt } = newSession(deps, user.id, device);
  const webhook = await webhookBatchWrites(
    deps.prisma,
    'session.created',
    { userId: user.id, sessionId: data.id, authMethods: options.authMethods },
    now,
    deps.authCache,
  );
  const audit = auditRow({ type: 'auth.login_succeeded', userId: user.id, ...device, metadata: { sessionId: data.id, methods: options.authMethods } }, now);
  const change = { userId: user.id };
  const extra = options.writes?.(now) ?? [];
  let session: Session;
  let updated: User;
  if (deps.config.database.provider === 'postgresql' && !options.userData && extra.length === 0 && webhook.length === 0) {
    // The common sign-in: one statement, one round trip (sign-in-statement-postgresql.ts), the NOTIFY in it.
    ({ session, user: updated } = await writeSignIn(deps.prisma, {
      session: data,
      authMethods: options.authMethods,
      now,
      audit,
      notify: encodeChange(change),
    }));
    authStateChangedInStatement(deps, change);
  } else {
    [session, updated] = await deps.prisma.$transaction([
      deps.prisma.session.create({ data: { ...data, authMethods: JSON.stringify(options.authMethods) } }),
      deps.prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: now, ...options.userData } }),
      deps.prisma.auditEvent.create({ data: audit }),
      ...extra,
      ...webhook,
    ]);
    // lastLoginAt (and a rehashed password) changed the row the session cache holds for other sessions.
    await authStateChanged(deps, deps.prisma, change);
  }
  const access = await issueAccessToken(deps, updated, session.id);
  return { kind: 'signed_in', session, user: updated, accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, refreshTokenExpiresAt };
}
