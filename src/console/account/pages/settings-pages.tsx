/** Profile (name, language), password and email address: the viewer's own settings. */
import { useState } from 'preact/hooks';
import { graphql } from '../../gql';
import { useSession, useViewer } from '../../shared/app';
import { gql } from '../../shared/client';
import { LOCALES, setLocale } from '../../shared/i18n';
import { t as shared } from '../../shared/texts';
import { Field, Form, Notice, Page } from '../../shared/ui';
import { t } from '../texts';

const UpdateProfile = graphql(`
  mutation ConsoleUpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      ...ConsoleViewer
    }
  }
`);

const ChangePassword = graphql(`
  mutation ConsoleChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

const RequestEmailChange = graphql(`
  mutation ConsoleRequestEmailChange($newEmail: String!, $password: String!) {
    requestEmailChange(newEmail: $newEmail, password: $password)
  }
`);

const ConfirmEmailChange = graphql(`
  mutation ConsoleConfirmEmailChange($code: String!) {
    confirmEmailChange(code: $code) {
      ...ConsoleViewer
    }
  }
`);

export function ProfilePage() {
  const viewer = useViewer();
  const { setViewer } = useSession();
  const [firstName, setFirstName] = useState(viewer.firstName);
  const [lastName, setLastName] = useState(viewer.lastName);
  const [language, setLanguage] = useState(viewer.locale ?? 'en');
  return (
    <Page title={t('profileTitle')}>
      <Form
        submitLabel={t('save')}
        onSubmit={async () => {
          const { updateProfile } = await gql(UpdateProfile, { input: { firstName, lastName, locale: language } });
          setViewer(updateProfile);
          setLocale(updateProfile.locale);
          return t('saved');
        }}
      >
        <Field label={t('firstName')} value={firstName} onValue={setFirstName} autoComplete="given-name" />
        <Field label={t('lastName')} value={lastName} onValue={setLastName} autoComplete="family-name" />
        <div class="field">
          <label for="profile-locale">{t('language')}</label>
          <select id="profile-locale" value={language} onChange={(event) => setLanguage(event.currentTarget.value)}>
            {LOCALES.map((code) => (
              <option key={code} value={code}>
                {code === 'en' ? shared('english') : shared('spanish')}
              </option>
            ))}
          </select>
        </div>
      </Form>
    </Page>
  );
}

export function PasswordPage() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  return (
    <Page title={t('passwordTitle')}>
      <Form
        submitLabel={t('changePassword')}
        onSubmit={async () => {
          await gql(ChangePassword, { currentPassword: current, newPassword: next });
          setCurrent('');
          setNext('');
          return t('passwordChanged');
        }}
      >
        <Field label={t('currentPassword')} type="password" value={current} onValue={setCurrent} autoComplete="current-password" />
        <Field label={t('newPassword')} type="password" value={next} onValue={setNext} autoComplete="new-password" />
      </Form>
    </Page>
  );
}

export function EmailPage() {
  const viewer = useViewer();
  const { setViewer } = useSession();
  const [newEmail, setNewEmail] = useState('');
  const [password, setPassword] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [changed, setChanged] = useState<string | null>(null);
  return (
    <Page title={t('emailTitle')}>
      <p>{t('currentEmail', { email: viewer.email ?? '—' })}</p>
      <Notice message={changed} />
      {sentTo ? (
        <Form
          submitLabel={t('confirm')}
          onSubmit={async () => {
            const { confirmEmailChange } = await gql(ConfirmEmailChange, { code: code.trim() });
            setViewer(confirmEmailChange);
            setSentTo(null);
            setCode('');
            setNewEmail('');
            setChanged(t('emailChanged', { email: confirmEmailChange.email ?? '' }));
          }}
        >
          <p role="status">{t('emailCodeSent', { email: sentTo })}</p>
          <Field label={t('code')} value={code} onValue={setCode} autoComplete="one-time-code" inputMode="numeric" />
        </Form>
      ) : (
        <Form
          submitLabel={t('sendCode')}
          onSubmit={async () => {
            const address = newEmail.trim();
            await gql(RequestEmailChange, { newEmail: address, password });
            setPassword('');
            setChanged(null);
            setSentTo(address);
          }}
        >
          <Field label={t('newEmail')} type="email" value={newEmail} onValue={setNewEmail} autoComplete="email" />
          <Field label={t('currentPassword')} type="password" value={password} onValue={setPassword} autoComplete="current-password" />
        </Form>
      )}
    </Page>
  );
}
