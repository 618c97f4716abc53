/**
 * One POST per connection over node:http (no pooling, no retries), reporting exactly what
 * happened to it: whether it connected, was fully written, and got a complete response.
 */
import { request as httpRequest } from 'node:http';

export interface RawOutcome {
  /** The TCP connection was established. */
  connected: boolean;
  status?: number;
  body?: string;
  /** The whole response arrived (the body ended normally). */
  complete: boolean;
  /** The socket error code (ECONNREFUSED, ECONNRESET, ...) if the exchange failed. */
  error?: string;
}

export interface RawRequest {
  /** Resolves once the request has been handed to the socket in full. */
  written: Promise<void>;
  outcome: Promise<RawOutcome>;
}

export function rawPost(url: string, body: string, headers: Record<string, string> = {}): RawRequest {
  let markWritten!: () => void;
  const written = new Promise<void>((resolve) => (markWritten = resolve));
  const outcome = new Promise<RawOutcome>((resolve) => {
    const result: RawOutcome = { connected: false, complete: false };
    const request = httpRequest(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', ...headers } }, (response) => {
      result.status = response.statusCode;
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ ...result, body: text, complete: response.complete }));
      response.on('error', (error: NodeJS.ErrnoException) => resolve({ ...result, body: text, error: error.code ?? error.message }));
    });
    request.on('socket', (socket) => socket.once('connect', () => (result.connected = true)));
    request.on('finish', markWritten);
    request.on('error', (error: NodeJS.ErrnoException) => {
      markWritten();
      resolve({ ...result, error: error.code ?? error.message });
    });
    request.end(body);
  });
  return { written, outcome };
}
