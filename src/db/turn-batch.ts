/**
 * Work asked for during one turn of the event loop, gathered per key and handed over at the end of
 * that turn (setImmediate: after every request this turn has read, so theirs is in the batch). A
 * lone request waits for nothing but the end of its turn. Used where one statement or one commit for
 * many requests costs far less than one each (sqlite-group-commit.ts, the PostgreSQL refresh).
 */
export function perTurn<K extends object, T>(flush: (key: K, items: T[]) => void): (key: K, item: T) => void {
  const pending = new WeakMap<K, T[]>();
  return (key, item) => {
    const items = pending.get(key);
    if (items) return void items.push(item);
    const batch = [item];
    pending.set(key, batch);
    setImmediate(() => {
      pending.delete(key);
      flush(key, batch);
    });
  };
}
