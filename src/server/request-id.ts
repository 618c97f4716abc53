import { randomUUID } from 'node:crypto';

const WELL_FORMED = /^[\w.:-]{1,128}$/;
const ids = new WeakMap<Request, string>();

/** The request's id: a well-formed incoming `X-Request-Id`, or a new one; stable per request. */
export function requestIdOf(request: Request): string {
  let id = ids.get(request);
  if (!id) {
    const given = request.headers.get('x-request-id');
    id = given && WELL_FORMED.test(given) ? given : randomUUID();
    ids.set(request, id);
  }
  return id;
}
