/**
 * Sign-in with a password, then, for an account with a second factor, the code step (an
 * authenticator app's code or a recovery code); or a passkey, or a code sent by email
 * (email-code.tsx), instead. Cookie mode: the server sets the httpOnly cookies;
 * the page only asks for the viewer's fields, never for the tokens.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { graphql } from '../gql';
import { ApiError, gql } from './client';
import { EmailCodeSignIn } from './email-code';
import { t } from './texts';
import { ActionButton, Field, Form, Page } from './ui';
import type { Viewer } from './viewer';

const Login = graphql(`
  mutation ConsoleLogin($identifier: String!, $password: String!) {
    login(identifier: $identifier, password: $password) {
      ...ConsoleSignInResult
    }
  }
`);

const CompleteMfa = graphql(`
  mutation ConsoleCompleteMfa($mfaToken: String!, $code: String!) {
    completeMfaSignIn(mfaToken: $mfaToken, code: $code) {
      user {
        ...ConsoleViewer
      }
    }
  }
`);

const StartPasskeySignIn = graphql(`
  mutation ConsoleStartPasskeySignIn {
    startPasskeySignIn
  }
`);

const FinishPasskeySignIn = graphql(`
  mutation ConsoleFinishPasskeySignIn($response: JSON!) {
    finishPasskeySignIn(response: $response) {
      __typename
      ... on AuthPayload {
        user {
          ...ConsoleViewer
        }
      }
    }
  }
`);

/**
 * A discoverable-credential sign-in: no address asked, the browser offers the passkeys it holds
 * for this site. The options and the answer travel as JSON (parseRequestOptionsFromJSON, toJSON).
 */
async function passkeySignIn(): Promise<Viewer | null> {
  const parse = (PublicKeyCredential as unknown as { parseRequestOptionsFromJSON?: (json: unknown) => PublicKeyCredentialRequestOptions })
    .parseRequestOptionsFromJSON;
  if (!parse) throw new ApiError('PASSKEY_UNSUPPORTED', t('passkeyUnsupported'));
  const { startPasskeySignIn } = await gql(StartPasskeySignIn);
  let response: unknown;
  try {
    const credential = (await navigator.credentials.get({ publicKey: parse(startPasskeySignIn) })) as PublicKeyCredential | null;
    response = credential?.toJSON();
  } catch (caught) {
    // Cancelled, timed out, or no passkey here: the browser's own words.
    throw new ApiError('PASSKEY_CANCELLED', caught instanceof Error ? caught.message : t('passkeyUnsupported'));
  }
  if (!response) return null;
  const { finishPasskeySignIn } = await gql(FinishPasskeySignIn, { response });
  return finishPasskeySignIn.__typename === 'AuthPayload' ? finishPasskeySignIn.user : null;
}

/** The second step of a sign-in (password, emailed code, provider) for an account with a second factor. */
export function MfaStep({ mfaToken, onSignedIn, onCancel }: { mfaToken: string; onSignedIn: (viewer: Viewer) => void; onCancel: () => void }) {
  const [code, setCode] = useState('');
  return (
    <Page title={t('mfaTitle')}>
      <p>{t('mfaIntro')}</p>
      <Form
        submitLabel={t('verify')}
        onSubmit={async () => {
          const { completeMfaSignIn } = await gql(CompleteMfa, { mfaToken, code: code.trim() });
          onSignedIn(completeMfaSignIn.user);
        }}
        actions={
          <button type="button" class="secondary" onClick={onCancel}>
            {t('cancel')}
          </button>
        }
      >
        <Field label={t('code')} value={code} onValue={setCode} autoComplete="one-time-code" inputMode="text" />
      </Form>
    </Page>
  );
}

export interface SignInProps {
  onSignedIn: (viewer: Viewer) => void;
  /** Links under the form (the account app's "create an account", "forgot your password?"). */
  children?: ComponentChildren;
}

export function SignIn({ onSignedIn, children }: SignInProps) {
  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');
  const [mfaToken, setMfaToken] = useState<string | null>(null);
  const [byEmail, setByEmail] = useState(false);

  if (byEmail && !mfaToken) {
    return <EmailCodeSignIn initialEmail={identifier.trim()} onSignedIn={onSignedIn} onMfa={setMfaToken} onCancel={() => setByEmail(false)} />;
  }

  if (mfaToken) {
    const cancel = () => {
      setMfaToken(null);
      setByEmail(false);
    };
    return <MfaStep mfaToken={mfaToken} onSignedIn={onSignedIn} onCancel={cancel} />;
  }

  return (
    <Page title={t('signInTitle')}>
      <Form
        submitLabel={t('signIn')}
        onSubmit={async () => {
          const { login } = await gql(Login, { identifier: identifier.trim(), password });
          if (login.__typename === 'MfaChallenge') setMfaToken(login.mfaToken);
          else if (login.__typename === 'AuthPayload') onSignedIn(login.user);
        }}
      >
        <Field label={t('email')} inputMode="email" value={identifier} onValue={setIdentifier} autoComplete="username" />
        <Field label={t('password')} type="password" value={password} onValue={setPassword} autoComplete="current-password" />
      </Form>
      <div class="alternative">
        <button type="button" class="secondary" onClick={() => setByEmail(true)}>
          {t('signInWithEmailCode')}
        </button>
      </div>
      {typeof PublicKeyCredential === 'undefined' ? null : (
        <div class="alternative">
          <ActionButton
            secondary
            onClick={async () => {
              const viewer = await passkeySignIn();
              if (viewer) onSignedIn(viewer);
            }}
          >
            {t('signInWithPasskey')}
          </ActionButton>
        </div>
      )}
      {children}
    </Page>
  );
}
