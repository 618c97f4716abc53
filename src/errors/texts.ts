/**
 * The English texts of per-field problems and of specific error messages, by key: the reference
 * the catalogues (src/i18n/) translate. A problem or an error built from a key carries it (and its
 * variables) beside the English text, so the error-language plugin can reword it in the reader's
 * language; `code` is never touched. Lives at the bottom layer because users/ and auth/ build them.
 * (The taken problems reuse their code's message, `errors.EMAIL_TAKEN`: see takenError.)
 */
/** `fields.<key>`: the message of one entry of `extensions.fields`. */
export const FieldTexts = {
  required: 'This field is required.',
  requiredEmail: 'Enter an email address.',
  emailNotRemovable: 'An email address cannot be removed; give a new one instead.',
  invalidEmail: 'Enter a valid email address.',
  tooLong: 'At most {{max}} characters.',
  singleLine: 'Must be a single line of text.',
  usernameCharacters: 'Letters, digits and @ . + - _ only.',
  httpUrl: 'Must be an http(s) URL.',
  oneOf: 'One of: {{values}}.',
  emailUnchanged: 'This is already your email address.',
  passwordTooLong: 'This password is too long. It must contain at most {{max}} characters.',
  passwordTooSimilar: 'The password is too similar to your personal information.',
  passwordTooShort: 'This password is too short. It must contain at least {{min}} characters.',
  passwordTooCommon: 'This password is too common.',
  passwordEntirelyNumeric: 'This password is entirely numeric.',
  wrongPassword: 'The password is wrong.',
  passwordRequiredToSignOut: 'Signing another device out needs your password.',
  currentPasswordRequired: 'Give your current password.',
  passwordOrCodeRequired: 'Give your password or a code.',
  identifierOrEmail: 'Give exactly one of `identifier` and `email`.',
  passkeyNameRequired: 'Give the passkey a name.',
  printableOnly: 'Use printable characters only.',
  passkeyLimit: 'At most {{max}} passkeys; remove one first.',
  unknownProvider: 'No sign-in provider has this id.',
  redirectUriNotAllowed: "This redirect URI is not on the provider's list.",
  pageSize: 'first must be between 1 and {{max}}.',
  tooManyCodenames: 'Ask about at most {{max}} codenames at once.',
  attributesObject: 'Must be an object of attribute names to values.',
  unknownAttribute: 'No such attribute.',
  adminOnlyAttribute: 'Only an administrator may change this attribute.',
  attributeRequired: 'This attribute is required.',
  /** `rule` is ajv's own (English) wording, e.g. "be string". */
  attributeInvalid: 'Must {{rule}}.',
  // The admin API's own problems.
  scalarValue: 'Must be a string, number or boolean.',
  emailRequiredToSignIn: 'Enter an email address (LOGIN_IDENTIFIERS=email signs in by address).',
  usernameRequiredWithoutEmail: 'An account without an email address needs a username.',
  noEmailToVerify: 'There is no email address to mark verified.',
  codenameFormat: 'Use app.action_model: lower-case letters, digits and underscores around one dot.',
  codenameTaken: 'A permission with this codename already exists.',
  nameLength: 'A name of 1 to {{max}} characters is required.',
  groupNameTaken: 'A group with this name already exists.',
  notNull: '{{field}} cannot be null.',
  oneOrMoreOf: 'One or more of: {{values}}.',
  secondsRange: 'From 0 to {{max}} seconds.',
  reasonLength: 'A reason of 1 to {{max}} characters, without control characters, is required.',
  roleConflictsWithFlags: 'role {{role}} disagrees with isStaff/isSuperuser.',
  superuserIsStaff: 'A superuser is always staff; remove isSuperuser first.',
  attributesTooLarge: 'At most {{max}} bytes of JSON.',
  attributeClaimsTooLarge: 'The attributes copied into tokens ({{claims}}) take at most {{max}} bytes of JSON.',
} as const;

/** `messages.<key>`: an error message more specific than its code's default. */
export const MessageTexts = {
  rateLimited: 'Too many attempts; try again in {{seconds}} seconds.',
  refreshMissing: 'No refresh token was given.',
  refreshInvalid: 'The refresh token is invalid; sign in again.',
  refreshExpired: 'The session has expired; sign in again.',
  accessTokenInvalid: 'The access token is invalid.',
  accessTokenExpired: 'The access token has expired.',
  sessionEnded: 'The session has ended; sign in again.',
  noSuchSession: 'No such session.',
  wrongPassword: FieldTexts.wrongPassword,
  passwordRequiredToSignOut: FieldTexts.passwordRequiredToSignOut,
  linkInvalid: 'The link is invalid or was already used.',
  linkExpired: 'The link has expired; ask for a new one.',
  resetLinkInvalid: 'The reset link is invalid or was already used.',
  resetLinkExpired: 'The reset link has expired; request a new one.',
  verificationCodeUnusable: 'The code is wrong or no longer valid; request a new one if it keeps failing.',
  verificationLinkUnusable: 'The link is invalid, expired or already used; request a new one.',
  signInCodeUnusable: 'The code is wrong, expired or used up; ask for a new one.',
  emailSignInDisabled: 'Signing in by email is turned off on this server.',
  mfaStepEnded: 'The sign-in step has ended; sign in again.',
  mfaStepExpired: 'The sign-in step has expired; sign in again.',
  mfaTooManyCodes: 'Too many wrong codes; sign in again.',
  totpAlreadySetUp: 'An authenticator app is already set up; turn it off first.',
  totpStartFirst: 'Start the set-up first (startTotpEnrollment).',
  totpAlreadyConfirmed: 'The authenticator app is already set up.',
  secondFactorFirst: 'Set up a second factor first.',
  totpDisableProof: 'Give your password or a code to turn the authenticator app off.',
  noTotp: 'No authenticator app is set up.',
  passkeyCeremonyExpired: 'The passkey ceremony has expired; start again.',
  noSuchPasskey: 'No such passkey.',
  serverBusy: 'The server is busy; try again in a moment.',
} as const;

export type FieldTextKey = keyof typeof FieldTexts;
export type MessageTextKey = keyof typeof MessageTexts;

/** The `{{variables}}` of a text, as a union of their names. */
type Variables<S extends string> = S extends `${string}{{${infer Name}}}${infer Rest}` ? Name | Variables<Rest> : never;
/** No argument for a text without variables; exactly its variables otherwise. */
export type VariablesArg<S extends string> = [Variables<S>] extends [never] ? [] : [variables: Record<Variables<S>, string | number>];

/** A text by key and its variables: what a translator needs to say it in another language. */
export interface LocalText {
  key: string;
  variables: Record<string, string | number>;
}

/** Where a FieldError keeps its LocalText: a symbol, so JSON (the response) never shows it. */
export const FIELD_TEXT: unique symbol = Symbol('gatehouse.fieldText');

/** `{{name}}` filled in once, left to right; a variable's own text is never read again. */
export function fillText(template: string, variables: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (Object.hasOwn(variables, name) ? String(variables[name]) : whole));
}

/** A specific error message by key, for `new GatehouseError(code, { message: messageText(...) })`. */
export function messageText<K extends MessageTextKey>(key: K, ...variables: VariablesArg<(typeof MessageTexts)[K]>): LocalText {
  return { key: `messages.${key}`, variables: variables[0] ?? {} };
}
