/**
 * The pages reachable signed out: register, verify email (code or emailed link), forgot and reset
 * password. The emails' links open /account/verify-email?token=… and /account/reset-password?token=…
 * (the server's defaults when the console is on: src/config/index.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { graphql } from '../../gql';
import { useSession } from '../../shared/app';
import { ApiError, gql, messageOf } from '../../shared/client';
import { locale } from '../../shared/i18n';
import { Alert, Field, Form, Notice, Page, type FieldProps } from '../../shared/ui';
import { t } from '../texts';

const RegistrationInfo = graphql(`
  query ConsoleRegistrationInfo {
    registrationMode
    registrationRequiredFields
    passwordPolicy {
      minLength
    }
  }
`);

const Register = graphql(`
  mutation ConsoleRegister($input: RegisterInput!) {
    register(input: $input) {
      emailVerificationRequired
    }
  }
`);

const VerifyEmail = graphql(`
  mutation ConsoleVerifyEmail($email: String!, $code: String!) {
    verifyEmail(email: $email, code: $code) {
      id
    }
  }
`);

const VerifyEmailLink = graphql(`
  mutation ConsoleVerifyEmailLink($token: String!) {
    verifyEmailWithToken(token: $token) {
      id
    }
  }
`);

const ResendCode = graphql(`
  mutation ConsoleResendCode($email: String!) {
    resendVerificationEmail(email: $email)
  }
`);

const RequestReset = graphql(`
  mutation ConsoleRequestReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

const ResetPassword = graphql(`
  mutation ConsoleResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword)
  }
`);

/** An emailed link that cannot work any more: used, replaced or expired. */
function isDeadLink(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'TOKEN_INVALID' || error.code === 'TOKEN_EXPIRED');
}

/**
 * The optional profile fields the server may require (REGISTRATION_REQUIRED_FIELDS): their label
 * and the browser's autocomplete hint. `locale` is left out: the form always sends the reader's.
 * A field the console does not know yet is asked for under its own name.
 */
const EXTRA_FIELDS: Record<string, { label: () => string; autoComplete?: string; type?: FieldProps['type'] }> = {
  username: { label: () => t('fieldUsername'), autoComplete: 'username' },
  pictureUrl: { label: () => t('fieldPictureUrl'), autoComplete: 'photo', type: 'url' },
  organizationName: { label: () => t('fieldOrganizationName'), autoComplete: 'organization' },
  organizationType: { label: () => t('fieldOrganizationType') },
  country: { label: () => t('fieldCountry'), autoComplete: 'country-name' },
  signatureName: { label: () => t('fieldSignatureName'), autoComplete: 'name' },
  signatureRole: { label: () => t('fieldSignatureRole'), autoComplete: 'organization-title' },
};

export function RegisterPage() {
  const { route } = useLocation();
  const [info, setInfo] = useState<{ open: boolean; minLength: number; required: string[] } | null>(null);
  const [extra, setExtra] = useState<Record<string, string>>({});
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  useEffect(() => {
    gql(RegistrationInfo).then(
      (data) =>
        setInfo({
          open: data.registrationMode === 'OPEN',
          minLength: data.passwordPolicy.minLength,
          required: data.registrationRequiredFields.filter((name) => name !== 'locale'),
        }),
      () => setInfo({ open: true, minLength: 8, required: [] }),
    );
  }, []);
  return (
    <Page title={t('registerTitle')}>
      {info && !info.open ? (
        <p role="alert">{t('registrationClosed')}</p>
      ) : (
        <Form
          submitLabel={t('register')}
          onSubmit={async () => {
            const address = email.trim();
            const given = Object.fromEntries((info?.required ?? []).map((name) => [name, extra[name]?.trim() ?? '']));
            const { register } = await gql(Register, { input: { ...given, firstName, lastName, email: address, password, locale: locale() } });
            route(register.emailVerificationRequired ? `/account/verify-email?email=${encodeURIComponent(address)}` : '/account');
          }}
        >
          <Field label={t('firstName')} value={firstName} onValue={setFirstName} autoComplete="given-name" />
          <Field label={t('lastName')} value={lastName} onValue={setLastName} autoComplete="family-name" />
          <Field label={t('email')} type="email" value={email} onValue={setEmail} autoComplete="email" />
          {info?.required.map((name) => (
            <Field
              key={name}
              label={EXTRA_FIELDS[name]?.label() ?? name}
              type={EXTRA_FIELDS[name]?.type}
              autoComplete={EXTRA_FIELDS[name]?.autoComplete}
              value={extra[name] ?? ''}
              onValue={(value) => setExtra({ ...extra, [name]: value })}
            />
          ))}
          <Field
            label={t('password')}
            type="password"
            value={password}
            onValue={setPassword}
            autoComplete="new-password"
            hint={t('passwordHint', { min: info?.minLength ?? 8 })}
          />
        </Form>
      )}
      <p class="links">
        <a href="/account">{t('backToSignIn')}</a>
      </p>
    </Page>
  );
}

export function VerifyEmailPage() {
  const { query } = useLocation();
  const { viewer } = useSession();
  const [email, setEmail] = useState(query.email ?? viewer?.email ?? '');
  const [code, setCode] = useState('');
  // The emailed link's outcome: checking, verified, or why it failed.
  const [link, setLink] = useState<{ state: 'checking' | 'done' } | { state: 'failed'; message: string } | null>(query.token ? { state: 'checking' } : null);
  const done = viewer ? t('verifiedSignedIn') : t('verified');
  useEffect(() => {
    if (!query.token) return;
    gql(VerifyEmailLink, { token: query.token }).then(
      () => setLink({ state: 'done' }),
      (error: unknown) => setLink({ state: 'failed', message: isDeadLink(error) ? t('linkInvalid') : messageOf(error) }),
    );
  }, [query.token]);
  return (
    <Page title={t('verifyTitle')}>
      {link?.state === 'checking' ? <p role="status">{t('checkingLink')}</p> : null}
      {link?.state === 'done' ? <Notice message={done} /> : null}
      {link?.state === 'failed' ? <Alert message={link.message} /> : null}
      {link?.state !== 'done' ? (
        <>
          <p>{t('verifyIntro')}</p>
          <Form
            label={t('verifyTitle')}
            submitLabel={t('verify')}
            onSubmit={async () => {
              await gql(VerifyEmail, { email: email.trim(), code: code.trim() });
              return done;
            }}
          >
            <Field label={t('email')} type="email" value={email} onValue={setEmail} autoComplete="email" />
            <Field label={t('code')} value={code} onValue={setCode} autoComplete="one-time-code" inputMode="numeric" />
          </Form>
          <h2>{t('resendCode')}</h2>
          <Form
            label={t('resendCode')}
            submitLabel={t('resendCode')}
            onSubmit={async () => {
              await gql(ResendCode, { email: email.trim() });
              return t('codeSent');
            }}
          />
        </>
      ) : null}
      <p class="links">
        <a href="/account">{viewer ? t('navOverview') : t('backToSignIn')}</a>
      </p>
    </Page>
  );
}

export function ForgotPassword() {
  const [email, setEmail] = useState('');
  return (
    <Page title={t('forgotTitle')}>
      <p>{t('forgotIntro')}</p>
      <Form
        submitLabel={t('sendLink')}
        onSubmit={async () => {
          await gql(RequestReset, { email: email.trim() });
          return t('linkSent');
        }}
      >
        <Field label={t('email')} type="email" value={email} onValue={setEmail} autoComplete="email" />
      </Form>
      <p class="links">
        <a href="/account">{t('backToSignIn')}</a>
      </p>
    </Page>
  );
}

export function ResetPasswordPage() {
  const { query } = useLocation();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  return (
    <Page title={t('resetTitle')}>
      {done ? (
        <Notice message={t('passwordReset')} />
      ) : (
        <Form
          submitLabel={t('setPassword')}
          onSubmit={async () => {
            try {
              await gql(ResetPassword, { token: query.token ?? '', newPassword: password });
            } catch (error) {
              if (isDeadLink(error)) throw new ApiError('TOKEN_INVALID', t('linkInvalid'));
              throw error;
            }
            setDone(true);
          }}
        >
          <Field label={t('newPassword')} type="password" value={password} onValue={setPassword} autoComplete="new-password" />
        </Form>
      )}
      <p class="links">
        <a href="/account">{t('backToSignIn')}</a>
        <a href="/account/forgot-password">{t('forgotPassword')}</a>
      </p>
    </Page>
  );
}
