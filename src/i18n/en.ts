/**
 * English: the reference catalogue. Every key here must exist in every other language (a unit
 * test checks it); a key missing at run time falls back to this text. Variables are `{{name}}`.
 */
import { ErrorCodes } from '../errors.js';
import { FieldTexts, MessageTexts } from '../errors/texts.js';

export const en = {
  // The English messages are the table of codes itself (src/errors.ts): one definition.
  errors: ErrorCodes,
  // Likewise the per-field problems and the specific messages (src/errors/texts.ts).
  fields: FieldTexts,
  messages: MessageTexts,
  email: {
    greeting: 'Hello {{firstName}},',
    greetingAnonymous: 'Hello,',
    securityFooter: 'If this was not you, change your password and contact support.',
    openLink: 'Open the link',
    /** The factor phrases use cases put in payloads, by the phrase they send. */
    factors: {
      anAuthenticatorApp: 'an authenticator app',
      theAuthenticatorApp: 'the authenticator app',
      everyFactor: 'every second factor (authenticator app, recovery codes and passkeys)',
      passkey: 'the passkey “{{name}}”',
    },
    verification_code: {
      subject: 'Your verification code',
      code: 'Your verification code is {{code}}.',
      expiry: 'It expires in {{minutes}} minutes. If you did not sign up, ignore this email.',
      codeAndLink: 'Your verification code is {{code}}. Or open this link to verify your address:',
      linkExpiry: 'The code and the link work once and expire in {{minutes}} minutes. If you did not sign up, ignore this email.',
    },
    password_reset: {
      subject: 'Reset your password',
      intro: 'Someone asked to reset the password of your account. To choose a new one, open this link:',
      expiry: 'The link works once and expires in {{minutes}} minutes. If you did not ask for it, ignore this email; your password is unchanged.',
    },
    account_updated: {
      subject: 'Your account was updated',
      body: 'These details of your account were changed: {{fields}}.',
    },
    password_changed: {
      subject: 'Your password was changed',
      body: 'The password of your account was changed and your other devices were signed out.',
    },
    email_change_code: {
      subject: 'Confirm your new email address',
      body: 'To make {{newEmail}} the email address of your account, enter this code: {{code}}.',
      expiry: 'It expires in {{minutes}} minutes. If you did not ask for this, ignore this email.',
    },
    email_change_notice: {
      subject: 'Your email address is changing',
      body: 'The email address of your account was changed to {{newEmail}}. This address will no longer receive messages about the account.',
    },
    factor_added: {
      subject: 'A sign-in method was added to your account',
      body: '{{factor}} was added to your account as a way to sign in.',
    },
    factor_removed: {
      subject: 'A sign-in method was removed from your account',
      byAdmin: 'An administrator removed {{factor}} from your account. Set up a second factor again when you next sign in.',
      bySelf: '{{factor}} was removed from your account.',
    },
    recovery_code_used: {
      subject: 'A recovery code was used',
      body_one: 'A recovery code was used to sign in to your account. {{count}} code is left; you can make new ones in your security settings.',
      body_other: 'A recovery code was used to sign in to your account. {{count}} codes are left; you can make new ones in your security settings.',
    },
    recovery_codes_regenerated: {
      subject: 'New recovery codes were made',
      body: 'New recovery codes were made for your account; the earlier ones no longer work.',
    },
    second_factor_failures: {
      subject: 'Someone could not finish signing in to your account',
      body: 'Your password was entered correctly, but the second step failed too many times, so the sign-in was stopped.',
      bodyFrom: 'Your password was entered correctly from {{ip}}, but the second step failed too many times, so the sign-in was stopped.',
      advice: 'If this was not you, someone knows your password: change it now.',
    },
    changed_by_admin: {
      subject: 'An administrator changed your account',
      email: 'An administrator changed the email address of your account to {{newEmail}}. This address will no longer receive messages about the account.',
      emailUnknown:
        'An administrator changed the email address of your account to a new address. This address will no longer receive messages about the account.',
      password: 'An administrator set a new password for your account.',
      deactivated: 'An administrator deactivated your account: you can no longer sign in, and your devices were signed out.',
      reactivated: 'An administrator reactivated your account: you can sign in again.',
      footer: 'If you did not expect this, contact your administrator.',
    },
    identity_linked: {
      subject: 'A sign-in method was added to your account',
      body: 'Your {{provider}} account was linked to your account: signing in with {{provider}} now signs in here.',
      bodyWithEmail: 'Your {{provider}} account ({{email}}) was linked to your account: signing in with {{provider}} now signs in here.',
      advice: 'If this was not you, remove it in your security settings, change your password and contact support.',
    },
    identity_unlinked: {
      subject: 'A sign-in method was removed from your account',
      bySelf: 'You unlinked your {{provider}} account: signing in with {{provider}} no longer signs in here.',
      byAdmin: 'An administrator unlinked your {{provider}} account: signing in with {{provider}} no longer signs in here.',
    },
    webhook_endpoint_disabled: {
      subject: 'A webhook endpoint was disabled',
      body: 'The webhook endpoint {{url}} was disabled after {{failures}} failed delivery attempts in a row. No new events are queued for it.',
      advice: 'Its pending deliveries wait: once the receiver works again, enable the endpoint and they resume.',
    },
    sign_in_code: {
      subject: 'Your sign-in code',
      intro: 'Your sign-in code is {{code}}. Or open this link to sign in:',
      expiry: 'The code and the link work once and expire in {{minutes}} minutes. If you did not ask to sign in, ignore this email.',
    },
  },
} as const;

/** The shape every language has: the same keys, any texts. */
export type Catalogue = { [K in keyof typeof en]: DeepStrings<(typeof en)[K]> };
type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
