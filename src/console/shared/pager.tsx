/**
 * Paging through a list the API serves a page at a time (`first`, `after`, `pageInfo`): the
 * server pages forward only, so the pager keeps the cursors of the pages before this one, and
 * "previous" drops the last. Its own module: only the admin app lists pages (its `.pager` style is
 * in admin/admin.css), so /account's script does not carry it.
 */

import { useState } from 'preact/hooks';

export interface PagerState {
  /** The cursor to ask for (`after`): null on the first page. */
  after: string | null;
  /** Whether a page comes before this one. */
  hasPrevious: boolean;
  previous(): void;
  /** Moves to the page after the one that ended at `endCursor`. */
  next(endCursor: string | null): void;
}

/**
 * The paging of a list under the filter `key` (compared with Object.is): a new key starts again
 * from the first page. The reset happens in the same render, so the list is never fetched under
 * the new filter with the old filter's cursor.
 */
export function usePager(key: unknown): PagerState {
  const [state, setState] = useState<{ key: unknown; cursors: (string | null)[] }>({ key, cursors: [null] });
  const cursors = Object.is(state.key, key) ? state.cursors : [null];
  return {
    after: cursors.at(-1) ?? null,
    hasPrevious: cursors.length > 1,
    previous: () => setState({ key, cursors: cursors.slice(0, -1) }),
    next: (endCursor) => setState({ key, cursors: [...cursors, endCursor] }),
  };
}

/** The previous and next buttons; "next" only while the page shown says more follow. */
export function Pager({
  pager,
  pageInfo,
  previousLabel,
  nextLabel,
}: {
  pager: PagerState;
  /** The shown page's; absent while the first is loading. */
  pageInfo: { hasNextPage: boolean; endCursor?: string | null } | undefined;
  previousLabel: string;
  nextLabel: string;
}) {
  return (
    <div class="pager">
      {pager.hasPrevious ? (
        <button type="button" class="secondary" onClick={pager.previous}>
          {previousLabel}
        </button>
      ) : null}
      {pageInfo?.hasNextPage ? (
        <button type="button" class="secondary" onClick={() => pager.next(pageInfo.endCursor ?? null)}>
          {nextLabel}
        </button>
      ) : null}
    </div>
  );
}
