/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

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
    "\n  mutation Login($email: String!, $password: String!) {\n    login(identifier: $email, password: $password) {\n      __typename\n      ... on AuthPayload { accessToken accessTokenExpiresAt refreshToken user { id email } }\n      ... on MfaChallenge { mfaToken methods expiresAt }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation CompleteMfaSignIn($mfaToken: String!, $code: String!) {\n    completeMfaSignIn(mfaToken: $mfaToken, code: $code) { accessToken accessTokenExpiresAt refreshToken user { id email } }\n  }\n": typeof types.CompleteMfaSignInDocument,
    "\n  mutation RefreshToken($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) { accessToken accessTokenExpiresAt refreshToken }\n  }\n": typeof types.RefreshTokenDocument,
    "\n  mutation StartOAuthSignIn($provider: String!, $redirectUri: String!) {\n    startOAuthSignIn(provider: $provider, redirectUri: $redirectUri) { authorizationUrl state }\n  }\n": typeof types.StartOAuthSignInDocument,
    "\n  mutation CompleteOAuthSignIn($state: String!, $code: String!, $iss: String) {\n    completeOAuthSignIn(state: $state, code: $code, iss: $iss) {\n      __typename\n      ... on AuthPayload { accessToken accessTokenExpiresAt refreshToken user { id email } }\n      ... on MfaChallenge { mfaToken methods expiresAt }\n    }\n  }\n": typeof types.CompleteOAuthSignInDocument,
    "query CurrentUser { me { id email firstName } }": typeof types.CurrentUserDocument,
    "query MySessions { mySessions { id current } }": typeof types.MySessionsDocument,
    "\n  mutation CookieLogin($email: String!, $password: String!) {\n    login(identifier: $email, password: $password) { ... on AuthPayload { user { email } session { id } } }\n  }\n": typeof types.CookieLoginDocument,
    "mutation CookieRefresh { refreshToken { accessTokenExpiresAt } }": typeof types.CookieRefreshDocument,
    "mutation SignOut { logout }": typeof types.SignOutDocument,
    "\n  mutation BearerLogin($email: String!, $password: String!) {\n    login(identifier: $email, password: $password) { ... on AuthPayload { accessToken user { email } } }\n  }\n": typeof types.BearerLoginDocument,
    "\n  mutation DjangoLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) { ... on AuthPayload { accessToken user { email role } } }\n  }\n": typeof types.DjangoLoginDocument,
    "query DjangoMe { me { email username } }": typeof types.DjangoMeDocument,
    "\n  mutation ApiPasskeyStartSignIn($email: String) {\n    startPasskeySignIn(email: $email)\n  }\n": typeof types.ApiPasskeyStartSignInDocument,
    "\n  mutation ApiPasskeyFinishSignIn($response: JSON!) {\n    finishPasskeySignIn(response: $response) {\n      __typename\n    }\n  }\n": typeof types.ApiPasskeyFinishSignInDocument,
    "\n  mutation ApiPasskeyStartRegistration {\n    startPasskeyRegistration\n  }\n": typeof types.ApiPasskeyStartRegistrationDocument,
    "\n  mutation ApiPasskeyFinishRegistration($response: JSON!, $name: String) {\n    finishPasskeyRegistration(response: $response, name: $name) {\n      id\n    }\n  }\n": typeof types.ApiPasskeyFinishRegistrationDocument,
    "\n  query ApiPasskeyList {\n    myPasskeys {\n      id\n      name\n    }\n  }\n": typeof types.ApiPasskeyListDocument,
    "\n  mutation ApiPasskeyRename($id: ID!, $name: String!) {\n    renamePasskey(id: $id, name: $name) {\n      id\n      name\n    }\n  }\n": typeof types.ApiPasskeyRenameDocument,
    "\n  mutation ApiPasskeyRemove($id: ID!, $password: String, $code: String) {\n    removePasskey(id: $id, password: $password, code: $code)\n  }\n": typeof types.ApiPasskeyRemoveDocument,
    "\n  mutation PasskeyPasswordLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      __typename\n      ... on AuthPayload {\n        accessToken\n      }\n      ... on MfaChallenge {\n        methods\n      }\n    }\n  }\n": typeof types.PasskeyPasswordLoginDocument,
    "\n  mutation PasskeyStartSignIn($email: String) {\n    startPasskeySignIn(email: $email)\n  }\n": typeof types.PasskeyStartSignInDocument,
    "\n  mutation PasskeyFinishSignIn($response: JSON!) {\n    finishPasskeySignIn(response: $response) {\n      __typename\n      ... on AuthPayload {\n        accessToken\n        user {\n          id\n        }\n        session {\n          id\n        }\n      }\n    }\n  }\n": typeof types.PasskeyFinishSignInDocument,
    "\n  mutation PasskeyStartRegistration {\n    startPasskeyRegistration\n  }\n": typeof types.PasskeyStartRegistrationDocument,
    "\n  mutation PasskeyFinishRegistration($response: JSON!, $name: String) {\n    finishPasskeyRegistration(response: $response, name: $name) {\n      id\n      name\n    }\n  }\n": typeof types.PasskeyFinishRegistrationDocument,
    "\n  query PasskeyList {\n    myPasskeys {\n      id\n      name\n      deviceType\n      backedUp\n      transports\n      lastUsedAt\n    }\n  }\n": typeof types.PasskeyListDocument,
    "\n  mutation PasskeyRemove($id: ID!) {\n    removePasskey(id: $id)\n  }\n": typeof types.PasskeyRemoveDocument,
    "query Me { me { id email } }": typeof types.MeDocument,
    "mutation Logout { logout }": typeof types.LogoutDocument,
};
const documents: Documents = {
    "\n  mutation Login($email: String!, $password: String!) {\n    login(identifier: $email, password: $password) {\n      __typename\n      ... on AuthPayload { accessToken accessTokenExpiresAt refreshToken user { id email } }\n      ... on MfaChallenge { mfaToken methods expiresAt }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation CompleteMfaSignIn($mfaToken: String!, $code: String!) {\n    completeMfaSignIn(mfaToken: $mfaToken, code: $code) { accessToken accessTokenExpiresAt refreshToken user { id email } }\n  }\n": types.CompleteMfaSignInDocument,
    "\n  mutation RefreshToken($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) { accessToken accessTokenExpiresAt refreshToken }\n  }\n": types.RefreshTokenDocument,
    "\n  mutation StartOAuthSignIn($provider: String!, $redirectUri: String!) {\n    startOAuthSignIn(provider: $provider, redirectUri: $redirectUri) { authorizationUrl state }\n  }\n": types.StartOAuthSignInDocument,
    "\n  mutation CompleteOAuthSignIn($state: String!, $code: String!, $iss: String) {\n    completeOAuthSignIn(state: $state, code: $code, iss: $iss) {\n      __typename\n      ... on AuthPayload { accessToken accessTokenExpiresAt refreshToken user { id email } }\n      ... on MfaChallenge { mfaToken methods expiresAt }\n    }\n  }\n": types.CompleteOAuthSignInDocument,
    "query CurrentUser { me { id email firstName } }": types.CurrentUserDocument,
    "query MySessions { mySessions { id current } }": types.MySessionsDocument,
    "\n  mutation CookieLogin($email: String!, $password: String!) {\n    login(identifier: $email, password: $password) { ... on AuthPayload { user { email } session { id } } }\n  }\n": types.CookieLoginDocument,
    "mutation CookieRefresh { refreshToken { accessTokenExpiresAt } }": types.CookieRefreshDocument,
    "mutation SignOut { logout }": types.SignOutDocument,
    "\n  mutation BearerLogin($email: String!, $password: String!) {\n    login(identifier: $email, password: $password) { ... on AuthPayload { accessToken user { email } } }\n  }\n": types.BearerLoginDocument,
    "\n  mutation DjangoLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) { ... on AuthPayload { accessToken user { email role } } }\n  }\n": types.DjangoLoginDocument,
    "query DjangoMe { me { email username } }": types.DjangoMeDocument,
    "\n  mutation ApiPasskeyStartSignIn($email: String) {\n    startPasskeySignIn(email: $email)\n  }\n": types.ApiPasskeyStartSignInDocument,
    "\n  mutation ApiPasskeyFinishSignIn($response: JSON!) {\n    finishPasskeySignIn(response: $response) {\n      __typename\n    }\n  }\n": types.ApiPasskeyFinishSignInDocument,
    "\n  mutation ApiPasskeyStartRegistration {\n    startPasskeyRegistration\n  }\n": types.ApiPasskeyStartRegistrationDocument,
    "\n  mutation ApiPasskeyFinishRegistration($response: JSON!, $name: String) {\n    finishPasskeyRegistration(response: $response, name: $name) {\n      id\n    }\n  }\n": types.ApiPasskeyFinishRegistrationDocument,
    "\n  query ApiPasskeyList {\n    myPasskeys {\n      id\n      name\n    }\n  }\n": types.ApiPasskeyListDocument,
    "\n  mutation ApiPasskeyRename($id: ID!, $name: String!) {\n    renamePasskey(id: $id, name: $name) {\n      id\n      name\n    }\n  }\n": types.ApiPasskeyRenameDocument,
    "\n  mutation ApiPasskeyRemove($id: ID!, $password: String, $code: String) {\n    removePasskey(id: $id, password: $password, code: $code)\n  }\n": types.ApiPasskeyRemoveDocument,
    "\n  mutation PasskeyPasswordLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      __typename\n      ... on AuthPayload {\n        accessToken\n      }\n      ... on MfaChallenge {\n        methods\n      }\n    }\n  }\n": types.PasskeyPasswordLoginDocument,
    "\n  mutation PasskeyStartSignIn($email: String) {\n    startPasskeySignIn(email: $email)\n  }\n": types.PasskeyStartSignInDocument,
    "\n  mutation PasskeyFinishSignIn($response: JSON!) {\n    finishPasskeySignIn(response: $response) {\n      __typename\n      ... on AuthPayload {\n        accessToken\n        user {\n          id\n        }\n        session {\n          id\n        }\n      }\n    }\n  }\n": types.PasskeyFinishSignInDocument,
    "\n  mutation PasskeyStartRegistration {\n    startPasskeyRegistration\n  }\n": types.PasskeyStartRegistrationDocument,
    "\n  mutation PasskeyFinishRegistration($response: JSON!, $name: String) {\n    finishPasskeyRegistration(response: $response, name: $name) {\n      id\n      name\n    }\n  }\n": types.PasskeyFinishRegistrationDocument,
    "\n  query PasskeyList {\n    myPasskeys {\n      id\n      name\n      deviceType\n      backedUp\n      transports\n      lastUsedAt\n    }\n  }\n": types.PasskeyListDocument,
    "\n  mutation PasskeyRemove($id: ID!) {\n    removePasskey(id: $id)\n  }\n": types.PasskeyRemoveDocument,
    "query Me { me { id email } }": types.MeDocument,
    "mutation Logout { logout }": types.LogoutDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(identifier: $email, password: $password) {\n      __typename\n      ... on AuthPayload { accessToken accessTokenExpiresAt refreshToken user { id email } }\n      ... on MfaChallenge { mfaToken methods expiresAt }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(identifier: $email, password: $password) {\n      __typename\n      ... on AuthPayload { accessToken accessTokenExpiresAt refreshToken user { id email } }\n      ... on MfaChallenge { mfaToken methods expiresAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteMfaSignIn($mfaToken: String!, $code: String!) {\n    completeMfaSignIn(mfaToken: $mfaToken, code: $code) { accessToken accessTokenExpiresAt refreshToken user { id email } }\n  }\n"): (typeof documents)["\n  mutation CompleteMfaSignIn($mfaToken: String!, $code: String!) {\n    completeMfaSignIn(mfaToken: $mfaToken, code: $code) { accessToken accessTokenExpiresAt refreshToken user { id email } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshToken($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) { accessToken accessTokenExpiresAt refreshToken }\n  }\n"): (typeof documents)["\n  mutation RefreshToken($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) { accessToken accessTokenExpiresAt refreshToken }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartOAuthSignIn($provider: String!, $redirectUri: String!) {\n    startOAuthSignIn(provider: $provider, redirectUri: $redirectUri) { authorizationUrl state }\n  }\n"): (typeof documents)["\n  mutation StartOAuthSignIn($provider: String!, $redirectUri: String!) {\n    startOAuthSignIn(provider: $provider, redirectUri: $redirectUri) { authorizationUrl state }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteOAuthSignIn($state: String!, $code: String!, $iss: String) {\n    completeOAuthSignIn(state: $state, code: $code, iss: $iss) {\n      __typename\n      ... on AuthPayload { accessToken accessTokenExpiresAt refreshToken user { id email } }\n      ... on MfaChallenge { mfaToken methods expiresAt }\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteOAuthSignIn($state: String!, $code: String!, $iss: String) {\n    completeOAuthSignIn(state: $state, code: $code, iss: $iss) {\n      __typename\n      ... on AuthPayload { accessToken accessTokenExpiresAt refreshToken user { id email } }\n      ... on MfaChallenge { mfaToken methods expiresAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CurrentUser { me { id email firstName } }"): (typeof documents)["query CurrentUser { me { id email firstName } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MySessions { mySessions { id current } }"): (typeof documents)["query MySessions { mySessions { id current } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CookieLogin($email: String!, $password: String!) {\n    login(identifier: $email, password: $password) { ... on AuthPayload { user { email } session { id } } }\n  }\n"): (typeof documents)["\n  mutation CookieLogin($email: String!, $password: String!) {\n    login(identifier: $email, password: $password) { ... on AuthPayload { user { email } session { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CookieRefresh { refreshToken { accessTokenExpiresAt } }"): (typeof documents)["mutation CookieRefresh { refreshToken { accessTokenExpiresAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignOut { logout }"): (typeof documents)["mutation SignOut { logout }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BearerLogin($email: String!, $password: String!) {\n    login(identifier: $email, password: $password) { ... on AuthPayload { accessToken user { email } } }\n  }\n"): (typeof documents)["\n  mutation BearerLogin($email: String!, $password: String!) {\n    login(identifier: $email, password: $password) { ... on AuthPayload { accessToken user { email } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DjangoLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) { ... on AuthPayload { accessToken user { email role } } }\n  }\n"): (typeof documents)["\n  mutation DjangoLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) { ... on AuthPayload { accessToken user { email role } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DjangoMe { me { email username } }"): (typeof documents)["query DjangoMe { me { email username } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApiPasskeyStartSignIn($email: String) {\n    startPasskeySignIn(email: $email)\n  }\n"): (typeof documents)["\n  mutation ApiPasskeyStartSignIn($email: String) {\n    startPasskeySignIn(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApiPasskeyFinishSignIn($response: JSON!) {\n    finishPasskeySignIn(response: $response) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation ApiPasskeyFinishSignIn($response: JSON!) {\n    finishPasskeySignIn(response: $response) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApiPasskeyStartRegistration {\n    startPasskeyRegistration\n  }\n"): (typeof documents)["\n  mutation ApiPasskeyStartRegistration {\n    startPasskeyRegistration\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApiPasskeyFinishRegistration($response: JSON!, $name: String) {\n    finishPasskeyRegistration(response: $response, name: $name) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ApiPasskeyFinishRegistration($response: JSON!, $name: String) {\n    finishPasskeyRegistration(response: $response, name: $name) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiPasskeyList {\n    myPasskeys {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query ApiPasskeyList {\n    myPasskeys {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApiPasskeyRename($id: ID!, $name: String!) {\n    renamePasskey(id: $id, name: $name) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation ApiPasskeyRename($id: ID!, $name: String!) {\n    renamePasskey(id: $id, name: $name) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApiPasskeyRemove($id: ID!, $password: String, $code: String) {\n    removePasskey(id: $id, password: $password, code: $code)\n  }\n"): (typeof documents)["\n  mutation ApiPasskeyRemove($id: ID!, $password: String, $code: String) {\n    removePasskey(id: $id, password: $password, code: $code)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PasskeyPasswordLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      __typename\n      ... on AuthPayload {\n        accessToken\n      }\n      ... on MfaChallenge {\n        methods\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PasskeyPasswordLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      __typename\n      ... on AuthPayload {\n        accessToken\n      }\n      ... on MfaChallenge {\n        methods\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PasskeyStartSignIn($email: String) {\n    startPasskeySignIn(email: $email)\n  }\n"): (typeof documents)["\n  mutation PasskeyStartSignIn($email: String) {\n    startPasskeySignIn(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PasskeyFinishSignIn($response: JSON!) {\n    finishPasskeySignIn(response: $response) {\n      __typename\n      ... on AuthPayload {\n        accessToken\n        user {\n          id\n        }\n        session {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PasskeyFinishSignIn($response: JSON!) {\n    finishPasskeySignIn(response: $response) {\n      __typename\n      ... on AuthPayload {\n        accessToken\n        user {\n          id\n        }\n        session {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PasskeyStartRegistration {\n    startPasskeyRegistration\n  }\n"): (typeof documents)["\n  mutation PasskeyStartRegistration {\n    startPasskeyRegistration\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PasskeyFinishRegistration($response: JSON!, $name: String) {\n    finishPasskeyRegistration(response: $response, name: $name) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation PasskeyFinishRegistration($response: JSON!, $name: String) {\n    finishPasskeyRegistration(response: $response, name: $name) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PasskeyList {\n    myPasskeys {\n      id\n      name\n      deviceType\n      backedUp\n      transports\n      lastUsedAt\n    }\n  }\n"): (typeof documents)["\n  query PasskeyList {\n    myPasskeys {\n      id\n      name\n      deviceType\n      backedUp\n      transports\n      lastUsedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PasskeyRemove($id: ID!) {\n    removePasskey(id: $id)\n  }\n"): (typeof documents)["\n  mutation PasskeyRemove($id: ID!) {\n    removePasskey(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Me { me { id email } }"): (typeof documents)["query Me { me { id email } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Logout { logout }"): (typeof documents)["mutation Logout { logout }"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;