/** /admin/webhooks: the endpoints and, for the one chosen, its delivery log. */
import { useEffect, useState } from 'preact/hooks';
import { graphql } from '../../gql';
import type { ConsoleAdminDeliveriesQuery, ConsoleAdminEndpointsQuery } from '../../gql/graphql';
import { useViewer } from '../../shared/app';
import { gql, messageOf } from '../../shared/client';
import { formatDateTime } from '../../shared/i18n';
import { useLatest } from '../../shared/latest';
import { Alert, Page } from '../../shared/ui';
import { needs, useAccess } from '../access';
import { t } from '../texts';
import { Refusal } from '../ui';

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
  const [rows, setRows] = useState<Endpoint[] | null>(null);
  const [chosen, setChosen] = useState<Endpoint | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canView = access?.can('webhooks.view_webhookendpoint') ?? false;
  useEffect(() => {
    if (!canView) return;
    gql(Endpoints).then(
      (data) => setRows(data.webhookEndpoints),
      (caught: unknown) => setError(messageOf(caught)),
    );
  }, [canView]);
  return (
    <Page title={t('webhooksTitle')}>
      <Alert message={error} />
      {access && !canView ? <Refusal reason={needs('webhooks.view_webhookendpoint')} /> : null}
      {rows && !rows.length ? <p>{t('noEndpoints')}</p> : null}
      {rows?.length ? (
        <div class="table-wrap">
          <table class="data">
            <caption>{t('endpointsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('url')}</th>
                <th scope="col">{t('events')}</th>
                <th scope="col">{t('enabled')}</th>
                <th scope="col">{t('failures')}</th>
                <td />
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
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
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {chosen ? <DeliveryLog endpoint={chosen} /> : null}
    </Page>
  );
}

function DeliveryLog({ endpoint }: { endpoint: Endpoint }) {
  const [rows, setRows] = useState<ConsoleAdminDeliveriesQuery['webhookDeliveries'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Another endpoint's log may be asked for while this one's is on its way.
  const latest = useLatest();
  useEffect(() => {
    setRows(null);
    // An earlier load's failure (another endpoint's, or this one's last time) is not this load's.
    setError(null);
    void latest(
      gql(Deliveries, { endpointId: endpoint.id }),
      (data) => setRows(data.webhookDeliveries),
      (caught: unknown) => setError(messageOf(caught)),
    );
  }, [endpoint.id]);
  return (
    <>
      <h2>{t('showDeliveriesNamed', { url: endpoint.url })}</h2>
      <Alert message={error} />
      {rows && !rows.length ? <p>{t('noDeliveries')}</p> : null}
      {rows?.length ? (
        <div class="table-wrap">
          <table class="data">
            <caption>{t('deliveriesCaption', { url: endpoint.url })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('when')}</th>
                <th scope="col">{t('eventType')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('attempts')}</th>
                <th scope="col">{t('lastStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td class="date">{formatDateTime(row.createdAt)}</td>
                  <th scope="row">{row.eventType}</th>
                  <td>{row.status}</td>
                  <td>{row.attempts}</td>
                  <td class="wrap">{row.lastStatusCode ?? row.lastError ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
