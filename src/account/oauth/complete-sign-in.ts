/**
 * Completing a sign-in with a provider. The identity (provider, subject) decides the account:
 *
 * - linked already: that account (a second factor still applies: afterFirstFactor);
 * - new, and an account has the same email: linked only when the provider asserts the email as
 *   verified AND is configured `trustEmailForLinking` AND the account's own email is verified
 *   (otherwise someone who registered the victim's address first, unverified, would inherit the
 *   victim's sign-ins); else OAUTH_ACCOUNT_EXISTS: sign in to it and link;
 * - new, no such account: created only when the provider `allowRegistration`s and gave a
 *   verified email (an unverified one may be someone else's, who could later reset the password
 *   of an account the attacker's identity still opens).
 */
import { randomUUID } from 'node:crypto';
import { enqueueWebhook, webhookBatchWrites } from '../../webhooks/enqueue.js';
import { webhookUser, type IdentityLinkVia } from '../../webhooks/events.js';
import type { Prisma, User } from '../../generated/sqlite/client.js';
import { auditRow, recordAudit } from '../../audit/record.js';
import type { DeviceInfo } from '../../auth/sessions/create-session.js';
import { NAME_MAX_LENGTH } from '../../config/profile-fields.js';
import type { OAuthProviderConfig } from '../../config/oauth-providers.js';
import { uniqueViolationField } from '../../db/unique-violation.js';
import type { Deps } from '../../deps.js';
import { GatehouseError } from '../../errors.js';
import { noticeRows } from '../../mail/outbox.js';
import { awaitsEmailVerification } from '../../users/verification.js';
import type { ProviderProfile } from '../../oauth/profile.js';
import { rethrowTaken } from '../../users/account-errors.js';
import { lookupEmail } from '../../users/email-input.js';
import { afterFirstFactor } from '../sign-in/after-first-factor.js';
import type { SignInResult } from '../sign-in/result.js';
import { providerAnswer, type OAuthCallback } from './provider-answer.js';

/**
 * @throws GatehouseError OAUTH_STATE_INVALID, OAUTH_PROVIDER_ERROR, OAUTH_PROVIDER_UNAVAILABLE, OAUTH_ACCOUNT_EXISTS,
 *   OAUTH_REGISTRATION_DISABLED, OAUTH_EMAIL_NOT_VERIFIED, ACCOUNT_DISABLED, EMAIL_NOT_VERIFIED, RATE_LIMITED, CONFLICT
 */
export async function completeOAuthSignIn(deps: Deps, callback: OAuthCallback, device: DeviceInfo): Promise<SignInResult> {
  const { provider, profile } = await providerAnswer(deps, callback, 'sign_in', null, device);
  const refuse = async (code: ConstructorParameters<typeof GatehouseError>[0], reason: string, userId: string | null = null): Promise<never> => {
    await recordAudit(deps.prisma, { type: 'oauth.sign_in_failed', userId, ...device, metadata: { provider: provider.id, reason } }, deps.clock.now());
    throw new GatehouseError(code);
  };
  const email = profile.email ? lookupEmail(profile.email) : null;
  const verifiedEmail = profile.emailVerified ? email : null;

  const identity = await deps.prisma.identity.findUnique({
    where: { provider_subject: { provider: provider.id, subject: profile.subject } },
    include: { user: true },
  });
  if (identity) {
    const user = identity.user;
    if (!user.isActive) return refuse('ACCOUNT_DISABLED', 'account_disabled', user.id);
    // The provider vouching for the account's own address counts as verifying it. Both null is no
    // match: an account without an address (usernames sign in) is not "verified" by a provider that gave none.
    const confirmsEmail = !user.emailVerifiedAt && verifiedEmail !== null && verifiedEmail === user.email;
    if (awaitsEmailVerification(deps.config.accounts.requireEmailVerification, user) && !confirmsEmail)
      return refuse('EMAIL_NOT_VERIFIED', 'email_not_verified', user.id);
    return signIn(deps, user, device, {
      ...(confirmsEmail ? { userData: { emailVerifiedAt: deps.clock.now() } } : {}),
      writes: (now) => [
        deps.prisma.identity.update({
          where: { id: identity.id },
          data: { lastUsedAt: now, email: profile.email, emailVerified: profile.emailVerified },
        }),
        deps.prisma.auditEvent.create({
          data: auditRow({ type: 'oauth.sign_in_succeeded', userId: user.id, ...device, metadata: { provider: provider.id, identityId: identity.id } }, now),
        }),
      ],
    });
  }

  const existing = email ? await deps.prisma.user.findUnique({ where: { email } }) : null;
  if (existing) {
    const linkable = verifiedEmail !== null && provider.trustEmailForLinking && existing.emailVerifiedAt !== null;
    if (!linkable) return refuse('OAUTH_ACCOUNT_EXISTS', 'account_exists', existing.id);
    if (!existing.isActive) return refuse('ACCOUNT_DISABLED', 'account_disabled', existing.id);
    const link = await linkWrites(deps, existing, provider, profile, device, deps.clock.now(), 'verified_email');
    return signIn(deps, existing, device, { writes: () => link });
  }

  // REGISTRATION_MODE holds for every way in: a provider's allowRegistration cannot open a closed server.
  if (!provider.allowRegistration || deps.config.accounts.registrationMode !== 'open') return refuse('OAUTH_REGISTRATION_DISABLED', 'registration_disabled');
  if (!verifiedEmail) return refuse('OAUTH_EMAIL_NOT_VERIFIED', 'email_not_verified');
  const user = await register(deps, provider, profile, verifiedEmail, device);
  return signIn(deps, user, device, {
    writes: (now) => [
      deps.prisma.auditEvent.create({
        data: auditRow({ type: 'oauth.sign_in_succeeded', userId: user.id, ...device, metadata: { provider: provider.id, registered: true } }, now),
      }),
    ],
  });
}

type SignInExtra = Parameters<typeof afterFirstFactor>[4];

/** afterFirstFactor, with a race on the identity (two completions for one new subject) answered as CONFLICT. */
async function signIn(deps: Deps, user: User, device: DeviceInfo, extra: SignInExtra): Promise<SignInResult> {
  try {
    return await afterFirstFactor(deps, user, device, 'oauth', extra);
  } catch (error) {
    if (uniqueViolationField(error, 'Identity') !== null) throw new GatehouseError('CONFLICT');
    throw error;
  }
}

/**
 * The identity row, its audit row, the notice to the owner and the identity.linked webhook: one
 * batch with the sign-in (or on its own for a link). The id is chosen here so the event can name it.
 */
export async function linkWrites(
  deps: Deps,
  user: User,
  provider: OAuthProviderConfig,
  profile: ProviderProfile,
  device: DeviceInfo,
  now: Date,
  via: IdentityLinkVia,
): Promise<Prisma.PrismaPromise<unknown>[]> {
  const identityId = randomUUID();
  const webhook = await webhookBatchWrites(
    deps.prisma,
    'identity.linked',
    { userId: user.id, identityId, provider: provider.id, via, actor: { kind: 'user', id: user.id } },
    now,
  );
  return [
    deps.prisma.identity.create({
      data: {
        id: identityId,
        userId: user.id,
        provider: provider.id,
        subject: profile.subject,
        email: profile.email,
        emailVerified: profile.emailVerified,
        linkedAt: now,
        lastUsedAt: now,
      },
    }),
    deps.prisma.auditEvent.create({
      data: auditRow({ type: 'oauth.identity_linked', userId: user.id, ...device, metadata: { provider: provider.id, via } }, now),
    }),
    // None for an account without an address (usernames sign in); the audit row above stands.
    ...noticeRows(
      { to: user.email, template: 'identity_linked', payload: { firstName: user.firstName, provider: provider.name, email: profile.email } },
      now,
    ).map((data) => deps.prisma.outboxEmail.create({ data })),
    ...webhook,
  ];
}

/** A new account, verified by the provider, with no password, and its identity: one transaction. */
async function register(deps: Deps, provider: OAuthProviderConfig, profile: ProviderProfile, email: string, device: DeviceInfo): Promise<User> {
  await deps.rateLimits.consume('register', { ip: device.ip });
  const clip = (value: string | null) => (value ?? '').trim().slice(0, NAME_MAX_LENGTH);
  try {
    return await deps.prisma.$transaction(async (tx) => {
      const now = deps.clock.now();
      const user = await tx.user.create({
        data: { email, firstName: clip(profile.givenName), lastName: clip(profile.familyName), emailVerifiedAt: now, createdAt: now },
      });
      const identity = await tx.identity.create({
        data: { userId: user.id, provider: provider.id, subject: profile.subject, email: profile.email, emailVerified: true, linkedAt: now, lastUsedAt: now },
      });
      await recordAudit(tx, { type: 'auth.registered', userId: user.id, ...device, metadata: { method: 'oauth', provider: provider.id } }, now);
      await recordAudit(tx, { type: 'oauth.identity_linked', userId: user.id, ...device, metadata: { provider: provider.id, via: 'registration' } }, now);
      await enqueueWebhook(tx, 'user.created', { user: webhookUser(user), actor: { kind: 'user', id: user.id } }, now);
      await enqueueWebhook(
        tx,
        'identity.linked',
        { userId: user.id, identityId: identity.id, provider: provider.id, via: 'registration', actor: { kind: 'user', id: user.id } },
        now,
      );
      return user;
    });
  } catch (error) {
    if (uniqueViolationField(error, 'Identity') !== null) throw new GatehouseError('CONFLICT');
    rethrowTaken(error);
  }
}
