/**
 * Webhook endpoint management (docs/webhooks.md). The signing secret is returned once, by create
 * and rotate, and stored encrypted; every change is audited (`admin.webhook_*`).
 */
import { recordAudit } from '../audit/record.js';
import { authStateChanged } from '../auth/cache/invalidate.js';
import type { Deps } from '../deps.js';
import { fieldError, GatehouseError, validationError, type FieldError } from '../errors.js';
import type { WebhookDelivery, WebhookEndpoint } from '../generated/sqlite/client.js';
import { decryptSecret, encryptSecret } from '../security/encryption.js';
import { isWebhookEventType, WEBHOOK_EVENT_TYPES } from '../webhooks/events.js';
import { generateWebhookSecret, previousSecretContext, secretContext } from '../webhooks/signing.js';
import { webhookUrlProblem } from '../webhooks/target.js';
import { auditBy, auditType, type Actor } from './actor.js';

type WebhookDeps = Pick<Deps, 'prisma' | 'clock' | 'config' | 'authCache'>;

const MAX_URL = 2000;
const MAX_DESCRIPTION = 1000;

export interface WebhookEndpointInput {
  url?: string | null;
  description?: string | null;
  eventTypes?: string[] | null;
  enabled?: boolean | null;
}

interface CleanInput {
  url?: string;
  description?: string;
  eventTypes?: string;
  enabled?: boolean;
}

function validate(deps: WebhookDeps, input: WebhookEndpointInput, creating: boolean): CleanInput {
  const problems: FieldError[] = [];
  const out: CleanInput = {};
  if (input.url !== undefined || creating) {
    const url = (input.url ?? '').trim();
    const problem = url.length > MAX_URL ? `at most ${MAX_URL} characters` : webhookUrlProblem(url, deps.config.webhooks);
    if (problem) problems.push({ field: 'url', code: 'invalid_url', message: `The URL ${problem}.` });
    out.url = url;
  }
  if (input.description !== undefined) {
    const description = (input.description ?? '').trim();
    if (description.length > MAX_DESCRIPTION) problems.push(fieldError('description', 'too_long', 'tooLong', { max: MAX_DESCRIPTION }));
    out.description = description;
  }
  if (input.eventTypes !== undefined || creating) {
    const types = [...new Set(input.eventTypes ?? [])];
    const unknown = types.filter((type) => !isWebhookEventType(type));
    if (!types.length || unknown.length)
      problems.push(fieldError('eventTypes', 'invalid_event_types', 'oneOrMoreOf', { values: WEBHOOK_EVENT_TYPES.join(', ') }));
    out.eventTypes = JSON.stringify(types);
  }
  if (input.enabled === null) problems.push(fieldError('enabled', 'required', 'notNull', { field: 'enabled' }));
  else if (input.enabled !== undefined) out.enabled = input.enabled;
  if (problems.length) throw validationError(problems);
  return out;
}

async function loadEndpoint(deps: WebhookDeps, id: string): Promise<WebhookEndpoint> {
  const endpoint = await deps.prisma.webhookEndpoint.findUnique({ where: { id } });
  if (!endpoint) throw new GatehouseError('NOT_FOUND', { message: 'No such webhook endpoint.' });
  return endpoint;
}

export interface EndpointWithSecret {
  endpoint: WebhookEndpoint;
  /** `whsec_...`: shown this once, never again. */
  secret: string;
}

export async function createWebhookEndpoint(deps: WebhookDeps, actor: Actor, input: WebhookEndpointInput): Promise<EndpointWithSecret> {
  const data = validate(deps, input, true);
  const now = deps.clock.now();
  const secret = generateWebhookSecret();
  return deps.prisma.$transaction(async (tx) => {
    // The id is the encryption context, so the row is written first and its secret set after.
    const created = await tx.webhookEndpoint.create({ data: { url: data.url ?? '', ...data, secretEncrypted: '', createdAt: now } });
    const endpoint = await tx.webhookEndpoint.update({
      where: { id: created.id },
      data: { secretEncrypted: encryptSecret(deps.config.dataEncryption, secret, secretContext(created.id)) },
    });
    // Sign-ins and registrations skip the endpoint lookup while the cache says nobody subscribes.
    await authStateChanged(deps, tx, { webhooks: true });
    await recordAudit(
      tx,
      {
        type: auditType(actor, 'admin.webhook_endpoint_created'),
        ...auditBy(actor),
        metadata: { endpointId: endpoint.id, url: endpoint.url, eventTypes: input.eventTypes },
      },
      now,
    );
    return { endpoint, secret };
  });
}

/** Changes an endpoint; enabling it again clears the failure count and the reason it was disabled. */
export async function updateWebhookEndpoint(deps: WebhookDeps, actor: Actor, id: string, input: WebhookEndpointInput): Promise<WebhookEndpoint> {
  const data = validate(deps, input, false);
  const before = await loadEndpoint(deps, id);
  const now = deps.clock.now();
  const enabling = data.enabled === true && !before.enabled;
  const disabling = data.enabled === false && before.enabled;
  return deps.prisma.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.update({
      where: { id },
      data: {
        ...data,
        ...(enabling ? { consecutiveFailures: 0, disabledAt: null, disabledReason: null } : {}),
        ...(disabling ? { disabledAt: now, disabledReason: 'disabled by an administrator' } : {}),
      },
    });
    const changed = Object.keys(data).filter((key) => before[key as keyof CleanInput] !== data[key as keyof CleanInput]);
    if (changed.includes('enabled') || changed.includes('eventTypes')) await authStateChanged(deps, tx, { webhooks: true });
    await recordAudit(tx, { type: auditType(actor, 'admin.webhook_endpoint_updated'), ...auditBy(actor), metadata: { endpointId: id, changed } }, now);
    return endpoint;
  });
}

/** Deletes an endpoint and (by cascade) its deliveries; returns its id. */
export async function deleteWebhookEndpoint(deps: WebhookDeps, actor: Actor, id: string): Promise<string> {
  const before = await loadEndpoint(deps, id);
  const now = deps.clock.now();
  await deps.prisma.$transaction(async (tx) => {
    await tx.webhookEndpoint.delete({ where: { id } });
    // Not needed for safety (an outdated cache only ever skips a lookup), but keeps it exact.
    await authStateChanged(deps, tx, { webhooks: true });
    await recordAudit(tx, { type: auditType(actor, 'admin.webhook_endpoint_deleted'), ...auditBy(actor), metadata: { endpointId: id, url: before.url } }, now);
  });
  return id;
}

function readableSecret(keys: Deps['config']['dataEncryption'], stored: string, context: string): string | null {
  try {
    return decryptSecret(keys, stored, context).plaintext;
  } catch {
    return null;
  }
}

/** Longest grace period one rotation may ask for (as WEBHOOK_SECRET_GRACE_SECONDS allows). */
export const MAX_SECRET_GRACE_SECONDS = 30 * 86_400;

/**
 * A new secret, returned once. The old one keeps signing beside it (two signatures per request)
 * for `graceSeconds` (default WEBHOOK_SECRET_GRACE_SECONDS; 0 ends it at once, for a leaked
 * secret), so receivers can switch without dropping requests. It is kept encrypted meanwhile; a
 * second rotation within the grace replaces it with the secret it retires, and only that one.
 */
export async function rotateWebhookSecret(
  deps: WebhookDeps,
  actor: Actor,
  id: string,
  options: { graceSeconds?: number | null } = {},
): Promise<EndpointWithSecret> {
  const graceSeconds = options.graceSeconds ?? deps.config.webhooks.secretGraceSeconds;
  if (!Number.isInteger(graceSeconds) || graceSeconds < 0 || graceSeconds > MAX_SECRET_GRACE_SECONDS)
    throw validationError([fieldError('graceSeconds', 'out_of_range', 'secondsRange', { max: MAX_SECRET_GRACE_SECONDS })]);
  await loadEndpoint(deps, id);
  const now = deps.clock.now();
  const secret = generateWebhookSecret();
  const keys = deps.config.dataEncryption;
  return deps.prisma.$transaction(async (tx) => {
    const before = await tx.webhookEndpoint.findUniqueOrThrow({ where: { id } });
    // A secret that no longer decrypts (its key gone from DATA_ENCRYPTION_PREVIOUS_KEYS) signs nothing
    // now; the rotation that replaces it must still work, with nothing to keep.
    const retired = graceSeconds > 0 ? readableSecret(keys, before.secretEncrypted, secretContext(id)) : null;
    const graceUntil = retired === null ? null : new Date(now.getTime() + graceSeconds * 1000);
    const endpoint = await tx.webhookEndpoint.update({
      where: { id },
      data: {
        secretEncrypted: encryptSecret(keys, secret, secretContext(id)),
        previousSecretEncrypted: retired === null ? null : encryptSecret(keys, retired, previousSecretContext(id)),
        previousSecretExpiresAt: graceUntil,
      },
    });
    await recordAudit(
      tx,
      {
        type: auditType(actor, 'admin.webhook_secret_rotated'),
        ...auditBy(actor),
        metadata: { endpointId: id, previousSecretValidUntil: graceUntil?.toISOString() ?? null },
      },
      now,
    );
    return { endpoint, secret };
  });
}

/**
 * Queues a delivery again from its first attempt, with the same event id (receivers dedupe on it).
 * A row being sent right now is refused rather than raced.
 */
export async function redeliverWebhook(deps: WebhookDeps, actor: Actor, deliveryId: string): Promise<WebhookDelivery> {
  const now = deps.clock.now();
  return deps.prisma.$transaction(async (tx) => {
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id: deliveryId, status: { in: ['SENT', 'FAILED', 'PENDING'] } },
      data: { status: 'PENDING', attempts: 0, nextAttemptAt: now, lockedUntil: null, deliveredAt: null },
    });
    if (count !== 1) {
      const exists = await tx.webhookDelivery.findUnique({ where: { id: deliveryId }, select: { id: true } });
      if (!exists) throw new GatehouseError('NOT_FOUND', { message: 'No such webhook delivery.' });
      throw new GatehouseError('CONFLICT', { message: 'The delivery is being sent right now; try again in a moment.' });
    }
    const delivery = await tx.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
    await recordAudit(
      tx,
      {
        type: auditType(actor, 'admin.webhook_redelivered'),
        ...auditBy(actor),
        metadata: { deliveryId, endpointId: delivery.endpointId, eventId: delivery.eventId },
      },
      now,
    );
    return delivery;
  });
}
