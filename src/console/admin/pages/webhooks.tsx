/** /admin/webhooks: the endpoints and, for the one chosen, its delivery log. */
import { useState } from 'preact/hooks';
import { graphql } from '../../gql';
import type { ConsoleAdminEndpointsQuery } from '../../gql/graphql';
import { useViewer } from '../../shared/app';
import { gql } from '../../shared/client';
import { formatDateTime } from '../../shared/i18n';
import { useList } from '../../shared/list';
import { Alert, Page } from '../../shared/ui';
import { needs, useAccess } from '../access';
import { t } from '../texts';
import { DataTable, Refusal } from '../ui';

const Endpoints = graphql(`
  query ConsoleAdminEndpoints {
    webhookEndpoints {
      id
      url
      description
      enabled
      eventTypes
      consecutiveFailures
      disabledReason
    }
  }
`);

const Deliveries = graphql(`
  query ConsoleAdminDeliveries($endpointId: ID!) {
    webhookDeliveries(endpointId: $endpointId, first: 50) {
      id
      eventType
      status
      attempts
      lastStatusCode
      lastError
      createdAt
      deliveredAt
    }
  }
`);

type Endpoint = ConsoleAdminEndpointsQuery['webhookEndpoints'][number];

export function WebhooksPage() {
  const access = useAccess(useViewer());
  const [chosen, setChosen] = useState<Endpoint | null>(null);
  const canView = access?.can('webhooks.view_webhookendpoint') ?? false;
  const { data: rows, error } = useList(() => (canView ? gql(Endpoints).then((data) => data.webhookEndpoints) : null), [canView]);
  return (
    <Page title={t('webhooksTitle')}>
      <Alert message={error} />
      {access && !canView ? <Refusal reason={needs('webhooks.view_webhookendpoint')} /> : null}
      {rows && !rows.length ? <p>{t('noEndpoints')}</p> : null}
      {rows?.length ? (
        <DataTable
          caption={t('endpointsCaption')}
          columns={[t('url'), t('events'), t('enabled'), t('failures')]}
          actions
          rows={rows}
          cells={(row) => (
            <>
              <th scope="row" class="wrap">
                {row.url}
                {row.description ? <div>{row.description}</div> : null}
              </th>
              <td>{row.eventTypes.join(', ') || '—'}</td>
              <td>{row.enabled ? t('yes') : `${t('no')}${row.disabledReason ? ` (${row.disabledReason})` : ''}`}</td>
              <td>{row.consecutiveFailures}</td>
              <td>
                <button type="button" class="secondary" aria-pressed={chosen?.id === row.id} onClick={() => setChosen(row)}>
                  <span aria-hidden="true">{t('showDeliveries')}</span>
                  <span class="visually-hidden">{t('showDeliveriesNamed', { url: row.url })}</span>
                </button>
              </td>
            </>
          )}
        />
      ) : null}
      {/* Keyed: another endpoint's log starts empty, and its predecessor's answers are dropped (useLatest, unmounted). */}
      {chosen ? <DeliveryLog key={chosen.id} endpoint={chosen} /> : null}
    </Page>
  );
}

function DeliveryLog({ endpoint }: { endpoint: Endpoint }) {
  const { data: rows, error } = useList(() => gql(Deliveries, { endpointId: endpoint.id }).then((data) => data.webhookDeliveries), [endpoint.id]);
  return (
    <>
      <h2>{t('showDeliveriesNamed', { url: endpoint.url })}</h2>
      <Alert message={error} />
      {rows && !rows.length ? <p>{t('noDeliveries')}</p> : null}
      {rows?.length ? (
        <DataTable
          caption={t('deliveriesCaption', { url: endpoint.url })}
          columns={[t('when'), t('eventType'), t('status'), t('attempts'), t('lastStatus')]}
          rows={rows}
          cells={(row) => (
            <>
              <td class="date">{formatDateTime(row.createdAt)}</td>
              <th scope="row">{row.eventType}</th>
              <td>{row.status}</td>
              <td>{row.attempts}</td>
              <td class="wrap">{row.lastStatusCode ?? row.lastError ?? '—'}</td>
            </>
          )}
        />
      ) : null}
    </>
  );
}
