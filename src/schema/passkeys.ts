/**
 * Passkeys (WebAuthn): registering one for my account, signing in with one, and managing mine.
 * Options and answers travel as JSON: the server's options go to
 * `PublicKeyCredential.parseCreationOptionsFromJSON` / `parseRequestOptionsFromJSON`, and the
 * browser's `credential.toJSON()` comes back as `response`.
 */
import { finishPasskeyRegistration } from '../account/passkeys/finish-registration.js';
import { finishPasskeySignIn } from '../account/passkeys/finish-sign-in.js';
import { removePasskey } from '../account/passkeys/remove-passkey.js';
import { renamePasskey } from '../account/passkeys/rename-passkey.js';
import { startPasskeyRegistration } from '../account/passkeys/start-registration.js';
import { startPasskeySignIn } from '../account/passkeys/start-sign-in.js';
import { parseTransports } from '../auth/passkeys/stored-credential.js';
import { builder } from './builder.js';
import { deviceOf } from './device.js';
import { firstDescription, LIST_SIZES, listSize, takeOf } from './list-size.js';
import { deliverSignIn, SignInResultType } from './sign-in-result.js';

const PasskeyDeviceType = builder.enumType('PasskeyDeviceType', {
  values: {
    SINGLE_DEVICE: { value: 'singleDevice', description: 'Bound to one authenticator (a security key, most platform authenticators without sync).' },
    MULTI_DEVICE: { value: 'multiDevice', description: "Synced between the user's devices by their platform (iCloud Keychain, Google Password Manager...)." },
  },
});

export const PasskeyType = builder.prismaObject('Passkey', {
  description: 'A passkey registered to my account. Its public key is never exposed.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true, description: 'The last sign-in with it.' }),
    deviceType: t.field({ type: PasskeyDeviceType, resolve: (p) => (p.deviceType === 'multiDevice' ? 'multiDevice' : 'singleDevice') }),
    backedUp: t.exposeBoolean('backedUp', { description: 'The platform has backed it up (it survives the loss of the device).' }),
    transports: t.stringList({
      description: 'How the browser reaches the authenticator (`internal`, `hybrid`, `usb`, `nfc`, `ble`), as the browser reported.',
      resolve: (p) => parseTransports(p.transports),
    }),
  }),
});

builder.mutationField('startPasskeyRegistration', (t) =>
  t.field({
    type: 'JSON',
    description:
      'Starts adding a passkey to my account: options for `navigator.credentials.create` (PublicKeyCredentialCreationOptionsJSON; my passkeys are excluded). Finish with finishPasskeyRegistration within WEBAUTHN_CHALLENGE_TTL_SECONDS.',
    authScopes: { enrolling: true },
    resolve: (_root, _args, context) => startPasskeyRegistration(context.deps, context.viewer!, deviceOf(context)),
  }),
);

builder.mutationField('finishPasskeyRegistration', (t) =>
  t.prismaField({
    type: PasskeyType,
    description:
      "Verifies the browser's answer (`credential.toJSON()` of `navigator.credentials.create`) and adds the passkey; it is then a second factor of the account too. PASSKEY_INVALID when it fails verification (wrong origin, used or another user's ceremony, a credential already registered).",
    authScopes: { enrolling: true },
    args: {
      response: t.arg({ type: 'JSON', required: true }),
      name: t.arg.string({ description: 'What to call it, e.g. "Laptop". @default "Passkey"' }),
    },
    resolve: (_query, _root, args, context) =>
      finishPasskeyRegistration(context.deps, context.viewer!, { response: args.response, name: args.name }, deviceOf(context)),
  }),
);

builder.mutationField('startPasskeySignIn', (t) =>
  t.field({
    type: 'JSON',
    description:
      "Starts a sign-in with a passkey: options for `navigator.credentials.get` (PublicKeyCredentialRequestOptionsJSON). Without an email, the browser offers the passkeys it holds for this site; with one, that account's passkeys are listed (an address with none gets an answer of the same shape: it never reveals whether the address is registered).",
    authScopes: { public: true },
    args: { email: t.arg.string() },
    resolve: (_root, args, context) => startPasskeySignIn(context.deps, args, deviceOf(context)),
  }),
);

builder.mutationField('finishPasskeySignIn', (t) =>
  t.field({
    type: SignInResultType,
    description:
      "Verifies the browser's answer (`credential.toJSON()` of `navigator.credentials.get`) and signs in: always an AuthPayload, as a passkey is multi-factor by itself. In cookie mode also sets the auth cookies. PASSKEY_INVALID when it fails verification (including a signature counter that went backwards: a cloned authenticator).",
    authScopes: { public: true },
    args: { response: t.arg({ type: 'JSON', required: true }) },
    resolve: async (_root, args, context) => deliverSignIn(context, await finishPasskeySignIn(context.deps, { response: args.response }, deviceOf(context))),
  }),
);

builder.queryField('myPasskeys', (t) =>
  t.prismaField({
    type: [PasskeyType],
    description: `My passkeys, newest first (at most ${LIST_SIZES.passkeys.max}).`,
    authScopes: { enrolling: true },
    args: { first: t.arg.int({ description: firstDescription(LIST_SIZES.passkeys) }) },
    extensions: listSize(LIST_SIZES.passkeys),
    resolve: (query, _root, args, context) =>
      context.deps.prisma.passkey.findMany({
        ...query,
        where: { userId: context.viewer!.user.id },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: takeOf(args.first, LIST_SIZES.passkeys),
      }),
  }),
);

builder.mutationField('renamePasskey', (t) =>
  t.prismaField({
    type: PasskeyType,
    description: 'Renames one of my passkeys (NOT_FOUND for any other id).',
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true }), name: t.arg.string({ required: true }) },
    resolve: (_query, _root, args, context) => renamePasskey(context.deps, context.viewer!, args, deviceOf(context)),
  }),
);

builder.mutationField('removePasskey', (t) =>
  t.boolean({
    description:
      'Removes one of my passkeys (NOT_FOUND for any other id). Needs a fresh proof: my password or a second-factor code given here, or a sign-in or reauthenticate within REAUTH_WINDOW_SECONDS (REAUTHENTICATION_REQUIRED otherwise).',
    authScopes: { authenticated: true },
    args: {
      id: t.arg.id({ required: true }),
      password: t.arg.string({ description: 'My password, as a fresh proof.' }),
      code: t.arg.string({ description: 'A code from my authenticator app or a recovery code, as a fresh proof.' }),
    },
    resolve: async (_root, args, context) => {
      await removePasskey(context.deps, context.viewer!, args, deviceOf(context));
      return true;
    },
  }),
);
