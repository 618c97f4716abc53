/**
 * The viewer's authenticator app and recovery codes, the factor summary on User, and
 * `reauthenticate` (a fresh proof for step-up). Passkeys: ./passkeys.ts.
 */
import { disableTotp } from '../account/second-factors/disable-totp.js';
import { regenerateRecoveryCodes } from '../account/second-factors/regenerate-recovery-codes.js';
import { confirmTotpEnrollment, startTotpEnrollment, type TotpEnrollment } from '../account/second-factors/totp-enrollment.js';
import { reauthenticate } from '../account/step-up.js';
import { factorSummary, hasSecondFactor, type FactorSummary } from '../auth/mfa/factors.js';
import { builder } from './builder.js';
import { deviceOf } from './device.js';
import { UserType } from './user.js';

const TotpEnrollmentType = builder.objectRef<TotpEnrollment>('TotpEnrollment').implement({
  description: 'A new authenticator-app seed, not in force until confirmTotpEnrollment. Show the QR code (or the secret for typing in); never store them.',
  fields: (t) => ({
    secret: t.exposeString('secret', { description: 'Base32 (RFC 4648), 160 bits.' }),
    otpauthUri: t.exposeString('otpauthUri', { description: 'otpauth://totp/… (SHA-1, 6 digits, 30 s), issuer from MFA_ISSUER.' }),
    qrCodeSvg: t.exposeString('qrCodeSvg', { description: 'The URI as a QR code, an SVG document.' }),
  }),
});

const MfaStatusType = builder.objectRef<FactorSummary>('MfaStatus').implement({
  description: "A user's second factors (never their secrets).",
  fields: (t) => ({
    enabled: t.boolean({ description: 'A second factor is on: a password sign-in answers an MfaChallenge.', resolve: (s) => hasSecondFactor(s) }),
    totp: t.exposeBoolean('totp', { description: 'An authenticator app is on.' }),
    passkeys: t.exposeInt('passkeys', { description: 'Passkeys registered.' }),
    recoveryCodesLeft: t.exposeInt('recoveryCodesLeft', { description: 'Unused recovery codes.' }),
  }),
});

builder.prismaObjectField(UserType, 'mfa', (t) =>
  t.field({
    type: MfaStatusType,
    description: 'Second factors: on the viewer themself, and for staff who may read users.',
    resolve: (user, _args, context) => factorSummary(context.deps.prisma, user.id),
  }),
);

const proofArgs = (t: Parameters<Parameters<typeof builder.mutationField>[1]>[0]) => ({
  password: t.arg.string({ required: false, description: 'My current password.' }),
  code: t.arg.string({ required: false, description: 'A code from my authenticator app, or a recovery code.' }),
});

builder.mutationField('startTotpEnrollment', (t) =>
  t.field({
    type: TotpEnrollmentType,
    description: 'Starts setting up an authenticator app (CONFLICT when one is on). A new start replaces an unconfirmed one.',
    authScopes: { enrolling: true },
    resolve: (_root, _args, context) => startTotpEnrollment(context.deps, context.viewer!, deviceOf(context)),
  }),
);

builder.mutationField('confirmTotpEnrollment', (t) =>
  t.field({
    type: ['String'],
    description: `Turns the authenticator app on with its first code and returns ten recovery codes, shown this once. Needs a fresh proof: signed in or reauthenticated within REAUTH_WINDOW_SECONDS, or \`password\`.`,
    authScopes: { enrolling: true },
    args: {
      code: t.arg.string({ required: true }),
      password: t.arg.string({ required: false, description: 'My current password, when the session is not fresh.' }),
    },
    resolve: (_root, args, context) => confirmTotpEnrollment(context.deps, context.viewer!, args.code, args.password ?? null, deviceOf(context)),
  }),
);

builder.mutationField('disableTotp', (t) =>
  t.boolean({
    description:
      'Turns the authenticator app off. Needs `password` or `code` (REAUTHENTICATION_REQUIRED without either). The recovery codes go too unless a passkey remains.',
    authScopes: { authenticated: true },
    args: proofArgs(t),
    resolve: async (_root, args, context) => {
      await disableTotp(context.deps, context.viewer!, args, deviceOf(context));
      return true;
    },
  }),
);

builder.mutationField('regenerateRecoveryCodes', (t) =>
  t.field({
    type: ['String'],
    description:
      'Ten new recovery codes, shown this once; the old ones stop working. Needs a second factor on and a fresh proof (recent sign-in or reauthentication, or `password` / `code`).',
    authScopes: { authenticated: true },
    args: proofArgs(t),
    resolve: (_root, args, context) => regenerateRecoveryCodes(context.deps, context.viewer!, args, deviceOf(context)),
  }),
);

builder.mutationField('reauthenticate', (t) =>
  t.boolean({
    description: 'Proves it is still me (password, or a second-factor code): sensitive changes in this session need no other proof for REAUTH_WINDOW_SECONDS.',
    authScopes: { enrolling: true },
    args: proofArgs(t),
    resolve: async (_root, args, context) => {
      await reauthenticate(context.deps, context.viewer!, args, deviceOf(context));
      return true;
    },
  }),
);
