/** /admin: the users list, with search, filters (active, staff, verified, group), sorting and paging. */
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { graphql } from '../../gql';
import type { ConsoleAdminUsersQuery, ConsoleAdminUsersQueryVariables } from '../../gql/graphql';
import { useViewer } from '../../shared/app';
import { gql } from '../../shared/client';
import { formatDateTime } from '../../shared/i18n';
import { useLatest } from '../../shared/latest';
import { useList } from '../../shared/list';
import { Pager, usePager } from '../../shared/pager';
import { Alert, Field, Page } from '../../shared/ui';
import { useAccess } from '../access';
import { t } from '../texts';
import { DataTable, Select, TriState, triState } from '../ui';

const Users = graphql(`
  query ConsoleAdminUsers($filter: UserFilter, $orderBy: UserOrder, $first: Int, $after: String) {
    users(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        email
        firstName
        lastName
        isActive
        isStaff
        isSuperuser
        emailVerified
        lastLoginAt
      }
    }
  }
`);

const GroupNames = graphql(`
  query ConsoleAdminGroupNames {
    groups {
      id
      name
    }
  }
`);

const PAGE_SIZE = 25;
type UserRow = ConsoleAdminUsersQuery['users']['nodes'][number];
type Order = NonNullable<ConsoleAdminUsersQueryVariables['orderBy']>;

interface Filters {
  search: string;
  active: string;
  staff: string;
  verified: string;
  group: string;
  sort: Order['field'];
  direction: NonNullable<Order['direction']>;
}

const NO_FILTERS: Filters = { search: '', active: '', staff: '', verified: '', group: '', sort: 'CREATED_AT', direction: 'ASC' };

export function UsersPage() {
  const viewer = useViewer();
  const access = useAccess(viewer);
  // The groups page links here with ?group=NAME.
  const { query } = useLocation();
  const initial: Filters = { ...NO_FILTERS, group: query.group ?? '' };
  const [draft, setDraft] = useState<Filters>(initial);
  const [applied, setApplied] = useState<Filters>(initial);
  const [groups, setGroups] = useState<string[]>([]);
  // Every submit applies a new object, so even the same filters again start from the first page.
  const pager = usePager(applied);
  const set = (key: keyof Filters) => (value: string) => setDraft({ ...draft, [key]: value });
  const latestGroups = useLatest();

  useEffect(() => {
    if (!access?.can('groups.view_group')) return;
    void latestGroups(gql(GroupNames), ({ groups: rows }) => setGroups(rows.map((row) => row.name)));
  }, [access]);

  const { after } = pager;
  const { data: page, error } = useList(
    () =>
      gql(Users, {
        first: PAGE_SIZE,
        after,
        orderBy: { field: applied.sort, direction: applied.direction },
        filter: {
          search: applied.search.trim() || null,
          isActive: triState(applied.active),
          isStaff: triState(applied.staff),
          emailVerified: triState(applied.verified),
          group: applied.group || null,
        },
      }).then(({ users }) => users),
    [applied, after],
  );

  const submit = (event: Event) => {
    event.preventDefault();
    setApplied(draft);
  };
  const yesNo = { yes: t('yes'), no: t('no'), any: t('any') };
  return (
    <Page title={t('usersTitle')}>
      <form class="filters" role="search" aria-label={t('usersTitle')} onSubmit={submit}>
        <Field label={t('search')} value={draft.search} onValue={set('search')} required={false} hint={t('searchHint')} />
        <TriState label={t('filterActive')} value={draft.active} onValue={set('active')} {...yesNo} />
        <TriState label={t('filterStaff')} value={draft.staff} onValue={set('staff')} {...yesNo} />
        <TriState label={t('filterVerified')} value={draft.verified} onValue={set('verified')} {...yesNo} />
        {groups.length ? (
          <Select label={t('filterGroup')} value={draft.group} onValue={set('group')}>
            <option value="">{t('any')}</option>
            {groups.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        ) : (
          <Field label={t('filterGroup')} value={draft.group} onValue={set('group')} required={false} />
        )}
        <Select label={t('sortBy')} value={draft.sort} onValue={set('sort')}>
          <option value="CREATED_AT">{t('sortCreated')}</option>
          <option value="EMAIL">{t('sortEmail')}</option>
          <option value="LAST_LOGIN_AT">{t('sortLastLogin')}</option>
        </Select>
        <Select label={t('direction')} value={draft.direction} onValue={set('direction')}>
          <option value="ASC">{t('ascending')}</option>
          <option value="DESC">{t('descending')}</option>
        </Select>
        <div class="actions">
          <button type="submit">{t('apply')}</button>
        </div>
      </form>
      <Alert message={error} />
      {page ? <UsersTable rows={page.nodes} total={page.totalCount} /> : null}
      {page ? <Pager pager={pager} pageInfo={page.pageInfo} previousLabel={t('previousPage')} nextLabel={t('nextPage')} /> : null}
    </Page>
  );
}

function UsersTable({ rows, total }: { rows: UserRow[]; total: number }) {
  if (!rows.length) return <p role="status">{t('noUsers')}</p>;
  const flag = (on: boolean) => (on ? t('yes') : t('no'));
  return (
    <DataTable
      caption={
        <>
          {t('usersCaption')} · <span role="status">{t('pageCount', { count: total })}</span>
        </>
      }
      columns={[t('email'), t('name'), t('active'), t('staff'), t('verified'), t('lastLogin')]}
      rows={rows}
      cells={(row) => (
        <>
          <th scope="row">
            <a href={`/admin/users/${row.id}`}>{row.email}</a>
          </th>
          <td>{`${row.firstName} ${row.lastName}`.trim()}</td>
          <td>{flag(row.isActive)}</td>
          <td>{row.isSuperuser ? t('superuser') : flag(row.isStaff)}</td>
          <td>{flag(row.emailVerified)}</td>
          <td class="date">{formatDateTime(row.lastLoginAt) || '—'}</td>
        </>
      )}
    />
  );
}
