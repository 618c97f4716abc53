/**
 * Every root operation, run as each kind of caller, allowed or denied as its row says. One row per
 * root field; a root field without a row fails the suite, so new fields must be added here.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { isObjectType } from 'graphql';
import { schema } from '../../../src/schema/index.js';
import type { Deps } from '../../../src/deps.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { createUser } from '../../helpers/factories.js';
import { newToken, signedInStaff } from '../../helpers/admin.js';

type Caller = 'anonymous' | 'user' | 'unverified' | 'staffWithout' | 'staffWith' | 'superuser';
const CALLERS: Caller[] = ['anonymous', 'user', 'unverified', 'staffWithout', 'staffWith', 'superuser'];

const EVERYONE: Caller[] = CALLERS;
const SIGNED_IN: Caller[] = ['user', 'unverified', 'staffWithout', 'staffWith', 'superuser'];
const STAFF_WITH: Caller[] = ['staffWith', 'superuser'];

interface Row {
  /** `Query.x` or `Mutation.x`. */
  field: string;
  /** What the `staffWith` caller holds. */
  permissions?: string[];
  allowed: Caller[];
  document: string;
  /** Fresh variables for each call (targets are created anew, so destructive rows do not interfere). */
  variables?: (deps: Deps) => Promise<Record<string, unknown>>;
  /**
   * For operations that need a secret the caller cannot have (a code, a password): the business
   * error an allowed caller gets, which proves authorization let it through.
   */
  allowedError?: string;
  /** The code a refused caller gets, when it is not UNAUTHENTICATED / FORBIDDEN by caller kind. */
  deniedCode?: string;
}

const uid = () => randomUUID().slice(0, 8);
const target = async (deps: Deps) => ({ id: (await createUser(deps)).id });
const group = async (deps: Deps) => ({ id: (await deps.prisma.group.create({ data: { name: `g-${uid()}` } })).id });
const customPermission = async (deps: Deps) => ({ id: (await deps.prisma.permission.create({ data: { codename: `app.p_${uid()}` } })).id });

/** A webhook endpoint (secret irrelevant here) with one delivery, for the webhook rows (issue 16). */
const webhookEndpoint = async (deps: Deps) => {
  const endpoint = await deps.prisma.webhookEndpoint.create({ data: { url: 'https://hooks.example/x', eventTypes: '["user.created"]', secretEncrypted: 'x' } });
  const delivery = await deps.prisma.webhookDelivery.create({
    data: { endpointId: endpoint.id, eventId: `evt_${uid()}`, eventType: 'user.created', payload: '{}', status: 'FAILED' },
  });
  return { id: endpoint.id, deliveryId: delivery.id };
};
const WEBHOOK_VIEW = ['webhooks.view_webhookendpoint'];
const WEBHOOK_CHANGE = ['webhooks.change_webhookendpoint'];

const ROWS: Row[] = [
  // The viewer's own account (issue 3): public entry points, and the signed-in user's own data.
  { field: 'Query.authStatus', allowed: EVERYONE, document: '{ authStatus { isAuthenticated } }' },
  { field: 'Query.registrationMode', allowed: EVERYONE, document: '{ registrationMode }' },
  { field: 'Query.passwordPolicy', allowed: EVERYONE, document: '{ passwordPolicy { minLength } }' },
  { field: 'Query.registrationRequiredFields', allowed: EVERYONE, document: '{ registrationRequiredFields }' },
  { field: 'Query.verifyPasswordResetToken', allowed: EVERYONE, document: '{ verifyPasswordResetToken(token: "not-a-token") }' },
  { field: 'Query.mySessions', allowed: SIGNED_IN, document: '{ mySessions { id current } }' },
  {
    field: 'Mutation.register',
    allowed: EVERYONE,
    document: 'mutation ($input: RegisterInput!) { register(input: $input) { user { id } } }',
    variables: async () => ({ input: { email: `reg-${uid()}@example.com`, password: 'plum orchard at dawn 7', firstName: 'Reg', lastName: 'Istered' } }),
  },
  {
    field: 'Mutation.verifyEmail',
    allowed: EVERYONE,
    allowedError: 'INVALID_CODE',
    document: 'mutation { verifyEmail(email: "nobody@example.com", code: "000000") { id } }',
  },
  {
    field: 'Mutation.verifyEmailWithToken',
    allowed: EVERYONE,
    allowedError: 'TOKEN_INVALID',
    document: 'mutation { verifyEmailWithToken(token: "not-a-token") { id } }',
  },
  {
    field: 'Mutation.resendVerificationEmail',
    allowed: EVERYONE,
    document: 'mutation ($email: String!) { resendVerificationEmail(email: $email) }',
    variables: async () => ({ email: `nobody-${uid()}@example.com` }),
  },
  {
    field: 'Mutation.login',
    allowed: EVERYONE,
    allowedError: 'INVALID_CREDENTIALS',
    document: 'mutation ($email: String!) { login(email: $email, password: "wrong password") { ... on AuthPayload { accessToken user { id } } } }',
    variables: async () => ({ email: `nobody-${uid()}@example.com` }),
  },
  {
    field: 'Mutation.refreshToken',
    allowed: EVERYONE,
    allowedError: 'TOKEN_INVALID',
    document: 'mutation { refreshToken(refreshToken: "not-a-token") { accessToken } }',
  },
  {
    field: 'Mutation.requestPasswordReset',
    allowed: EVERYONE,
    document: 'mutation ($email: String!) { requestPasswordReset(email: $email) }',
    variables: async () => ({ email: `nobody-${uid()}@example.com` }),
  },
  {
    field: 'Mutation.resetPassword',
    allowed: EVERYONE,
    allowedError: 'TOKEN_INVALID',
    document: 'mutation { resetPassword(token: "not-a-token", newPassword: "plum orchard at dawn 7") }',
  },
  // Second factors (issue 13).
  {
    field: 'Mutation.completeMfaSignIn',
    allowed: EVERYONE,
    allowedError: 'TOKEN_INVALID',
    document: 'mutation { completeMfaSignIn(mfaToken: "not-a-token", code: "000000") { accessToken } }',
  },
  {
    field: 'Mutation.confirmTotpEnrollment',
    allowed: SIGNED_IN,
    allowedError: 'CONFLICT',
    document: 'mutation { confirmTotpEnrollment(code: "000000") }',
  },
  // After confirmTotpEnrollment: that row expects nothing to confirm (CONFLICT).
  { field: 'Mutation.startTotpEnrollment', allowed: SIGNED_IN, document: 'mutation { startTotpEnrollment { otpauthUri } }' },
  { field: 'Mutation.disableTotp', allowed: SIGNED_IN, allowedError: 'REAUTHENTICATION_REQUIRED', document: 'mutation { disableTotp }' },
  { field: 'Mutation.regenerateRecoveryCodes', allowed: SIGNED_IN, allowedError: 'CONFLICT', document: 'mutation { regenerateRecoveryCodes }' },
  { field: 'Mutation.reauthenticate', allowed: SIGNED_IN, allowedError: 'INVALID_CREDENTIALS', document: 'mutation { reauthenticate(password: "not mine") }' },
  { field: 'Mutation.logoutAll', allowed: SIGNED_IN, allowedError: 'INVALID_CREDENTIALS', document: 'mutation { logoutAll(password: "not mine") }' },
  {
    field: 'Mutation.revokeSession',
    allowed: SIGNED_IN,
    allowedError: 'INVALID_CREDENTIALS',
    document: `mutation { revokeSession(id: "${randomUUID()}", password: "not mine") }`,
  },
  { field: 'Mutation.updateProfile', allowed: SIGNED_IN, document: 'mutation { updateProfile(input: { country: "NZ" }) { id } }' },
  {
    field: 'Mutation.changePassword',
    allowed: SIGNED_IN,
    allowedError: 'INVALID_CREDENTIALS',
    document: 'mutation { changePassword(currentPassword: "not mine", newPassword: "plum orchard at dawn 7") }',
  },
  {
    field: 'Mutation.requestEmailChange',
    allowed: SIGNED_IN,
    allowedError: 'INVALID_CREDENTIALS',
    document: 'mutation { requestEmailChange(newEmail: "elsewhere@example.com", password: "not mine") }',
  },
  {
    field: 'Mutation.confirmEmailChange',
    allowed: SIGNED_IN,
    allowedError: 'INVALID_CODE',
    document: 'mutation { confirmEmailChange(code: "000000") { id } }',
  },
  {
    field: 'Mutation.deactivateAccount',
    allowed: SIGNED_IN,
    allowedError: 'INVALID_CREDENTIALS',
    document: 'mutation { deactivateAccount(password: "not mine") }',
  },
  // Passwordless sign-in by email and step-up (issue 13). EMAIL_SIGN_IN is off here: FEATURE_DISABLED proves the rule let the call through.
  {
    field: 'Mutation.requestSignInCode',
    allowed: EVERYONE,
    allowedError: 'FEATURE_DISABLED',
    document: 'mutation { requestSignInCode(email: "nobody@example.com") }',
  },
  {
    field: 'Mutation.signInWithCode',
    allowed: EVERYONE,
    allowedError: 'FEATURE_DISABLED',
    document: 'mutation { signInWithCode(email: "nobody@example.com", code: "000000") { __typename } }',
  },
  {
    field: 'Mutation.signInWithLink',
    allowed: EVERYONE,
    allowedError: 'FEATURE_DISABLED',
    document: 'mutation { signInWithLink(token: "not-a-token") { __typename } }',
  },
  // Social sign-in (issue 14). No provider is configured here: an allowed start names an unknown one.
  { field: 'Query.oauthProviders', allowed: EVERYONE, document: '{ oauthProviders { id name } }' },
  { field: 'Query.myIdentities', allowed: SIGNED_IN, document: '{ myIdentities { id provider } }' },
  {
    field: 'Mutation.startOAuthSignIn',
    allowed: EVERYONE,
    allowedError: 'VALIDATION_FAILED',
    document: 'mutation { startOAuthSignIn(provider: "none", redirectUri: "https://app.example.com/cb") { authorizationUrl } }',
  },
  {
    field: 'Mutation.completeOAuthSignIn',
    allowed: EVERYONE,
    allowedError: 'OAUTH_STATE_INVALID',
    document: 'mutation { completeOAuthSignIn(state: "not-a-state", code: "c") { __typename } }',
  },
  {
    field: 'Mutation.startLinkOAuthIdentity',
    allowed: SIGNED_IN,
    allowedError: 'VALIDATION_FAILED',
    document: 'mutation { startLinkOAuthIdentity(provider: "none", redirectUri: "https://app.example.com/cb") { authorizationUrl } }',
  },
  {
    field: 'Mutation.linkOAuthIdentity',
    allowed: SIGNED_IN,
    allowedError: 'OAUTH_STATE_INVALID',
    document: 'mutation { linkOAuthIdentity(state: "not-a-state", code: "c") { id } }',
  },
  { field: 'Mutation.unlinkIdentity', allowed: SIGNED_IN, allowedError: 'NOT_FOUND', document: `mutation { unlinkIdentity(id: "${randomUUID()}") }` },
  {
    field: 'Mutation.adminUnlinkIdentity',
    permissions: ['users.change_user'],
    allowed: STAFF_WITH,
    document: 'mutation ($id: ID!) { adminUnlinkIdentity(id: $id) }',
    variables: async (deps) => ({
      id: (await deps.prisma.identity.create({ data: { userId: (await createUser(deps)).id, provider: 'p', subject: randomUUID() } })).id,
    }),
  },
  // Trusted services (issue 6): only with the X-Introspection-Secret header, which no caller here sends.
  { field: 'Query.verifyAccessToken', allowed: [], deniedCode: 'FORBIDDEN', document: '{ verifyAccessToken(token: "x") { active } }' },

  { field: 'Query.me', allowed: EVERYONE, document: '{ me { id } }' },
  { field: 'Query.hasPermission', allowed: SIGNED_IN, document: '{ hasPermission(codename: "users.view_user") }' },
  { field: 'Query.hasPermissions', allowed: SIGNED_IN, document: '{ hasPermissions(codenames: ["users.view_user"]) }' },
  { field: 'Query.hasGroup', allowed: SIGNED_IN, document: '{ hasGroup(name: "Root") }' },
  { field: 'Query.myPermissions', allowed: SIGNED_IN, document: '{ myPermissions { permissions groups isSuperuser } }' },
  { field: 'Query.users', permissions: ['users.view_user'], allowed: STAFF_WITH, document: '{ users(first: 5) { nodes { id groups { name } } totalCount } }' },
  {
    field: 'Query.user',
    permissions: ['users.view_user'],
    allowed: STAFF_WITH,
    document: 'query ($id: ID!) { user(id: $id) { id email } }',
    variables: target,
  },
  { field: 'Query.groups', permissions: ['groups.view_group'], allowed: STAFF_WITH, document: '{ groups { id name } }' },
  { field: 'Query.group', permissions: ['groups.view_group'], allowed: STAFF_WITH, document: '{ group(name: "Root") { id permissions { codename } } }' },
  { field: 'Query.permissions', permissions: ['permissions.view_permission'], allowed: STAFF_WITH, document: '{ permissions { codename builtIn } }' },
  { field: 'Query.auditEvents', permissions: ['audit.view_auditevent'], allowed: STAFF_WITH, document: '{ auditEvents(first: 5) { nodes { id type } } }' },
  { field: 'Mutation.logout', allowed: SIGNED_IN, document: 'mutation { logout }' },
  // Passkeys (issue 13): sign-in is public; registering and managing need a session.
  { field: 'Mutation.startPasskeySignIn', allowed: EVERYONE, document: 'mutation { startPasskeySignIn }' },
  {
    field: 'Mutation.finishPasskeySignIn',
    allowed: EVERYONE,
    allowedError: 'PASSKEY_INVALID',
    document: 'mutation { finishPasskeySignIn(response: {}) { __typename } }',
  },
  { field: 'Mutation.startPasskeyRegistration', allowed: SIGNED_IN, document: 'mutation { startPasskeyRegistration }' },
  {
    field: 'Mutation.finishPasskeyRegistration',
    allowed: SIGNED_IN,
    allowedError: 'PASSKEY_INVALID',
    document: 'mutation { finishPasskeyRegistration(response: {}) { id } }',
  },
  { field: 'Query.myPasskeys', allowed: SIGNED_IN, document: '{ myPasskeys { id } }' },
  {
    field: 'Mutation.renamePasskey',
    allowed: SIGNED_IN,
    allowedError: 'NOT_FOUND',
    document: `mutation { renamePasskey(id: "${randomUUID()}", name: "Key") { id } }`,
  },
  {
    field: 'Mutation.removePasskey',
    allowed: SIGNED_IN,
    allowedError: 'INVALID_CREDENTIALS',
    document: `mutation { removePasskey(id: "${randomUUID()}", password: "not mine") }`,
  },
  {
    field: 'Mutation.createUser',
    permissions: ['users.add_user'],
    allowed: STAFF_WITH,
    document: 'mutation ($email: String!) { createUser(input: { email: $email }) { id } }',
    variables: async () => ({ email: `new-${uid()}@example.com` }),
  },
  {
    field: 'Mutation.updateUser',
    permissions: ['users.change_user'],
    allowed: STAFF_WITH,
    document: 'mutation ($id: ID!) { updateUser(id: $id, input: { firstName: "Grace" }) { id } }',
    variables: target,
  },
  {
    field: 'Mutation.setUserActive',
    permissions: ['users.change_user'],
    allowed: STAFF_WITH,
    document: 'mutation ($id: ID!) { setUserActive(id: $id, active: false) { id } }',
    variables: target,
  },
  {
    field: 'Mutation.deleteUser',
    permissions: ['users.delete_user'],
    allowed: STAFF_WITH,
    document: 'mutation ($id: ID!) { deleteUser(id: $id) }',
    variables: target,
  },
  {
    field: 'Mutation.setUserGroups',
    permissions: ['users.change_user'],
    allowed: STAFF_WITH,
    document: 'mutation ($id: ID!) { setUserGroups(id: $id, groups: []) { id } }',
    variables: target,
  },
  {
    field: 'Mutation.setUserPermissions',
    permissions: ['users.change_user'],
    allowed: STAFF_WITH,
    document: 'mutation ($id: ID!) { setUserPermissions(id: $id, permissions: []) { id } }',
    variables: target,
  },
  {
    field: 'Mutation.setUserPassword',
    permissions: ['users.change_user'],
    allowed: STAFF_WITH,
    document: 'mutation ($id: ID!) { setUserPassword(id: $id, password: "plum orchard at dawn 7") { id } }',
    variables: target,
  },
  {
    field: 'Mutation.resetUserMfa',
    permissions: ['users.change_user'],
    allowed: STAFF_WITH,
    document: 'mutation ($id: ID!) { resetUserMfa(id: $id) { id } }',
    variables: target,
  },
  {
    field: 'Mutation.sendPasswordReset',
    permissions: ['users.change_user'],
    allowed: STAFF_WITH,
    document: 'mutation ($id: ID!) { sendPasswordReset(id: $id) }',
    variables: target,
  },
  {
    field: 'Mutation.revokeUserSessions',
    permissions: ['sessions.delete_session'],
    allowed: STAFF_WITH,
    document: 'mutation ($id: ID!) { revokeUserSessions(userId: $id) }',
    variables: target,
  },
  // Superusers only: staff holding every session permission are still refused.
  {
    field: 'Mutation.revokeAllSessions',
    permissions: ['sessions.delete_session', 'sessions.view_session'],
    allowed: ['superuser'],
    document: 'mutation { revokeAllSessions(reason: "authorization matrix") }',
  },
  {
    field: 'Mutation.createGroup',
    permissions: ['groups.add_group'],
    allowed: STAFF_WITH,
    document: 'mutation ($name: String!) { createGroup(name: $name) { id } }',
    variables: async () => ({ name: `group-${uid()}` }),
  },
  {
    field: 'Mutation.updateGroup',
    permissions: ['groups.change_group'],
    allowed: STAFF_WITH,
    document: 'mutation ($id: ID!) { updateGroup(id: $id, input: { description: "d" }) { id } }',
    variables: group,
  },
  {
    field: 'Mutation.deleteGroup',
    permissions: ['groups.delete_group'],
    allowed: STAFF_WITH,
    document: 'mutation ($id: ID!) { deleteGroup(id: $id) }',
    variables: group,
  },
  {
    field: 'Mutation.setGroupPermissions',
    permissions: ['groups.change_group'],
    allowed: STAFF_WITH,
    document: 'mutation ($id: ID!) { setGroupPermissions(id: $id, permissions: []) { id } }',
    variables: group,
  },
  {
    field: 'Mutation.createPermission',
    permissions: ['permissions.add_permission'],
    allowed: STAFF_WITH,
    document: 'mutation ($codename: String!) { createPermission(codename: $codename) { id } }',
    variables: async () => ({ codename: `app.do_${uid()}` }),
  },
  {
    field: 'Mutation.updatePermission',
    permissions: ['permissions.change_permission'],
    allowed: STAFF_WITH,
    document: 'mutation ($id: ID!) { updatePermission(id: $id, name: "n") { id } }',
    variables: customPermission,
  },
  {
    field: 'Mutation.deletePermission',
    permissions: ['permissions.delete_permission'],
    allowed: STAFF_WITH,
    document: 'mutation ($id: ID!) { deletePermission(id: $id) }',
    variables: customPermission,
  },
  // Outgoing webhooks (issue 16): staff with the webhooks permissions only.
  { field: 'Query.webhookEndpoints', permissions: WEBHOOK_VIEW, allowed: STAFF_WITH, document: '{ webhookEndpoints { id } }' },
  {
    field: 'Query.webhookDeliveries',
    permissions: WEBHOOK_VIEW,
    allowed: STAFF_WITH,
    document: 'query ($id: ID!) { webhookDeliveries(endpointId: $id) { id } }',
    variables: webhookEndpoint,
  },
  {
    field: 'Mutation.createWebhookEndpoint',
    permissions: WEBHOOK_CHANGE,
    allowed: STAFF_WITH,
    document: 'mutation { createWebhookEndpoint(input: { url: "https://hooks.example/new", eventTypes: ["user.created"] }) { endpoint { id } } }',
  },
  {
    field: 'Mutation.updateWebhookEndpoint',
    permissions: WEBHOOK_CHANGE,
    allowed: STAFF_WITH,
    document: 'mutation ($id: ID!) { updateWebhookEndpoint(id: $id, input: { description: "d" }) { id } }',
    variables: webhookEndpoint,
  },
  {
    field: 'Mutation.deleteWebhookEndpoint',
    permissions: WEBHOOK_CHANGE,
    allowed: STAFF_WITH,
    document: 'mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) }',
    variables: webhookEndpoint,
  },
  {
    field: 'Mutation.rotateWebhookSecret',
    permissions: WEBHOOK_CHANGE,
    allowed: STAFF_WITH,
    document: 'mutation ($id: ID!) { rotateWebhookSecret(id: $id) { endpoint { id } } }',
    variables: webhookEndpoint,
  },
  {
    field: 'Mutation.redeliverWebhook',
    permissions: WEBHOOK_CHANGE,
    allowed: STAFF_WITH,
    document: 'mutation ($deliveryId: ID!) { redeliverWebhook(deliveryId: $deliveryId) { id } }',
    variables: webhookEndpoint,
  },
];

describe('authorization matrix', () => {
  let t: TestApp;
  const users: Partial<Record<Exclude<Caller, 'anonymous' | 'staffWith'>, string>> = {};

  beforeAll(async () => {
    t = await createTestApp();
    users.user = (await createUser(t.deps)).id;
    users.unverified = (await createUser(t.deps, { verified: false })).id;
    users.staffWithout = (await createUser(t.deps, { isStaff: true })).id;
    users.superuser = (await createUser(t.deps, { isSuperuser: true, isStaff: true })).id;
  });

  it('has exactly one row per root field', () => {
    const fields = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]
      .filter(isObjectType)
      .flatMap((root) => Object.keys(root.getFields()).map((name) => `${root.name}.${name}`))
      .sort();
    const rows = ROWS.map((row) => row.field).sort();
    expect(
      rows.filter((field, i) => rows.indexOf(field) !== i),
      'duplicate rows',
    ).toEqual([]);
    expect(
      fields.filter((field) => !rows.includes(field)),
      'root fields without a row',
    ).toEqual([]);
    expect(
      rows.filter((field) => !fields.includes(field)),
      'rows without a root field',
    ).toEqual([]);
  });

  async function tokenFor(caller: Caller, row: Row): Promise<string | undefined> {
    if (caller === 'anonymous') return undefined;
    if (caller === 'staffWith') return (await signedInStaff(t.deps, row.permissions ?? [])).accessToken;
    return newToken(t.deps, users[caller]!);
  }

  describe.each(ROWS)('$field', (row) => {
    it.each(CALLERS)('as %s', async (caller) => {
      const token = await tokenFor(caller, row);
      const variables = row.variables ? await row.variables(t.deps) : {};
      const result = await t.graphql(row.document, variables, { token });
      const name = row.field.split('.')[1]!;
      if (row.allowed.includes(caller) && row.allowedError) {
        expect(result.errors?.map((e) => e.extensions?.code)).toEqual([row.allowedError]);
      } else if (row.allowed.includes(caller)) {
        expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
        expect(result.data?.[name as never]).not.toBeUndefined();
      } else {
        expect(result.errors?.map((e) => e.extensions?.code)).toEqual([row.deniedCode ?? (caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN')]);
        expect(result.data?.[name as never] ?? null).toBeNull();
      }
    });
  });
});
