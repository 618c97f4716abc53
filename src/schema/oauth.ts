/**
 * Social and enterprise sign-in (docs/social-sign-in.md): the configured providers, the
 * sign-in flow (start, then complete with what the provider's redirect carried), and the
 * viewer's linked identities.
 */
import { completeOAuthSignIn } from '../account/oauth/complete-sign-in.js';
import { linkOAuthIdentity, startLinkOAuthIdentity, unlinkIdentity } from '../account/oauth/link.js';
import { startOAuth, type OAuthAuthorization } from '../account/oauth/start.js';
import { adminUnlinkIdentity } from '../admin/identities.js';
import { actorOf } from './admin/actor.js';
import type { OAuthProviderConfig } from '../config/oauth-providers.js';
import { builder, staffWith } from './builder.js';
import { deviceOf } from './device.js';
import { firstDescription, LIST_SIZES, listSize, takeOf } from './list-size.js';
import { deliverSignIn, SignInResultType } from './sign-in-result.js';
import { UserType } from './user.js';

const OAuthProviderType = builder.objectRef<OAuthProviderConfig>('OAuthProvider').implement({
  description: 'A provider people may sign in with, as a login page shows it.',
  fields: (t) => ({
    id: t.exposeString('id', { description: 'What startOAuthSignIn takes.' }),
    name: t.exposeString('name', { description: 'Display name, e.g. "Google".' }),
    kind: t.exposeString('preset', { description: '`google`, `microsoft`, `github`, `gitlab` or `oidc` (any OpenID Connect provider): for choosing an icon.' }),
    allowsRegistration: t.boolean({
      description: 'Someone without an account gets one by signing in here (never while REGISTRATION_MODE is not open).',
      resolve: (provider, _args, context) => provider.allowRegistration && context.deps.config.accounts.registrationMode === 'open',
    }),
  }),
});

const OAuthAuthorizationType = builder.objectRef<OAuthAuthorization>('OAuthAuthorization').implement({
  description:
    'Where to send the browser. Keep `state` (e.g. in sessionStorage); when the provider redirects back, check that its `state` is the one kept, then send `state`, `code` (and `iss` when present) to completeOAuthSignIn or linkOAuthIdentity before expiresAt.',
  fields: (t) => ({
    authorizationUrl: t.exposeString('authorizationUrl'),
    state: t.exposeString('state'),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
  }),
});

export const IdentityType = builder.prismaObject('Identity', {
  description: 'An account at a sign-in provider linked to this account.',
  fields: (t) => ({
    id: t.exposeID('id'),
    provider: t.exposeString('provider', { description: 'The provider id (OAuthProvider.id).' }),
    providerName: t.string({
      description: "The provider's display name (its id when it is no longer configured).",
      resolve: (identity, _args, context) => context.deps.config.oauth.providers.find((p) => p.id === identity.provider)?.name ?? identity.provider,
    }),
    email: t.exposeString('email', { nullable: true, description: 'The address the provider gave at the last sign-in.' }),
    emailVerified: t.exposeBoolean('emailVerified'),
    linkedAt: t.expose('linkedAt', { type: 'DateTime' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true }),
  }),
});

builder.prismaObjectField(UserType, 'identities', (t) =>
  t.relation('identities', {
    description: 'Linked sign-in identities: on the viewer themself, and for staff who may read users.',
    args: { first: t.arg.int({ description: firstDescription(LIST_SIZES.identities) }) },
    extensions: listSize(LIST_SIZES.identities),
    query: (args) => ({ orderBy: { linkedAt: 'asc' }, take: takeOf(args.first, LIST_SIZES.identities) }),
  }),
);

const callbackArgs = (t: Parameters<Parameters<typeof builder.mutationField>[1]>[0]) => ({
  state: t.arg.string({ required: true, description: 'The `state` the provider sent back.' }),
  code: t.arg.string({ required: true, description: 'The `code` the provider sent back.' }),
  iss: t.arg.string({ required: false, description: 'The `iss` the provider sent back, if any (RFC 9207).' }),
});

builder.queryField('oauthProviders', (t) =>
  t.field({
    type: [OAuthProviderType],
    description: 'The providers a login page should offer.',
    authScopes: { public: true },
    extensions: listSize(LIST_SIZES.oauthProviders),
    resolve: (_root, _args, context) => context.deps.config.oauth.providers,
  }),
);

builder.queryField('myIdentities', (t) =>
  t.prismaField({
    type: ['Identity'],
    description: 'My linked sign-in identities, oldest first.',
    authScopes: { authenticated: true },
    args: { first: t.arg.int({ description: firstDescription(LIST_SIZES.identities) }) },
    extensions: listSize(LIST_SIZES.identities),
    resolve: (query, _root, args, context) =>
      context.deps.prisma.identity.findMany({
        ...query,
        where: { userId: context.viewer!.user.id },
        orderBy: { linkedAt: 'asc' },
        take: takeOf(args.first, LIST_SIZES.identities),
      }),
  }),
);

builder.mutationField('startOAuthSignIn', (t) =>
  t.field({
    type: OAuthAuthorizationType,
    description:
      "Starts signing in with a provider: the URL to send the browser to. `redirectUri` must be one of the provider's configured redirect URIs, exactly (VALIDATION_FAILED otherwise).",
    authScopes: { public: true },
    args: { provider: t.arg.string({ required: true }), redirectUri: t.arg.string({ required: true }) },
    resolve: (_root, args, context) => startOAuth(context.deps, { ...args, intent: 'sign_in', userId: null }, deviceOf(context)),
  }),
);

builder.mutationField('completeOAuthSignIn', (t) =>
  t.field({
    type: SignInResultType,
    description:
      'Finishes a sign-in with what the provider sent back: an AuthPayload, or an MfaChallenge when the account has a second factor. A new identity opens the account with its verified email only where the provider is trusted for linking (else OAUTH_ACCOUNT_EXISTS: sign in and link), or creates one where the provider allows registration. In cookie mode sets the auth cookies.',
    authScopes: { public: true },
    args: callbackArgs(t),
    resolve: async (_root, args, context) => deliverSignIn(context, await completeOAuthSignIn(context.deps, args, deviceOf(context))),
  }),
);

builder.mutationField('startLinkOAuthIdentity', (t) =>
  t.field({
    type: OAuthAuthorizationType,
    description:
      'Starts linking an account at a provider to mine. Needs a fresh proof: signed in or reauthenticated within REAUTH_WINDOW_SECONDS, or `password` or `code`.',
    authScopes: { authenticated: true },
    args: {
      provider: t.arg.string({ required: true }),
      redirectUri: t.arg.string({ required: true }),
      password: t.arg.string({ required: false, description: 'My current password.' }),
      code: t.arg.string({ required: false, description: 'A code from my authenticator app, or a recovery code.' }),
    },
    resolve: (_root, args, context) =>
      startLinkOAuthIdentity(context.deps, context.viewer!, { provider: args.provider, redirectUri: args.redirectUri }, args, deviceOf(context)),
  }),
);

builder.mutationField('linkOAuthIdentity', (t) =>
  t.prismaField({
    type: 'Identity',
    description: 'Finishes linking with what the provider sent back (from the account that started it). Emails a notice.',
    authScopes: { authenticated: true },
    args: callbackArgs(t),
    resolve: (_query, _root, args, context) => linkOAuthIdentity(context.deps, context.viewer!, args, deviceOf(context)),
  }),
);

builder.mutationField('unlinkIdentity', (t) =>
  t.boolean({
    description:
      'Removes one of my linked identities. Refused (OAUTH_LAST_SIGN_IN_METHOD) when the account has no password, no passkey and no other identity. Needs a fresh proof, like startLinkOAuthIdentity.',
    authScopes: { authenticated: true },
    args: {
      id: t.arg.id({ required: true }),
      password: t.arg.string({ required: false, description: 'My current password.' }),
      code: t.arg.string({ required: false, description: 'A code from my authenticator app, or a recovery code.' }),
    },
    resolve: async (_root, args, context) => {
      await unlinkIdentity(context.deps, context.viewer!, args.id, args, deviceOf(context));
      return true;
    },
  }),
);

builder.mutationField('adminUnlinkIdentity', (t) =>
  t.boolean({
    description:
      "Removes a user's linked identity (staff holding users.change_user; a superuser's only by a superuser). May remove the last way in: the owner is emailed and can reset the password.",
    authScopes: staffWith('users.change_user'),
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, context) => {
      await adminUnlinkIdentity(context.deps, await actorOf(context), args.id);
      return true;
    },
  }),
);
