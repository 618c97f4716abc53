/** /admin/audit: the audit trail with filters (type or prefix, user, period), and the table the user page reuses. */
import { useState } from 'preact/hooks';
import { graphql } from '../../gql';
import type { ConsoleAdminAuditQuery, ConsoleAdminAuditQueryVariables } from '../../gql/graphql';
import { useViewer } from '../../shared/app';
import { gql } from '../../shared/client';
import { formatDateTime } from '../../shared/i18n';
import { useList } from '../../shared/list';
import { Pager, usePager } from '../../shared/pager';
import { Alert, Field, Page } from '../../shared/ui';
import { needs, useAccess } from '../access';
import { t } from '../texts';
import { DataTable, Refusal } from '../ui';

const Audit = graphql(`
  query ConsoleAdminAudit($filter: AuditEventFilter, $first: Int, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        type
        createdAt
        ip
        metadata
        userId
        user {
          id
          email
        }
        actor {
          id
          email
        }
      }
    }
  }
`);

type AuditFilter = NonNullable<ConsoleAdminAuditQueryVariables['filter']>;
type AuditRow = ConsoleAdminAuditQuery['auditEvents']['nodes'][number];

/** Events under `filter`, a page at a time; `size` rows a page. */
export function AuditEvents({ filter, size, caption }: { filter: AuditFilter; size: number; caption: string }) {
  // By value: the user page passes a new filter object on every render.
  const key = JSON.stringify(filter);
  const pager = usePager(key);
  const { after } = pager;
  const { data: page, error } = useList(() => gql(Audit, { filter, first: size, after }).then(({ auditEvents }) => auditEvents), [key, after]);
  return (
    <>
      <Alert message={error} />
      {page && !page.nodes.length ? <p role="status">{t('noEvents')}</p> : null}
      {page?.nodes.length ? <AuditTable rows={page.nodes} caption={`${caption} · ${t('pageCount', { count: page.totalCount })}`} /> : null}
      <Pager pager={pager} pageInfo={page?.pageInfo} previousLabel={t('previousPage')} nextLabel={t('nextPage')} />
    </>
  );
}

function AuditTable({ rows, caption }: { rows: AuditRow[]; caption: string }) {
  return (
    <DataTable
      caption={caption}
      columns={[t('when'), t('eventType'), t('user'), t('actor'), t('address'), t('details')]}
      rows={rows}
      cells={(row) => (
        <>
          <td class="date">{formatDateTime(row.createdAt)}</td>
          <th scope="row">{row.type}</th>
          <td>{row.user ? <a href={`/admin/users/${row.user.id}`}>{row.user.email}</a> : (row.userId ?? '—')}</td>
          <td>{row.actor ? <a href={`/admin/users/${row.actor.id}`}>{row.actor.email}</a> : '—'}</td>
          <td>{row.ip ?? '—'}</td>
          <td class="wrap">
            <code>{row.metadata === '{}' ? '' : row.metadata}</code>
          </td>
        </>
      )}
    />
  );
}

/** An ISO date-time from a datetime-local value, or null. */
function instant(local: string): string | null {
  if (!local) return null;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function AuditPage() {
  const access = useAccess(useViewer());
  const [type, setType] = useState('');
  const [userId, setUserId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [filter, setFilter] = useState<AuditFilter>({});
  if (access && !access.can('audit.view_auditevent'))
    return (
      <Page title={t('auditTitle')}>
        <Refusal reason={needs('audit.view_auditevent')} />
      </Page>
    );
  return (
    <Page title={t('auditTitle')}>
      <form
        class="filters"
        role="search"
        aria-label={t('auditTitle')}
        onSubmit={(event) => {
          event.preventDefault();
          setFilter({ type: type.trim() || null, userId: userId.trim() || null, from: instant(from), to: instant(to) });
        }}
      >
        <Field label={t('eventType')} value={type} onValue={setType} required={false} hint={t('eventTypeHint')} />
        <Field label={t('userId')} value={userId} onValue={setUserId} required={false} />
        <DateTimeField label={t('from')} value={from} onValue={setFrom} />
        <DateTimeField label={t('to')} value={to} onValue={setTo} />
        <div class="actions">
          <button type="submit">{t('apply')}</button>
        </div>
      </form>
      {access ? <AuditEvents filter={filter} size={50} caption={t('auditCaption')} /> : null}
    </Page>
  );
}

function DateTimeField({ label, value, onValue }: { label: string; value: string; onValue: (value: string) => void }) {
  const id = `audit-${label.replace(/\W/g, '')}`;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} type="datetime-local" value={value} onInput={(event) => onValue(event.currentTarget.value)} />
    </div>
  );
}
