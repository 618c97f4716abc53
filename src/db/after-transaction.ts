/**
 * Work to run when an interactive transaction ends (committed or rolled back), for writers that
 * are handed a transaction client and cannot see its end: a cache must drop what a write changed
 * once the write is visible to other connections, not only when it was made.
 */

type Hook = () => void;

/** The hooks of each open interactive transaction, keyed by the transaction client Prisma hands out. */
const open = new WeakMap<object, Hook[]>();

/** Makes `client.$transaction(fn)` run the hooks registered on its transaction once it ends. */
export function trackTransactionEnds<C extends { $transaction: unknown }>(client: C): C {
  const original = (client.$transaction as (...args: unknown[]) => Promise<unknown>).bind(client);
  const tracked = (arg: unknown, ...rest: unknown[]): Promise<unknown> => {
    // The batch form ($transaction([...])) runs no code of ours between its statements.
    if (typeof arg !== 'function') return original(arg, ...rest);
    const hooks: Hook[] = [];
    const work = arg as (tx: object) => Promise<unknown>;
    return original(
      (tx: object) => {
        open.set(tx, hooks);
        return work(tx);
      },
      ...rest,
    ).finally(() => {
      for (const hook of hooks) hook();
    });
  };
  (client as { $transaction: unknown }).$transaction = tracked;
  return client;
}

/**
 * Runs `hook` when the transaction `db` belongs to ends, and returns true; returns false (and
 * runs nothing) when `db` is not a transaction client, i.e. its writes are already committed.
 */
export function onTransactionEnd(db: object, hook: Hook): boolean {
  const hooks = open.get(db);
  if (!hooks) return false;
  hooks.push(hook);
  return true;
}
