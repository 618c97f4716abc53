/**
 * Passkeys: the list, adding one (the server's options go to navigator.credentials.create through
 * PublicKeyCredential.parseCreationOptionsFromJSON, and credential.toJSON() goes back), removing
 * one with the current password.
 */
import { useState } from 'preact/hooks';
import { graphql } from '../../gql';
import type { ConsolePasskeysQuery } from '../../gql/graphql';
import { ApiError, gql } from '../../shared/client';
import { formatDateTime } from '../../shared/i18n';
import { useList } from '../../shared/list';
import { ActionButton, Alert, Field, Form, Page } from '../../shared/ui';
import { t } from '../texts';

const Passkeys = graphql(`
  query ConsolePasskeys {
    myPasskeys {
      id
      name
      createdAt
      lastUsedAt
    }
  }
`);

const StartRegistration = graphql(`
  mutation ConsoleStartPasskey {
    startPasskeyRegistration
  }
`);

const FinishRegistration = graphql(`
  mutation ConsoleFinishPasskey($response: JSON!, $name: String) {
    finishPasskeyRegistration(response: $response, name: $name) {
      id
    }
  }
`);

const RemovePasskey = graphql(`
  mutation ConsoleRemovePasskey($id: ID!, $password: String) {
    removePasskey(id: $id, password: $password)
  }
`);

type PasskeyRow = ConsolePasskeysQuery['myPasskeys'][number];

/** The browser's side of registration; JSON in, JSON out (Chromium, Firefox and Safari have both). */
async function createCredential(options: unknown): Promise<unknown> {
  const parse = (PublicKeyCredential as unknown as { parseCreationOptionsFromJSON?: (json: unknown) => PublicKeyCredentialCreationOptions })
    .parseCreationOptionsFromJSON;
  if (!parse) throw new ApiError('PASSKEY_UNSUPPORTED', t('passkeysUnsupported'));
  const credential = (await navigator.credentials.create({ publicKey: parse(options) })) as PublicKeyCredential | null;
  if (!credential) throw new ApiError('PASSKEY_UNSUPPORTED', t('passkeysUnsupported'));
  return credential.toJSON();
}

export function PasskeysPage() {
  const { data, error, load } = useList(() => gql(Passkeys), []);
  const rows: PasskeyRow[] | null = data?.myPasskeys ?? null;
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  return (
    <Page title={t('passkeysTitle')}>
      <p>{t('passkeysIntro')}</p>
      <Alert message={error} />
      {rows?.length === 0 ? <p>{t('noPasskeys')}</p> : null}
      {rows?.length ? (
        <>
          <Field label={t('currentPassword')} type="password" value={password} onValue={setPassword} autoComplete="current-password" required={false} />
          <ul class="list">
            {rows.map((row) => (
              <li key={row.id}>
                <span>
                  <strong>{row.name}</strong> · {t('lastUsed', { when: row.lastUsedAt ? formatDateTime(row.lastUsedAt) : t('never') })}
                </span>
                <ActionButton
                  danger
                  onClick={async () => {
                    await gql(RemovePasskey, { id: row.id, password: password || null });
                    await load();
                  }}
                >
                  <span aria-hidden="true">{t('remove')}</span>
                  <span class="visually-hidden">{t('removeNamed', { name: row.name })}</span>
                </ActionButton>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t('addPasskey')}</h2>
      <Form
        label={t('addPasskey')}
        submitLabel={t('addPasskey')}
        onSubmit={async () => {
          const { startPasskeyRegistration } = await gql(StartRegistration);
          let response: unknown;
          try {
            response = await createCredential(startPasskeyRegistration);
          } catch (caught) {
            // Cancelled, timed out, or no authenticator: the browser's own words (a DOMException).
            throw caught instanceof ApiError ? caught : new ApiError('PASSKEY_CANCELLED', caught instanceof Error ? caught.message : t('passkeysUnsupported'));
          }
          await gql(FinishRegistration, { response, name: name.trim() || null });
          setName('');
          await load();
          return t('passkeyAdded');
        }}
      >
        <Field label={t('passkeyName')} value={name} onValue={setName} required={false} />
      </Form>
    </Page>
  );
}
