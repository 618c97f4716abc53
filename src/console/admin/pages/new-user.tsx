/** /admin/users/new: create an account, with or without a password, and optionally email an invitation. */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { graphql } from '../../gql';
import { useViewer } from '../../shared/app';
import { gql } from '../../shared/client';
import { Field, Form, Page } from '../../shared/ui';
import { needs, useAccess } from '../access';
import { t } from '../texts';
import { Checkbox, Refusal } from '../ui';

const CreateUser = graphql(`
  mutation ConsoleAdminCreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
    }
  }
`);

export function NewUserPage() {
  const access = useAccess(useViewer());
  const { route } = useLocation();
  const [email, setEmail] = useState('');
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [password, setPassword] = useState('');
  const [invite, setInvite] = useState(true);
  if (access && !access.can('users.add_user'))
    return (
      <Page title={t('newUserTitle')}>
        <Refusal reason={needs('users.add_user')} />
      </Page>
    );
  return (
    <Page title={t('newUserTitle')}>
      <Form
        submitLabel={t('create')}
        onSubmit={async () => {
          const { createUser } = await gql(CreateUser, {
            input: { email: email.trim(), firstName, lastName, password: password || null, sendInvite: invite },
          });
          route(`/admin/users/${createUser.id}`);
        }}
      >
        <Field label={t('email')} type="email" value={email} onValue={setEmail} autoComplete="off" />
        <Field label={t('firstName')} value={firstName} onValue={setFirstName} required={false} />
        <Field label={t('lastName')} value={lastName} onValue={setLastName} required={false} />
        <Field
          label={t('password')}
          type="password"
          value={password}
          onValue={setPassword}
          autoComplete="new-password"
          required={false}
          hint={t('passwordOptional')}
        />
        <Checkbox label={t('sendInvite')} checked={invite} onChecked={setInvite} />
      </Form>
    </Page>
  );
}
