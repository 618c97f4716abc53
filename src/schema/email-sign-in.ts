/**
 * Passwordless sign-in by email (EMAIL_SIGN_IN): request a code and link, then sign in with either.
 */
import { requestSignInCode, signInWithCode, signInWithLink } from '../account/email-sign-in.js';
import { builder } from './builder.js';
import { deviceOf } from './device.js';
import { deliverSignIn, SignInResultType } from './sign-in-result.js';

builder.mutationField('requestSignInCode', (t) =>
  t.boolean({
    description:
      'Emails a 6-digit sign-in code and a sign-in link (SIGN_IN_URL) to an active account; both work once, together, for EMAIL_SIGN_IN_TTL_SECONDS. Always true: it never reveals whether the address is registered. FEATURE_DISABLED unless EMAIL_SIGN_IN is on.',
    authScopes: { public: true },
    args: { email: t.arg.string({ required: true }) },
    resolve: async (_root, args, context) => {
      await requestSignInCode(context.deps, args, deviceOf(context));
      return true;
    },
  }),
);

builder.mutationField('signInWithCode', (t) =>
  t.field({
    type: SignInResultType,
    description:
      'Signs in with the address and the emailed code: an AuthPayload, or an MfaChallenge when the account has a second factor. Marks the address verified. Every unusable code (wrong, expired, used, too many tries) is INVALID_CODE.',
    authScopes: { public: true },
    args: { email: t.arg.string({ required: true }), code: t.arg.string({ required: true }) },
    resolve: async (_root, args, context) => deliverSignIn(context, await signInWithCode(context.deps, args, deviceOf(context))),
  }),
);

builder.mutationField('signInWithLink', (t) =>
  t.field({
    type: SignInResultType,
    description:
      "Signs in with the token of the emailed link (the `{token}` of SIGN_IN_URL): an AuthPayload, or an MfaChallenge when the account has a second factor. Marks the address verified. The link's code stops working too.",
    authScopes: { public: true },
    args: { token: t.arg.string({ required: true }) },
    resolve: async (_root, args, context) => deliverSignIn(context, await signInWithLink(context.deps, args, deviceOf(context))),
  }),
);
