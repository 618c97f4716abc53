/**
 * The GraphQL schema. Each domain file registers its types and root fields on the builder when
 * imported; this module exports the schema and nothing else.
 */
import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.js';
import './account.js';
import './sessions.js';
import './sign-in.js';
import './email-sign-in.js';
import './second-factors.js';
import './passkeys.js';
import './oauth.js';
import './token-introspection.js';
import './user.js';
import './access.js';
import './admin/types.js';
import './admin/users.js';
import './admin/user-mfa.js';
import './admin/groups.js';
import './admin/permissions.js';
import './admin/audit.js';
import './admin/webhooks.js';

export const schema = lexicographicSortSchema(builder.toSchema());
