/**
 * Step-up: refreshing the proof that the person at the keyboard owns the session, for the changes
 * that ask for one within REAUTH_WINDOW_SECONDS (../account/step-up.ts).
 */
import { reauthenticate } from '../account/step-up.js';
import { builder } from './builder.js';
import { deviceOf } from './device.js';

builder.mutationField('reauthenticate', (t) =>
  t.boolean({
    description:
      'Proves it is still me, with my password or a second-factor code (authenticator app or recovery code): changes that need a fresh proof then pass for REAUTH_WINDOW_SECONDS in this session. INVALID_CREDENTIALS or INVALID_CODE when wrong; limited like other password and code checks.',
    // Open while MFA_REQUIRED_FOR holds me to enrolment: enrolling may ask for a fresh proof.
    authScopes: { enrolling: true },
    args: {
      password: t.arg.string({ description: 'My password.' }),
      code: t.arg.string({ description: 'A code from my authenticator app, or a recovery code (when no password is given).' }),
    },
    resolve: async (_root, args, context) => {
      await reauthenticate(context.deps, context.viewer!, args, deviceOf(context));
      return true;
    },
  }),
);
