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
    "\n  query ConsoleOAuthProviders {\n    oauthProviders {\n      id\n      name\n    }\n  }\n": typeof types.ConsoleOAuthProvidersDocument,
    "\n  mutation ConsoleStartOAuthSignIn($provider: String!, $redirectUri: String!) {\n    startOAuthSignIn(provider: $provider, redirectUri: $redirectUri) {\n      authorizationUrl\n      state\n    }\n  }\n": typeof types.ConsoleStartOAuthSignInDocument,
    "\n  mutation ConsoleStartLinkOAuth($provider: String!, $redirectUri: String!, $password: String) {\n    startLinkOAuthIdentity(provider: $provider, redirectUri: $redirectUri, password: $password) {\n      authorizationUrl\n      state\n    }\n  }\n": typeof types.ConsoleStartLinkOAuthDocument,
    "\n  mutation ConsoleCompleteOAuthSignIn($state: String!, $code: String!, $iss: String) {\n    completeOAuthSignIn(state: $state, code: $code, iss: $iss) {\n      ...ConsoleSignInResult\n    }\n  }\n": typeof types.ConsoleCompleteOAuthSignInDocument,
    "\n  mutation ConsoleLinkOAuth($state: String!, $code: String!, $iss: String) {\n    linkOAuthIdentity(state: $state, code: $code, iss: $iss) {\n      id\n    }\n  }\n": typeof types.ConsoleLinkOAuthDocument,
    "\n  query ConsolePasskeys {\n    myPasskeys {\n      id\n      name\n      createdAt\n      lastUsedAt\n    }\n  }\n": typeof types.ConsolePasskeysDocument,
    "\n  mutation ConsoleStartPasskey {\n    startPasskeyRegistration\n  }\n": typeof types.ConsoleStartPasskeyDocument,
    "\n  mutation ConsoleFinishPasskey($response: JSON!, $name: String) {\n    finishPasskeyRegistration(response: $response, name: $name) {\n      id\n    }\n  }\n": typeof types.ConsoleFinishPasskeyDocument,
    "\n  mutation ConsoleRemovePasskey($id: ID!, $password: String) {\n    removePasskey(id: $id, password: $password)\n  }\n": typeof types.ConsoleRemovePasskeyDocument,
    "\n  query ConsoleRegistrationInfo {\n    registrationMode\n    registrationRequiredFields\n    passwordPolicy {\n      minLength\n    }\n  }\n": typeof types.ConsoleRegistrationInfoDocument,
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
    "\n  query ConsoleAdminMyAccess {\n    myPermissions {\n      groups\n      permissions\n      isSuperuser\n    }\n  }\n": typeof types.ConsoleAdminMyAccessDocument,
    "\n  query ConsoleAdminAudit($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        type\n        createdAt\n        ip\n        metadata\n        userId\n        user {\n          id\n          email\n        }\n        actor {\n          id\n          email\n        }\n      }\n    }\n  }\n": typeof types.ConsoleAdminAuditDocument,
    "\n  query ConsoleAdminGroups {\n    groups {\n      id\n      name\n      description\n      memberCount\n      permissions {\n        codename\n      }\n    }\n  }\n": typeof types.ConsoleAdminGroupsDocument,
    "\n  mutation ConsoleAdminCreateGroup($name: String!, $description: String) {\n    createGroup(name: $name, description: $description) {\n      id\n    }\n  }\n": typeof types.ConsoleAdminCreateGroupDocument,
    "\n  query ConsoleAdminPermissions {\n    permissions {\n      id\n      codename\n      name\n      builtIn\n    }\n  }\n": typeof types.ConsoleAdminPermissionsDocument,
    "\n  mutation ConsoleAdminCreatePermission($codename: String!, $name: String) {\n    createPermission(codename: $codename, name: $name) {\n      id\n    }\n  }\n": typeof types.ConsoleAdminCreatePermissionDocument,
    "\n  mutation ConsoleAdminCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n    }\n  }\n": typeof types.ConsoleAdminCreateUserDocument,
    "\n  query ConsoleAdminUser($id: ID!) {\n    user(id: $id) {\n      id\n      email\n      username\n      firstName\n      lastName\n      locale\n      notes\n      attributes\n      isActive\n      isStaff\n      isSuperuser\n      emailVerified\n      createdAt\n      lastLoginAt\n      groups {\n        id\n        name\n        permissions {\n          codename\n        }\n      }\n      directPermissions {\n        codename\n      }\n      mfa {\n        enabled\n        totp\n        passkeys\n        recoveryCodesLeft\n      }\n      identities {\n        id\n        providerName\n        email\n        linkedAt\n      }\n    }\n  }\n": typeof types.ConsoleAdminUserDocument,
    "\n  query ConsoleAdminUserSessions($id: ID!) {\n    user(id: $id) {\n      id\n      sessions {\n        id\n        userAgent\n        ip\n        lastUsedAt\n      }\n    }\n  }\n": typeof types.ConsoleAdminUserSessionsDocument,
    "\n  query ConsoleAdminGrantable {\n    groups {\n      id\n      name\n      permissions {\n        codename\n      }\n    }\n    permissions {\n      id\n      codename\n      name\n    }\n  }\n": typeof types.ConsoleAdminGrantableDocument,
    "\n  mutation ConsoleAdminSetActive($id: ID!, $active: Boolean!) {\n    setUserActive(id: $id, active: $active) {\n      id\n      isActive\n    }\n  }\n": typeof types.ConsoleAdminSetActiveDocument,
    "\n  mutation ConsoleAdminUpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n    }\n  }\n": typeof types.ConsoleAdminUpdateUserDocument,
    "\n  mutation ConsoleAdminSetGroups($id: ID!, $groups: [String!]!) {\n    setUserGroups(id: $id, groups: $groups) {\n      id\n    }\n  }\n": typeof types.ConsoleAdminSetGroupsDocument,
    "\n  mutation ConsoleAdminSetPermissions($id: ID!, $permissions: [String!]!) {\n    setUserPermissions(id: $id, permissions: $permissions) {\n      id\n    }\n  }\n": typeof types.ConsoleAdminSetPermissionsDocument,
    "\n  mutation ConsoleAdminRevokeSessions($userId: ID!, $sessionId: ID) {\n    revokeUserSessions(userId: $userId, sessionId: $sessionId)\n  }\n": typeof types.ConsoleAdminRevokeSessionsDocument,
    "\n  mutation ConsoleAdminResetMfa($id: ID!) {\n    resetUserMfa(id: $id) {\n      id\n    }\n  }\n": typeof types.ConsoleAdminResetMfaDocument,
    "\n  mutation ConsoleAdminUnlink($id: ID!) {\n    adminUnlinkIdentity(id: $id)\n  }\n": typeof types.ConsoleAdminUnlinkDocument,
    "\n  query ConsoleAdminUsers($filter: UserFilter, $orderBy: UserOrder, $first: Int, $after: String) {\n    users(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        email\n        firstName\n        lastName\n        isActive\n        isStaff\n        isSuperuser\n        emailVerified\n        lastLoginAt\n      }\n    }\n  }\n": typeof types.ConsoleAdminUsersDocument,
    "\n  query ConsoleAdminGroupNames {\n    groups {\n      id\n      name\n    }\n  }\n": typeof types.ConsoleAdminGroupNamesDocument,
    "\n  query ConsoleAdminEndpoints {\n    webhookEndpoints {\n      id\n      url\n      description\n      enabled\n      eventTypes\n      consecutiveFailures\n      disabledReason\n    }\n  }\n": typeof types.ConsoleAdminEndpointsDocument,
    "\n  query ConsoleAdminDeliveries($endpointId: ID!) {\n    webhookDeliveries(endpointId: $endpointId, first: 50) {\n      id\n      eventType\n      status\n      attempts\n      lastStatusCode\n      lastError\n      createdAt\n      deliveredAt\n    }\n  }\n": typeof types.ConsoleAdminDeliveriesDocument,
    "\n  mutation ConsoleRefresh {\n    refreshToken {\n      accessTokenExpiresAt\n    }\n  }\n": typeof types.ConsoleRefreshDocument,
    "\n  mutation ConsoleRequestSignInCode($email: String!) {\n    requestSignInCode(email: $email)\n  }\n": typeof types.ConsoleRequestSignInCodeDocument,
    "\n  mutation ConsoleSignInWithCode($email: String!, $code: String!) {\n    signInWithCode(email: $email, code: $code) {\n      ...ConsoleSignInResult\n    }\n  }\n": typeof types.ConsoleSignInWithCodeDocument,
    "\n  mutation ConsoleLogin($identifier: String!, $password: String!) {\n    login(identifier: $identifier, password: $password) {\n      ...ConsoleSignInResult\n    }\n  }\n": typeof types.ConsoleLoginDocument,
    "\n  mutation ConsoleCompleteMfa($mfaToken: String!, $code: String!) {\n    completeMfaSignIn(mfaToken: $mfaToken, code: $code) {\n      user {\n        ...ConsoleViewer\n      }\n    }\n  }\n": typeof types.ConsoleCompleteMfaDocument,
    "\n  mutation ConsoleStartPasskeySignIn {\n    startPasskeySignIn\n  }\n": typeof types.ConsoleStartPasskeySignInDocument,
    "\n  mutation ConsoleFinishPasskeySignIn($response: JSON!) {\n    finishPasskeySignIn(response: $response) {\n      __typename\n      ... on AuthPayload {\n        user {\n          ...ConsoleViewer\n        }\n      }\n    }\n  }\n": typeof types.ConsoleFinishPasskeySignInDocument,
    "\n  fragment ConsoleViewer on User {\n    id\n    email\n    firstName\n    lastName\n    locale\n    emailVerified\n    isStaff\n    isSuperuser\n  }\n": typeof types.ConsoleViewerFragmentDoc,
    "\n  fragment ConsoleSignInResult on SignInResult {\n    __typename\n    ... on AuthPayload {\n      user {\n        ...ConsoleViewer\n      }\n    }\n    ... on MfaChallenge {\n      mfaToken\n      methods\n    }\n  }\n": typeof types.ConsoleSignInResultFragmentDoc,
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
    "\n  query ConsoleOAuthProviders {\n    oauthProviders {\n      id\n      name\n    }\n  }\n": types.ConsoleOAuthProvidersDocument,
    "\n  mutation ConsoleStartOAuthSignIn($provider: String!, $redirectUri: String!) {\n    startOAuthSignIn(provider: $provider, redirectUri: $redirectUri) {\n      authorizationUrl\n      state\n    }\n  }\n": types.ConsoleStartOAuthSignInDocument,
    "\n  mutation ConsoleStartLinkOAuth($provider: String!, $redirectUri: String!, $password: String) {\n    startLinkOAuthIdentity(provider: $provider, redirectUri: $redirectUri, password: $password) {\n      authorizationUrl\n      state\n    }\n  }\n": types.ConsoleStartLinkOAuthDocument,
    "\n  mutation ConsoleCompleteOAuthSignIn($state: String!, $code: String!, $iss: String) {\n    completeOAuthSignIn(state: $state, code: $code, iss: $iss) {\n      ...ConsoleSignInResult\n    }\n  }\n": types.ConsoleCompleteOAuthSignInDocument,
    "\n  mutation ConsoleLinkOAuth($state: String!, $code: String!, $iss: String) {\n    linkOAuthIdentity(state: $state, code: $code, iss: $iss) {\n      id\n    }\n  }\n": types.ConsoleLinkOAuthDocument,
    "\n  query ConsolePasskeys {\n    myPasskeys {\n      id\n      name\n      createdAt\n      lastUsedAt\n    }\n  }\n": types.ConsolePasskeysDocument,
    "\n  mutation ConsoleStartPasskey {\n    startPasskeyRegistration\n  }\n": types.ConsoleStartPasskeyDocument,
    "\n  mutation ConsoleFinishPasskey($response: JSON!, $name: String) {\n    finishPasskeyRegistration(response: $response, name: $name) {\n      id\n    }\n  }\n": types.ConsoleFinishPasskeyDocument,
    "\n  mutation ConsoleRemovePasskey($id: ID!, $password: String) {\n    removePasskey(id: $id, password: $password)\n  }\n": types.ConsoleRemovePasskeyDocument,
    "\n  query ConsoleRegistrationInfo {\n    registrationMode\n    registrationRequiredFields\n    passwordPolicy {\n      minLength\n    }\n  }\n": types.ConsoleRegistrationInfoDocument,
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
    "\n  query ConsoleAdminMyAccess {\n    myPermissions {\n      groups\n      permissions\n      isSuperuser\n    }\n  }\n": types.ConsoleAdminMyAccessDocument,
    "\n  query ConsoleAdminAudit($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        type\n        createdAt\n        ip\n        metadata\n        userId\n        user {\n          id\n          email\n        }\n        actor {\n          id\n          email\n        }\n      }\n    }\n  }\n": types.ConsoleAdminAuditDocument,
    "\n  query ConsoleAdminGroups {\n    groups {\n      id\n      name\n      description\n      memberCount\n      permissions {\n        codename\n      }\n    }\n  }\n": types.ConsoleAdminGroupsDocument,
    "\n  mutation ConsoleAdminCreateGroup($name: String!, $description: String) {\n    createGroup(name: $name, description: $description) {\n      id\n    }\n  }\n": types.ConsoleAdminCreateGroupDocument,
    "\n  query ConsoleAdminPermissions {\n    permissions {\n      id\n      codename\n      name\n      builtIn\n    }\n  }\n": types.ConsoleAdminPermissionsDocument,
    "\n  mutation ConsoleAdminCreatePermission($codename: String!, $name: String) {\n    createPermission(codename: $codename, name: $name) {\n      id\n    }\n  }\n": types.ConsoleAdminCreatePermissionDocument,
    "\n  mutation ConsoleAdminCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n    }\n  }\n": types.ConsoleAdminCreateUserDocument,
    "\n  query ConsoleAdminUser($id: ID!) {\n    user(id: $id) {\n      id\n      email\n      username\n      firstName\n      lastName\n      locale\n      notes\n      attributes\n      isActive\n      isStaff\n      isSuperuser\n      emailVerified\n      createdAt\n      lastLoginAt\n      groups {\n        id\n        name\n        permissions {\n          codename\n        }\n      }\n      directPermissions {\n        codename\n      }\n      mfa {\n        enabled\n        totp\n        passkeys\n        recoveryCodesLeft\n      }\n      identities {\n        id\n        providerName\n        email\n        linkedAt\n      }\n    }\n  }\n": types.ConsoleAdminUserDocument,
    "\n  query ConsoleAdminUserSessions($id: ID!) {\n    user(id: $id) {\n      id\n      sessions {\n        id\n        userAgent\n        ip\n        lastUsedAt\n      }\n    }\n  }\n": types.ConsoleAdminUserSessionsDocument,
    "\n  query ConsoleAdminGrantable {\n    groups {\n      id\n      name\n      permissions {\n        codename\n      }\n    }\n    permissions {\n      id\n      codename\n      name\n    }\n  }\n": types.ConsoleAdminGrantableDocument,
    "\n  mutation ConsoleAdminSetActive($id: ID!, $active: Boolean!) {\n    setUserActive(id: $id, active: $active) {\n      id\n      isActive\n    }\n  }\n": types.ConsoleAdminSetActiveDocument,
    "\n  mutation ConsoleAdminUpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n    }\n  }\n": types.ConsoleAdminUpdateUserDocument,
    "\n  mutation ConsoleAdminSetGroups($id: ID!, $groups: [String!]!) {\n    setUserGroups(id: $id, groups: $groups) {\n      id\n    }\n  }\n": types.ConsoleAdminSetGroupsDocument,
    "\n  mutation ConsoleAdminSetPermissions($id: ID!, $permissions: [String!]!) {\n    setUserPermissions(id: $id, permissions: $permissions) {\n      id\n    }\n  }\n": types.ConsoleAdminSetPermissionsDocument,
    "\n  mutation ConsoleAdminRevokeSessions($userId: ID!, $sessionId: ID) {\n    revokeUserSessions(userId: $userId, sessionId: $sessionId)\n  }\n": types.ConsoleAdminRevokeSessionsDocument,
    "\n  mutation ConsoleAdminResetMfa($id: ID!) {\n    resetUserMfa(id: $id) {\n      id\n    }\n  }\n": types.ConsoleAdminResetMfaDocument,
    "\n  mutation ConsoleAdminUnlink($id: ID!) {\n    adminUnlinkIdentity(id: $id)\n  }\n": types.ConsoleAdminUnlinkDocument,
    "\n  query ConsoleAdminUsers($filter: UserFilter, $orderBy: UserOrder, $first: Int, $after: String) {\n    users(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        email\n        firstName\n        lastName\n        isActive\n        isStaff\n        isSuperuser\n        emailVerified\n        lastLoginAt\n      }\n    }\n  }\n": types.ConsoleAdminUsersDocument,
    "\n  query ConsoleAdminGroupNames {\n    groups {\n      id\n      name\n    }\n  }\n": types.ConsoleAdminGroupNamesDocument,
    "\n  query ConsoleAdminEndpoints {\n    webhookEndpoints {\n      id\n      url\n      description\n      enabled\n      eventTypes\n      consecutiveFailures\n      disabledReason\n    }\n  }\n": types.ConsoleAdminEndpointsDocument,
    "\n  query ConsoleAdminDeliveries($endpointId: ID!) {\n    webhookDeliveries(endpointId: $endpointId, first: 50) {\n      id\n      eventType\n      status\n      attempts\n      lastStatusCode\n      lastError\n      createdAt\n      deliveredAt\n    }\n  }\n": types.ConsoleAdminDeliveriesDocument,
    "\n  mutation ConsoleRefresh {\n    refreshToken {\n      accessTokenExpiresAt\n    }\n  }\n": types.ConsoleRefreshDocument,
    "\n  mutation ConsoleRequestSignInCode($email: String!) {\n    requestSignInCode(email: $email)\n  }\n": types.ConsoleRequestSignInCodeDocument,
    "\n  mutation ConsoleSignInWithCode($email: String!, $code: String!) {\n    signInWithCode(email: $email, code: $code) {\n      ...ConsoleSignInResult\n    }\n  }\n": types.ConsoleSignInWithCodeDocument,
    "\n  mutation ConsoleLogin($identifier: String!, $password: String!) {\n    login(identifier: $identifier, password: $password) {\n      ...ConsoleSignInResult\n    }\n  }\n": types.ConsoleLoginDocument,
    "\n  mutation ConsoleCompleteMfa($mfaToken: String!, $code: String!) {\n    completeMfaSignIn(mfaToken: $mfaToken, code: $code) {\n      user {\n        ...ConsoleViewer\n      }\n    }\n  }\n": types.ConsoleCompleteMfaDocument,
    "\n  mutation ConsoleStartPasskeySignIn {\n    startPasskeySignIn\n  }\n": types.ConsoleStartPasskeySignInDocument,
    "\n  mutation ConsoleFinishPasskeySignIn($response: JSON!) {\n    finishPasskeySignIn(response: $response) {\n      __typename\n      ... on AuthPayload {\n        user {\n          ...ConsoleViewer\n        }\n      }\n    }\n  }\n": types.ConsoleFinishPasskeySignInDocument,
    "\n  fragment ConsoleViewer on User {\n    id\n    email\n    firstName\n    lastName\n    locale\n    emailVerified\n    isStaff\n    isSuperuser\n  }\n": types.ConsoleViewerFragmentDoc,
    "\n  fragment ConsoleSignInResult on SignInResult {\n    __typename\n    ... on AuthPayload {\n      user {\n        ...ConsoleViewer\n      }\n    }\n    ... on MfaChallenge {\n      mfaToken\n      methods\n    }\n  }\n": types.ConsoleSignInResultFragmentDoc,
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
export function graphql(source: "\n  query ConsoleOAuthProviders {\n    oauthProviders {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql.js').ConsoleOAuthProvidersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleStartOAuthSignIn($provider: String!, $redirectUri: String!) {\n    startOAuthSignIn(provider: $provider, redirectUri: $redirectUri) {\n      authorizationUrl\n      state\n    }\n  }\n"): typeof import('./graphql.js').ConsoleStartOAuthSignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleStartLinkOAuth($provider: String!, $redirectUri: String!, $password: String) {\n    startLinkOAuthIdentity(provider: $provider, redirectUri: $redirectUri, password: $password) {\n      authorizationUrl\n      state\n    }\n  }\n"): typeof import('./graphql.js').ConsoleStartLinkOAuthDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCompleteOAuthSignIn($state: String!, $code: String!, $iss: String) {\n    completeOAuthSignIn(state: $state, code: $code, iss: $iss) {\n      ...ConsoleSignInResult\n    }\n  }\n"): typeof import('./graphql.js').ConsoleCompleteOAuthSignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleLinkOAuth($state: String!, $code: String!, $iss: String) {\n    linkOAuthIdentity(state: $state, code: $code, iss: $iss) {\n      id\n    }\n  }\n"): typeof import('./graphql.js').ConsoleLinkOAuthDocument;
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
export function graphql(source: "\n  query ConsoleRegistrationInfo {\n    registrationMode\n    registrationRequiredFields\n    passwordPolicy {\n      minLength\n    }\n  }\n"): typeof import('./graphql.js').ConsoleRegistrationInfoDocument;
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
export function graphql(source: "\n  query ConsoleAdminMyAccess {\n    myPermissions {\n      groups\n      permissions\n      isSuperuser\n    }\n  }\n"): typeof import('./graphql.js').ConsoleAdminMyAccessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleAdminAudit($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        type\n        createdAt\n        ip\n        metadata\n        userId\n        user {\n          id\n          email\n        }\n        actor {\n          id\n          email\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').ConsoleAdminAuditDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleAdminGroups {\n    groups {\n      id\n      name\n      description\n      memberCount\n      permissions {\n        codename\n      }\n    }\n  }\n"): typeof import('./graphql.js').ConsoleAdminGroupsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAdminCreateGroup($name: String!, $description: String) {\n    createGroup(name: $name, description: $description) {\n      id\n    }\n  }\n"): typeof import('./graphql.js').ConsoleAdminCreateGroupDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleAdminPermissions {\n    permissions {\n      id\n      codename\n      name\n      builtIn\n    }\n  }\n"): typeof import('./graphql.js').ConsoleAdminPermissionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAdminCreatePermission($codename: String!, $name: String) {\n    createPermission(codename: $codename, name: $name) {\n      id\n    }\n  }\n"): typeof import('./graphql.js').ConsoleAdminCreatePermissionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAdminCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql.js').ConsoleAdminCreateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleAdminUser($id: ID!) {\n    user(id: $id) {\n      id\n      email\n      username\n      firstName\n      lastName\n      locale\n      notes\n      attributes\n      isActive\n      isStaff\n      isSuperuser\n      emailVerified\n      createdAt\n      lastLoginAt\n      groups {\n        id\n        name\n        permissions {\n          codename\n        }\n      }\n      directPermissions {\n        codename\n      }\n      mfa {\n        enabled\n        totp\n        passkeys\n        recoveryCodesLeft\n      }\n      identities {\n        id\n        providerName\n        email\n        linkedAt\n      }\n    }\n  }\n"): typeof import('./graphql.js').ConsoleAdminUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleAdminUserSessions($id: ID!) {\n    user(id: $id) {\n      id\n      sessions {\n        id\n        userAgent\n        ip\n        lastUsedAt\n      }\n    }\n  }\n"): typeof import('./graphql.js').ConsoleAdminUserSessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleAdminGrantable {\n    groups {\n      id\n      name\n      permissions {\n        codename\n      }\n    }\n    permissions {\n      id\n      codename\n      name\n    }\n  }\n"): typeof import('./graphql.js').ConsoleAdminGrantableDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAdminSetActive($id: ID!, $active: Boolean!) {\n    setUserActive(id: $id, active: $active) {\n      id\n      isActive\n    }\n  }\n"): typeof import('./graphql.js').ConsoleAdminSetActiveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAdminUpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql.js').ConsoleAdminUpdateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAdminSetGroups($id: ID!, $groups: [String!]!) {\n    setUserGroups(id: $id, groups: $groups) {\n      id\n    }\n  }\n"): typeof import('./graphql.js').ConsoleAdminSetGroupsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAdminSetPermissions($id: ID!, $permissions: [String!]!) {\n    setUserPermissions(id: $id, permissions: $permissions) {\n      id\n    }\n  }\n"): typeof import('./graphql.js').ConsoleAdminSetPermissionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAdminRevokeSessions($userId: ID!, $sessionId: ID) {\n    revokeUserSessions(userId: $userId, sessionId: $sessionId)\n  }\n"): typeof import('./graphql.js').ConsoleAdminRevokeSessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAdminResetMfa($id: ID!) {\n    resetUserMfa(id: $id) {\n      id\n    }\n  }\n"): typeof import('./graphql.js').ConsoleAdminResetMfaDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAdminUnlink($id: ID!) {\n    adminUnlinkIdentity(id: $id)\n  }\n"): typeof import('./graphql.js').ConsoleAdminUnlinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleAdminUsers($filter: UserFilter, $orderBy: UserOrder, $first: Int, $after: String) {\n    users(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        email\n        firstName\n        lastName\n        isActive\n        isStaff\n        isSuperuser\n        emailVerified\n        lastLoginAt\n      }\n    }\n  }\n"): typeof import('./graphql.js').ConsoleAdminUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleAdminGroupNames {\n    groups {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql.js').ConsoleAdminGroupNamesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleAdminEndpoints {\n    webhookEndpoints {\n      id\n      url\n      description\n      enabled\n      eventTypes\n      consecutiveFailures\n      disabledReason\n    }\n  }\n"): typeof import('./graphql.js').ConsoleAdminEndpointsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleAdminDeliveries($endpointId: ID!) {\n    webhookDeliveries(endpointId: $endpointId, first: 50) {\n      id\n      eventType\n      status\n      attempts\n      lastStatusCode\n      lastError\n      createdAt\n      deliveredAt\n    }\n  }\n"): typeof import('./graphql.js').ConsoleAdminDeliveriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRefresh {\n    refreshToken {\n      accessTokenExpiresAt\n    }\n  }\n"): typeof import('./graphql.js').ConsoleRefreshDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRequestSignInCode($email: String!) {\n    requestSignInCode(email: $email)\n  }\n"): typeof import('./graphql.js').ConsoleRequestSignInCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSignInWithCode($email: String!, $code: String!) {\n    signInWithCode(email: $email, code: $code) {\n      ...ConsoleSignInResult\n    }\n  }\n"): typeof import('./graphql.js').ConsoleSignInWithCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleLogin($identifier: String!, $password: String!) {\n    login(identifier: $identifier, password: $password) {\n      ...ConsoleSignInResult\n    }\n  }\n"): typeof import('./graphql.js').ConsoleLoginDocument;
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
export function graphql(source: "\n  fragment ConsoleSignInResult on SignInResult {\n    __typename\n    ... on AuthPayload {\n      user {\n        ...ConsoleViewer\n      }\n    }\n    ... on MfaChallenge {\n      mfaToken\n      methods\n    }\n  }\n"): typeof import('./graphql.js').ConsoleSignInResultFragmentDoc;
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
