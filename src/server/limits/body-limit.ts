/**
 * Refuses request bodies over a size limit before anything parses them: at once from a declared
 * Content-Length, otherwise (chunked) while reading, as soon as the limit is passed. Nothing over
 * the limit is read: a client still uploading may see its connection cut instead of the 413.
 */
import type { Plugin } from 'graphql-yoga';
import { GatehouseError } from '../../errors.js';
import { requestIdOf } from '../request-id.js';

/** 413 with a GraphQL-shaped JSON error, so clients handle it like any other error. */
export function payloadTooLarge(fetchAPI: { Response: typeof Response }, maxBytes: number): Response {
  const error = new GatehouseError('PAYLOAD_TOO_LARGE', {
    message: `The request body is larger than the limit of ${maxBytes} bytes.`,
    details: { limitBytes: maxBytes },
  });
  return new fetchAPI.Response(JSON.stringify({ errors: [error] }), {
    status: 413,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

export function useBodyLimit(maxBytes: number): Plugin {
  return {
    // Synchronous unless the body must be read: an async hook would put every request through a
    // promise and a microtask here.
    onRequest({ request, setRequest, endResponse, fetchAPI }) {
      if (!request.body) return;
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        // Node's HTTP parser holds the body to its declared length, so the header is enough.
        if (Number(declared) > maxBytes) endResponse(payloadTooLarge(fetchAPI, maxBytes));
        return;
      }
      return bufferChunked(request, request.body, maxBytes, { setRequest, endResponse, fetchAPI });
    },
  };
}

/** A body without a declared length, read up to the limit and handed on as a request with one. */
async function bufferChunked(
  request: Request,
  stream: ReadableStream<Uint8Array>,
  maxBytes: number,
  { setRequest, endResponse, fetchAPI }: Pick<Parameters<NonNullable<Plugin['onRequest']>>[0], 'setRequest' | 'endResponse' | 'fetchAPI'>,
): Promise<void> {
  const body = await readAtMost(stream, maxBytes);
  if (!body) {
    endResponse(payloadTooLarge(fetchAPI, maxBytes));
    return;
  }
  const headers = new fetchAPI.Headers(request.headers);
  headers.set('content-length', String(body.byteLength));
  // The replacement request keeps the id the original was given, for logs and the response header.
  headers.set('x-request-id', requestIdOf(request));
  setRequest(new fetchAPI.Request(request.url, { method: request.method, headers, body, signal: request.signal }));
}

/** The stream's bytes, or null as soon as there are more than `maxBytes` (the rest is not read). */
async function readAtMost(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
