/**
 * The account flows as a client drives them (GraphQL over the app's fetch), with the emails read
 * from the SMTP catcher after the outbox is delivered.
 */
import { randomUUID } from 'node:crypto';
import { deliverPendingEmails } from '../../src/mail/sender.js';
import type { GraphQLClient, GraphQLResult, RequestOptions } from './graphql.js';
import { extractCode, type ReceivedEmail, type SmtpCatcher } from './smtp.js';
import type { TestApp } from './test-app.js';

export { PASSWORD } from './factories.js';
import { PASSWORD } from './factories.js';

export interface Tokens {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  user: { id: string; email: string };
  session: { id: string };
}

export const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) { ... on AuthPayload { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt user { id email } session { id } } }
}`;
export const REFRESH = `mutation Refresh($refreshToken: String) {
  refreshToken(refreshToken: $refreshToken) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt user { id email } session { id } }
}`;
export const REGISTER = `mutation Register($input: RegisterInput!) { register(input: $input) { user { id email emailVerified } emailVerificationRequired } }`;
export const VERIFY_EMAIL = `mutation Verify($email: String!, $code: String!) { verifyEmail(email: $email, code: $code) { id emailVerified } }`;
export const ME = '{ me { id email firstName emailVerified } }';

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.com`;
}

/** Delivers the outbox and returns the newest message to `address` whose subject matches. */
export async function latestEmail(t: TestApp, smtp: SmtpCatcher, address: string, subject: RegExp = /./): Promise<ReceivedEmail> {
  await deliverPendingEmails(t.deps);
  await smtp.waitFor((m) => m.to.includes(address.toLowerCase()) && subject.test(m.subject));
  return smtp
    .to(address)
    .filter((m) => subject.test(m.subject))
    .at(-1)!;
}

export async function registerUser(
  t: GraphQLClient,
  email: string,
  extra: Record<string, unknown> = {},
): Promise<GraphQLResult<{ register: { user: { id: string; email: string; emailVerified: boolean }; emailVerificationRequired: boolean } }>> {
  return t.graphql(REGISTER, { input: { email, password: PASSWORD, firstName: 'Grace', lastName: 'Hopper', ...extra } });
}

/** register -> code from the email -> verifyEmail; returns the user id. */
export async function registerAndVerify(t: TestApp, smtp: SmtpCatcher, email = uniqueEmail()): Promise<string> {
  const registered = await registerUser(t, email);
  if (!registered.data) throw new Error(JSON.stringify(registered.errors));
  const code = extractCode(await latestEmail(t, smtp, email, /verification code/i));
  const verified = await t.graphql(VERIFY_EMAIL, { email, code });
  if (verified.errors) throw new Error(JSON.stringify(verified.errors));
  return registered.data.register.user.id;
}

export async function login(t: GraphQLClient, email: string, password = PASSWORD, options?: RequestOptions): Promise<GraphQLResult<{ login: Tokens }>> {
  return t.graphql(LOGIN, { email, password }, options);
}

/** Logs in and returns the tokens, failing loudly otherwise. */
export async function loginTokens(t: GraphQLClient, email: string, password = PASSWORD): Promise<Tokens> {
  const result = await login(t, email, password);
  if (!result.data?.login) throw new Error(JSON.stringify(result.errors));
  return result.data.login;
}

export async function refresh(t: GraphQLClient, refreshToken: string | undefined, options?: RequestOptions): Promise<GraphQLResult<{ refreshToken: Tokens }>> {
  return t.graphql(REFRESH, { refreshToken }, options);
}
