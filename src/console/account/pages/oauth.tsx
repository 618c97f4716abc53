/**
 * Social sign-in and linking (docs/social-sign-in.md) from the browser: the configured providers
 * (`oauthProviders`) as buttons; a button starts the flow on the server, keeps its `state` in
 * sessionStorage and sends the browser to the provider, which comes back to /account/oauth/callback
 * (the console's redirect URI: list `https://GATEHOUSE/account/oauth/callback` in each provider's
 * `redirectUris`). The callback page checks that the `state` is the one this tab kept (login
 * CSRF: a callback this tab never started is refused before it reaches the server) and finishes the
 * sign-in or the link. The server checks everything again (state, PKCE, nonce, iss).
 */
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { graphql } from '../../gql';
import type { ConsoleOAuthProvidersQuery } from '../../gql/graphql';
import { useSession } from '../../shared/app';
import { gql, messageOf } from '../../shared/client';
import { MfaStep } from '../../shared/sign-in';
import { ActionButton, Alert, Page } from '../../shared/ui';
import type { Viewer } from '../../shared/viewer';
import { t } from '../texts';

export const CALLBACK_PATH = '/account/oauth/callback';
const KEPT = 'gatehouse.oauth';

const Providers = graphql(`
  query ConsoleOAuthProviders {
    oauthProviders {
      id
      name
    }
  }
`);

const StartSignIn = graphql(`
  mutation ConsoleStartOAuthSignIn($provider: String!, $redirectUri: String!) {
    startOAuthSignIn(provider: $provider, redirectUri: $redirectUri) {
      authorizationUrl
      state
    }
  }
`);

const StartLink = graphql(`
  mutation ConsoleStartLinkOAuth($provider: String!, $redirectUri: String!, $password: String) {
    startLinkOAuthIdentity(provider: $provider, redirectUri: $redirectUri, password: $password) {
      authorizationUrl
      state
    }
  }
`);

const CompleteSignIn = graphql(`
  mutation ConsoleCompleteOAuthSignIn($state: String!, $code: String!, $iss: String) {
    completeOAuthSignIn(state: $state, code: $code, iss: $iss) {
      ...ConsoleSignInResult
    }
  }
`);

const Link = graphql(`
  mutation ConsoleLinkOAuth($state: String!, $code: String!, $iss: String) {
    linkOAuthIdentity(state: $state, code: $code, iss: $iss) {
      id
    }
  }
`);

type Provider = ConsoleOAuthProvidersQuery['oauthProviders'][number];
type Intent = 'sign_in' | 'link';

/** The configured providers; an empty list until they load (or when none is configured). */
export function useProviders(): Provider[] {
  const [providers, setProviders] = useState<Provider[]>([]);
  useEffect(() => {
    gql(Providers).then(
      ({ oauthProviders }) => setProviders(oauthProviders),
      () => undefined,
    );
  }, []);
  return providers;
}

/** Keeps the flow's state for the callback, then leaves for the provider. */
function leaveFor(intent: Intent, authorization: { authorizationUrl: string; state: string }): void {
  sessionStorage.setItem(KEPT, JSON.stringify({ intent, state: authorization.state }));
  location.assign(authorization.authorizationUrl);
}

const redirectUri = () => `${location.origin}${CALLBACK_PATH}`;

/** "Sign in with …" for each configured provider (under the sign-in form). */
export function SocialSignIn() {
  const providers = useProviders();
  if (!providers.length) return null;
  return (
    <ul class="alternative social">
      {providers.map((provider) => (
        <li key={provider.id}>
          <ActionButton
            secondary
            onClick={async () => leaveFor('sign_in', (await gql(StartSignIn, { provider: provider.id, redirectUri: redirectUri() })).startOAuthSignIn)}
          >
            {t('signInWith', { name: provider.name })}
          </ActionButton>
        </li>
      ))}
    </ul>
  );
}

/** "Link …" for each configured provider (the linked-accounts page); `password` is the fresh proof when the session is old. */
export function LinkProviders({ providers, password }: { providers: Provider[]; password: string }) {
  if (!providers.length) return null;
  return (
    <ul class="list">
      {providers.map((provider) => (
        <li key={provider.id}>
          <span>{provider.name}</span>
          <ActionButton
            secondary
            onClick={async () =>
              leaveFor('link', (await gql(StartLink, { provider: provider.id, redirectUri: redirectUri(), password: password || null })).startLinkOAuthIdentity)
            }
          >
            <span aria-hidden="true">{t('link')}</span>
            <span class="visually-hidden">{t('linkNamed', { name: provider.name })}</span>
          </ActionButton>
        </li>
      ))}
    </ul>
  );
}

/** Takes (and forgets) the flow this tab started, if any. */
function takeKept(): { intent: Intent; state: string } | null {
  const raw = sessionStorage.getItem(KEPT);
  sessionStorage.removeItem(KEPT);
  try {
    const kept = raw ? (JSON.parse(raw) as { intent?: unknown; state?: unknown }) : null;
    if (kept && (kept.intent === 'sign_in' || kept.intent === 'link') && typeof kept.state === 'string') return { intent: kept.intent, state: kept.state };
  } catch {
    // Not ours: treated as no flow.
  }
  return null;
}

/** Where the provider sends the browser back: finishes the sign-in or the link this tab started. */
export function OAuthCallbackPage() {
  const { query, route } = useLocation();
  const { setViewer } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [mfaToken, setMfaToken] = useState<string | null>(null);
  const signedIn = (viewer: Viewer) => {
    setViewer(viewer);
    route('/account', true);
  };
  useEffect(() => {
    const kept = takeKept();
    // The provider's own refusal (e.g. `access_denied`: the person said no).
    if (query.error) return setError(t('oauthRefused'));
    if (!kept || !query.state || kept.state !== query.state || !query.code) return setError(t('oauthNotStartedHere'));
    const args = { state: query.state, code: query.code, iss: query.iss ?? null };
    if (kept.intent === 'link') {
      gql(Link, args).then(
        () => route('/account/linked-accounts', true),
        (caught: unknown) => setError(messageOf(caught)),
      );
      return;
    }
    gql(CompleteSignIn, args).then(
      ({ completeOAuthSignIn: result }) => {
        if (result.__typename === 'MfaChallenge') setMfaToken(result.mfaToken);
        else if (result.__typename === 'AuthPayload') signedIn(result.user);
      },
      (caught: unknown) => setError(messageOf(caught)),
    );
  }, []);

  if (mfaToken) return <MfaStep mfaToken={mfaToken} onSignedIn={signedIn} onCancel={() => route('/account', true)} />;
  return (
    <Page title={t('oauthTitle')}>
      {error ? (
        <>
          <Alert message={error} />
          <p>
            <a href="/account">{t('backToSignIn')}</a>
          </p>
        </>
      ) : (
        <p role="status">{t('oauthFinishing')}</p>
      )}
    </Page>
  );
}
