/**
 * What the benchmark drives, and the ceiling each is judged against (with the targets).
 */
import type { ConnectionContext } from './load.js';
import { BENCH_PASSWORD, type Seeded, type SeededSession } from './seed.js';

export interface Scenario {
  name: string;
  ceiling: 'yoga' | 'argon2';
  /** Minimum ratio to the ceiling. */
  target: number;
  body(context: ConnectionContext): string;
  headers?(context: ConnectionContext): Record<string, string>;
  onResponse?(body: string, context: ConnectionContext, headers: Record<string, string | string[]>): void;
}

const json = (query: string, variables?: Record<string, unknown>) => JSON.stringify({ query, variables });
const bearer = (session: SeededSession) => ({ authorization: `Bearer ${session.accessToken}` });

/** Each connection takes the next seeded session (or email) and keeps it. */
function perConnection<T>(items: T[], key: string): (context: ConnectionContext) => T {
  let next = 0;
  return (context) => {
    if (!(key in context)) context[key] = items[next++ % items.length];
    return context[key] as T;
  };
}

export function scenarios(seeded: Seeded, cookieNames: { access: string }): Scenario[] {
  const session = perConnection(seeded.sessions, 'session');
  const refreshSession = perConnection(seeded.refreshSessions, 'refreshSession');
  const email = perConnection(seeded.loginEmails, 'email');
  let registered = 0;
  const run = Math.random().toString(36).slice(2, 8);
  return [
    {
      name: 'register',
      ceiling: 'argon2',
      target: 0.9,
      body: () =>
        json('mutation($input: RegisterInput!) { register(input: $input) { emailVerificationRequired } }', {
          input: { email: `new-${run}-${registered++}@example.com`, password: BENCH_PASSWORD, firstName: 'New', lastName: 'User' },
        }),
    },
    {
      name: 'login',
      ceiling: 'argon2',
      target: 0.9,
      body: (context) => json('mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }', { email: email(context), password: BENCH_PASSWORD }),
    },
    {
      name: 'me (Bearer)',
      ceiling: 'yoga',
      target: 0.7,
      body: () => json('{ me { id email } }'),
      headers: (context) => bearer(session(context)),
    },
    {
      name: 'me (cookie)',
      ceiling: 'yoga',
      target: 0.65,
      body: () => json('{ me { id email } }'),
      headers: (context) => ({ cookie: `${cookieNames.access}=${session(context).accessToken}`, 'x-graphql-csrf': '1' }),
    },
    {
      name: 'refreshToken',
      ceiling: 'yoga',
      target: 0.5,
      // Every connection of every run (and the probe) follows the chain of a session of its own.
      body: (context) => json('mutation($token: String!) { refreshToken(refreshToken: $token) { refreshToken } }', { token: refreshSession(context).refreshToken }),
      onResponse: (body, context) => {
        const match = /"refreshToken":"([^"]+)"/.exec(body);
        if (match) refreshSession(context).refreshToken = match[1]!;
      },
    },
    {
      name: 'hasPermission',
      ceiling: 'yoga',
      target: 0.6,
      body: () => json('{ hasPermission(codename: "users.view_user") }'),
      headers: () => bearer(seeded.staff),
    },
    {
      name: 'admin users page (50)',
      ceiling: 'yoga',
      target: 0,
      body: () => json('{ users(first: 50) { nodes { id email groups { name } } } }'),
      headers: () => bearer(seeded.admin),
    },
  ];
}
