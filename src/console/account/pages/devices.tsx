/** Signed-in devices (sessions) with sign-out, and sign out everywhere; linked accounts with unlink. */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { graphql } from '../../gql';
import type { ConsoleIdentitiesQuery, ConsoleSessionsQuery } from '../../gql/graphql';
import { useSession } from '../../shared/app';
import { gql } from '../../shared/client';
import { formatDateTime } from '../../shared/i18n';
import { useList } from '../../shared/list';
import { ActionButton, Alert, Field, Form, Page } from '../../shared/ui';
import { t } from '../texts';
import { LinkProviders, useProviders } from './oauth';

const Sessions = graphql(`
  query ConsoleSessions {
    mySessions {
      id
      current
      userAgent
      ip
      lastUsedAt
    }
  }
`);

const RevokeSession = graphql(`
  mutation ConsoleRevokeSession($id: ID!, $password: String) {
    revokeSession(id: $id, password: $password)
  }
`);

const LogoutAll = graphql(`
  mutation ConsoleLogoutAll($password: String!) {
    logoutAll(password: $password)
  }
`);

const Identities = graphql(`
  query ConsoleIdentities {
    myIdentities {
      id
      providerName
      email
      linkedAt
    }
  }
`);

const Unlink = graphql(`
  mutation ConsoleUnlink($id: ID!, $password: String) {
    unlinkIdentity(id: $id, password: $password)
  }
`);

type SessionRow = ConsoleSessionsQuery['mySessions'][number];
type IdentityRow = ConsoleIdentitiesQuery['myIdentities'][number];

/** "Chrome on Linux" is more than we can say reliably; the user agent, shortened, is honest. */
function deviceName(row: SessionRow): string {
  if (!row.userAgent) return t('unknownDevice');
  return row.userAgent.length > 80 ? `${row.userAgent.slice(0, 77)}…` : row.userAgent;
}

export function DevicesPage() {
  const { setViewer } = useSession();
  const { route } = useLocation();
  const { data, error, load } = useList(() => gql(Sessions), []);
  const rows: SessionRow[] | null = data?.mySessions ?? null;
  const [password, setPassword] = useState('');
  const [everywherePassword, setEverywherePassword] = useState('');
  const others = rows?.some((row) => !row.current) ?? false;
  return (
    <Page title={t('devicesTitle')}>
      <Alert message={error} />
      {others ? (
        <Field label={t('confirmPassword')} type="password" value={password} onValue={setPassword} autoComplete="current-password" required={false} />
      ) : null}
      <ul class="list">
        {rows?.map((row) => (
          <li key={row.id}>
            <span>
              <strong>{row.current ? t('thisDevice') : deviceName(row)}</strong>
              <br />
              {t('lastActive', { when: formatDateTime(row.lastUsedAt) })}
              {row.ip ? ` ${t('fromAddress', { ip: row.ip })}` : ''}
            </span>
            <ActionButton
              onClick={async () => {
                await gql(RevokeSession, { id: row.id, password: row.current ? null : password || null });
                if (row.current) {
                  setViewer(null);
                  route('/account');
                } else await load();
              }}
            >
              <span aria-hidden="true">{t('signOutDevice')}</span>
              <span class="visually-hidden">{t('signOutDeviceNamed', { name: row.current ? t('thisDevice') : deviceName(row) })}</span>
            </ActionButton>
          </li>
        ))}
      </ul>
      <h2>{t('signOutEverywhere')}</h2>
      <p>{t('signOutEverywhereIntro')}</p>
      <Form
        label={t('signOutEverywhere')}
        submitLabel={t('signOutEverywhere')}
        onSubmit={async () => {
          await gql(LogoutAll, { password: everywherePassword });
          setViewer(null);
          route('/account');
        }}
      >
        <Field label={t('currentPassword')} type="password" value={everywherePassword} onValue={setEverywherePassword} autoComplete="current-password" />
      </Form>
    </Page>
  );
}

export function IdentitiesPage() {
  const { data, error, load } = useList(() => gql(Identities), []);
  const rows: IdentityRow[] | null = data?.myIdentities ?? null;
  const [password, setPassword] = useState('');
  const providers = useProviders();
  return (
    <Page title={t('identitiesTitle')}>
      <Alert message={error} />
      {rows?.length === 0 ? <p>{t('noIdentities')}</p> : null}
      {rows?.length || providers.length ? (
        <Field
          label={t('currentPassword')}
          type="password"
          value={password}
          onValue={setPassword}
          autoComplete="current-password"
          required={false}
          hint={t('freshProofHint')}
        />
      ) : null}
      {rows?.length ? (
        <ul class="list">
          {rows.map((row) => (
            <li key={row.id}>
              <span>
                <strong>{row.providerName}</strong>
                {row.email ? ` · ${row.email}` : ''} · {t('linkedOn', { when: formatDateTime(row.linkedAt) })}
              </span>
              <ActionButton
                danger
                onClick={async () => {
                  await gql(Unlink, { id: row.id, password: password || null });
                  await load();
                }}
              >
                <span aria-hidden="true">{t('unlink')}</span>
                <span class="visually-hidden">{t('unlinkNamed', { name: row.providerName })}</span>
              </ActionButton>
            </li>
          ))}
        </ul>
      ) : null}
      {providers.length ? (
        <>
          <h2>{t('linkTitle')}</h2>
          <LinkProviders providers={providers} password={password} />
        </>
      ) : null}
    </Page>
  );
}
