/** Admin API for outgoing webhooks (docs/webhooks.md). */
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  redeliverWebhook,
  rotateWebhookSecret,
  updateWebhookEndpoint,
  type EndpointWithSecret,
} from '../../admin/webhooks.js';
import { CHANGE_WEBHOOKS } from '../../webhooks/disabled-notice.js';
import { WEBHOOK_EVENT_TYPES } from '../../webhooks/events.js';
import { builder, staffWith } from '../builder.js';
import { firstDescription, LIST_SIZES, listSize, takeOf } from '../list-size.js';
import { actorOf } from './actor.js';

const VIEW = 'webhooks.view_webhookendpoint';
const CHANGE = CHANGE_WEBHOOKS;

const WebhookDeliveryStatus = builder.enumType('WebhookDeliveryStatus', { values: ['PENDING', 'SENDING', 'SENT', 'FAILED'] as const });

export const WebhookEndpointType = builder.prismaObject('WebhookEndpoint', {
  description: 'A receiver of signed webhooks. Its secret is shown only by createWebhookEndpoint and rotateWebhookSecret.',
  fields: (t) => ({
    id: t.exposeID('id'),
    url: t.exposeString('url'),
    description: t.exposeString('description'),
    eventTypes: t.stringList({ resolve: (endpoint) => JSON.parse(endpoint.eventTypes) as string[] }),
    enabled: t.exposeBoolean('enabled'),
    consecutiveFailures: t.exposeInt('consecutiveFailures', {
      description: 'Failed attempts in a row; at WEBHOOK_DISABLE_AFTER_FAILURES the endpoint is disabled.',
    }),
    disabledAt: t.expose('disabledAt', { type: 'DateTime', nullable: true }),
    disabledReason: t.exposeString('disabledReason', { nullable: true }),
    previousSecretValidUntil: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'Until when the secret replaced by the last rotation still signs beside the current one (null: it does not).',
      resolve: (endpoint, _args, context) => {
        const until = endpoint.previousSecretExpiresAt;
        return until && endpoint.previousSecretEncrypted && until > context.deps.clock.now() ? until : null;
      },
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

export const WebhookDeliveryType = builder.prismaObject('WebhookDelivery', {
  description: 'One event queued for one endpoint.',
  fields: (t) => ({
    id: t.exposeID('id'),
    endpointId: t.exposeID('endpointId'),
    eventId: t.exposeString('eventId', { description: 'The `webhook-id` header; the same for every endpoint and every redelivery.' }),
    eventType: t.exposeString('eventType'),
    payload: t.exposeString('payload', { description: 'The JSON body sent.' }),
    status: t.expose('status', { type: WebhookDeliveryStatus }),
    attempts: t.exposeInt('attempts'),
    nextAttemptAt: t.expose('nextAttemptAt', { type: 'DateTime' }),
    lastStatusCode: t.exposeInt('lastStatusCode', { nullable: true }),
    lastError: t.exposeString('lastError', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    deliveredAt: t.expose('deliveredAt', { type: 'DateTime', nullable: true }),
  }),
});

const WebhookEndpointWithSecret = builder.objectRef<EndpointWithSecret>('WebhookEndpointWithSecret').implement({
  description: 'An endpoint and its signing secret, shown this once.',
  fields: (t) => ({
    endpoint: t.field({ type: WebhookEndpointType, resolve: (result) => result.endpoint }),
    secret: t.exposeString('secret', { description: '`whsec_<base64>`: verify signatures with it (Standard Webhooks). Not shown again.' }),
  }),
});

const WebhookEndpointInput = builder.inputType('WebhookEndpointInput', {
  fields: (t) => ({
    url: t.string({ description: 'https:// (http:// only with WEBHOOK_ALLOW_HTTP).' }),
    description: t.string(),
    eventTypes: t.stringList({ description: `Event types to receive: ${WEBHOOK_EVENT_TYPES.join(', ')}.` }),
    enabled: t.boolean({ description: 'Enabling a disabled endpoint clears its failure count.' }),
  }),
});

builder.queryFields((t) => ({
  webhookEndpoints: t.prismaField({
    type: [WebhookEndpointType],
    description: `Every webhook endpoint, newest first (at most ${LIST_SIZES.webhookEndpoints.max}).`,
    authScopes: staffWith(VIEW),
    args: { first: t.arg.int({ description: firstDescription(LIST_SIZES.webhookEndpoints) }) },
    extensions: listSize(LIST_SIZES.webhookEndpoints),
    resolve: (query, _root, { first }, context) =>
      context.deps.prisma.webhookEndpoint.findMany({ ...query, orderBy: { createdAt: 'desc' }, take: takeOf(first, LIST_SIZES.webhookEndpoints) }),
  }),
  webhookDeliveries: t.prismaField({
    type: [WebhookDeliveryType],
    description: `The deliveries of one endpoint, newest first (at most ${LIST_SIZES.webhookDeliveries.max}).`,
    authScopes: staffWith(VIEW),
    args: {
      endpointId: t.arg.id({ required: true }),
      status: t.arg({ type: WebhookDeliveryStatus }),
      first: t.arg.int({ description: firstDescription(LIST_SIZES.webhookDeliveries) }),
    },
    extensions: listSize(LIST_SIZES.webhookDeliveries),
    resolve: (query, _root, { endpointId, status, first }, context) =>
      context.deps.prisma.webhookDelivery.findMany({
        ...query,
        where: { endpointId: String(endpointId), ...(status ? { status } : {}) },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: takeOf(first, LIST_SIZES.webhookDeliveries),
      }),
  }),
}));

builder.mutationFields((t) => ({
  createWebhookEndpoint: t.field({
    type: WebhookEndpointWithSecret,
    description: 'Creates an endpoint; the answer holds its signing secret, shown only this once.',
    authScopes: staffWith(CHANGE),
    args: { input: t.arg({ type: WebhookEndpointInput, required: true }) },
    resolve: async (_root, { input }, context) => createWebhookEndpoint(context.deps, await actorOf(context), input),
  }),
  updateWebhookEndpoint: t.prismaField({
    type: WebhookEndpointType,
    description: 'Changes an endpoint (absent fields stay as they are).',
    authScopes: staffWith(CHANGE),
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: WebhookEndpointInput, required: true }) },
    resolve: async (query, _root, { id, input }, context) => {
      await updateWebhookEndpoint(context.deps, await actorOf(context), String(id), input);
      return context.deps.prisma.webhookEndpoint.findUniqueOrThrow({ ...query, where: { id: String(id) } });
    },
  }),
  deleteWebhookEndpoint: t.id({
    description: 'Deletes an endpoint and its deliveries; returns its id.',
    authScopes: staffWith(CHANGE),
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, context) => deleteWebhookEndpoint(context.deps, await actorOf(context), String(id)),
  }),
  rotateWebhookSecret: t.field({
    type: WebhookEndpointWithSecret,
    description:
      'A new signing secret, shown only this once. The old one still signs beside it (two signatures per request) for `graceSeconds`, so receivers can switch.',
    authScopes: staffWith(CHANGE),
    args: {
      id: t.arg.id({ required: true }),
      graceSeconds: t.arg.int({
        description: 'How long the old secret still signs: default WEBHOOK_SECRET_GRACE_SECONDS (24 h); 0 ends it at once (a leaked secret).',
      }),
    },
    resolve: async (_root, { id, graceSeconds }, context) => rotateWebhookSecret(context.deps, await actorOf(context), String(id), { graceSeconds }),
  }),
  redeliverWebhook: t.prismaField({
    type: WebhookDeliveryType,
    description: 'Queues a delivery again from its first attempt, with the same event id.',
    authScopes: staffWith(CHANGE),
    args: { deliveryId: t.arg.id({ required: true }) },
    resolve: async (query, _root, { deliveryId }, context) => {
      await redeliverWebhook(context.deps, await actorOf(context), String(deliveryId));
      return context.deps.prisma.webhookDelivery.findUniqueOrThrow({ ...query, where: { id: String(deliveryId) } });
    },
  }),
}));
