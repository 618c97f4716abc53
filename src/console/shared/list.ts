/**
 * What a page shows from one query (a list, or a page of one): every list page used to write the
 * same state by hand (the answer, the failure in words, a load through useLatest, loading again
 * when a filter or cursor changes), and the copies drifted (some kept an earlier load's failure on
 * screen over the next load's rows). Paging itself is pager.tsx's; this only loads what it asks for.
 */
import { useEffect, useState } from 'preact/hooks';
import { messageOf } from './client';
import { useLatest } from './latest';

export interface ListState<T> {
  /** The newest answer shown; null until the first arrives (an earlier one stays while the next loads). */
  data: T | null;
  /** The last load's failure, in the reader's language; cleared when the next load starts. */
  error: string | null;
  /** Asks again (after a change); settles when the answer has been shown or dropped, never rejects. */
  load(): Promise<void>;
}

/**
 * Loads `request()` when the component mounts and whenever one of `deps` changes (as useEffect's
 * inputs), and again on `load()`. `request` returns null when there is nothing to ask for (the
 * viewer may not see the list): nothing is loaded then. Answers go through one useLatest, so an
 * answer (or failure) of a request asked again since is dropped.
 */
export function useList<T>(request: () => Promise<T> | null, deps: readonly unknown[]): ListState<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useLatest();
  const load = async () => {
    const asked = request();
    if (!asked) return;
    // An earlier load's failure (another filter's, another endpoint's, or this one's last time) is not this load's.
    setError(null);
    await latest(asked, setData, (caught: unknown) => setError(messageOf(caught)));
  };
  useEffect(() => void load(), deps);
  return { data, error, load };
}
