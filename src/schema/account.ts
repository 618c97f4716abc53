/**
 * A user's own account: registration, email verification, profile, password change and reset,
 * email change, deactivation, and the password policy in force.
 */
import { changePassword } from '../account/change-password.js';
import { deactivateAccount } from '../account/deactivate.js';
import { confirmEmailChange, requestEmailChange } from '../account/email-change.js';
import { resendVerificationEmail, verifyEmail, verifyEmailWithToken } from '../account/email-verification.js';
import { isPasswordResetTokenUsable, requestPasswordReset, resetPassword } from '../account/password-reset.js';
import { PASSWORD_RULES, type PasswordPolicy } from '../auth/passwords/validators.js';
import { updateProfile } from '../account/profile.js';
import { register } from '../account/register.js';
import type { User } from '../generated/sqlite/client.js';
import { clearAuthCookies } from './auth-cookies.js';
import { builder } from './builder.js';
import { deviceOf } from './device.js';
import { profileInputFields } from './profile-fields.js';
import { plannedUser } from './user-row.js';
import { awaitsEmailVerification } from '../users/verification.js';

/** The second-factor code a passwordless account may give as its fresh proof (../account/step-up.ts). */
const PROOF_CODE =
  'A code from my authenticator app or a recovery code: for an account without a password, when my last sign-in or reauthenticate is older than REAUTH_WINDOW_SECONDS.';

const RegisterInput = builder.inputType('RegisterInput', {
  description: 'A new account. Which profile fields are mandatory is configured by REGISTRATION_REQUIRED_FIELDS.',
  fields: (t) => ({
    email: t.string({
      description:
        'Omit (or leave blank) for an account without an address: only when usernames sign in (LOGIN_IDENTIFIERS username or both), and then `username` is required. With LOGIN_IDENTIFIERS=email it is required (VALIDATION_FAILED).',
    }),
    password: t.string({ required: true }),
    ...profileInputFields(t, 'self', true),
    attributes: t.field({ type: 'JSON', description: 'Self-editable custom attributes (USER_ATTRIBUTES_SCHEMA); admin-only ones are refused.' }),
  }),
});

const UpdateProfileInput = builder.inputType('UpdateProfileInput', {
  description: 'Fields to change; an omitted field is unchanged, null clears it (unless it is mandatory).',
  fields: (t) => ({
    ...profileInputFields(t, 'self'),
    attributes: t.field({
      type: 'JSON',
      description: 'A patch of self-editable custom attributes: the keys given change, a null value removes one; the rest are unchanged.',
    }),
  }),
});

interface RegisterResultShape {
  user: User;
  emailVerificationRequired: boolean;
}

const RegisterResult = builder.objectRef<RegisterResultShape>('RegisterResult').implement({
  fields: (t) => ({
    user: t.prismaField({ type: 'User', grantScopes: ['ownAccount'], resolve: (query, result, _args, context) => plannedUser(context, query, result.user) }),
    emailVerificationRequired: t.exposeBoolean('emailVerificationRequired', { description: 'True when the account cannot sign in before verifyEmail.' }),
  }),
});

builder.mutationField('register', (t) =>
  t.field({
    type: RegisterResult,
    description: 'Creates an account and emails a 6-digit verification code and a verification link (none for an account without an address).',
    authScopes: { public: true },
    args: { input: t.arg({ type: RegisterInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const user = await register(context.deps, input, deviceOf(context));
      return { user, emailVerificationRequired: awaitsEmailVerification(context.deps.config.accounts.requireEmailVerification, user) };
    },
  }),
);

builder.mutationField('verifyEmail', (t) =>
  t.prismaField({
    type: 'User',
    description: 'Marks the address verified with the emailed code.',
    authScopes: { public: true },
    // The code proves the caller owns the account, so they may read it back.
    grantScopes: ['ownAccount'],
    args: { email: t.arg.string({ required: true }), code: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, context) => plannedUser(context, query, await verifyEmail(context.deps, args, deviceOf(context))),
  }),
);

builder.mutationField('verifyEmailWithToken', (t) =>
  t.prismaField({
    type: 'User',
    description:
      "Marks the address verified with the token of the verification email's link (the `{token}` of EMAIL_VERIFICATION_URL); the email's code stops working too. Every unusable link (unknown, used, replaced, expired) is TOKEN_INVALID.",
    authScopes: { public: true },
    // The link proves the caller owns the account, so they may read it back.
    grantScopes: ['ownAccount'],
    args: { token: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, context) => plannedUser(context, query, await verifyEmailWithToken(context.deps, args, deviceOf(context))),
  }),
);

builder.mutationField('resendVerificationEmail', (t) =>
  t.boolean({
    description: 'Emails a new code to an unverified account (older codes stop working). Always true: it never reveals whether the address is registered.',
    authScopes: { public: true },
    args: { email: t.arg.string({ required: true }) },
    resolve: async (_root, args, context) => {
      await resendVerificationEmail(context.deps, args, deviceOf(context));
      return true;
    },
  }),
);

builder.mutationField('updateProfile', (t) =>
  t.prismaField({
    type: 'User',
    description: 'Changes my names, username, picture or profile fields (never email, role or flags).',
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: UpdateProfileInput, required: true }) },
    resolve: async (query, _root, { input }, context) =>
      plannedUser(context, query, await updateProfile(context.deps, context.viewer!, input, deviceOf(context))),
  }),
);

builder.mutationField('changePassword', (t) =>
  t.int({
    description:
      'Sets a new password; every other session of mine is signed out (returns how many). An account without a password (passwordless sign-in) sets its first one with a fresh proof instead of currentPassword (REAUTHENTICATION_REQUIRED without one).',
    authScopes: { authenticated: true },
    args: {
      currentPassword: t.arg.string({ description: 'Required when my account has a password.' }),
      newPassword: t.arg.string({ required: true }),
      code: t.arg.string({ description: PROOF_CODE }),
    },
    resolve: (_root, args, context) => changePassword(context.deps, context.viewer!, args, deviceOf(context)),
  }),
);

builder.mutationField('requestEmailChange', (t) =>
  t.boolean({
    description:
      'Emails a 6-digit code to the new address; confirmEmailChange completes the change. Needs my password, or a fresh proof when my account has none.',
    authScopes: { authenticated: true },
    args: {
      newEmail: t.arg.string({ required: true }),
      password: t.arg.string({ description: 'Required when my account has a password.' }),
      code: t.arg.string({ description: PROOF_CODE }),
    },
    resolve: async (_root, args, context) => {
      await requestEmailChange(context.deps, context.viewer!, args, deviceOf(context));
      return true;
    },
  }),
);

builder.mutationField('confirmEmailChange', (t) =>
  t.prismaField({
    type: 'User',
    description: 'Replaces my email address with the new one, verified by the code sent to it; the old address is notified.',
    authScopes: { authenticated: true },
    args: { code: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, context) =>
      plannedUser(context, query, await confirmEmailChange(context.deps, context.viewer!, args, deviceOf(context))),
  }),
);

builder.mutationField('deactivateAccount', (t) =>
  t.boolean({
    description:
      'Disables my account (it is kept, not deleted) and signs out every session. The last active superuser cannot (LAST_SUPERUSER). Needs my password, or a fresh proof when my account has none.',
    authScopes: { authenticated: true },
    args: {
      password: t.arg.string({ description: 'Required when my account has a password.' }),
      code: t.arg.string({ description: PROOF_CODE }),
    },
    resolve: async (_root, args, context) => {
      await deactivateAccount(context.deps, context.viewer!, args, deviceOf(context));
      clearAuthCookies(context.deps.config.cookies, context.request);
      return true;
    },
  }),
);

builder.mutationField('requestPasswordReset', (t) =>
  t.boolean({
    description: 'Emails a single-use reset link to an active account. Always true: it never reveals whether the address is registered.',
    authScopes: { public: true },
    args: { email: t.arg.string({ required: true }) },
    resolve: async (_root, args, context) => {
      await requestPasswordReset(context.deps, args, deviceOf(context));
      return true;
    },
  }),
);

builder.queryField('verifyPasswordResetToken', (t) =>
  t.boolean({
    description: 'Whether a reset token is still usable (no side effects), so a reset page can say so before asking for a password.',
    authScopes: { public: true },
    args: { token: t.arg.string({ required: true }) },
    resolve: (_root, args, context) => isPasswordResetTokenUsable(context.deps, args.token),
  }),
);

builder.mutationField('resetPassword', (t) =>
  t.boolean({
    description: 'Sets a new password with the emailed token; the token is used up and every session is signed out.',
    authScopes: { public: true },
    args: { token: t.arg.string({ required: true }), newPassword: t.arg.string({ required: true }) },
    resolve: async (_root, args, context) => {
      await resetPassword(context.deps, args, deviceOf(context));
      clearAuthCookies(context.deps.config.cookies, context.request);
      return true;
    },
  }),
);

const PasswordRuleEnum = builder.enumType('PasswordRule', {
  description: 'A password validator (Django equivalents): similarity to my email and names, minimum length, common passwords, entirely numeric.',
  values: Object.fromEntries(PASSWORD_RULES.map((rule) => [rule.toUpperCase(), { value: rule }])) as Record<
    'SIMILARITY' | 'MIN_LENGTH' | 'COMMON' | 'NUMERIC',
    { value: (typeof PASSWORD_RULES)[number] }
  >,
});

const PasswordPolicyType = builder.objectRef<PasswordPolicy>('PasswordPolicy').implement({
  description:
    'The password rules in force; failures come back as VALIDATION_FAILED fields with codes password_too_similar, password_too_short, password_too_common, password_entirely_numeric, password_too_long.',
  fields: (t) => ({
    rules: t.field({ type: [PasswordRuleEnum], resolve: (policy) => [...policy.rules] }),
    minLength: t.int({ description: 'Enforced when MIN_LENGTH is among the rules.', resolve: (policy) => policy.minLength }),
    maxLength: t.exposeInt('maxLength', { description: 'Always enforced.' }),
    maxSimilarity: t.exposeFloat('maxSimilarity'),
  }),
});

const RegistrationModeEnum = builder.enumType('RegistrationMode', {
  description: 'Who may create an account (REGISTRATION_MODE).',
  values: {
    OPEN: { value: 'open', description: 'Anyone may register.' },
    INVITE_ONLY: { value: 'invite-only', description: 'Only people staff invite; register answers REGISTRATION_CLOSED.' },
    CLOSED: { value: 'closed', description: 'Only accounts staff, the CLI or an import create with a password.' },
  } as const,
});

builder.queryField('registrationMode', (t) =>
  t.field({
    type: RegistrationModeEnum,
    description: 'Whether to show a sign-up form.',
    authScopes: { public: true },
    resolve: (_root, _args, context) => context.deps.config.accounts.registrationMode,
  }),
);

builder.queryField('registrationRequiredFields', (t) =>
  t.stringList({
    description:
      'The optional profile fields `register` requires on this server (REGISTRATION_REQUIRED_FIELDS), by their RegisterInput names (e.g. `username`, `country`): for asking for them on a sign-up form. firstName and lastName are always required and not listed.',
    authScopes: { public: true },
    resolve: (_root, _args, context) => [...context.deps.config.accounts.registrationRequiredFields],
  }),
);

builder.queryField('passwordPolicy', (t) =>
  t.field({
    type: PasswordPolicyType,
    description: 'The password rules in force, for showing them before a form is submitted.',
    authScopes: { public: true },
    resolve: (_root, _args, context) => context.deps.config.passwords.policy,
  }),
);
