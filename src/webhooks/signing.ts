/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com/): the secret is `whsec_<base64>`
 * of 32 random bytes, shown once; each request carries `webhook-id`, `webhook-timestamp` (Unix
 * seconds) and `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body" under the bytes>`.
 * During a rotation's grace period the header carries one signature per secret, space-separated
 * (the spec's way to rotate): a receiver holding either secret verifies.
 */
import { createHmac, randomBytes } from 'node:crypto';

const PREFIX = 'whsec_';

export function generateWebhookSecret(): string {
  return PREFIX + randomBytes(32).toString('base64');
}

/** The encryption context of an endpoint's stored secret: a ciphertext copied to another row does not decrypt. */
export function secretContext(endpointId: string): string {
  return `webhook:${endpointId}`;
}

/** The context of the secret a rotation replaced (its own, so neither column's ciphertext passes for the other). */
export function previousSecretContext(endpointId: string): string {
  return `webhook:${endpointId}:previous`;
}

export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** Signs with each of `secrets` (the current one first). */
export function signWebhook(secrets: readonly string[], id: string, timestamp: Date, body: string): SignedHeaders {
  const seconds = String(Math.floor(timestamp.getTime() / 1000));
  const signatures = secrets.map((secret) => {
    const key = Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64');
    return `v1,${createHmac('sha256', key).update(`${id}.${seconds}.${body}`).digest('base64')}`;
  });
  return { 'webhook-id': id, 'webhook-timestamp': seconds, 'webhook-signature': signatures.join(' ') };
}
