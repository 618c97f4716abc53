/**
 * Answers shown in the order they were asked for: a component that asks again before an earlier
 * answer arrived (a quick "next" then "previous", a new filter while a page loads, another user's
 * page, a reload after a change) must end up showing the newest answer, but the server may answer
 * the requests in any order. Without this, the older answer arriving last was shown under the
 * newer request's controls (page 2 of the old filter under the new filter).
 */
import { useCallback, useEffect, useRef } from 'preact/hooks';

/**
 * Hands `request`'s data to `onData` (or its failure to `onError`) only if no later call of the
 * same `latest` has started since and the component is still mounted; otherwise drops it. The
 * promise it returns settles when the request does (never rejects), so a caller may await a reload.
 */
export type Latest = <T>(request: Promise<T>, onData: (data: T) => void, onError?: (caught: unknown) => void) => Promise<void>;

/** A `latest` for one thing a component shows (one per list: answers for different lists do not supersede each other). */
export function useLatest(): Latest {
  const asked = useRef(0);
  // Unmounted: no answer is the latest any more.
  useEffect(
    () => () => {
      asked.current++;
    },
    [],
  );
  return useCallback<Latest>((request, onData, onError) => {
    const ticket = ++asked.current;
    return request.then(
      (data) => {
        if (ticket === asked.current) onData(data);
      },
      (caught: unknown) => {
        if (ticket === asked.current) onError?.(caught);
      },
    );
  }, []);
}
