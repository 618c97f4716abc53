/** /admin/groups and /admin/permissions: the lists, and creating one where the viewer may. */
import { useState } from 'preact/hooks';
import { graphql } from '../../gql';
import { useViewer } from '../../shared/app';
import { gql } from '../../shared/client';
import { useList } from '../../shared/list';
import { Alert, Field, Form, Page } from '../../shared/ui';
import { needs, useAccess } from '../access';
import { t } from '../texts';
import { DataTable, Refusal } from '../ui';

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
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const canView = access?.can('groups.view_group') ?? false;
  const { data: rows, error, load } = useList(() => (canView ? gql(Groups).then((data) => data.groups) : null), [canView]);
  return (
    <Page title={t('groupsTitle')}>
      <Alert message={error} />
      {access && !canView ? <Refusal reason={needs('groups.view_group')} /> : null}
      {rows ? (
        <DataTable
          caption={t('groupsCaption')}
          columns={[t('name'), t('description'), t('members'), t('permissionsCol')]}
          rows={rows}
          cells={(row) => (
            <>
              <th scope="row">
                <a href={`/admin?group=${encodeURIComponent(row.name)}`}>{row.name}</a>
              </th>
              <td>{row.description || '—'}</td>
              <td>{row.memberCount}</td>
              <td class="wrap">{row.permissions.map((p) => p.codename).join(', ') || '—'}</td>
            </>
          )}
        />
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
  const [codename, setCodename] = useState('');
  const [name, setName] = useState('');
  const canView = access?.can('permissions.view_permission') ?? false;
  const { data: rows, error, load } = useList(() => (canView ? gql(Permissions).then((data) => data.permissions) : null), [canView]);
  return (
    <Page title={t('permissionsTitle')}>
      <Alert message={error} />
      {access && !canView ? <Refusal reason={needs('permissions.view_permission')} /> : null}
      {rows ? (
        <DataTable
          caption={t('permissionsCaption')}
          columns={[t('codename'), t('name'), t('builtIn')]}
          rows={rows}
          cells={(row) => (
            <>
              <th scope="row">
                <code>{row.codename}</code>
              </th>
              <td>{row.name || '—'}</td>
              <td>{row.builtIn ? t('yes') : t('no')}</td>
            </>
          )}
        />
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
