/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ConsoleSessions {\n    mySessions {\n      id\n      current\n      userAgent\n      ip\n      lastUsedAt\n    }\n  }\n": typeof types.ConsoleSessionsDocument,
    "\n  mutation ConsoleRevokeSession($id: ID!, $password: String) {\n    revokeSession(id: $id, password: $password)\n  }\n": typeof types.ConsoleRevokeSessionDocument,
    "\n  mutation ConsoleLogoutAll($password: String!) {\n    logoutAll(password: $password)\n  }\n": typeof types.ConsoleLogoutAllDocument,
    "\n  query ConsoleIdentities {\n    myIdentities {\n      id\n      providerName\n      email\n      linkedAt\n    }\n  }\n": typeof types.ConsoleIdentitiesDocument,
    "\n  mutation ConsoleUnlink($id: ID!, $password: String) {\n    unlinkIdentity(id: $id, password: $password)\n  }\n": typeof types.ConsoleUnlinkDocument,
    "\n  query ConsolePasskeys {\n    myPasskeys {\n      id\n      name\n      createdAt\n      lastUsedAt\n    }\n  }\n": typeof types.ConsolePasskeysDocument,
    "\n  mutation ConsoleStartPasskey {\n    startPasskeyRegistration\n  }\n": typeof types.ConsoleStartPasskeyDocument,
    "\n  mutation ConsoleFinishPasskey($response: JSON!, $name: String) {\n    finishPasskeyRegistration(response: $response, name: $name) {\n      id\n    }\n  }\n": typeof types.ConsoleFinishPasskeyDocument,
    "\n  mutation ConsoleRemovePasskey($id: ID!, $password: String) {\n    removePasskey(id: $id, password: $password)\n  }\n": typeof types.ConsoleRemovePasskeyDocument,
    "\n  query ConsoleRegistrationInfo {\n    registrationMode\n    passwordPolicy {\n      minLength\n    }\n  }\n": typeof types.ConsoleRegistrationInfoDocument,
    "\n  mutation ConsoleRegister($input: RegisterInput!) {\n    register(input: $input) {\n      emailVerificationRequired\n    }\n  }\n": typeof types.ConsoleRegisterDocument,
    "\n  mutation ConsoleVerifyEmail($email: String!, $code: String!) {\n    verifyEmail(email: $email, code: $code) {\n      id\n    }\n  }\n": typeof types.ConsoleVerifyEmailDocument,
    "\n  mutation ConsoleVerifyEmailLink($token: String!) {\n    verifyEmailWithToken(token: $token) {\n      id\n    }\n  }\n": typeof types.ConsoleVerifyEmailLinkDocument,
    "\n  mutation ConsoleResendCode($email: String!) {\n    resendVerificationEmail(email: $email)\n  }\n": typeof types.ConsoleResendCodeDocument,
    "\n  mutation ConsoleRequestReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.ConsoleRequestResetDocument,
    "\n  mutation ConsoleResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": typeof types.ConsoleResetPasswordDocument,
    "\n  mutation ConsoleUpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      ...ConsoleViewer\n    }\n  }\n": typeof types.ConsoleUpdateProfileDocument,
    "\n  mutation ConsoleChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ConsoleChangePasswordDocument,
    "\n  mutation ConsoleRequestEmailChange($newEmail: String!, $password: String!) {\n    requestEmailChange(newEmail: $newEmail, password: $password)\n  }\n": typeof types.ConsoleRequestEmailChangeDocument,
    "\n  mutation ConsoleConfirmEmailChange($code: String!) {\n    confirmEmailChange(code: $code) {\n      ...ConsoleViewer\n    }\n  }\n": typeof types.ConsoleConfirmEmailChangeDocument,
    "\n  query ConsoleMfaStatus {\n    me {\n      id\n      mfa {\n        totp\n        recoveryCodesLeft\n      }\n    }\n  }\n": typeof types.ConsoleMfaStatusDocument,
    "\n  mutation ConsoleStartTotp {\n    startTotpEnrollment {\n      secret\n      qrCodeSvg\n    }\n  }\n": typeof types.ConsoleStartTotpDocument,
    "\n  mutation ConsoleConfirmTotp($code: String!, $password: String) {\n    confirmTotpEnrollment(code: $code, password: $password)\n  }\n": typeof types.ConsoleConfirmTotpDocument,
    "\n  mutation ConsoleDisableTotp($password: String, $code: String) {\n    disableTotp(password: $password, code: $code)\n  }\n": typeof types.ConsoleDisableTotpDocument,
    "\n  mutation ConsoleNewRecoveryCodes($password: String, $code: String) {\n    regenerateRecoveryCodes(password: $password, code: $code)\n  }\n": typeof types.ConsoleNewRecoveryCodesDocument,
    "\n  mutation ConsoleRefresh {\n    refreshToken {\n      accessTokenExpiresAt\n    }\n  }\n": typeof types.ConsoleRefreshDocument,
    "\n  mutation ConsoleLogin($identifier: String!, $password: String!) {\n    login(identifier: $identifier, password: $password) {\n      __typename\n      ... on AuthPayload {\n        user {\n          ...ConsoleViewer\n        }\n      }\n      ... on MfaChallenge {\n        mfaToken\n        methods\n      }\n    }\n  }\n": typeof types.ConsoleLoginDocument,
    "\n  mutation ConsoleCompleteMfa($mfaToken: String!, $code: String!) {\n    completeMfaSignIn(mfaToken: $mfaToken, code: $code) {\n      user {\n        ...ConsoleViewer\n      }\n    }\n  }\n": typeof types.ConsoleCompleteMfaDocument,
    "\n  mutation ConsoleStartPasskeySignIn {\n    startPasskeySignIn\n  }\n": typeof types.ConsoleStartPasskeySignInDocument,
    "\n  mutation ConsoleFinishPasskeySignIn($response: JSON!) {\n    finishPasskeySignIn(response: $response) {\n      __typename\n      ... on AuthPayload {\n        user {\n          ...ConsoleViewer\n        }\n      }\n    }\n  }\n": typeof types.ConsoleFinishPasskeySignInDocument,
    "\n  fragment ConsoleViewer on User {\n    id\n    email\n    firstName\n    lastName\n    locale\n    emailVerified\n    isStaff\n    isSuperuser\n  }\n": typeof types.ConsoleViewerFragmentDoc,
    "\n  query ConsoleMe {\n    me {\n      ...ConsoleViewer\n    }\n  }\n": typeof types.ConsoleMeDocument,
    "\n  mutation ConsoleLogout {\n    logout\n  }\n": typeof types.ConsoleLogoutDocument,
    "\n  mutation ConsoleSaveLocale($locale: String!) {\n    updateProfile(input: { locale: $locale }) {\n      ...ConsoleViewer\n    }\n  }\n": typeof types.ConsoleSaveLocaleDocument,
};
const documents: Documents = {
    "\n  query ConsoleSessions {\n    mySessions {\n      id\n      current\n      userAgent\n      ip\n      lastUsedAt\n    }\n  }\n": types.ConsoleSessionsDocument,
    "\n  mutation ConsoleRevokeSession($id: ID!, $password: String) {\n    revokeSession(id: $id, password: $password)\n  }\n": types.ConsoleRevokeSessionDocument,
    "\n  mutation ConsoleLogoutAll($password: String!) {\n    logoutAll(password: $password)\n  }\n": types.ConsoleLogoutAllDocument,
    "\n  query ConsoleIdentities {\n    myIdentities {\n      id\n      providerName\n      email\n      linkedAt\n    }\n  }\n": types.ConsoleIdentitiesDocument,
    "\n  mutation ConsoleUnlink($id: ID!, $password: String) {\n    unlinkIdentity(id: $id, password: $password)\n  }\n": types.ConsoleUnlinkDocument,
    "\n  query ConsolePasskeys {\n    myPasskeys {\n      id\n      name\n      createdAt\n      lastUsedAt\n    }\n  }\n": types.ConsolePasskeysDocument,
    "\n  mutation ConsoleStartPasskey {\n    startPasskeyRegistration\n  }\n": types.ConsoleStartPasskeyDocument,
    "\n  mutation ConsoleFinishPasskey($response: JSON!, $name: String) {\n    finishPasskeyRegistration(response: $response, name: $name) {\n      id\n    }\n  }\n": types.ConsoleFinishPasskeyDocument,
    "\n  mutation ConsoleRemovePasskey($id: ID!, $password: String) {\n    removePasskey(id: $id, password: $password)\n  }\n": types.ConsoleRemovePasskeyDocument,
    "\n  query ConsoleRegistrationInfo {\n    registrationMode\n    passwordPolicy {\n      minLength\n    }\n  }\n": types.ConsoleRegistrationInfoDocument,
    "\n  mutation ConsoleRegister($input: RegisterInput!) {\n    register(input: $input) {\n      emailVerificationRequired\n    }\n  }\n": types.ConsoleRegisterDocument,
    "\n  mutation ConsoleVerifyEmail($email: String!, $code: String!) {\n    verifyEmail(email: $email, code: $code) {\n      id\n    }\n  }\n": types.ConsoleVerifyEmailDocument,
    "\n  mutation ConsoleVerifyEmailLink($token: String!) {\n    verifyEmailWithToken(token: $token) {\n      id\n    }\n  }\n": types.ConsoleVerifyEmailLinkDocument,
    "\n  mutation ConsoleResendCode($email: String!) {\n    resendVerificationEmail(email: $email)\n  }\n": types.ConsoleResendCodeDocument,
    "\n  mutation ConsoleRequestReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.ConsoleRequestResetDocument,
    "\n  mutation ConsoleResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": types.ConsoleResetPasswordDocument,
    "\n  mutation ConsoleUpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      ...ConsoleViewer\n    }\n  }\n": types.ConsoleUpdateProfileDocument,
    "\n  mutation ConsoleChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ConsoleChangePasswordDocument,
    "\n  mutation ConsoleRequestEmailChange($newEmail: String!, $password: String!) {\n    requestEmailChange(newEmail: $newEmail, password: $password)\n  }\n": types.ConsoleRequestEmailChangeDocument,
    "\n  mutation ConsoleConfirmEmailChange($code: String!) {\n    confirmEmailChange(code: $code) {\n      ...ConsoleViewer\n    }\n  }\n": types.ConsoleConfirmEmailChangeDocument,
    "\n  query ConsoleMfaStatus {\n    me {\n      id\n      mfa {\n        totp\n        recoveryCodesLeft\n      }\n    }\n  }\n": types.ConsoleMfaStatusDocument,
    "\n  mutation ConsoleStartTotp {\n    startTotpEnrollment {\n      secret\n      qrCodeSvg\n    }\n  }\n": types.ConsoleStartTotpDocument,
    "\n  mutation ConsoleConfirmTotp($code: String!, $password: String) {\n    confirmTotpEnrollment(code: $code, password: $password)\n  }\n": types.ConsoleConfirmTotpDocument,
    "\n  mutation ConsoleDisableTotp($password: String, $code: String) {\n    disableTotp(password: $password, code: $code)\n  }\n": types.ConsoleDisableTotpDocument,
    "\n  mutation ConsoleNewRecoveryCodes($password: String, $code: String) {\n    regenerateRecoveryCodes(password: $password, code: $code)\n  }\n": types.ConsoleNewRecoveryCodesDocument,
    "\n  mutation ConsoleRefresh {\n    refreshToken {\n      accessTokenExpiresAt\n    }\n  }\n": types.ConsoleRefreshDocument,
    "\n  mutation ConsoleLogin($identifier: String!, $password: String!) {\n    login(identifier: $identifier, password: $password) {\n      __typename\n      ... on AuthPayload {\n        user {\n          ...ConsoleViewer\n        }\n      }\n      ... on MfaChallenge {\n        mfaToken\n        methods\n      }\n    }\n  }\n": types.ConsoleLoginDocument,
    "\n  mutation ConsoleCompleteMfa($mfaToken: String!, $code: String!) {\n    completeMfaSignIn(mfaToken: $mfaToken, code: $code) {\n      user {\n        ...ConsoleViewer\n      }\n    }\n  }\n": types.ConsoleCompleteMfaDocument,
    "\n  mutation ConsoleStartPasskeySignIn {\n    startPasskeySignIn\n  }\n": types.ConsoleStartPasskeySignInDocument,
    "\n  mutation ConsoleFinishPasskeySignIn($response: JSON!) {\n    finishPasskeySignIn(response: $response) {\n      __typename\n      ... on AuthPayload {\n        user {\n          ...ConsoleViewer\n        }\n      }\n    }\n  }\n": types.ConsoleFinishPasskeySignInDocument,
    "\n  fragment ConsoleViewer on User {\n    id\n    email\n    firstName\n    lastName\n    locale\n    emailVerified\n    isStaff\n    isSuperuser\n  }\n": types.ConsoleViewerFragmentDoc,
    "\n  query ConsoleMe {\n    me {\n      ...ConsoleViewer\n    }\n  }\n": types.ConsoleMeDocument,
    "\n  mutation ConsoleLogout {\n    logout\n  }\n": types.ConsoleLogoutDocument,
    "\n  mutation ConsoleSaveLocale($locale: String!) {\n    updateProfile(input: { locale: $locale }) {\n      ...ConsoleViewer\n    }\n  }\n": types.ConsoleSaveLocaleDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleSessions {\n    mySessions {\n      id\n      current\n      userAgent\n      ip\n      lastUsedAt\n    }\n  }\n"): typeof import('./graphql.js').ConsoleSessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRevokeSession($id: ID!, $password: String) {\n    revokeSession(id: $id, password: $password)\n  }\n"): typeof import('./graphql.js').ConsoleRevokeSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleLogoutAll($password: String!) {\n    logoutAll(password: $password)\n  }\n"): typeof import('./graphql.js').ConsoleLogoutAllDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleIdentities {\n    myIdentities {\n      id\n      providerName\n      email\n      linkedAt\n    }\n  }\n"): typeof import('./graphql.js').ConsoleIdentitiesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUnlink($id: ID!, $password: String) {\n    unlinkIdentity(id: $id, password: $password)\n  }\n"): typeof import('./graphql.js').ConsoleUnlinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsolePasskeys {\n    myPasskeys {\n      id\n      name\n      createdAt\n      lastUsedAt\n    }\n  }\n"): typeof import('./graphql.js').ConsolePasskeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleStartPasskey {\n    startPasskeyRegistration\n  }\n"): typeof import('./graphql.js').ConsoleStartPasskeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleFinishPasskey($response: JSON!, $name: String) {\n    finishPasskeyRegistration(response: $response, name: $name) {\n      id\n    }\n  }\n"): typeof import('./graphql.js').ConsoleFinishPasskeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRemovePasskey($id: ID!, $password: String) {\n    removePasskey(id: $id, password: $password)\n  }\n"): typeof import('./graphql.js').ConsoleRemovePasskeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleRegistrationInfo {\n    registrationMode\n    passwordPolicy {\n      minLength\n    }\n  }\n"): typeof import('./graphql.js').ConsoleRegistrationInfoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRegister($input: RegisterInput!) {\n    register(input: $input) {\n      emailVerificationRequired\n    }\n  }\n"): typeof import('./graphql.js').ConsoleRegisterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleVerifyEmail($email: String!, $code: String!) {\n    verifyEmail(email: $email, code: $code) {\n      id\n    }\n  }\n"): typeof import('./graphql.js').ConsoleVerifyEmailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleVerifyEmailLink($token: String!) {\n    verifyEmailWithToken(token: $token) {\n      id\n    }\n  }\n"): typeof import('./graphql.js').ConsoleVerifyEmailLinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleResendCode($email: String!) {\n    resendVerificationEmail(email: $email)\n  }\n"): typeof import('./graphql.js').ConsoleResendCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRequestReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): typeof import('./graphql.js').ConsoleRequestResetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n"): typeof import('./graphql.js').ConsoleResetPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      ...ConsoleViewer\n    }\n  }\n"): typeof import('./graphql.js').ConsoleUpdateProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): typeof import('./graphql.js').ConsoleChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRequestEmailChange($newEmail: String!, $password: String!) {\n    requestEmailChange(newEmail: $newEmail, password: $password)\n  }\n"): typeof import('./graphql.js').ConsoleRequestEmailChangeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleConfirmEmailChange($code: String!) {\n    confirmEmailChange(code: $code) {\n      ...ConsoleViewer\n    }\n  }\n"): typeof import('./graphql.js').ConsoleConfirmEmailChangeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleMfaStatus {\n    me {\n      id\n      mfa {\n        totp\n        recoveryCodesLeft\n      }\n    }\n  }\n"): typeof import('./graphql.js').ConsoleMfaStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleStartTotp {\n    startTotpEnrollment {\n      secret\n      qrCodeSvg\n    }\n  }\n"): typeof import('./graphql.js').ConsoleStartTotpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleConfirmTotp($code: String!, $password: String) {\n    confirmTotpEnrollment(code: $code, password: $password)\n  }\n"): typeof import('./graphql.js').ConsoleConfirmTotpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleDisableTotp($password: String, $code: String) {\n    disableTotp(password: $password, code: $code)\n  }\n"): typeof import('./graphql.js').ConsoleDisableTotpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleNewRecoveryCodes($password: String, $code: String) {\n    regenerateRecoveryCodes(password: $password, code: $code)\n  }\n"): typeof import('./graphql.js').ConsoleNewRecoveryCodesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRefresh {\n    refreshToken {\n      accessTokenExpiresAt\n    }\n  }\n"): typeof import('./graphql.js').ConsoleRefreshDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleLogin($identifier: String!, $password: String!) {\n    login(identifier: $identifier, password: $password) {\n      __typename\n      ... on AuthPayload {\n        user {\n          ...ConsoleViewer\n        }\n      }\n      ... on MfaChallenge {\n        mfaToken\n        methods\n      }\n    }\n  }\n"): typeof import('./graphql.js').ConsoleLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCompleteMfa($mfaToken: String!, $code: String!) {\n    completeMfaSignIn(mfaToken: $mfaToken, code: $code) {\n      user {\n        ...ConsoleViewer\n      }\n    }\n  }\n"): typeof import('./graphql.js').ConsoleCompleteMfaDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleStartPasskeySignIn {\n    startPasskeySignIn\n  }\n"): typeof import('./graphql.js').ConsoleStartPasskeySignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleFinishPasskeySignIn($response: JSON!) {\n    finishPasskeySignIn(response: $response) {\n      __typename\n      ... on AuthPayload {\n        user {\n          ...ConsoleViewer\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').ConsoleFinishPasskeySignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleViewer on User {\n    id\n    email\n    firstName\n    lastName\n    locale\n    emailVerified\n    isStaff\n    isSuperuser\n  }\n"): typeof import('./graphql.js').ConsoleViewerFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleMe {\n    me {\n      ...ConsoleViewer\n    }\n  }\n"): typeof import('./graphql.js').ConsoleMeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleLogout {\n    logout\n  }\n"): typeof import('./graphql.js').ConsoleLogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSaveLocale($locale: String!) {\n    updateProfile(input: { locale: $locale }) {\n      ...ConsoleViewer\n    }\n  }\n"): typeof import('./graphql.js').ConsoleSaveLocaleDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
