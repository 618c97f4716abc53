/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Equality on a top-level custom attribute (a string, number or boolean; strings match in any ASCII case). */
export type AttributeFilter = {
  key: string;
  value: unknown;
};

export type AuditEventFilter = {
  /** Events done by this account. */
  actorId?: string | number | null | undefined;
  /** At or after. */
  from?: string | null | undefined;
  /** Strictly before. */
  to?: string | null | undefined;
  /** Exact type, or a prefix ending in a dot (e.g. `admin.`). */
  type?: string | null | undefined;
  /** Events about this account. */
  userId?: string | number | null | undefined;
};

export type CreateUserInput = {
  /** A patch of custom attributes, admin-only ones included: a null value removes a key. */
  attributes?: unknown;
  country?: string | null | undefined;
  /** Omit for an account without an address: only when usernames sign in (LOGIN_IDENTIFIERS username or both; VALIDATION_FAILED otherwise), and then `username` is required. */
  email?: string | null | undefined;
  emailVerified?: boolean | null | undefined;
  firstName?: string | null | undefined;
  isActive?: boolean | null | undefined;
  isStaff?: boolean | null | undefined;
  isSuperuser?: boolean | null | undefined;
  lastName?: string | null | undefined;
  locale?: string | null | undefined;
  notes?: string | null | undefined;
  organizationName?: string | null | undefined;
  organizationType?: string | null | undefined;
  /** Validated like every password. Omit to create an account without one. */
  password?: string | null | undefined;
  pictureUrl?: string | null | undefined;
  /** Sets isStaff/isSuperuser to match (USER: neither, STAFF: staff, ADMIN: both). */
  role?: Role | null | undefined;
  /** Request an invitation / verification email. EMAIL_REQUIRED without `email`. */
  sendInvite?: boolean | null | undefined;
  signatureName?: string | null | undefined;
  signatureRole?: string | null | undefined;
  username?: string | null | undefined;
};

/** A way to complete an MfaChallenge. */
export type MfaMethod =
  /** Sign in with a passkey instead (startPasskeySignIn): a passkey is multi-factor by itself. */
  | 'PASSKEY'
  /** One of the recovery codes: completeMfaSignIn. */
  | 'RECOVERY_CODE'
  /** A code from the authenticator app: completeMfaSignIn. */
  | 'TOTP';

/** A new account. Which profile fields are mandatory is configured by REGISTRATION_REQUIRED_FIELDS. */
export type RegisterInput = {
  /** Self-editable custom attributes (USER_ATTRIBUTES_SCHEMA); admin-only ones are refused. */
  attributes?: unknown;
  country?: string | null | undefined;
  /** Omit (or leave blank) for an account without an address: only when usernames sign in (LOGIN_IDENTIFIERS username or both), and then `username` is required. With LOGIN_IDENTIFIERS=email it is required (VALIDATION_FAILED). */
  email?: string | null | undefined;
  firstName: string;
  lastName: string;
  locale?: string | null | undefined;
  organizationName?: string | null | undefined;
  organizationType?: string | null | undefined;
  password: string;
  pictureUrl?: string | null | undefined;
  signatureName?: string | null | undefined;
  signatureRole?: string | null | undefined;
  username?: string | null | undefined;
};

/** Who may create an account (REGISTRATION_MODE). */
export type RegistrationMode =
  /** Only accounts staff, the CLI or an import create with a password. */
  | 'CLOSED'
  /** Only people staff invite; register answers REGISTRATION_CLOSED. */
  | 'INVITE_ONLY'
  /** Anyone may register. */
  | 'OPEN';

/** What clients read to tell ordinary users, staff and administrators apart; kept in step with isStaff/isSuperuser. */
export type Role =
  | 'ADMIN'
  | 'STAFF'
  | 'USER';

export type SortDirection =
  | 'ASC'
  | 'DESC';

/** Fields to change; an omitted field is unchanged, null clears it (unless it is mandatory). */
export type UpdateProfileInput = {
  /** A patch of self-editable custom attributes: the keys given change, a null value removes one; the rest are unchanged. */
  attributes?: unknown;
  country?: string | null | undefined;
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
  locale?: string | null | undefined;
  organizationName?: string | null | undefined;
  organizationType?: string | null | undefined;
  pictureUrl?: string | null | undefined;
  signatureName?: string | null | undefined;
  signatureRole?: string | null | undefined;
  username?: string | null | undefined;
};

/** Only the fields given change. A changed email is unverified unless emailVerified is true. */
export type UpdateUserInput = {
  /** A patch of custom attributes, admin-only ones included: a null value removes a key. */
  attributes?: unknown;
  country?: string | null | undefined;
  /** A new address (or a first one for an account without). It cannot be removed: null is VALIDATION_FAILED. */
  email?: string | null | undefined;
  emailVerified?: boolean | null | undefined;
  firstName?: string | null | undefined;
  isActive?: boolean | null | undefined;
  isStaff?: boolean | null | undefined;
  isSuperuser?: boolean | null | undefined;
  lastName?: string | null | undefined;
  locale?: string | null | undefined;
  notes?: string | null | undefined;
  organizationName?: string | null | undefined;
  organizationType?: string | null | undefined;
  pictureUrl?: string | null | undefined;
  /** Sets isStaff/isSuperuser to match (USER: neither, STAFF: staff, ADMIN: both). */
  role?: Role | null | undefined;
  signatureName?: string | null | undefined;
  signatureRole?: string | null | undefined;
  username?: string | null | undefined;
};

export type UserFilter = {
  /** Users whose custom attribute `key` equals `value`. */
  attribute?: AttributeFilter | null | undefined;
  /** Created at or after. */
  createdAfter?: string | null | undefined;
  /** Created strictly before. */
  createdBefore?: string | null | undefined;
  emailVerified?: boolean | null | undefined;
  /** Members of the group with this name. */
  group?: string | null | undefined;
  isActive?: boolean | null | undefined;
  isStaff?: boolean | null | undefined;
  isSuperuser?: boolean | null | undefined;
  /** Part of the email, username, first or last name. */
  search?: string | null | undefined;
};

export type UserOrder = {
  direction?: SortDirection | null | undefined;
  field: UserOrderField;
};

/** Users without a value (no address for EMAIL, never signed in for LAST_LOGIN_AT) come after the others in either direction; ties are ordered by id, in the same direction. */
export type UserOrderField =
  | 'CREATED_AT'
  | 'EMAIL'
  | 'LAST_LOGIN_AT';

export type WebhookDeliveryStatus =
  | 'FAILED'
  | 'PENDING'
  | 'SENDING'
  | 'SENT';

export type ConsoleSessionsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleSessionsQuery = { mySessions: Array<{ id: string, current: boolean, userAgent: string | null, ip: string | null, lastUsedAt: string }> };

export type ConsoleRevokeSessionMutationVariables = Exact<{
  id: string | number;
  password?: string | null | undefined;
}>;


export type ConsoleRevokeSessionMutation = { revokeSession: boolean };

export type ConsoleLogoutAllMutationVariables = Exact<{
  password: string;
}>;


export type ConsoleLogoutAllMutation = { logoutAll: number };

export type ConsoleIdentitiesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleIdentitiesQuery = { myIdentities: Array<{ id: string, providerName: string, email: string | null, linkedAt: string }> };

export type ConsoleUnlinkMutationVariables = Exact<{
  id: string | number;
  password?: string | null | undefined;
}>;


export type ConsoleUnlinkMutation = { unlinkIdentity: boolean };

export type ConsoleOAuthProvidersQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleOAuthProvidersQuery = { oauthProviders: Array<{ id: string, name: string }> };

export type ConsoleStartOAuthSignInMutationVariables = Exact<{
  provider: string;
  redirectUri: string;
}>;


export type ConsoleStartOAuthSignInMutation = { startOAuthSignIn: { authorizationUrl: string, state: string } };

export type ConsoleStartLinkOAuthMutationVariables = Exact<{
  provider: string;
  redirectUri: string;
  password?: string | null | undefined;
}>;


export type ConsoleStartLinkOAuthMutation = { startLinkOAuthIdentity: { authorizationUrl: string, state: string } };

export type ConsoleCompleteOAuthSignInMutationVariables = Exact<{
  state: string;
  code: string;
  iss?: string | null | undefined;
}>;


export type ConsoleCompleteOAuthSignInMutation = { completeOAuthSignIn:
    | { __typename: 'AuthPayload', user: { id: string, email: string | null, firstName: string, lastName: string, locale: string | null, emailVerified: boolean, isStaff: boolean, isSuperuser: boolean } }
    | { __typename: 'MfaChallenge', mfaToken: string, methods: Array<MfaMethod> }
   };

export type ConsoleLinkOAuthMutationVariables = Exact<{
  state: string;
  code: string;
  iss?: string | null | undefined;
}>;


export type ConsoleLinkOAuthMutation = { linkOAuthIdentity: { id: string } };

export type ConsolePasskeysQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsolePasskeysQuery = { myPasskeys: Array<{ id: string, name: string, createdAt: string, lastUsedAt: string | null }> };

export type ConsoleStartPasskeyMutationVariables = Exact<{ [key: string]: never; }>;


export type ConsoleStartPasskeyMutation = { startPasskeyRegistration: unknown };

export type ConsoleFinishPasskeyMutationVariables = Exact<{
  response: unknown;
  name?: string | null | undefined;
}>;


export type ConsoleFinishPasskeyMutation = { finishPasskeyRegistration: { id: string } };

export type ConsoleRemovePasskeyMutationVariables = Exact<{
  id: string | number;
  password?: string | null | undefined;
}>;


export type ConsoleRemovePasskeyMutation = { removePasskey: boolean };

export type ConsoleRegistrationInfoQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleRegistrationInfoQuery = { registrationMode: RegistrationMode, registrationRequiredFields: Array<string>, passwordPolicy: { minLength: number } };

export type ConsoleRegisterMutationVariables = Exact<{
  input: RegisterInput;
}>;


export type ConsoleRegisterMutation = { register: { emailVerificationRequired: boolean } };

export type ConsoleVerifyEmailMutationVariables = Exact<{
  email: string;
  code: string;
}>;


export type ConsoleVerifyEmailMutation = { verifyEmail: { id: string } };

export type ConsoleVerifyEmailLinkMutationVariables = Exact<{
  token: string;
}>;


export type ConsoleVerifyEmailLinkMutation = { verifyEmailWithToken: { id: string } };

export type ConsoleResendCodeMutationVariables = Exact<{
  email: string;
}>;


export type ConsoleResendCodeMutation = { resendVerificationEmail: boolean };

export type ConsoleRequestResetMutationVariables = Exact<{
  email: string;
}>;


export type ConsoleRequestResetMutation = { requestPasswordReset: boolean };

export type ConsoleResetPasswordMutationVariables = Exact<{
  token: string;
  newPassword: string;
}>;


export type ConsoleResetPasswordMutation = { resetPassword: boolean };

export type ConsoleUpdateProfileMutationVariables = Exact<{
  input: UpdateProfileInput;
}>;


export type ConsoleUpdateProfileMutation = { updateProfile: { id: string, email: string | null, firstName: string, lastName: string, locale: string | null, emailVerified: boolean, isStaff: boolean, isSuperuser: boolean } };

export type ConsoleChangePasswordMutationVariables = Exact<{
  currentPassword: string;
  newPassword: string;
}>;


export type ConsoleChangePasswordMutation = { changePassword: number };

export type ConsoleRequestEmailChangeMutationVariables = Exact<{
  newEmail: string;
  password: string;
}>;


export type ConsoleRequestEmailChangeMutation = { requestEmailChange: boolean };

export type ConsoleConfirmEmailChangeMutationVariables = Exact<{
  code: string;
}>;


export type ConsoleConfirmEmailChangeMutation = { confirmEmailChange: { id: string, email: string | null, firstName: string, lastName: string, locale: string | null, emailVerified: boolean, isStaff: boolean, isSuperuser: boolean } };

export type ConsoleMfaStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleMfaStatusQuery = { me: { id: string, mfa: { totp: boolean, recoveryCodesLeft: number } } | null };

export type ConsoleStartTotpMutationVariables = Exact<{ [key: string]: never; }>;


export type ConsoleStartTotpMutation = { startTotpEnrollment: { secret: string, qrCodeSvg: string } };

export type ConsoleConfirmTotpMutationVariables = Exact<{
  code: string;
  password?: string | null | undefined;
}>;


export type ConsoleConfirmTotpMutation = { confirmTotpEnrollment: Array<string> };

export type ConsoleDisableTotpMutationVariables = Exact<{
  password?: string | null | undefined;
  code?: string | null | undefined;
}>;


export type ConsoleDisableTotpMutation = { disableTotp: boolean };

export type ConsoleNewRecoveryCodesMutationVariables = Exact<{
  password?: string | null | undefined;
  code?: string | null | undefined;
}>;


export type ConsoleNewRecoveryCodesMutation = { regenerateRecoveryCodes: Array<string> };

export type ConsoleAdminMyAccessQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleAdminMyAccessQuery = { myPermissions: { groups: Array<string>, permissions: Array<string>, isSuperuser: boolean } };

export type ConsoleAdminAuditQueryVariables = Exact<{
  filter?: AuditEventFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ConsoleAdminAuditQuery = { auditEvents: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, type: string, createdAt: string, ip: string | null, metadata: string, userId: string | null, user: { id: string, email: string | null } | null, actor: { id: string, email: string | null } | null }> } };

export type ConsoleAdminGroupsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleAdminGroupsQuery = { groups: Array<{ id: string, name: string, description: string, memberCount: number, permissions: Array<{ codename: string }> }> };

export type ConsoleAdminCreateGroupMutationVariables = Exact<{
  name: string;
  description?: string | null | undefined;
}>;


export type ConsoleAdminCreateGroupMutation = { createGroup: { id: string } };

export type ConsoleAdminPermissionsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleAdminPermissionsQuery = { permissions: Array<{ id: string, codename: string, name: string, builtIn: boolean }> };

export type ConsoleAdminCreatePermissionMutationVariables = Exact<{
  codename: string;
  name?: string | null | undefined;
}>;


export type ConsoleAdminCreatePermissionMutation = { createPermission: { id: string } };

export type ConsoleAdminCreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type ConsoleAdminCreateUserMutation = { createUser: { id: string } };

export type ConsoleAdminUserQueryVariables = Exact<{
  id: string | number;
}>;


export type ConsoleAdminUserQuery = { user: { id: string, email: string | null, username: string | null, firstName: string, lastName: string, locale: string | null, notes: string | null, attributes: unknown, isActive: boolean, isStaff: boolean, isSuperuser: boolean, emailVerified: boolean, createdAt: string, lastLoginAt: string | null, groups: Array<{ id: string, name: string, permissions: Array<{ codename: string }> }>, directPermissions: Array<{ codename: string }>, mfa: { enabled: boolean, totp: boolean, passkeys: number, recoveryCodesLeft: number }, identities: Array<{ id: string, providerName: string, email: string | null, linkedAt: string }> } | null };

export type ConsoleAdminUserSessionsQueryVariables = Exact<{
  id: string | number;
}>;


export type ConsoleAdminUserSessionsQuery = { user: { id: string, sessions: Array<{ id: string, userAgent: string | null, ip: string | null, lastUsedAt: string }> } | null };

export type ConsoleAdminGrantableQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleAdminGrantableQuery = { groups: Array<{ id: string, name: string, permissions: Array<{ codename: string }> }>, permissions: Array<{ id: string, codename: string, name: string }> };

export type ConsoleAdminSetActiveMutationVariables = Exact<{
  id: string | number;
  active: boolean;
}>;


export type ConsoleAdminSetActiveMutation = { setUserActive: { id: string, isActive: boolean } };

export type ConsoleAdminUpdateUserMutationVariables = Exact<{
  id: string | number;
  input: UpdateUserInput;
}>;


export type ConsoleAdminUpdateUserMutation = { updateUser: { id: string } };

export type ConsoleAdminSetGroupsMutationVariables = Exact<{
  id: string | number;
  groups: Array<string> | string;
}>;


export type ConsoleAdminSetGroupsMutation = { setUserGroups: { id: string } };

export type ConsoleAdminSetPermissionsMutationVariables = Exact<{
  id: string | number;
  permissions: Array<string> | string;
}>;


export type ConsoleAdminSetPermissionsMutation = { setUserPermissions: { id: string } };

export type ConsoleAdminRevokeSessionsMutationVariables = Exact<{
  userId: string | number;
  sessionId?: string | number | null | undefined;
}>;


export type ConsoleAdminRevokeSessionsMutation = { revokeUserSessions: number };

export type ConsoleAdminResetMfaMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsoleAdminResetMfaMutation = { resetUserMfa: { id: string } };

export type ConsoleAdminUnlinkMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsoleAdminUnlinkMutation = { adminUnlinkIdentity: boolean };

export type ConsoleAdminUsersQueryVariables = Exact<{
  filter?: UserFilter | null | undefined;
  orderBy?: UserOrder | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ConsoleAdminUsersQuery = { users: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, email: string | null, firstName: string, lastName: string, isActive: boolean, isStaff: boolean, isSuperuser: boolean, emailVerified: boolean, lastLoginAt: string | null }> } };

export type ConsoleAdminGroupNamesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleAdminGroupNamesQuery = { groups: Array<{ id: string, name: string }> };

export type ConsoleAdminEndpointsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleAdminEndpointsQuery = { webhookEndpoints: Array<{ id: string, url: string, description: string, enabled: boolean, eventTypes: Array<string>, consecutiveFailures: number, disabledReason: string | null }> };

export type ConsoleAdminDeliveriesQueryVariables = Exact<{
  endpointId: string | number;
}>;


export type ConsoleAdminDeliveriesQuery = { webhookDeliveries: Array<{ id: string, eventType: string, status: WebhookDeliveryStatus, attempts: number, lastStatusCode: number | null, lastError: string | null, createdAt: string, deliveredAt: string | null }> };

export type ConsoleRefreshMutationVariables = Exact<{ [key: string]: never; }>;


export type ConsoleRefreshMutation = { refreshToken: { accessTokenExpiresAt: string } };

export type ConsoleRequestSignInCodeMutationVariables = Exact<{
  email: string;
}>;


export type ConsoleRequestSignInCodeMutation = { requestSignInCode: boolean };

export type ConsoleSignInWithCodeMutationVariables = Exact<{
  email: string;
  code: string;
}>;


export type ConsoleSignInWithCodeMutation = { signInWithCode:
    | { __typename: 'AuthPayload', user: { id: string, email: string | null, firstName: string, lastName: string, locale: string | null, emailVerified: boolean, isStaff: boolean, isSuperuser: boolean } }
    | { __typename: 'MfaChallenge', mfaToken: string, methods: Array<MfaMethod> }
   };

export type ConsoleLoginMutationVariables = Exact<{
  identifier: string;
  password: string;
}>;


export type ConsoleLoginMutation = { login:
    | { __typename: 'AuthPayload', user: { id: string, email: string | null, firstName: string, lastName: string, locale: string | null, emailVerified: boolean, isStaff: boolean, isSuperuser: boolean } }
    | { __typename: 'MfaChallenge', mfaToken: string, methods: Array<MfaMethod> }
   };

export type ConsoleCompleteMfaMutationVariables = Exact<{
  mfaToken: string;
  code: string;
}>;


export type ConsoleCompleteMfaMutation = { completeMfaSignIn: { user: { id: string, email: string | null, firstName: string, lastName: string, locale: string | null, emailVerified: boolean, isStaff: boolean, isSuperuser: boolean } } };

export type ConsoleStartPasskeySignInMutationVariables = Exact<{ [key: string]: never; }>;


export type ConsoleStartPasskeySignInMutation = { startPasskeySignIn: unknown };

export type ConsoleFinishPasskeySignInMutationVariables = Exact<{
  response: unknown;
}>;


export type ConsoleFinishPasskeySignInMutation = { finishPasskeySignIn:
    | { __typename: 'AuthPayload', user: { id: string, email: string | null, firstName: string, lastName: string, locale: string | null, emailVerified: boolean, isStaff: boolean, isSuperuser: boolean } }
    | { __typename: 'MfaChallenge' }
   };

export type ConsoleViewerFragment = { id: string, email: string | null, firstName: string, lastName: string, locale: string | null, emailVerified: boolean, isStaff: boolean, isSuperuser: boolean };

type ConsoleSignInResult_AuthPayload_Fragment = { __typename: 'AuthPayload', user: { id: string, email: string | null, firstName: string, lastName: string, locale: string | null, emailVerified: boolean, isStaff: boolean, isSuperuser: boolean } };

type ConsoleSignInResult_MfaChallenge_Fragment = { __typename: 'MfaChallenge', mfaToken: string, methods: Array<MfaMethod> };

export type ConsoleSignInResultFragment =
  | ConsoleSignInResult_AuthPayload_Fragment
  | ConsoleSignInResult_MfaChallenge_Fragment
;

export type ConsoleMeQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleMeQuery = { me: { id: string, email: string | null, firstName: string, lastName: string, locale: string | null, emailVerified: boolean, isStaff: boolean, isSuperuser: boolean } | null };

export type ConsoleLogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type ConsoleLogoutMutation = { logout: boolean };

export type ConsoleSaveLocaleMutationVariables = Exact<{
  locale: string;
}>;


export type ConsoleSaveLocaleMutation = { updateProfile: { id: string, email: string | null, firstName: string, lastName: string, locale: string | null, emailVerified: boolean, isStaff: boolean, isSuperuser: boolean } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ConsoleViewerFragmentDoc = new TypedDocumentString(`
    fragment ConsoleViewer on User {
  id
  email
  firstName
  lastName
  locale
  emailVerified
  isStaff
  isSuperuser
}
    `, {"fragmentName":"ConsoleViewer"}) as unknown as TypedDocumentString<ConsoleViewerFragment, unknown>;
export const ConsoleSignInResultFragmentDoc = new TypedDocumentString(`
    fragment ConsoleSignInResult on SignInResult {
  __typename
  ... on AuthPayload {
    user {
      ...ConsoleViewer
    }
  }
  ... on MfaChallenge {
    mfaToken
    methods
  }
}
    fragment ConsoleViewer on User {
  id
  email
  firstName
  lastName
  locale
  emailVerified
  isStaff
  isSuperuser
}`, {"fragmentName":"ConsoleSignInResult"}) as unknown as TypedDocumentString<ConsoleSignInResultFragment, unknown>;
export const ConsoleSessionsDocument = new TypedDocumentString(`
    query ConsoleSessions {
  mySessions {
    id
    current
    userAgent
    ip
    lastUsedAt
  }
}
    `) as unknown as TypedDocumentString<ConsoleSessionsQuery, ConsoleSessionsQueryVariables>;
export const ConsoleRevokeSessionDocument = new TypedDocumentString(`
    mutation ConsoleRevokeSession($id: ID!, $password: String) {
  revokeSession(id: $id, password: $password)
}
    `) as unknown as TypedDocumentString<ConsoleRevokeSessionMutation, ConsoleRevokeSessionMutationVariables>;
export const ConsoleLogoutAllDocument = new TypedDocumentString(`
    mutation ConsoleLogoutAll($password: String!) {
  logoutAll(password: $password)
}
    `) as unknown as TypedDocumentString<ConsoleLogoutAllMutation, ConsoleLogoutAllMutationVariables>;
export const ConsoleIdentitiesDocument = new TypedDocumentString(`
    query ConsoleIdentities {
  myIdentities {
    id
    providerName
    email
    linkedAt
  }
}
    `) as unknown as TypedDocumentString<ConsoleIdentitiesQuery, ConsoleIdentitiesQueryVariables>;
export const ConsoleUnlinkDocument = new TypedDocumentString(`
    mutation ConsoleUnlink($id: ID!, $password: String) {
  unlinkIdentity(id: $id, password: $password)
}
    `) as unknown as TypedDocumentString<ConsoleUnlinkMutation, ConsoleUnlinkMutationVariables>;
export const ConsoleOAuthProvidersDocument = new TypedDocumentString(`
    query ConsoleOAuthProviders {
  oauthProviders {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<ConsoleOAuthProvidersQuery, ConsoleOAuthProvidersQueryVariables>;
export const ConsoleStartOAuthSignInDocument = new TypedDocumentString(`
    mutation ConsoleStartOAuthSignIn($provider: String!, $redirectUri: String!) {
  startOAuthSignIn(provider: $provider, redirectUri: $redirectUri) {
    authorizationUrl
    state
  }
}
    `) as unknown as TypedDocumentString<ConsoleStartOAuthSignInMutation, ConsoleStartOAuthSignInMutationVariables>;
export const ConsoleStartLinkOAuthDocument = new TypedDocumentString(`
    mutation ConsoleStartLinkOAuth($provider: String!, $redirectUri: String!, $password: String) {
  startLinkOAuthIdentity(
    provider: $provider
    redirectUri: $redirectUri
    password: $password
  ) {
    authorizationUrl
    state
  }
}
    `) as unknown as TypedDocumentString<ConsoleStartLinkOAuthMutation, ConsoleStartLinkOAuthMutationVariables>;
export const ConsoleCompleteOAuthSignInDocument = new TypedDocumentString(`
    mutation ConsoleCompleteOAuthSignIn($state: String!, $code: String!, $iss: String) {
  completeOAuthSignIn(state: $state, code: $code, iss: $iss) {
    ...ConsoleSignInResult
  }
}
    fragment ConsoleViewer on User {
  id
  email
  firstName
  lastName
  locale
  emailVerified
  isStaff
  isSuperuser
}
fragment ConsoleSignInResult on SignInResult {
  __typename
  ... on AuthPayload {
    user {
      ...ConsoleViewer
    }
  }
  ... on MfaChallenge {
    mfaToken
    methods
  }
}`) as unknown as TypedDocumentString<ConsoleCompleteOAuthSignInMutation, ConsoleCompleteOAuthSignInMutationVariables>;
export const ConsoleLinkOAuthDocument = new TypedDocumentString(`
    mutation ConsoleLinkOAuth($state: String!, $code: String!, $iss: String) {
  linkOAuthIdentity(state: $state, code: $code, iss: $iss) {
    id
  }
}
    `) as unknown as TypedDocumentString<ConsoleLinkOAuthMutation, ConsoleLinkOAuthMutationVariables>;
export const ConsolePasskeysDocument = new TypedDocumentString(`
    query ConsolePasskeys {
  myPasskeys {
    id
    name
    createdAt
    lastUsedAt
  }
}
    `) as unknown as TypedDocumentString<ConsolePasskeysQuery, ConsolePasskeysQueryVariables>;
export const ConsoleStartPasskeyDocument = new TypedDocumentString(`
    mutation ConsoleStartPasskey {
  startPasskeyRegistration
}
    `) as unknown as TypedDocumentString<ConsoleStartPasskeyMutation, ConsoleStartPasskeyMutationVariables>;
export const ConsoleFinishPasskeyDocument = new TypedDocumentString(`
    mutation ConsoleFinishPasskey($response: JSON!, $name: String) {
  finishPasskeyRegistration(response: $response, name: $name) {
    id
  }
}
    `) as unknown as TypedDocumentString<ConsoleFinishPasskeyMutation, ConsoleFinishPasskeyMutationVariables>;
export const ConsoleRemovePasskeyDocument = new TypedDocumentString(`
    mutation ConsoleRemovePasskey($id: ID!, $password: String) {
  removePasskey(id: $id, password: $password)
}
    `) as unknown as TypedDocumentString<ConsoleRemovePasskeyMutation, ConsoleRemovePasskeyMutationVariables>;
export const ConsoleRegistrationInfoDocument = new TypedDocumentString(`
    query ConsoleRegistrationInfo {
  registrationMode
  registrationRequiredFields
  passwordPolicy {
    minLength
  }
}
    `) as unknown as TypedDocumentString<ConsoleRegistrationInfoQuery, ConsoleRegistrationInfoQueryVariables>;
export const ConsoleRegisterDocument = new TypedDocumentString(`
    mutation ConsoleRegister($input: RegisterInput!) {
  register(input: $input) {
    emailVerificationRequired
  }
}
    `) as unknown as TypedDocumentString<ConsoleRegisterMutation, ConsoleRegisterMutationVariables>;
export const ConsoleVerifyEmailDocument = new TypedDocumentString(`
    mutation ConsoleVerifyEmail($email: String!, $code: String!) {
  verifyEmail(email: $email, code: $code) {
    id
  }
}
    `) as unknown as TypedDocumentString<ConsoleVerifyEmailMutation, ConsoleVerifyEmailMutationVariables>;
export const ConsoleVerifyEmailLinkDocument = new TypedDocumentString(`
    mutation ConsoleVerifyEmailLink($token: String!) {
  verifyEmailWithToken(token: $token) {
    id
  }
}
    `) as unknown as TypedDocumentString<ConsoleVerifyEmailLinkMutation, ConsoleVerifyEmailLinkMutationVariables>;
export const ConsoleResendCodeDocument = new TypedDocumentString(`
    mutation ConsoleResendCode($email: String!) {
  resendVerificationEmail(email: $email)
}
    `) as unknown as TypedDocumentString<ConsoleResendCodeMutation, ConsoleResendCodeMutationVariables>;
export const ConsoleRequestResetDocument = new TypedDocumentString(`
    mutation ConsoleRequestReset($email: String!) {
  requestPasswordReset(email: $email)
}
    `) as unknown as TypedDocumentString<ConsoleRequestResetMutation, ConsoleRequestResetMutationVariables>;
export const ConsoleResetPasswordDocument = new TypedDocumentString(`
    mutation ConsoleResetPassword($token: String!, $newPassword: String!) {
  resetPassword(token: $token, newPassword: $newPassword)
}
    `) as unknown as TypedDocumentString<ConsoleResetPasswordMutation, ConsoleResetPasswordMutationVariables>;
export const ConsoleUpdateProfileDocument = new TypedDocumentString(`
    mutation ConsoleUpdateProfile($input: UpdateProfileInput!) {
  updateProfile(input: $input) {
    ...ConsoleViewer
  }
}
    fragment ConsoleViewer on User {
  id
  email
  firstName
  lastName
  locale
  emailVerified
  isStaff
  isSuperuser
}`) as unknown as TypedDocumentString<ConsoleUpdateProfileMutation, ConsoleUpdateProfileMutationVariables>;
export const ConsoleChangePasswordDocument = new TypedDocumentString(`
    mutation ConsoleChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
}
    `) as unknown as TypedDocumentString<ConsoleChangePasswordMutation, ConsoleChangePasswordMutationVariables>;
export const ConsoleRequestEmailChangeDocument = new TypedDocumentString(`
    mutation ConsoleRequestEmailChange($newEmail: String!, $password: String!) {
  requestEmailChange(newEmail: $newEmail, password: $password)
}
    `) as unknown as TypedDocumentString<ConsoleRequestEmailChangeMutation, ConsoleRequestEmailChangeMutationVariables>;
export const ConsoleConfirmEmailChangeDocument = new TypedDocumentString(`
    mutation ConsoleConfirmEmailChange($code: String!) {
  confirmEmailChange(code: $code) {
    ...ConsoleViewer
  }
}
    fragment ConsoleViewer on User {
  id
  email
  firstName
  lastName
  locale
  emailVerified
  isStaff
  isSuperuser
}`) as unknown as TypedDocumentString<ConsoleConfirmEmailChangeMutation, ConsoleConfirmEmailChangeMutationVariables>;
export const ConsoleMfaStatusDocument = new TypedDocumentString(`
    query ConsoleMfaStatus {
  me {
    id
    mfa {
      totp
      recoveryCodesLeft
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleMfaStatusQuery, ConsoleMfaStatusQueryVariables>;
export const ConsoleStartTotpDocument = new TypedDocumentString(`
    mutation ConsoleStartTotp {
  startTotpEnrollment {
    secret
    qrCodeSvg
  }
}
    `) as unknown as TypedDocumentString<ConsoleStartTotpMutation, ConsoleStartTotpMutationVariables>;
export const ConsoleConfirmTotpDocument = new TypedDocumentString(`
    mutation ConsoleConfirmTotp($code: String!, $password: String) {
  confirmTotpEnrollment(code: $code, password: $password)
}
    `) as unknown as TypedDocumentString<ConsoleConfirmTotpMutation, ConsoleConfirmTotpMutationVariables>;
export const ConsoleDisableTotpDocument = new TypedDocumentString(`
    mutation ConsoleDisableTotp($password: String, $code: String) {
  disableTotp(password: $password, code: $code)
}
    `) as unknown as TypedDocumentString<ConsoleDisableTotpMutation, ConsoleDisableTotpMutationVariables>;
export const ConsoleNewRecoveryCodesDocument = new TypedDocumentString(`
    mutation ConsoleNewRecoveryCodes($password: String, $code: String) {
  regenerateRecoveryCodes(password: $password, code: $code)
}
    `) as unknown as TypedDocumentString<ConsoleNewRecoveryCodesMutation, ConsoleNewRecoveryCodesMutationVariables>;
export const ConsoleAdminMyAccessDocument = new TypedDocumentString(`
    query ConsoleAdminMyAccess {
  myPermissions {
    groups
    permissions
    isSuperuser
  }
}
    `) as unknown as TypedDocumentString<ConsoleAdminMyAccessQuery, ConsoleAdminMyAccessQueryVariables>;
export const ConsoleAdminAuditDocument = new TypedDocumentString(`
    query ConsoleAdminAudit($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      type
      createdAt
      ip
      metadata
      userId
      user {
        id
        email
      }
      actor {
        id
        email
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleAdminAuditQuery, ConsoleAdminAuditQueryVariables>;
export const ConsoleAdminGroupsDocument = new TypedDocumentString(`
    query ConsoleAdminGroups {
  groups {
    id
    name
    description
    memberCount
    permissions {
      codename
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleAdminGroupsQuery, ConsoleAdminGroupsQueryVariables>;
export const ConsoleAdminCreateGroupDocument = new TypedDocumentString(`
    mutation ConsoleAdminCreateGroup($name: String!, $description: String) {
  createGroup(name: $name, description: $description) {
    id
  }
}
    `) as unknown as TypedDocumentString<ConsoleAdminCreateGroupMutation, ConsoleAdminCreateGroupMutationVariables>;
export const ConsoleAdminPermissionsDocument = new TypedDocumentString(`
    query ConsoleAdminPermissions {
  permissions {
    id
    codename
    name
    builtIn
  }
}
    `) as unknown as TypedDocumentString<ConsoleAdminPermissionsQuery, ConsoleAdminPermissionsQueryVariables>;
export const ConsoleAdminCreatePermissionDocument = new TypedDocumentString(`
    mutation ConsoleAdminCreatePermission($codename: String!, $name: String) {
  createPermission(codename: $codename, name: $name) {
    id
  }
}
    `) as unknown as TypedDocumentString<ConsoleAdminCreatePermissionMutation, ConsoleAdminCreatePermissionMutationVariables>;
export const ConsoleAdminCreateUserDocument = new TypedDocumentString(`
    mutation ConsoleAdminCreateUser($input: CreateUserInput!) {
  createUser(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<ConsoleAdminCreateUserMutation, ConsoleAdminCreateUserMutationVariables>;
export const ConsoleAdminUserDocument = new TypedDocumentString(`
    query ConsoleAdminUser($id: ID!) {
  user(id: $id) {
    id
    email
    username
    firstName
    lastName
    locale
    notes
    attributes
    isActive
    isStaff
    isSuperuser
    emailVerified
    createdAt
    lastLoginAt
    groups {
      id
      name
      permissions {
        codename
      }
    }
    directPermissions {
      codename
    }
    mfa {
      enabled
      totp
      passkeys
      recoveryCodesLeft
    }
    identities {
      id
      providerName
      email
      linkedAt
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleAdminUserQuery, ConsoleAdminUserQueryVariables>;
export const ConsoleAdminUserSessionsDocument = new TypedDocumentString(`
    query ConsoleAdminUserSessions($id: ID!) {
  user(id: $id) {
    id
    sessions {
      id
      userAgent
      ip
      lastUsedAt
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleAdminUserSessionsQuery, ConsoleAdminUserSessionsQueryVariables>;
export const ConsoleAdminGrantableDocument = new TypedDocumentString(`
    query ConsoleAdminGrantable {
  groups {
    id
    name
    permissions {
      codename
    }
  }
  permissions {
    id
    codename
    name
  }
}
    `) as unknown as TypedDocumentString<ConsoleAdminGrantableQuery, ConsoleAdminGrantableQueryVariables>;
export const ConsoleAdminSetActiveDocument = new TypedDocumentString(`
    mutation ConsoleAdminSetActive($id: ID!, $active: Boolean!) {
  setUserActive(id: $id, active: $active) {
    id
    isActive
  }
}
    `) as unknown as TypedDocumentString<ConsoleAdminSetActiveMutation, ConsoleAdminSetActiveMutationVariables>;
export const ConsoleAdminUpdateUserDocument = new TypedDocumentString(`
    mutation ConsoleAdminUpdateUser($id: ID!, $input: UpdateUserInput!) {
  updateUser(id: $id, input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<ConsoleAdminUpdateUserMutation, ConsoleAdminUpdateUserMutationVariables>;
export const ConsoleAdminSetGroupsDocument = new TypedDocumentString(`
    mutation ConsoleAdminSetGroups($id: ID!, $groups: [String!]!) {
  setUserGroups(id: $id, groups: $groups) {
    id
  }
}
    `) as unknown as TypedDocumentString<ConsoleAdminSetGroupsMutation, ConsoleAdminSetGroupsMutationVariables>;
export const ConsoleAdminSetPermissionsDocument = new TypedDocumentString(`
    mutation ConsoleAdminSetPermissions($id: ID!, $permissions: [String!]!) {
  setUserPermissions(id: $id, permissions: $permissions) {
    id
  }
}
    `) as unknown as TypedDocumentString<ConsoleAdminSetPermissionsMutation, ConsoleAdminSetPermissionsMutationVariables>;
export const ConsoleAdminRevokeSessionsDocument = new TypedDocumentString(`
    mutation ConsoleAdminRevokeSessions($userId: ID!, $sessionId: ID) {
  revokeUserSessions(userId: $userId, sessionId: $sessionId)
}
    `) as unknown as TypedDocumentString<ConsoleAdminRevokeSessionsMutation, ConsoleAdminRevokeSessionsMutationVariables>;
export const ConsoleAdminResetMfaDocument = new TypedDocumentString(`
    mutation ConsoleAdminResetMfa($id: ID!) {
  resetUserMfa(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<ConsoleAdminResetMfaMutation, ConsoleAdminResetMfaMutationVariables>;
export const ConsoleAdminUnlinkDocument = new TypedDocumentString(`
    mutation ConsoleAdminUnlink($id: ID!) {
  adminUnlinkIdentity(id: $id)
}
    `) as unknown as TypedDocumentString<ConsoleAdminUnlinkMutation, ConsoleAdminUnlinkMutationVariables>;
export const ConsoleAdminUsersDocument = new TypedDocumentString(`
    query ConsoleAdminUsers($filter: UserFilter, $orderBy: UserOrder, $first: Int, $after: String) {
  users(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      email
      firstName
      lastName
      isActive
      isStaff
      isSuperuser
      emailVerified
      lastLoginAt
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleAdminUsersQuery, ConsoleAdminUsersQueryVariables>;
export const ConsoleAdminGroupNamesDocument = new TypedDocumentString(`
    query ConsoleAdminGroupNames {
  groups {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<ConsoleAdminGroupNamesQuery, ConsoleAdminGroupNamesQueryVariables>;
export const ConsoleAdminEndpointsDocument = new TypedDocumentString(`
    query ConsoleAdminEndpoints {
  webhookEndpoints {
    id
    url
    description
    enabled
    eventTypes
    consecutiveFailures
    disabledReason
  }
}
    `) as unknown as TypedDocumentString<ConsoleAdminEndpointsQuery, ConsoleAdminEndpointsQueryVariables>;
export const ConsoleAdminDeliveriesDocument = new TypedDocumentString(`
    query ConsoleAdminDeliveries($endpointId: ID!) {
  webhookDeliveries(endpointId: $endpointId, first: 50) {
    id
    eventType
    status
    attempts
    lastStatusCode
    lastError
    createdAt
    deliveredAt
  }
}
    `) as unknown as TypedDocumentString<ConsoleAdminDeliveriesQuery, ConsoleAdminDeliveriesQueryVariables>;
export const ConsoleRefreshDocument = new TypedDocumentString(`
    mutation ConsoleRefresh {
  refreshToken {
    accessTokenExpiresAt
  }
}
    `) as unknown as TypedDocumentString<ConsoleRefreshMutation, ConsoleRefreshMutationVariables>;
export const ConsoleRequestSignInCodeDocument = new TypedDocumentString(`
    mutation ConsoleRequestSignInCode($email: String!) {
  requestSignInCode(email: $email)
}
    `) as unknown as TypedDocumentString<ConsoleRequestSignInCodeMutation, ConsoleRequestSignInCodeMutationVariables>;
export const ConsoleSignInWithCodeDocument = new TypedDocumentString(`
    mutation ConsoleSignInWithCode($email: String!, $code: String!) {
  signInWithCode(email: $email, code: $code) {
    ...ConsoleSignInResult
  }
}
    fragment ConsoleViewer on User {
  id
  email
  firstName
  lastName
  locale
  emailVerified
  isStaff
  isSuperuser
}
fragment ConsoleSignInResult on SignInResult {
  __typename
  ... on AuthPayload {
    user {
      ...ConsoleViewer
    }
  }
  ... on MfaChallenge {
    mfaToken
    methods
  }
}`) as unknown as TypedDocumentString<ConsoleSignInWithCodeMutation, ConsoleSignInWithCodeMutationVariables>;
export const ConsoleLoginDocument = new TypedDocumentString(`
    mutation ConsoleLogin($identifier: String!, $password: String!) {
  login(identifier: $identifier, password: $password) {
    ...ConsoleSignInResult
  }
}
    fragment ConsoleViewer on User {
  id
  email
  firstName
  lastName
  locale
  emailVerified
  isStaff
  isSuperuser
}
fragment ConsoleSignInResult on SignInResult {
  __typename
  ... on AuthPayload {
    user {
      ...ConsoleViewer
    }
  }
  ... on MfaChallenge {
    mfaToken
    methods
  }
}`) as unknown as TypedDocumentString<ConsoleLoginMutation, ConsoleLoginMutationVariables>;
export const ConsoleCompleteMfaDocument = new TypedDocumentString(`
    mutation ConsoleCompleteMfa($mfaToken: String!, $code: String!) {
  completeMfaSignIn(mfaToken: $mfaToken, code: $code) {
    user {
      ...ConsoleViewer
    }
  }
}
    fragment ConsoleViewer on User {
  id
  email
  firstName
  lastName
  locale
  emailVerified
  isStaff
  isSuperuser
}`) as unknown as TypedDocumentString<ConsoleCompleteMfaMutation, ConsoleCompleteMfaMutationVariables>;
export const ConsoleStartPasskeySignInDocument = new TypedDocumentString(`
    mutation ConsoleStartPasskeySignIn {
  startPasskeySignIn
}
    `) as unknown as TypedDocumentString<ConsoleStartPasskeySignInMutation, ConsoleStartPasskeySignInMutationVariables>;
export const ConsoleFinishPasskeySignInDocument = new TypedDocumentString(`
    mutation ConsoleFinishPasskeySignIn($response: JSON!) {
  finishPasskeySignIn(response: $response) {
    __typename
    ... on AuthPayload {
      user {
        ...ConsoleViewer
      }
    }
  }
}
    fragment ConsoleViewer on User {
  id
  email
  firstName
  lastName
  locale
  emailVerified
  isStaff
  isSuperuser
}`) as unknown as TypedDocumentString<ConsoleFinishPasskeySignInMutation, ConsoleFinishPasskeySignInMutationVariables>;
export const ConsoleMeDocument = new TypedDocumentString(`
    query ConsoleMe {
  me {
    ...ConsoleViewer
  }
}
    fragment ConsoleViewer on User {
  id
  email
  firstName
  lastName
  locale
  emailVerified
  isStaff
  isSuperuser
}`) as unknown as TypedDocumentString<ConsoleMeQuery, ConsoleMeQueryVariables>;
export const ConsoleLogoutDocument = new TypedDocumentString(`
    mutation ConsoleLogout {
  logout
}
    `) as unknown as TypedDocumentString<ConsoleLogoutMutation, ConsoleLogoutMutationVariables>;
export const ConsoleSaveLocaleDocument = new TypedDocumentString(`
    mutation ConsoleSaveLocale($locale: String!) {
  updateProfile(input: {locale: $locale}) {
    ...ConsoleViewer
  }
}
    fragment ConsoleViewer on User {
  id
  email
  firstName
  lastName
  locale
  emailVerified
  isStaff
  isSuperuser
}`) as unknown as TypedDocumentString<ConsoleSaveLocaleMutation, ConsoleSaveLocaleMutationVariables>;