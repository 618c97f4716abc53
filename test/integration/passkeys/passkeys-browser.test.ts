/**
 * Passkeys end to end in a real browser: headless Chromium (Debian's `chromium`, driven by
 * playwright-core) with a virtual authenticator over the DevTools protocol (`WebAuthn.*`), on a
 * small page served by this test at http://localhost:PORT (a secure context, RP id `localhost`).
 * The page calls Gatehouse's GraphQL API, hands its options to
 * `PublicKeyCredential.parse*OptionsFromJSON` and `navigator.credentials.create/get`, and sends
 * `credential.toJSON()` back: the server side is verified by the real library, not by the test.
 *
 * One browser for the file; each scenario gets its own context (tab) and authenticator.
 * Needs /usr/bin/chromium (`apt-get install chromium`; .ci/run installs it when missing).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../client/gql/index.js';
import { PASSWORD } from '../../helpers/factories.js';
import { createUser } from '../../helpers/factories.js';
import { errorCode } from '../../helpers/graphql.js';
import { createTestApp, TestClock, type TestApp } from '../../helpers/test-app.js';
import { cliActor } from '../../../src/admin/actor.js';
import { createWebhookEndpoint } from '../../../src/admin/webhooks.js';
import { chromiumAvailable, launchChromium, type LaunchedChromium } from '../../helpers/chromium.js';

const available = chromiumAvailable('the passkey browser test');

const Login = graphql(`
  mutation PasskeyPasswordLogin($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      __typename
      ... on AuthPayload {
        accessToken
      }
      ... on MfaChallenge {
        methods
      }
    }
  }
`);
const StartSignIn = graphql(`
  mutation PasskeyStartSignIn($email: String) {
    startPasskeySignIn(email: $email)
  }
`);
const FinishSignIn = graphql(`
  mutation PasskeyFinishSignIn($response: JSON!) {
    finishPasskeySignIn(response: $response) {
      __typename
      ... on AuthPayload {
        accessToken
        user {
          id
        }
        session {
          id
        }
      }
    }
  }
`);
const StartRegistration = graphql(`
  mutation PasskeyStartRegistration {
    startPasskeyRegistration
  }
`);
const FinishRegistration = graphql(`
  mutation PasskeyFinishRegistration($response: JSON!, $name: String) {
    finishPasskeyRegistration(response: $response, name: $name) {
      id
      name
    }
  }
`);
const MyPasskeys = graphql(`
  query PasskeyList {
    myPasskeys {
      id
      name
      deviceType
      backedUp
      transports
      lastUsedAt
    }
  }
`);
const RemovePasskey = graphql(`
  mutation PasskeyRemove($id: ID!) {
    removePasskey(id: $id)
  }
`);

/** What the served page defines (see PAGE). */
interface PageApi {
  gql(
    query: string,
    variables: Record<string, unknown>,
    token?: string,
  ): Promise<{ data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] }>;
  create(options: unknown): Promise<Record<string, unknown>>;
  get(options: unknown): Promise<Record<string, unknown>>;
  register(
    token: string,
    name: string,
  ): Promise<{ response: Record<string, unknown>; result: { data?: { finishPasskeyRegistration?: { id: string } } | null; errors?: unknown[] } }>;
  signIn(email: string | null): Promise<{
    response: Record<string, unknown>;
    result: {
      data?: { finishPasskeySignIn?: { __typename: string; accessToken?: string; session?: { id: string } } } | null;
      errors?: { extensions?: { code?: string } }[];
    };
  }>;
}

/** The page a web client would have, reduced to the calls: GraphQL in, WebAuthn JSON out and back. */
const PAGE = `<!doctype html><meta charset="utf-8"><title>passkeys</title><script>
async function gql(query, variables, token) {
  const headers = { 'content-type': 'application/json' };
  if (token) headers.authorization = 'Bearer ' + token;
  const r = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return r.json();
}
async function create(options) {
  const credential = await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) });
  return credential.toJSON();
}
async function get(options) {
  const credential = await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
  return credential.toJSON();
}
async function register(token, name) {
  const start = await gql('mutation { startPasskeyRegistration }', {}, token);
  if (start.errors) throw new Error(JSON.stringify(start.errors));
  const response = await create(start.data.startPasskeyRegistration);
  const result = await gql('mutation($r: JSON!, $n: String) { finishPasskeyRegistration(response: $r, name: $n) { id } }', { r: response, n: name }, token);
  return { response, result };
}
async function signIn(email) {
  const start = await gql('mutation($e: String) { startPasskeySignIn(email: $e) }', { e: email });
  if (start.errors) throw new Error(JSON.stringify(start.errors));
  const response = await get(start.data.startPasskeySignIn);
  const result = await gql('mutation($r: JSON!) { finishPasskeySignIn(response: $r) { __typename ... on AuthPayload { accessToken session { id } } } }', { r: response });
  return { response, result };
}
</script>`;

interface Tab {
  page: Page;
  cdp: CDPSession;
  authenticatorId: string;
}

interface VirtualCredential {
  credentialId: string;
  isResidentCredential: boolean;
  rpId?: string;
  privateKey: string;
  userHandle?: string;
  signCount: number;
}

describe.skipIf(!available)('passkeys in Chromium with a virtual authenticator', () => {
  let t: TestApp;
  let server: Server;
  let otherServer: Server;
  let origin: string;
  let otherOrigin: string;
  let browser: BrowserContext;
  let chromiumProcess: LaunchedChromium | undefined;
  const clock = new TestClock();

  /** A server for the page and the API; its handler is set once the app exists (the app's config needs the port). */
  async function serve(): Promise<{ server: Server; origin: string }> {
    const server = createServer((req, res) => {
      if (req.url === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(PAGE);
        return;
      }
      void t.app(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { server, origin: `http://localhost:${(server.address() as AddressInfo).port}` };
  }

  beforeAll(async () => {
    ({ server, origin } = await serve());
    // The same app reached on another port: an origin WEBAUTHN_ORIGINS does not list, same RP id.
    ({ server: otherServer, origin: otherOrigin } = await serve());
    t = await createTestApp({ clock, env: { WEBAUTHN_RP_ID: 'localhost', WEBAUTHN_ORIGINS: origin, WEBAUTHN_USER_VERIFICATION: 'required' } });
    // Subscribed, so a registration queues its user.mfa_changed webhook (never posted here: no worker runs).
    await createWebhookEndpoint(t.deps, cliActor('test'), { url: 'https://hooks.example.com/gatehouse', eventTypes: ['user.mfa_changed'] });
    chromiumProcess = await launchChromium();
    browser = chromiumProcess.browser;
  }, 60_000);
  afterAll(async () => {
    await chromiumProcess?.close();
    for (const s of [server, otherServer]) {
      s?.closeAllConnections();
      await new Promise<void>((resolve) => (s ? s.close(() => resolve()) : resolve()));
    }
  });

  /** A new tab on `at` with its own virtual authenticator (UV-capable, discoverable credentials), holding `credential` if given. */
  async function tab(credential?: VirtualCredential, at = origin, overrides: Record<string, unknown> = {}): Promise<Tab> {
    const page = await browser.newPage();
    const cdp = await browser.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
        ...overrides,
      },
    });
    if (credential) await cdp.send('WebAuthn.addCredential', { authenticatorId, credential });
    await page.goto(`${at}/`);
    return { page, cdp, authenticatorId };
  }

  function api(page: Page) {
    return {
      register: (token: string, name: string) =>
        page.evaluate(([token, name]) => (globalThis as unknown as PageApi).register(token, name), [token, name] as const),
      signIn: (email: string | null = null) => page.evaluate((email) => (globalThis as unknown as PageApi).signIn(email), email),
      create: (options: unknown) => page.evaluate((options) => (globalThis as unknown as PageApi).create(options), options),
      get: (options: unknown) => page.evaluate((options) => (globalThis as unknown as PageApi).get(options), options),
    };
  }

  async function credentials(tab: Tab): Promise<VirtualCredential[]> {
    const { credentials } = await tab.cdp.send('WebAuthn.getCredentials', { authenticatorId: tab.authenticatorId });
    return credentials;
  }

  async function storedCounter(passkeyId: string): Promise<bigint> {
    return (await t.deps.prisma.passkey.findUniqueOrThrow({ where: { id: passkeyId } })).counter;
  }

  /** A user with a session, and a passkey registered through the page in a fresh tab. */
  async function userWithPasskey(name = 'Laptop') {
    const user = await createUser(t.deps);
    const token = await passwordToken(user.email);
    const device = await tab();
    const { result, response } = await api(device.page).register(token, name);
    expect(result.errors).toBeUndefined();
    const passkeyId = result.data!.finishPasskeyRegistration!.id;
    return { user, token, device, passkeyId, registration: response };
  }

  async function passwordToken(email: string): Promise<string> {
    const result = await t.graphql(Login, { email, password: PASSWORD });
    if (result.data?.login.__typename !== 'AuthPayload') throw new Error(JSON.stringify(result));
    return result.data.login.accessToken;
  }

  async function auditTypes(userId: string): Promise<string[]> {
    const rows = await t.deps.prisma.auditEvent.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });
    return rows.map((r) => r.type);
  }

  it('registers, signs in without an email (twice: the counter grows), with an email, is removed, then is refused', async () => {
    const { user, token, device, passkeyId } = await userWithPasskey('Laptop');
    const page = api(device.page);

    const listed = await t.graphql(MyPasskeys, {}, { token });
    expect(listed.data?.myPasskeys).toEqual([
      { id: passkeyId, name: 'Laptop', deviceType: 'SINGLE_DEVICE', backedUp: false, transports: ['internal'], lastUsedAt: null },
    ]);
    const row = await t.deps.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.mfaEnabled).toBe(true);
    const mail = await t.deps.prisma.outboxEmail.findMany({ where: { to: user.email, template: 'factor_added' } });
    expect(mail.map((m) => JSON.parse(m.payload) as unknown)).toEqual([{ firstName: user.firstName, factor: 'the passkey “Laptop”' }]);
    // The webhook queued with the passkey (issue 16): which factor and what happened, nothing of the key.
    const hooks = await t.deps.prisma.webhookDelivery.findMany({ where: { eventType: 'user.mfa_changed', userId: user.id } });
    expect(hooks.map((h) => (JSON.parse(h.payload) as { data: unknown }).data)).toEqual([
      { userId: user.id, actor: { kind: 'user', id: user.id }, factor: 'passkey', action: 'added', passkeyId },
    ]);

    // A passkey is a second factor: the password alone now yields a challenge offering it.
    const password = await t.graphql(Login, { email: user.email, password: PASSWORD });
    expect(password.data?.login).toMatchObject({ __typename: 'MfaChallenge', methods: expect.arrayContaining(['PASSKEY']) });

    // Discoverable: no email typed, empty allowCredentials; the authenticator names the account.
    const first = await page.signIn();
    expect(first.result.errors).toBeUndefined();
    expect(first.result.data?.finishPasskeySignIn?.__typename).toBe('AuthPayload');
    const afterFirst = await storedCounter(passkeyId);
    expect(afterFirst).toBeGreaterThan(0n);
    const session = await t.deps.prisma.session.findUniqueOrThrow({ where: { id: first.result.data!.finishPasskeySignIn!.session!.id } });
    expect(session.userId).toBe(user.id);
    expect(JSON.parse(session.authMethods)).toEqual(['passkey']);

    const second = await page.signIn();
    expect(second.result.data?.finishPasskeySignIn?.__typename).toBe('AuthPayload');
    expect(await storedCounter(passkeyId)).toBeGreaterThan(afterFirst);

    // With an email: the account's passkeys as the allow-list.
    const [held] = await credentials(device);
    const options = (await t.graphql(StartSignIn, { email: user.email })).data!.startPasskeySignIn as { allowCredentials: { id: string }[] };
    expect(options.allowCredentials.map((c) => c.id)).toEqual([Buffer.from(held!.credentialId, 'base64').toString('base64url')]);
    const byEmail = await page.signIn(user.email);
    expect(byEmail.result.data?.finishPasskeySignIn?.__typename).toBe('AuthPayload');
    expect((await t.graphql(MyPasskeys, {}, { token })).data?.myPasskeys[0]?.lastUsedAt).not.toBeNull();

    // Signed in moments ago: within REAUTH_WINDOW_SECONDS, no proof to give.
    const removed = await t.graphql(RemovePasskey, { id: passkeyId }, { token });
    expect(removed.data).toEqual({ removePasskey: true });
    expect((await t.deps.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).mfaEnabled).toBe(false);

    // The authenticator still holds the key; the server no longer knows it.
    const refused = await page.signIn();
    expect(refused.result.errors?.[0]?.extensions?.code).toBe('PASSKEY_INVALID');
    expect((await t.graphql(Login, { email: user.email, password: PASSWORD })).data?.login.__typename).toBe('AuthPayload');
    expect(await auditTypes(user.id)).toEqual(expect.arrayContaining(['passkey.registered', 'mfa.challenged', 'passkey.signed_in', 'passkey.removed']));
    // The refusal names no account: nothing ties an unknown credential to one (the user handle is unsigned).
    const unknown = await t.deps.prisma.auditEvent.findMany({ where: { type: 'passkey.sign_in_failed', userId: null } });
    expect(unknown.map((row) => JSON.parse(row.metadata) as unknown)).toContainEqual({ reason: 'unknown_credential' });
    await device.page.close();
  });

  it('refuses a replayed assertion: the same answer twice', async () => {
    const { user, device } = await userWithPasskey();
    const { response, result } = await api(device.page).signIn();
    expect(result.data?.finishPasskeySignIn?.__typename).toBe('AuthPayload');
    const replay = await t.graphql(FinishSignIn, { response });
    expect(errorCode(replay)).toBe('PASSKEY_INVALID');
    // Refused because its ceremony is used up, before the signature counter would have caught it.
    expect(
      await t.deps.prisma.auditEvent.count({
        where: { userId: user.id, type: { startsWith: 'passkey.' }, NOT: { type: { in: ['passkey.registered', 'passkey.signed_in'] } } },
      }),
    ).toBe(0);
    await device.page.close();
  });

  it("refuses an answer to another ceremony's challenge: a registration's, another user's, an expired one", async () => {
    const { token, device } = await userWithPasskey();
    const page = api(device.page);

    // A sign-in assertion over a registration challenge.
    const registration = (await t.graphql(StartRegistration, {}, { token })).data!.startPasskeyRegistration as { challenge: string };
    const signInOptions = (await t.graphql(StartSignIn, {})).data!.startPasskeySignIn as Record<string, unknown>;
    const crossed = await page.get({ ...signInOptions, challenge: registration.challenge });
    expect(errorCode(await t.graphql(FinishSignIn, { response: crossed }))).toBe('PASSKEY_INVALID');

    // A registration over another user's registration challenge.
    const other = await createUser(t.deps);
    const otherToken = await passwordToken(other.email);
    const theirs = (await t.graphql(StartRegistration, {}, { token: otherToken })).data!.startPasskeyRegistration as Record<string, unknown>;
    const mine = (await t.graphql(StartRegistration, {}, { token })).data!.startPasskeyRegistration as Record<string, unknown>;
    const created = await page.create({ ...mine, excludeCredentials: [], challenge: theirs.challenge });
    expect(errorCode(await t.graphql(FinishRegistration, { response: created }, { token }))).toBe('PASSKEY_INVALID');

    // Expired: answered after WEBAUTHN_CHALLENGE_TTL_SECONDS on the server's clock.
    const late = (await t.graphql(StartSignIn, {})).data!.startPasskeySignIn as Record<string, unknown>;
    const answer = await page.get(late);
    clock.advance((t.config.webauthn.challengeTtlSeconds + 1) * 1000);
    expect(errorCode(await t.graphql(FinishSignIn, { response: answer }))).toBe('TOKEN_EXPIRED');
    await device.page.close();
  });

  it('refuses an answer made on an origin WEBAUTHN_ORIGINS does not list', async () => {
    const { user, device } = await userWithPasskey();
    const [credential] = await credentials(device);
    await device.page.close();
    // The same key, used from a page on another port of the same host (same RP id, other origin).
    const elsewhere = await tab({ ...credential!, signCount: credential!.signCount + 100 }, otherOrigin);
    const { result } = await api(elsewhere.page).signIn();
    expect(result.errors?.[0]?.extensions?.code).toBe('PASSKEY_INVALID');
    const failed = await t.deps.prisma.auditEvent.findFirstOrThrow({ where: { userId: user.id, type: 'passkey.sign_in_failed' } });
    expect(failed.metadata).toContain(otherOrigin);
    await elsewhere.page.close();
  });

  it('refuses and audits a cloned authenticator: a copy of the key whose counter is behind', async () => {
    const { user, device, passkeyId } = await userWithPasskey();
    // The copy is taken now; the original then signs in twice, moving the counter past the copy's.
    const [copy] = await credentials(device);
    for (let i = 0; i < 2; i++) expect((await api(device.page).signIn()).result.data?.finishPasskeySignIn?.__typename).toBe('AuthPayload');
    const before = await storedCounter(passkeyId);

    const clone = await tab(copy);
    const { result } = await api(clone.page).signIn();
    expect(result.errors?.[0]?.extensions?.code).toBe('PASSKEY_INVALID');
    expect(await storedCounter(passkeyId)).toBe(before);
    const audit = await t.deps.prisma.auditEvent.findFirstOrThrow({ where: { userId: user.id, type: 'passkey.counter_regressed' } });
    expect(JSON.parse(audit.metadata)).toMatchObject({ passkeyId });
    await device.page.close();
    await clone.page.close();
  });

  it('refuses a credential already registered to another account', async () => {
    const { registration, device } = await userWithPasskey();
    await device.page.close();
    // Attestation "none" signs nothing over clientDataJSON: another user can wrap the first
    // user's attestation in their own ceremony. The credential id decides: refused.
    const other = await createUser(t.deps);
    const otherToken = await passwordToken(other.email);
    const { challenge } = (await t.graphql(StartRegistration, {}, { token: otherToken })).data!.startPasskeyRegistration as { challenge: string };
    const clientData = { type: 'webauthn.create', challenge, origin, crossOrigin: false };
    const response = registration.response as Record<string, unknown>;
    const forged = { ...registration, response: { ...response, clientDataJSON: Buffer.from(JSON.stringify(clientData)).toString('base64url') } };
    const result = await t.graphql(FinishRegistration, { response: forged }, { token: otherToken });
    expect(errorCode(result)).toBe('PASSKEY_INVALID');
    expect(await t.deps.prisma.passkey.count({ where: { userId: other.id } })).toBe(0);
    const audit = await t.deps.prisma.auditEvent.findFirstOrThrow({ where: { userId: other.id, type: 'passkey.registration_failed' } });
    expect(JSON.parse(audit.metadata)).toEqual({ reason: 'credential_registered' });
  });

  it("refuses another account's passkey answering a sign-in started with an email", async () => {
    const a = await userWithPasskey();
    const b = await userWithPasskey();
    // The options list A's passkeys; B's authenticator is made to answer anyway (allow-list dropped).
    const options = (await t.graphql(StartSignIn, { email: a.user.email })).data!.startPasskeySignIn as Record<string, unknown>;
    const response = await api(b.device.page).get({ ...options, allowCredentials: [] });
    expect(errorCode(await t.graphql(FinishSignIn, { response }))).toBe('PASSKEY_INVALID');
    const audit = await t.deps.prisma.auditEvent.findFirstOrThrow({ where: { userId: b.user.id, type: 'passkey.sign_in_failed' } });
    expect(JSON.parse(audit.metadata)).toEqual({ reason: 'credential_not_offered', passkeyId: b.passkeyId });
    await a.device.page.close();
    await b.device.page.close();
  });

  it('refuses answers without user verification when WEBAUTHN_USER_VERIFICATION is required', async () => {
    // A client that ignores the options and asks the authenticator not to verify the person (no
    // PIN, no biometrics): the server's policy still holds, for a sign-in and for a registration.
    const { user, token, device } = await userWithPasskey();
    const page = api(device.page);
    const options = (await t.graphql(StartSignIn, {})).data!.startPasskeySignIn as Record<string, unknown>;
    const unverified = await page.get({ ...options, userVerification: 'discouraged' });
    expect(errorCode(await t.graphql(FinishSignIn, { response: unverified }))).toBe('PASSKEY_INVALID');
    const failed = await t.deps.prisma.auditEvent.findFirstOrThrow({ where: { userId: user.id, type: 'passkey.sign_in_failed' } });
    expect(failed.metadata).toContain('User verification required');

    const creation = (await t.graphql(StartRegistration, {}, { token })).data!.startPasskeyRegistration as Record<string, unknown>;
    // A security key without PIN support: it cannot verify the person at all.
    const key = await tab(undefined, origin, { transport: 'usb', hasResidentKey: false, hasUserVerification: false, isUserVerified: false });
    const selection = { residentKey: 'discouraged', requireResidentKey: false, userVerification: 'discouraged' };
    const created = await api(key.page).create({ ...creation, authenticatorSelection: selection });
    expect(errorCode(await t.graphql(FinishRegistration, { response: created }, { token }))).toBe('PASSKEY_INVALID');
    expect(await t.deps.prisma.passkey.count({ where: { userId: user.id } })).toBe(1);
    const refused = await t.deps.prisma.auditEvent.findFirstOrThrow({ where: { userId: user.id, type: 'passkey.registration_failed' } });
    expect(refused.metadata).toMatch(/User verification was required/);
    await device.page.close();
    await key.page.close();
  });

  it('refuses a sign-in to a disabled account, and to an unverified one while REQUIRE_EMAIL_VERIFICATION is on', async () => {
    const { user, device } = await userWithPasskey();
    await t.deps.prisma.user.update({ where: { id: user.id }, data: { emailVerifiedAt: null } });
    expect((await api(device.page).signIn()).result.errors?.[0]?.extensions?.code).toBe('EMAIL_NOT_VERIFIED');
    await t.deps.prisma.user.update({ where: { id: user.id }, data: { isActive: false } });
    const { result } = await api(device.page).signIn();
    expect(result.errors?.[0]?.extensions?.code).toBe('ACCOUNT_DISABLED');
    const failures = await t.deps.prisma.auditEvent.findMany({ where: { userId: user.id, type: 'passkey.sign_in_failed' } });
    expect(failures.map((row) => (JSON.parse(row.metadata) as { reason: string }).reason).sort()).toEqual(['account_disabled', 'email_not_verified']);
    await device.page.close();
  });
});
