/**
 * One delivery attempt: a POST with node:http(s), which never follows a redirect (a 3xx is a
 * failed attempt, so a receiver cannot bounce the request to an internal address), through the
 * checked lookup (target.ts), with a deadline on the whole attempt. Only the status is kept; the
 * response body is drained up to a small limit and dropped.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { assertTargetAllowed, checkedLookup, type TargetPolicy } from './target.js';

export interface PostResult {
  statusCode: number;
}

const MAX_RESPONSE_BYTES = 64 * 1024;

/** @throws Error (TargetRefused, a network error, the timeout) when no status came back. */
export function postWebhook(target: string, headers: Record<string, string>, body: string, policy: TargetPolicy, timeoutMs: number): Promise<PostResult> {
  const url = new URL(target);
  assertTargetAllowed(url, policy);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'Gatehouse-Webhooks/1' },
      lookup: checkedLookup(policy),
      agent: false,
      signal: AbortSignal.timeout(timeoutMs),
    });
    req.on('error', reject);
    req.on('response', (res) => {
      let seen = 0;
      res.on('data', (chunk: Buffer) => {
        seen += chunk.length;
        if (seen > MAX_RESPONSE_BYTES) res.destroy();
      });
      res.on('error', () => undefined);
      res.on('close', () => resolve({ statusCode: res.statusCode ?? 0 }));
    });
    req.end(body);
  });
}
