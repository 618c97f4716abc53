/**
 * Signing in: with email and password, and the second step when a second factor is due.
 */
import { completeMfaSignIn } from '../account/sign-in/complete-mfa.js';
import { login } from '../account/login.js';
import { fieldError, validationError } from '../errors.js';
import { builder } from './builder.js';
import { deviceOf } from './device.js';
import { AuthPayload, deliverSignIn, SignInResultType } from './sign-in-result.js';

builder.mutationField('login', (t) =>
  t.field({
    type: SignInResultType,
    description:
      'Signs in with an identifier (per LOGIN_IDENTIFIERS: the email, the username, or either) and the password: an AuthPayload, or an MfaChallenge when the account has a second factor. With a session, in cookie mode also sets the auth cookies, and a session the request still carries (its access token or refresh cookie) is signed out.',
    authScopes: { public: true },
    args: {
      identifier: t.arg.string({ description: 'The email address or the username, as LOGIN_IDENTIFIERS allows. Give this or `email`, not both.' }),
      email: t.arg.string({ deprecationReason: 'Use `identifier`, which takes the same address (or a username, as LOGIN_IDENTIFIERS allows).' }),
      password: t.arg.string({ required: true }),
    },
    resolve: async (_root, args, context) => {
      const given = [args.identifier, args.email].filter((value): value is string => value !== null && value !== undefined);
      if (given.length !== 1) throw validationError([fieldError('identifier', 'required', 'identifierOrEmail')]);
      return deliverSignIn(context, await login(context.deps, { identifier: given[0]!, password: args.password }, deviceOf(context)));
    },
  }),
);

builder.mutationField('completeMfaSignIn', (t) =>
  t.field({
    type: AuthPayload,
    description:
      "The second step of a sign-in: a code from the authenticator app or a recovery code for an MfaChallenge's token, from the client that received it. In cookie mode sets the auth cookies.",
    authScopes: { public: true },
    args: { mfaToken: t.arg.string({ required: true }), code: t.arg.string({ required: true }) },
    resolve: async (_root, args, context) => deliverSignIn(context, await completeMfaSignIn(context.deps, args.mfaToken, args.code, deviceOf(context))),
  }),
);
