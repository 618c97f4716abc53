/**
 * /admin/users/:id: one user. Profile and attributes, status (active, staff, superuser), groups
 * and direct permissions, sessions, second factors, linked identities, audit events. Each action
 * is offered only when the viewer may take it (access.ts); otherwise its reason is shown instead.
 * The server decides again and its refusal is shown in words.
 */
import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { graphql } from '../../gql';
import type { ConsoleAdminUserQuery, ConsoleAdminUserSessionsQuery } from '../../gql/graphql';
import { useViewer } from '../../shared/app';
import { gql, messageOf } from '../../shared/client';
import { formatDateTime } from '../../shared/i18n';
import { useLatest } from '../../shared/latest';
import { useList } from '../../shared/list';
import { ActionButton, Alert, Field, Form, Notice, Page } from '../../shared/ui';
import { manageRefusal, needs, useAccess, type Access } from '../access';
import { t } from '../texts';
import { Checkbox, DataTable, Refusal } from '../ui';
import { AuditEvents } from './audit';

const User = graphql(`
  query ConsoleAdminUser($id: ID!) {
    user(id: $id) {
      id
      email
      username
      firstName
      lastName
      locale
      notes
      attributes
      isActive
      isStaff
      isSuperuser
      emailVerified
      createdAt
      lastLoginAt
      groups {
        id
        name
        permissions {
          codename
        }
      }
      directPermissions {
        codename
      }
      mfa {
        enabled
        totp
        passkeys
        recoveryCodesLeft
      }
      identities {
        id
        providerName
        email
        linkedAt
      }
    }
  }
`);

const UserSessions = graphql(`
  query ConsoleAdminUserSessions($id: ID!) {
    user(id: $id) {
      id
      sessions {
        id
        userAgent
        ip
        lastUsedAt
      }
    }
  }
`);

const Grantable = graphql(`
  query ConsoleAdminGrantable {
    groups {
      id
      name
      permissions {
        codename
      }
    }
    permissions {
      id
      codename
      name
    }
  }
`);

const SetActive = graphql(`
  mutation ConsoleAdminSetActive($id: ID!, $active: Boolean!) {
    setUserActive(id: $id, active: $active) {
      id
      isActive
    }
  }
`);

const UpdateUser = graphql(`
  mutation ConsoleAdminUpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      id
    }
  }
`);

const SetGroups = graphql(`
  mutation ConsoleAdminSetGroups($id: ID!, $groups: [String!]!) {
    setUserGroups(id: $id, groups: $groups) {
      id
    }
  }
`);

const SetPermissions = graphql(`
  mutation ConsoleAdminSetPermissions($id: ID!, $permissions: [String!]!) {
    setUserPermissions(id: $id, permissions: $permissions) {
      id
    }
  }
`);

const RevokeSessions = graphql(`
  mutation ConsoleAdminRevokeSessions($userId: ID!, $sessionId: ID) {
    revokeUserSessions(userId: $userId, sessionId: $sessionId)
  }
`);

const ResetMfa = graphql(`
  mutation ConsoleAdminResetMfa($id: ID!) {
    resetUserMfa(id: $id) {
      id
    }
  }
`);

const Unlink = graphql(`
  mutation ConsoleAdminUnlink($id: ID!) {
    adminUnlinkIdentity(id: $id)
  }
`);

type Target = NonNullable<ConsoleAdminUserQuery['user']>;
type SessionRow = NonNullable<ConsoleAdminUserSessionsQuery['user']>['sessions'][number];

export function UserPage() {
  // The shared guard renders pages without props: the `:id` comes from the router.
  const id = useRoute().params.id ?? '';
  const viewer = useViewer();
  const access = useAccess(viewer);
  const [user, setUser] = useState<Target | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  // Bumped on every load, so the sections that fetch their own rows (audit events) fetch again after a change.
  const [revision, setRevision] = useState(0);
  // Another user's page (a link on this one) or a reload after a change may be asked for while an answer is on its way.
  const latest = useLatest();
  const reload = () =>
    latest(
      gql(User, { id }),
      (data) => {
        setUser(data.user);
        setRevision((n) => n + 1);
      },
      (caught: unknown) => setError(messageOf(caught)),
    );
  useEffect(() => void reload(), [id]);
  const title = user ? (user.email ?? user.username ?? user.id) : user === null ? t('userNotFound') : t('usersTitle');
  return (
    <Page title={title}>
      <Alert message={error} />
      {user && access ? <UserSections user={user} access={access} reload={reload} revision={revision} /> : null}
    </Page>
  );
}

function UserSections({ user, access, reload, revision }: { user: Target; access: Access; reload: () => Promise<void>; revision: number }) {
  const self = user.id === access.viewerId;
  const holds = {
    permissions: [...user.directPermissions.map((p) => p.codename), ...user.groups.flatMap((g) => g.permissions.map((p) => p.codename))],
    groups: user.groups.map((g) => g.name),
  };
  // Why this viewer may not change the account (null: may); every change below needs it.
  const changeRefusal = access.can('users.change_user') ? manageRefusal(access, { ...user, holds }) : needs('users.change_user');
  return (
    <>
      <Profile user={user} changeRefusal={changeRefusal} reload={reload} />
      <Status user={user} access={access} self={self} changeRefusal={changeRefusal} reload={reload} />
      <AccessSection user={user} access={access} changeRefusal={changeRefusal} reload={reload} />
      <Sessions user={user} access={access} />
      <Factors user={user} changeRefusal={self ? t('notYourself') : changeRefusal} reload={reload} />
      <Identities user={user} changeRefusal={changeRefusal} reload={reload} />
      <h2>{t('userAudit')}</h2>
      {access.can('audit.view_auditevent') ? (
        <AuditEvents key={revision} filter={{ userId: user.id }} size={10} caption={t('userAudit')} />
      ) : (
        <Refusal reason={needs('audit.view_auditevent')} />
      )}
    </>
  );
}

function Profile({ user, changeRefusal, reload }: { user: Target; changeRefusal: string | null; reload: () => Promise<void> }) {
  const [firstName, setFirstName] = useState(user.firstName);
  const [lastName, setLastName] = useState(user.lastName);
  const [notes, setNotes] = useState(user.notes ?? '');
  const attributes = JSON.stringify(user.attributes, null, 2);
  return (
    <>
      <h2>{t('profile')}</h2>
      <dl class="facts">
        <dt>{t('email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('username')}</dt>
        <dd>{user.username ?? '—'}</dd>
        <dt>{t('name')}</dt>
        <dd>{`${user.firstName} ${user.lastName}`.trim() || '—'}</dd>
        <dt>{t('verified')}</dt>
        <dd>{user.emailVerified ? t('yes') : t('no')}</dd>
        <dt>{t('locale')}</dt>
        <dd>{user.locale ?? '—'}</dd>
        <dt>{t('created')}</dt>
        <dd>{formatDateTime(user.createdAt)}</dd>
        <dt>{t('lastLogin')}</dt>
        <dd>{formatDateTime(user.lastLoginAt) || '—'}</dd>
        <dt>{t('notes')}</dt>
        <dd>{user.notes || '—'}</dd>
        <dt>{t('attributes')}</dt>
        <dd>{attributes === '{}' ? '—' : <pre class="json">{attributes}</pre>}</dd>
      </dl>
      {changeRefusal ? null : (
        <details>
          <summary>{t('editProfile')}</summary>
          <Form
            label={t('editProfile')}
            submitLabel={t('save')}
            onSubmit={async () => {
              await gql(UpdateUser, { id: user.id, input: { firstName, lastName, notes } });
              await reload();
              return t('saved');
            }}
          >
            <Field label={t('firstName')} value={firstName} onValue={setFirstName} />
            <Field label={t('lastName')} value={lastName} onValue={setLastName} required={false} />
            <Field label={t('notes')} value={notes} onValue={setNotes} required={false} />
          </Form>
        </details>
      )}
    </>
  );
}

function Status({
  user,
  access,
  self,
  changeRefusal,
  reload,
}: {
  user: Target;
  access: Access;
  self: boolean;
  changeRefusal: string | null;
  reload: () => Promise<void>;
}) {
  const [done, setDone] = useState<string | null>(null);
  const flagRefusal = self ? t('notYourself') : changeRefusal;
  return (
    <>
      <h2>{t('flags')}</h2>
      <dl class="facts">
        <dt>{t('active')}</dt>
        <dd>{user.isActive ? t('yes') : t('no')}</dd>
        <dt>{t('staff')}</dt>
        <dd>{user.isStaff ? t('yes') : t('no')}</dd>
        <dt>{t('superuser')}</dt>
        <dd>{user.isSuperuser ? t('yes') : t('no')}</dd>
      </dl>
      {flagRefusal ? (
        <Refusal reason={flagRefusal} />
      ) : (
        <div class="row-actions">
          <ActionButton
            danger={user.isActive}
            onClick={async () => {
              await gql(SetActive, { id: user.id, active: !user.isActive });
              setDone(user.isActive ? t('deactivated') : t('activated'));
              await reload();
            }}
          >
            {user.isActive ? t('deactivate') : t('activate')}
          </ActionButton>
          {user.isSuperuser ? null : (
            <ActionButton
              secondary
              onClick={async () => {
                await gql(UpdateUser, { id: user.id, input: { isStaff: !user.isStaff } });
                await reload();
              }}
            >
              {user.isStaff ? t('removeStaff') : t('makeStaff')}
            </ActionButton>
          )}
          {/* Only a superuser makes or unmakes superusers (guards.ts assertCanMakeSuperuser). */}
          {access.isSuperuser ? (
            <ActionButton
              secondary
              onClick={async () => {
                await gql(UpdateUser, { id: user.id, input: { isSuperuser: !user.isSuperuser } });
                await reload();
              }}
            >
              {user.isSuperuser ? t('removeSuperuser') : t('makeSuperuser')}
            </ActionButton>
          ) : null}
        </div>
      )}
      <Notice message={done} />
    </>
  );
}

/** Groups and direct permissions as checkboxes; those the viewer may not grant or take away are disabled. */
function AccessSection({ user, access, changeRefusal, reload }: { user: Target; access: Access; changeRefusal: string | null; reload: () => Promise<void> }) {
  const [choices, setChoices] = useState<{ groups: { name: string; permissions: string[] }[]; permissions: string[] } | null>(null);
  const [groups, setGroups] = useState(new Set(user.groups.map((g) => g.name)));
  const [permissions, setPermissions] = useState(new Set(user.directPermissions.map((p) => p.codename)));
  const canList = access.can('groups.view_group') && access.can('permissions.view_permission');
  useEffect(() => {
    if (changeRefusal || !canList) return;
    gql(Grantable).then(
      (data) =>
        setChoices({
          groups: data.groups.map((g) => ({ name: g.name, permissions: g.permissions.map((p) => p.codename) })),
          permissions: data.permissions.map((p) => p.codename),
        }),
      () => undefined,
    );
  }, [changeRefusal, canList]);
  const toggle = (set: Set<string>, update: (next: Set<string>) => void, name: string) => (on: boolean) => {
    const next = new Set(set);
    if (on) next.add(name);
    else next.delete(name);
    update(next);
  };
  // A group may be given by one holding groups.change_group and all its permissions (assertCanAddToGroups).
  const groupGrantable = (group: { permissions: string[] }) =>
    access.isSuperuser || (access.can('groups.change_group') && group.permissions.every((p) => access.can(p)));
  const summary = (
    <dl class="facts">
      <dt>{t('groupsLegend')}</dt>
      <dd>{user.groups.map((g) => g.name).join(', ') || t('none')}</dd>
      <dt>{t('permissionsLegend')}</dt>
      <dd>{user.directPermissions.map((p) => p.codename).join(', ') || t('none')}</dd>
    </dl>
  );
  return (
    <>
      <h2>{t('access')}</h2>
      {summary}
      {changeRefusal ? <Refusal reason={changeRefusal} /> : null}
      {!changeRefusal && !canList ? <Refusal reason={needs('groups.view_group')} /> : null}
      {choices ? (
        <>
          <Form
            label={t('groupsLegend')}
            submitLabel={t('saveGroups')}
            onSubmit={async () => {
              await gql(SetGroups, { id: user.id, groups: [...groups] });
              await reload();
              return t('saved');
            }}
          >
            <fieldset>
              <legend>{t('groupsLegend')}</legend>
              {choices.groups.map((group) => {
                const member = user.groups.some((g) => g.name === group.name);
                // Leaving a group is not a grant; joining one is offered only when grantable.
                const offered = member || groupGrantable(group);
                return (
                  <Checkbox
                    key={group.name}
                    label={group.name}
                    checked={groups.has(group.name)}
                    onChecked={toggle(groups, setGroups, group.name)}
                    disabled={!offered}
                    note={offered ? undefined : t('cannotGrant')}
                  />
                );
              })}
            </fieldset>
          </Form>
          <Form
            label={t('permissionsLegend')}
            submitLabel={t('savePermissions')}
            onSubmit={async () => {
              await gql(SetPermissions, { id: user.id, permissions: [...permissions] });
              await reload();
              return t('saved');
            }}
          >
            <fieldset>
              <legend>{t('permissionsLegend')}</legend>
              {choices.permissions
                .filter((codename) => access.can(codename) || permissions.has(codename))
                .map((codename) => (
                  <Checkbox
                    key={codename}
                    label={codename}
                    checked={permissions.has(codename)}
                    onChecked={toggle(permissions, setPermissions, codename)}
                    disabled={!access.can(codename)}
                    note={access.can(codename) ? undefined : t('cannotGrant')}
                  />
                ))}
            </fieldset>
          </Form>
        </>
      ) : null}
    </>
  );
}

function Sessions({ user, access }: { user: Target; access: Access }) {
  const canView = access.can('sessions.view_session');
  const canRevoke = access.can('sessions.delete_session');
  const {
    data: rows,
    error,
    load,
  } = useList(() => (canView ? gql(UserSessions, { id: user.id }).then((data) => data.user?.sessions ?? []) : null), [user.id, user.isActive, canView]);
  const device = (row: SessionRow) => (row.userAgent ? (row.userAgent.length > 60 ? `${row.userAgent.slice(0, 57)}…` : row.userAgent) : '—');
  return (
    <>
      <h2>{t('sessions')}</h2>
      <Alert message={error} />
      {!canView ? <Refusal reason={needs('sessions.view_session')} /> : null}
      {rows && !rows.length ? <p>{t('noSessions')}</p> : null}
      {rows?.length ? (
        <DataTable
          caption={t('sessionsCaption')}
          columns={[t('device'), t('address'), t('lastUsed')]}
          actions={canRevoke}
          rows={rows}
          cells={(row) => (
            <>
              <th scope="row">{device(row)}</th>
              <td>{row.ip ?? '—'}</td>
              <td class="date">{formatDateTime(row.lastUsedAt)}</td>
              {canRevoke ? (
                <td>
                  <ActionButton
                    secondary
                    onClick={async () => {
                      await gql(RevokeSessions, { userId: user.id, sessionId: row.id });
                      await load();
                    }}
                  >
                    <span aria-hidden="true">{t('revoke')}</span>
                    <span class="visually-hidden">{t('revokeNamed', { name: device(row) })}</span>
                  </ActionButton>
                </td>
              ) : null}
            </>
          )}
        />
      ) : null}
      {rows?.length && canRevoke ? (
        <div class="row-actions">
          <ActionButton
            danger
            onClick={async () => {
              await gql(RevokeSessions, { userId: user.id });
              await load();
            }}
          >
            {t('revokeAll')}
          </ActionButton>
        </div>
      ) : null}
      {canView && !canRevoke && rows?.length ? <Refusal reason={needs('sessions.delete_session')} /> : null}
    </>
  );
}

function Factors({ user, changeRefusal, reload }: { user: Target; changeRefusal: string | null; reload: () => Promise<void> }) {
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <h2>{t('factors')}</h2>
      <dl class="facts">
        <dt>{t('authenticatorApp')}</dt>
        <dd>{user.mfa.totp ? t('yes') : t('no')}</dd>
        <dt>{t('passkeys')}</dt>
        <dd>{user.mfa.passkeys}</dd>
        <dt>{t('recoveryCodesLeft')}</dt>
        <dd>{user.mfa.recoveryCodesLeft}</dd>
      </dl>
      {user.mfa.enabled || user.mfa.passkeys > 0 ? (
        changeRefusal ? (
          <Refusal reason={changeRefusal} />
        ) : (
          <div class="row-actions">
            <ActionButton
              danger
              onClick={async () => {
                await gql(ResetMfa, { id: user.id });
                setDone(t('factorsReset'));
                await reload();
              }}
            >
              {t('resetFactors')}
            </ActionButton>
          </div>
        )
      ) : null}
      <Notice message={done} />
    </>
  );
}

function Identities({ user, changeRefusal, reload }: { user: Target; changeRefusal: string | null; reload: () => Promise<void> }) {
  return (
    <>
      <h2>{t('identities')}</h2>
      {user.identities.length ? (
        <DataTable
          caption={t('identitiesCaption')}
          columns={[t('provider'), t('email'), t('linked')]}
          actions={!changeRefusal}
          rows={user.identities}
          cells={(row) => (
            <>
              <th scope="row">{row.providerName}</th>
              <td>{row.email ?? '—'}</td>
              <td class="date">{formatDateTime(row.linkedAt)}</td>
              {changeRefusal ? null : (
                <td>
                  <ActionButton
                    danger
                    onClick={async () => {
                      await gql(Unlink, { id: row.id });
                      await reload();
                    }}
                  >
                    <span aria-hidden="true">{t('unlink')}</span>
                    <span class="visually-hidden">{t('unlinkNamed', { name: row.providerName })}</span>
                  </ActionButton>
                </td>
              )}
            </>
          )}
        />
      ) : (
        <p>{t('noIdentities')}</p>
      )}
    </>
  );
}
