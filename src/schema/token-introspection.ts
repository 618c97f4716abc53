/**
 * verifyAccessToken: token introspection for trusted services (X-Introspection-Secret).
 */
import { introspectAccessToken, type Introspection } from '../auth/tokens/introspect.js';
import { builder } from './builder.js';
import { Role } from './user.js';

const InactiveReason = builder.enumType('TokenInactiveReason', {
  description: 'Why a token is not active.',
  values: {
    INVALID: { description: 'Malformed, wrongly signed, for another issuer/audience, or its session does not exist.' },
    EXPIRED: { description: 'Past its `exp`; the client should refresh.' },
    SESSION_ENDED: { description: 'Its session was logged out, revoked or has expired.' },
    ACCOUNT_DISABLED: { description: 'Its user is deactivated.' },
  },
});

const TokenIntrospection = builder.objectRef<Introspection>('TokenIntrospection').implement({
  description: 'What Gatehouse knows about an access token right now. Every field but `active` and `reason` is null when inactive.',
  fields: (t) => ({
    active: t.exposeBoolean('active', { description: 'True when the token is valid, unexpired, its session live and its user active.' }),
    reason: t.field({ type: InactiveReason, nullable: true, resolve: (i) => i.reason }),
    userId: t.id({ nullable: true, resolve: (i) => (i.active ? i.userId : null) }),
    sessionId: t.id({ nullable: true, resolve: (i) => (i.active ? i.sessionId : null) }),
    email: t.string({ nullable: true, resolve: (i) => (i.active ? i.email : null) }),
    role: t.field({ type: Role, nullable: true, resolve: (i) => (i.active ? i.role : null) }),
    isStaff: t.boolean({ nullable: true, resolve: (i) => (i.active ? i.isStaff : null) }),
    isSuperuser: t.boolean({ nullable: true, resolve: (i) => (i.active ? i.isSuperuser : null) }),
    groups: t.stringList({ nullable: true, description: 'Current group names (not those at issue time).', resolve: (i) => (i.active ? i.groups : null) }),
    permissions: t.stringList({
      nullable: true,
      description: 'Current permission codenames, direct and through groups. A superuser holds every permission.',
      resolve: (i) => (i.active ? i.permissions : null),
    }),
    issuedAt: t.field({ type: 'DateTime', nullable: true, resolve: (i) => (i.active ? i.issuedAt : null) }),
    expiresAt: t.field({ type: 'DateTime', nullable: true, resolve: (i) => (i.active ? i.expiresAt : null) }),
  }),
});

builder.queryField('verifyAccessToken', (t) =>
  t.field({
    type: TokenIntrospection,
    description: 'For trusted services: whether an access token is active and whose it is. Requires the X-Introspection-Secret header.',
    authScopes: { introspection: true },
    args: { token: t.arg.string({ required: true }) },
    resolve: (_root, { token }, context) => introspectAccessToken(context.deps, token),
  }),
);
