/**
 * Passkeys through the API without a browser: the options the server hands out, answers that are
 * malformed or late, enumeration through the email allow-list, the rate limit on starts, and the
 * management fields (ownership, step-up, names). The ceremonies with a real authenticator are in
 * passkeys-browser.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { syncMfaEnabled } from '../../../src/auth/mfa/factors.js';
import { graphql } from '../../client/gql/index.js';
import { createUser, PASSWORD, signedInUser } from '../../helpers/factories.js';
import { errorCode } from '../../helpers/graphql.js';
import { createTestApp, TestClock, type TestApp } from '../../helpers/test-app.js';

const StartSignIn = graphql(`
  mutation ApiPasskeyStartSignIn($email: String) {
    startPasskeySignIn(email: $email)
  }
`);
const FinishSignIn = graphql(`
  mutation ApiPasskeyFinishSignIn($response: JSON!) {
    finishPasskeySignIn(response: $response) {
      __typename
    }
  }
`);
const StartRegistration = graphql(`
  mutation ApiPasskeyStartRegistration {
    startPasskeyRegistration
  }
`);
const FinishRegistration = graphql(`
  mutation ApiPasskeyFinishRegistration($response: JSON!, $name: String) {
    finishPasskeyRegistration(response: $response, name: $name) {
      id
    }
  }
`);
const MyPasskeys = graphql(`
  query ApiPasskeyList {
    myPasskeys {
      id
      name
    }
  }
`);
const Rename = graphql(`
  mutation ApiPasskeyRename($id: ID!, $name: String!) {
    renamePasskey(id: $id, name: $name) {
      id
      name
    }
  }
`);
const Remove = graphql(`
  mutation ApiPasskeyRemove($id: ID!, $password: String, $code: String) {
    removePasskey(id: $id, password: $password, code: $code)
  }
`);

const ORIGIN = 'https://app.example.com';
const ENV = { WEBAUTHN_RP_ID: 'example.com', WEBAUTHN_ORIGINS: ORIGIN };

/** A passkey row as a registration would leave it (the key is never used by these tests). */
async function passkeyOf(t: TestApp, userId: string, name = 'Laptop') {
  const passkey = await t.deps.prisma.passkey.create({
    data: {
      userId,
      credentialId: Buffer.from(`cred-${userId}-${name}`).toString('base64url'),
      publicKey: 'AQID',
      deviceType: 'singleDevice',
      name,
      transports: '["usb"]',
    },
  });
  await syncMfaEnabled(t.deps, t.deps.prisma, userId);
  return passkey;
}

/** A syntactically valid sign-in answer to `challenge` whose signature is junk. */
function answer(challenge: string, id = 'AAAA') {
  const clientDataJSON = Buffer.from(JSON.stringify({ type: 'webauthn.get', challenge, origin: ORIGIN, crossOrigin: false })).toString('base64url');
  return { id, rawId: id, type: 'public-key', clientExtensionResults: {}, response: { clientDataJSON, authenticatorData: 'AAAA', signature: 'AAAA' } };
}

describe('passkey options', () => {
  it('needs a session to register; hands out rp, user and my passkeys as excludeCredentials', async () => {
    const t = await createTestApp({ env: { ...ENV, WEBAUTHN_USER_VERIFICATION: 'required' } });
    expect(errorCode(await t.graphql(StartRegistration))).toBe('UNAUTHENTICATED');

    const { user, accessToken } = await signedInUser(t.deps, { firstName: 'Ada', lastName: 'Lovelace' });
    const mine = await passkeyOf(t, user.id);
    const other = await createUser(t.deps);
    await passkeyOf(t, other.id);
    const options = (await t.graphql(StartRegistration, {}, { token: accessToken })).data?.startPasskeyRegistration as Record<string, unknown>;
    expect(options).toMatchObject({
      rp: { id: 'example.com' },
      user: { id: Buffer.from(user.id).toString('base64url'), name: user.email, displayName: 'Ada Lovelace' },
      excludeCredentials: [{ id: mine.credentialId, type: 'public-key', transports: ['usb'] }],
      authenticatorSelection: { userVerification: 'required', residentKey: 'preferred' },
      attestation: 'none',
    });
    expect(options.challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the digest of the challenge is kept.
    const row = await t.deps.prisma.signInChallenge.findFirstOrThrow({ where: { userId: user.id, purpose: 'PASSKEY_REGISTRATION' } });
    expect(row.tokenHash).not.toContain(options.challenge as string);
  });

  it('answers an address with no passkey like one with passkeys: same shape, stable stand-in ids', async () => {
    // Guards enumeration: an empty (or absent) allow-list would tell which addresses have an account with a passkey.
    const t = await createTestApp({ env: ENV });
    const withPasskey = await createUser(t.deps);
    const passkey = await passkeyOf(t, withPasskey.id);
    const withoutPasskey = await createUser(t.deps);
    const start = async (email: string | null) =>
      (await t.graphql(StartSignIn, { email })).data?.startPasskeySignIn as {
        allowCredentials?: { id: string; type: string; transports?: string[] }[];
      } & Record<string, unknown>;

    const real = await start(withPasskey.email.toUpperCase());
    expect(real.allowCredentials).toEqual([{ id: passkey.credentialId, type: 'public-key', transports: ['usb'] }]);

    const shape = (o: Record<string, unknown>) => Object.keys(o).sort();
    for (const email of ['nobody@example.com', withoutPasskey.email, 'not an address']) {
      const first = await start(email);
      const again = await start(email);
      expect(shape(first)).toEqual(shape(real));
      expect(first.allowCredentials).toHaveLength(1);
      expect(first.allowCredentials![0]!.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(again.allowCredentials).toEqual(first.allowCredentials);
      expect(first.challenge).not.toEqual(again.challenge);
    }
    expect((await start('nobody@example.com')).allowCredentials).not.toEqual((await start('someone@example.com')).allowCredentials);

    // No email: discoverable credentials, nothing listed.
    const discoverable = await start(null);
    expect(discoverable.allowCredentials).toEqual([]);
  });

  it('limits ceremonies started per IP', async () => {
    const t = await createTestApp({ env: { ...ENV, RATE_LIMIT_PASSKEY_IP: '3/15m' } });
    const { accessToken } = await signedInUser(t.deps);
    const ip = '203.0.113.9';
    expect(errorCode(await t.graphql(StartSignIn, {}, { ip }))).toBeUndefined();
    expect(errorCode(await t.graphql(StartSignIn, { email: 'a@example.com' }, { ip }))).toBeUndefined();
    expect(errorCode(await t.graphql(StartRegistration, {}, { ip, token: accessToken }))).toBeUndefined();
    expect(errorCode(await t.graphql(StartSignIn, {}, { ip }))).toBe('RATE_LIMITED');
    expect(errorCode(await t.graphql(StartRegistration, {}, { ip, token: accessToken }))).toBe('RATE_LIMITED');
    expect(errorCode(await t.graphql(StartSignIn, {}, { ip: '198.51.100.7' }))).toBeUndefined();
  });
});

describe('passkey answers', () => {
  it('refuses malformed answers with PASSKEY_INVALID, never a 500', async () => {
    const t = await createTestApp({ env: ENV });
    const { accessToken } = await signedInUser(t.deps);
    const notJson = Buffer.from('not json').toString('base64url');
    const junk: unknown[] = [
      'not an object',
      42,
      [],
      {},
      { id: 'AAAA', rawId: 'AAAA', type: 'public-key' },
      { id: 'AAAA', rawId: 'BBBB', type: 'public-key', response: { clientDataJSON: 'AAAA' } },
      { id: 'AAAA', rawId: 'AAAA', type: 'password', response: { clientDataJSON: 'AAAA' } },
      {
        id: 'AA+/',
        rawId: 'AA+/',
        type: 'public-key',
        response: { clientDataJSON: 'AAAA', authenticatorData: 'AAAA', signature: 'AAAA', attestationObject: 'AAAA' },
      },
      {
        id: 'AAAA',
        rawId: 'AAAA',
        type: 'public-key',
        response: { clientDataJSON: notJson, authenticatorData: 'AAAA', signature: 'AAAA', attestationObject: 'AAAA' },
      },
      { id: 'AAAA', rawId: 'AAAA', type: 'public-key', response: { clientDataJSON: { nested: true }, authenticatorData: 1, signature: [] } },
      { id: 'x'.repeat(5000), rawId: 'x'.repeat(5000), type: 'public-key', response: { clientDataJSON: 'AAAA' } },
      answer('unknown-challenge'),
    ];
    for (const response of junk) {
      const signIn = await t.graphql(FinishSignIn, { response: response as never });
      expect([signIn.status, errorCode(signIn)], JSON.stringify(response)).toEqual([200, 'PASSKEY_INVALID']);
      const registration = await t.graphql(FinishRegistration, { response: response as never }, { token: accessToken });
      expect([registration.status, errorCode(registration)], JSON.stringify(response)).toEqual([200, 'PASSKEY_INVALID']);
    }
    // Inline in the query, as a literal.
    const literal = await t.graphql('mutation { finishPasskeySignIn(response: { id: "AAAA", response: [1, 2] }) { __typename } }');
    expect(errorCode(literal)).toBe('PASSKEY_INVALID');
  });

  it('refuses an answer to an expired ceremony (TOKEN_EXPIRED), and the ceremony is single use', async () => {
    const clock = new TestClock();
    const t = await createTestApp({ env: ENV, clock });
    const { challenge } = (await t.graphql(StartSignIn, {})).data?.startPasskeySignIn as { challenge: string };
    clock.advance((t.config.webauthn.challengeTtlSeconds + 1) * 1000);
    expect(errorCode(await t.graphql(FinishSignIn, { response: answer(challenge) }))).toBe('TOKEN_EXPIRED');

    const fresh = (await t.graphql(StartSignIn, {})).data?.startPasskeySignIn as { challenge: string };
    // An unknown credential fails verification, yet the ceremony is spent: a second answer finds none.
    expect(errorCode(await t.graphql(FinishSignIn, { response: answer(fresh.challenge) }))).toBe('PASSKEY_INVALID');
    const row = await t.deps.prisma.signInChallenge.findFirstOrThrow({ where: { purpose: 'PASSKEY_SIGN_IN', consumedAt: { not: null } } });
    expect(row.expiresAt.getTime()).toBeGreaterThan(clock.now().getTime());
  });
});

describe('managing passkeys', () => {
  it("lists, renames and removes only mine: another user's passkey is NOT_FOUND", async () => {
    const t = await createTestApp({ env: ENV });
    const me = await signedInUser(t.deps);
    const mine = await passkeyOf(t, me.user.id, 'Phone');
    const them = await signedInUser(t.deps);
    const theirs = await passkeyOf(t, them.user.id, 'Their key');

    expect((await t.graphql(MyPasskeys, {}, { token: me.accessToken })).data?.myPasskeys).toEqual([{ id: mine.id, name: 'Phone' }]);
    expect(errorCode(await t.graphql(Rename, { id: theirs.id, name: 'Mine now' }, { token: me.accessToken }))).toBe('NOT_FOUND');
    expect(errorCode(await t.graphql(Remove, { id: theirs.id, password: PASSWORD }, { token: me.accessToken }))).toBe('NOT_FOUND');
    expect(await t.deps.prisma.passkey.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ name: 'Their key' });

    expect((await t.graphql(Rename, { id: mine.id, name: '  Work laptop ' }, { token: me.accessToken })).data?.renamePasskey).toEqual({
      id: mine.id,
      name: 'Work laptop',
    });
    for (const name of ['', '   ', 'x'.repeat(65), 'tab\there']) {
      expect(errorCode(await t.graphql(Rename, { id: mine.id, name }, { token: me.accessToken }))).toBe('VALIDATION_FAILED');
    }
    const audit = await t.deps.prisma.auditEvent.findFirstOrThrow({ where: { userId: me.user.id, type: 'passkey.renamed' } });
    expect(JSON.parse(audit.metadata)).toEqual({ passkeyId: mine.id });
  });

  it('removing needs a fresh proof once the sign-in is older than REAUTH_WINDOW_SECONDS', async () => {
    const clock = new TestClock();
    const t = await createTestApp({ env: { ...ENV, REAUTH_WINDOW_SECONDS: '300' }, clock });
    const { user, accessToken } = await signedInUser(t.deps);
    const passkey = await passkeyOf(t, user.id);
    expect((await t.deps.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).mfaEnabled).toBe(true);
    clock.advance(301_000);

    expect(errorCode(await t.graphql(Remove, { id: passkey.id }, { token: accessToken }))).toBe('REAUTHENTICATION_REQUIRED');
    expect(errorCode(await t.graphql(Remove, { id: passkey.id, password: 'wrong password' }, { token: accessToken }))).toBe('INVALID_CREDENTIALS');
    expect(await t.deps.prisma.passkey.count({ where: { userId: user.id } })).toBe(1);

    expect((await t.graphql(Remove, { id: passkey.id, password: PASSWORD }, { token: accessToken })).data).toEqual({ removePasskey: true });
    expect(await t.deps.prisma.passkey.count({ where: { userId: user.id } })).toBe(0);
    expect((await t.deps.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).mfaEnabled).toBe(false);
    const mail = await t.deps.prisma.outboxEmail.findFirstOrThrow({ where: { to: user.email, template: 'factor_removed' } });
    expect(JSON.parse(mail.payload)).toEqual({ firstName: user.firstName, factor: 'the passkey “Laptop”', byAdmin: false });
    expect(await t.deps.prisma.auditEvent.count({ where: { userId: user.id, type: 'passkey.removed' } })).toBe(1);
  });

  it('stops registration at the most passkeys an account may hold', async () => {
    const t = await createTestApp({ env: ENV });
    const { user, accessToken } = await signedInUser(t.deps);
    for (let i = 0; i < 20; i++) await passkeyOf(t, user.id, `Key ${i}`);
    const result = await t.graphql(StartRegistration, {}, { token: accessToken });
    expect(errorCode(result)).toBe('VALIDATION_FAILED');
    expect(result.errors?.[0]?.extensions).toMatchObject({ fields: [{ field: 'passkeys', code: 'limit_reached' }] });
  });
});
