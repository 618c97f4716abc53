/** /admin/groups and /admin/permissions: the lists, and creating one where the viewer may. */
import { useEffect, useState } from 'preact/hooks';
import { graphql } from '../../gql';
import type { ConsoleAdminGroupsQuery, ConsoleAdminPermissionsQuery } from '../../gql/graphql';
import { useViewer } from '../../shared/app';
import { gql, messageOf } from '../../shared/client';
import { useLatest } from '../../shared/latest';
import { Alert, Field, Form, Page } from '../../shared/ui';
import { needs, useAccess } from '../access';
import { t } from '../texts';
import { Refusal } from '../ui';

const Groups = graphql(`
  query ConsoleAdminGroups {
    groups {
      id
      name
      description
      memberCount
      permissions {
        codename
      }
    }
  }
`);

const CreateGroup = graphql(`
  mutation ConsoleAdminCreateGroup($name: String!, $description: String) {
    createGroup(name: $name, description: $description) {
      id
    }
  }
`);

const Permissions = graphql(`
  query ConsoleAdminPermissions {
    permissions {
      id
      codename
      name
      builtIn
    }
  }
`);

const CreatePermission = graphql(`
  mutation ConsoleAdminCreatePermission($codename: String!, $name: String) {
    createPermission(codename: $codename, name: $name) {
      id
    }
  }
`);

export function GroupsPage() {
  const access = useAccess(useViewer());
  const [rows, setRows] = useState<ConsoleAdminGroupsQuery['groups'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const canView = access?.can('groups.view_group') ?? false;
  const latest = useLatest();
  const load = () =>
    latest(
      gql(Groups),
      (data) => setRows(data.groups),
      (caught: unknown) => setError(messageOf(caught)),
    );
  useEffect(() => {
    if (canView) void load();
  }, [canView]);
  return (
    <Page title={t('groupsTitle')}>
      <Alert message={error} />
      {access && !canView ? <Refusal reason={needs('groups.view_group')} /> : null}
      {rows ? (
        <div class="table-wrap">
          <table class="data">
            <caption>{t('groupsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('description')}</th>
                <th scope="col">{t('members')}</th>
                <th scope="col">{t('permissionsCol')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    <a href={`/admin?group=${encodeURIComponent(row.name)}`}>{row.name}</a>
                  </th>
                  <td>{row.description || '—'}</td>
                  <td>{row.memberCount}</td>
                  <td class="wrap">{row.permissions.map((p) => p.codename).join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {access && canView ? (
        <>
          <h2>{t('newGroup')}</h2>
          {access.can('groups.add_group') ? (
            <Form
              label={t('newGroup')}
              submitLabel={t('createGroup')}
              onSubmit={async () => {
                await gql(CreateGroup, { name: name.trim(), description: description || null });
                await load();
                const created = name.trim();
                setName('');
                setDescription('');
                return t('groupCreated', { name: created });
              }}
            >
              <Field label={t('name')} value={name} onValue={setName} />
              <Field label={t('description')} value={description} onValue={setDescription} required={false} />
            </Form>
          ) : (
            <Refusal reason={needs('groups.add_group')} />
          )}
        </>
      ) : null}
    </Page>
  );
}

export function PermissionsPage() {
  const access = useAccess(useViewer());
  const [rows, setRows] = useState<ConsoleAdminPermissionsQuery['permissions'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [codename, setCodename] = useState('');
  const [name, setName] = useState('');
  const canView = access?.can('permissions.view_permission') ?? false;
  const latest = useLatest();
  const load = () =>
    latest(
      gql(Permissions),
      (data) => setRows(data.permissions),
      (caught: unknown) => setError(messageOf(caught)),
    );
  useEffect(() => {
    if (canView) void load();
  }, [canView]);
  return (
    <Page title={t('permissionsTitle')}>
      <Alert message={error} />
      {access && !canView ? <Refusal reason={needs('permissions.view_permission')} /> : null}
      {rows ? (
        <div class="table-wrap">
          <table class="data">
            <caption>{t('permissionsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('codename')}</th>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('builtIn')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    <code>{row.codename}</code>
                  </th>
                  <td>{row.name || '—'}</td>
                  <td>{row.builtIn ? t('yes') : t('no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {access && canView ? (
        <>
          <h2>{t('newPermission')}</h2>
          {access.can('permissions.add_permission') ? (
            <Form
              label={t('newPermission')}
              submitLabel={t('createPermission')}
              onSubmit={async () => {
                const created = codename.trim();
                await gql(CreatePermission, { codename: created, name: name || null });
                await load();
                setCodename('');
                setName('');
                return t('permissionCreated', { codename: created });
              }}
            >
              <Field label={t('codename')} value={codename} onValue={setCodename} hint={t('codenameHint')} />
              <Field label={t('name')} value={name} onValue={setName} required={false} />
            </Form>
          ) : (
            <Refusal reason={needs('permissions.add_permission')} />
          )}
        </>
      ) : null}
    </Page>
  );
}
