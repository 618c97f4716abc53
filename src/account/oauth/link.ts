/**
 * Linking and unlinking identities while signed in. Adding a way into the account needs a fresh
 * proof (step-up) at the start: a stolen session must not be able to add the thief's Google
 * account as a lasting key. The link is finished only by the user who started it
 * (src/oauth/state.ts). Unlinking is refused when nothing else would open the account.
 */
import type { Identity } from '../../generated/sqlite/client.js';
import { auditRow } from '../../audit/record.js';
import type { Viewer } from '../../auth/sessions/authenticate.js';
import type { DeviceInfo } from '../../auth/sessions/create-session.js';
import { uniqueViolationField } from '../../db/unique-violation.js';
import type { Deps } from '../../deps.js';
import { GatehouseError } from '../../errors.js';
import { noticeRows } from '../../mail/outbox.js';
import { enqueueWebhook } from '../../webhooks/enqueue.js';
import { requireFreshProof, type Proof } from '../step-up.js';
import { linkWrites } from './complete-sign-in.js';
import { providerAnswer, type OAuthCallback } from './provider-answer.js';
import { startOAuth, type OAuthAuthorization } from './start.js';

/** @throws GatehouseError REAUTHENTICATION_REQUIRED, INVALID_CREDENTIALS, INVALID_CODE, and startOAuth's */
export async function startLinkOAuthIdentity(
  deps: Deps,
  viewer: Viewer,
  input: { provider: string; redirectUri: string },
  proof: Proof,
  device: DeviceInfo,
): Promise<OAuthAuthorization> {
  await requireFreshProof(deps, viewer, proof, device);
  return startOAuth(deps, { ...input, intent: 'link', userId: viewer.user.id }, device);
}

/** @throws GatehouseError OAUTH_STATE_INVALID, OAUTH_PROVIDER_ERROR, OAUTH_PROVIDER_UNAVAILABLE, OAUTH_IDENTITY_TAKEN, RATE_LIMITED */
export async function linkOAuthIdentity(deps: Deps, viewer: Viewer, callback: OAuthCallback, device: DeviceInfo): Promise<Identity> {
  const user = viewer.user;
  const { provider, profile } = await providerAnswer(deps, callback, 'link', user.id, device);
  const where = { provider_subject: { provider: provider.id, subject: profile.subject } };
  const existing = await deps.prisma.identity.findUnique({ where });
  if (existing?.userId === user.id) return existing;
  const taken = async () => {
    await deps.prisma.auditEvent.create({
      data: auditRow(
        { type: 'oauth.link_failed', userId: user.id, ...device, metadata: { provider: provider.id, reason: 'identity_taken' } },
        deps.clock.now(),
      ),
    });
    return new GatehouseError('OAUTH_IDENTITY_TAKEN');
  };
  if (existing) throw await taken();
  try {
    await deps.prisma.$transaction(await linkWrites(deps, user, provider, profile, device, deps.clock.now(), 'link'));
  } catch (error) {
    if (uniqueViolationField(error, 'Identity') !== null) throw await taken();
    throw error;
  }
  return deps.prisma.identity.findUniqueOrThrow({ where });
}

/** @throws GatehouseError NOT_FOUND (not one of mine), OAUTH_LAST_SIGN_IN_METHOD, REAUTHENTICATION_REQUIRED, INVALID_CREDENTIALS, INVALID_CODE */
export async function unlinkIdentity(deps: Deps, viewer: Viewer, identityId: string, proof: Proof, device: DeviceInfo): Promise<void> {
  await requireFreshProof(deps, viewer, proof, device);
  const userId = viewer.user.id;
  await deps.prisma.$transaction(async (tx) => {
    const now = deps.clock.now();
    // Writing the user row first locks it (PostgreSQL): two unlinks of one account's last two
    // identities run one after the other, so the second sees the first's deletion.
    const user = await tx.user.update({ where: { id: userId }, data: { updatedAt: now } });
    const identity = await tx.identity.findFirst({ where: { id: identityId, userId } });
    if (!identity) throw new GatehouseError('NOT_FOUND');
    const [others, passkeys] = await Promise.all([tx.identity.count({ where: { userId, id: { not: identity.id } } }), tx.passkey.count({ where: { userId } })]);
    if (!user.passwordHash && passkeys === 0 && others === 0) throw new GatehouseError('OAUTH_LAST_SIGN_IN_METHOD');
    await tx.identity.delete({ where: { id: identity.id } });
    const provider = deps.config.oauth.providers.find((p) => p.id === identity.provider);
    await tx.auditEvent.create({ data: auditRow({ type: 'oauth.identity_unlinked', userId, ...device, metadata: { provider: identity.provider } }, now) });
    await enqueueWebhook(tx, 'identity.unlinked', { userId, identityId: identity.id, provider: identity.provider, actor: { kind: 'user', id: userId } }, now);
    // None for an account without an address (usernames sign in); the audit row above stands.
    for (const data of noticeRows(
      { to: user.email, template: 'identity_unlinked', payload: { firstName: user.firstName, provider: provider?.name ?? identity.provider, byAdmin: false } },
      now,
    ))
      await tx.outboxEmail.create({ data });
  });
}
