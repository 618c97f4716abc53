/**
 * What every sign-in mutation answers: `SignInResult = AuthPayload | MfaChallenge`, and the one
 * place a finished sign-in reaches the client (sessions the request carried are settled and, in
 * cookie mode, the cookies are set: only when there is a session, never for a challenge).
 */
import { settleSessionsAfterLogin } from '../account/after-login.js';
import type { SignInResult as SignInOutcome, SignedIn } from '../account/sign-in/result.js';
import type { MfaMethod } from '../auth/mfa/methods.js';
import { presentsAuthCookie, readCookie, setAuthCookies } from './auth-cookies.js';
import { builder } from './builder.js';
import type { Context } from './context.js';
import { deviceOf } from './device.js';
import { SessionType } from './session-type.js';
import { plannedUser } from './user-row.js';

export const AuthPayload = builder.objectRef<Omit<SignedIn, 'kind'>>('AuthPayload').implement({
  description: 'Tokens for a session. Send the access token as `Authorization: Bearer`; trade the refresh token for new tokens with refreshToken.',
  fields: (t) => ({
    accessToken: t.exposeString('accessToken'),
    accessTokenExpiresAt: t.expose('accessTokenExpiresAt', { type: 'DateTime' }),
    refreshToken: t.string({
      nullable: true,
      description:
        'Null when the request carried an auth cookie (cookie mode): the refresh token then lives only in its httpOnly cookie, out of reach of scripts. Always set for Bearer clients, which send no cookies.',
      resolve: (payload, _args, context) => (presentsAuthCookie(context.deps.config.cookies, context.request) ? null : payload.refreshToken),
    }),
    refreshTokenExpiresAt: t.expose('refreshTokenExpiresAt', { type: 'DateTime' }),
    user: t.prismaField({ type: 'User', grantScopes: ['ownAccount'], resolve: (query, payload, _args, context) => plannedUser(context, query, payload.user) }),
    session: t.field({ type: SessionType, resolve: (payload) => payload.session }),
  }),
});

export const MfaMethodEnum = builder.enumType('MfaMethod', {
  description: 'A way to complete an MfaChallenge.',
  values: {
    TOTP: { description: 'A code from the authenticator app: completeMfaSignIn.' },
    RECOVERY_CODE: { description: 'One of the recovery codes: completeMfaSignIn.' },
    PASSKEY: { description: 'Sign in with a passkey instead (startPasskeySignIn): a passkey is multi-factor by itself.' },
  } satisfies Record<MfaMethod, unknown>,
});

type Challenge = Extract<SignInOutcome, { kind: 'mfa_required' }>;

export const MfaChallengeType = builder.objectRef<Challenge>('MfaChallenge').implement({
  description: 'The first factor was right and a second one is due. Send a code with completeMfaSignIn(mfaToken, code) before expiresAt, from the same client.',
  fields: (t) => ({
    mfaToken: t.exposeString('mfaToken', { description: 'Single use; bound to this account and this client.' }),
    methods: t.field({ type: [MfaMethodEnum], resolve: (c) => c.methods }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
  }),
});

export const SignInResultType = builder.unionType('SignInResult', {
  description:
    'A session (AuthPayload), or an MfaChallenge when the account has a second factor. Select `... on AuthPayload { ... }` and `... on MfaChallenge { ... }`.',
  types: [AuthPayload, MfaChallengeType],
  resolveType: (value) => ('kind' in value && value.kind === 'mfa_required' ? MfaChallengeType : AuthPayload),
});

/** Hands a sign-in's outcome to the client: for a session, settles what the request carried and sets the cookies. */
export async function deliverSignIn<R extends SignInOutcome>(context: Context, result: R): Promise<R> {
  if (result.kind !== 'signed_in') return result;
  const { cookies } = context.deps.config;
  const presented = {
    sessionId: context.viewer?.session.id ?? null,
    refreshToken: cookies.enabled ? readCookie(context.request, cookies.refreshName) : null,
  };
  await settleSessionsAfterLogin(context.deps, result.session, presented, deviceOf(context));
  setAuthCookies(cookies, context.request, result, context.deps.clock.now());
  return result;
}
