/**
 * What the benchmark drives, and the ceiling each is judged against (with the targets).
 */
import type { ConnectionContext } from './load.js';
import { BENCH_PASSWORD, type Seeded, type SeededSession } from './seed.js';

export interface Scenario {
  name: string;
  /** Bare yoga's `{ __typename }`, or raw argon2id verification or hashing with Gatehouse's parameters. */
  ceiling: 'yoga' | 'argon2-verify' | 'argon2-hash';
  /** Minimum ratio to the ceiling. */
  target: number;
  /**
   * The same selection, answered by the bare yoga server from memory (./ceilings/bare-yoga.ts): a
   * reference measured beside the scenario, for how much of its cost the response's shape alone is.
   */
  shape?: string;
  body(context: ConnectionContext): string;
  headers?(context: ConnectionContext): Record<string, string>;
  onResponse?(body: string, context: ConnectionContext, headers: Record<string, string | string[]>): void;
}

const ADMIN_PAGE = '{ users(first: 50) { nodes { id email groups { name } } } }';
const json = (query: string, variables?: Record<string, unknown>) => JSON.stringify({ query, variables });
const bearer = (session: SeededSession) => ({ authorization: `Bearer ${session.accessToken}` });

/** The next seeded session (or email) in turn: autocannon gives every request a fresh context. */
function inTurn<T>(items: T[], key: string): (context: ConnectionContext) => T {
  let next = 0;
  return (context) => {
    // Within one request, body() and headers() see the same item.
    if (!(key in context)) context[key] = items[next++ % items.length];
    return context[key] as T;
  };
}

export function scenarios(seeded: Seeded, cookieNames: { access: string }): Scenario[] {
  const session = inTurn(seeded.sessions, 'session');
  // autocannon starts every request with a fresh context (it resets it each time it cycles through
  // the request list, which here has one entry), so a chain cannot live in the context: a request
  // takes an idle session from the pool and its answer puts it back with the new token. A request
  // cut at the end of a run never returns its session, so no rotated-out token is ever replayed.
  const idleRefreshSessions = [...seeded.refreshSessions];
  const email = inTurn(seeded.loginEmails, 'email');
  let registered = 0;
  const run = Math.random().toString(36).slice(2, 8);
  return [
    {
      name: 'register',
      ceiling: 'argon2-hash',
      target: 0.8,
      body: () =>
        json('mutation($input: RegisterInput!) { register(input: $input) { emailVerificationRequired } }', {
          input: { email: `new-${run}-${registered++}@example.com`, password: BENCH_PASSWORD, firstName: 'New', lastName: 'User' },
        }),
    },
    {
      name: 'login',
      ceiling: 'argon2-verify',
      target: 0.85,
      body: (context) =>
        json('mutation($email: String!, $password: String!) { login(email: $email, password: $password) { ... on AuthPayload { accessToken } } }', {
          email: email(context),
          password: BENCH_PASSWORD,
        }),
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
      body: (context) => {
        const taken = idleRefreshSessions.shift();
        if (!taken) throw new Error('bench: no idle refresh session left; seed more');
        context.refreshSession = taken;
        return json('mutation($token: String!) { refreshToken(refreshToken: $token) { refreshToken } }', { token: taken.refreshToken });
      },
      onResponse: (body, context) => {
        const taken = context.refreshSession as SeededSession;
        const match = /"refreshToken":"([^"]+)"/.exec(body);
        if (match) taken.refreshToken = match[1]!;
        idleRefreshSessions.push(taken);
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
      target: 0.3,
      body: () => json(ADMIN_PAGE),
      shape: json(ADMIN_PAGE),
      headers: () => bearer(seeded.admin),
    },
  ];
}
