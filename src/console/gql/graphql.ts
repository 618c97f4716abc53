/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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
  email: string;
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


export type ConsoleRegistrationInfoQuery = { registrationMode: RegistrationMode, passwordPolicy: { minLength: number } };

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


export type ConsoleUpdateProfileMutation = { updateProfile: { id: string, email: string, firstName: string, lastName: string, locale: string | null, emailVerified: boolean, isStaff: boolean, isSuperuser: boolean } };

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


export type ConsoleConfirmEmailChangeMutation = { confirmEmailChange: { id: string, email: string, firstName: string, lastName: string, locale: string | null, emailVerified: boolean, isStaff: boolean, isSuperuser: boolean } };

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

export type ConsoleRefreshMutationVariables = Exact<{ [key: string]: never; }>;


export type ConsoleRefreshMutation = { refreshToken: { accessTokenExpiresAt: string } };

export type ConsoleLoginMutationVariables = Exact<{
  identifier: string;
  password: string;
}>;


export type ConsoleLoginMutation = { login:
    | { __typename: 'AuthPayload', user: { id: string, email: string, firstName: string, lastName: string, locale: string | null, emailVerified: boolean, isStaff: boolean, isSuperuser: boolean } }
    | { __typename: 'MfaChallenge', mfaToken: string, methods: Array<MfaMethod> }
   };

export type ConsoleCompleteMfaMutationVariables = Exact<{
  mfaToken: string;
  code: string;
}>;


export type ConsoleCompleteMfaMutation = { completeMfaSignIn: { user: { id: string, email: string, firstName: string, lastName: string, locale: string | null, emailVerified: boolean, isStaff: boolean, isSuperuser: boolean } } };

export type ConsoleStartPasskeySignInMutationVariables = Exact<{ [key: string]: never; }>;


export type ConsoleStartPasskeySignInMutation = { startPasskeySignIn: unknown };

export type ConsoleFinishPasskeySignInMutationVariables = Exact<{
  response: unknown;
}>;


export type ConsoleFinishPasskeySignInMutation = { finishPasskeySignIn:
    | { __typename: 'AuthPayload', user: { id: string, email: string, firstName: string, lastName: string, locale: string | null, emailVerified: boolean, isStaff: boolean, isSuperuser: boolean } }
    | { __typename: 'MfaChallenge' }
   };

export type ConsoleViewerFragment = { id: string, email: string, firstName: string, lastName: string, locale: string | null, emailVerified: boolean, isStaff: boolean, isSuperuser: boolean };

export type ConsoleMeQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleMeQuery = { me: { id: string, email: string, firstName: string, lastName: string, locale: string | null, emailVerified: boolean, isStaff: boolean, isSuperuser: boolean } | null };

export type ConsoleLogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type ConsoleLogoutMutation = { logout: boolean };

export type ConsoleSaveLocaleMutationVariables = Exact<{
  locale: string;
}>;


export type ConsoleSaveLocaleMutation = { updateProfile: { id: string, email: string, firstName: string, lastName: string, locale: string | null, emailVerified: boolean, isStaff: boolean, isSuperuser: boolean } };

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
export const ConsoleRefreshDocument = new TypedDocumentString(`
    mutation ConsoleRefresh {
  refreshToken {
    accessTokenExpiresAt
  }
}
    `) as unknown as TypedDocumentString<ConsoleRefreshMutation, ConsoleRefreshMutationVariables>;
export const ConsoleLoginDocument = new TypedDocumentString(`
    mutation ConsoleLogin($identifier: String!, $password: String!) {
  login(identifier: $identifier, password: $password) {
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