/**
 * The Session object type: a signed-in device, as its user and admins see it.
 */
import { builder } from './builder.js';

export const SessionType = builder.prismaObject('Session', {
  description: 'A signed-in device. Token digests are never exposed.',
  fields: (t) => ({
    id: t.exposeID('id'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', description: 'Last sign-in or token refresh.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    revokeReason: t.exposeString('revokeReason', { nullable: true }),
    ip: t.exposeString('ip', { nullable: true }),
    userAgent: t.exposeString('userAgent', { nullable: true }),
    current: t.boolean({
      description: 'True for the session of this request.',
      resolve: (session, _args, context) => session.id === context.viewer?.session.id,
    }),
  }),
});
