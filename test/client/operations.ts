/**
 * The operations the client tests send, typed by codegen (npm run codegen): a schema change that
 * breaks one fails type-checking here, as it would in a frontend.
 */
import { graphql } from './gql/index.js';

export const Me = graphql(`query CurrentUser { me { id email firstName } }`);

export const MySessions = graphql(`query MySessions { mySessions { id current } }`);

export const CookieLogin = graphql(`
  mutation CookieLogin($email: String!, $password: String!) {
    login(identifier: $email, password: $password) { ... on AuthPayload { user { email } session { id } } }
  }
`);

export const CookieRefresh = graphql(`mutation CookieRefresh { refreshToken { accessTokenExpiresAt } }`);

export const SignOut = graphql(`mutation SignOut { logout }`);

export const BearerLogin = graphql(`
  mutation BearerLogin($email: String!, $password: String!) {
    login(identifier: $email, password: $password) { ... on AuthPayload { accessToken user { email } } }
  }
`);
