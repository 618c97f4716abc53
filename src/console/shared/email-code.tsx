/**
 * Sign-in with an emailed code (EMAIL_SIGN_IN): the address, then the 6-digit code the server
 * mailed. No query says whether the server has it on, so the option is always offered and a
 * server with it off answers FEATURE_DISABLED, told here in words. The server never reveals
 * whether the address has an account: the code step follows either way.
 */
import { useState } from 'preact/hooks';
import { graphql } from '../gql';
import { ApiError, gql } from './client';
import { t } from './texts';
import { Field, Form, Page } from './ui';
import type { Viewer } from './viewer';

const RequestSignInCode = graphql(`
  mutation ConsoleRequestSignInCode($email: String!) {
    requestSignInCode(email: $email)
  }
`);

const SignInWithCode = graphql(`
  mutation ConsoleSignInWithCode($email: String!, $code: String!) {
    signInWithCode(email: $email, code: $code) {
      ...ConsoleSignInResult
    }
  }
`);

export interface EmailCodeProps {
  /** The address typed on the password form, if any. */
  initialEmail: string;
  onSignedIn: (viewer: Viewer) => void;
  /** The account has a second factor: the code step of the password sign-in follows. */
  onMfa: (mfaToken: string) => void;
  onCancel: () => void;
}

export function EmailCodeSignIn({ initialEmail, onSignedIn, onMfa, onCancel }: EmailCodeProps) {
  const [email, setEmail] = useState(initialEmail);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const back = (
    <button type="button" class="secondary" onClick={onCancel}>
      {t('cancel')}
    </button>
  );

  if (sentTo) {
    return (
      <Page title={t('emailCodeEnterTitle')}>
        <p>{t('emailCodeSent', { email: sentTo })}</p>
        <Form
          submitLabel={t('signIn')}
          actions={back}
          onSubmit={async () => {
            const { signInWithCode } = await gql(SignInWithCode, { email: sentTo, code: code.trim() });
            if (signInWithCode.__typename === 'MfaChallenge') onMfa(signInWithCode.mfaToken);
            else if (signInWithCode.__typename === 'AuthPayload') onSignedIn(signInWithCode.user);
          }}
        >
          <Field label={t('code')} value={code} onValue={setCode} autoComplete="one-time-code" inputMode="numeric" />
        </Form>
      </Page>
    );
  }

  return (
    <Page title={t('emailCodeTitle')}>
      <p>{t('emailCodeIntro')}</p>
      <Form
        submitLabel={t('emailCodeSend')}
        actions={back}
        onSubmit={async () => {
          const address = email.trim();
          try {
            await gql(RequestSignInCode, { email: address });
          } catch (caught) {
            // The server's generic "this feature is turned off" would not say which.
            if (caught instanceof ApiError && caught.code === 'FEATURE_DISABLED') throw new ApiError(caught.code, t('emailCodeOff'));
            throw caught;
          }
          setSentTo(address);
        }}
      >
        <Field label={t('email')} inputMode="email" value={email} onValue={setEmail} autoComplete="username" />
      </Form>
    </Page>
  );
}
