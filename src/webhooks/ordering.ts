/**
 * Per-user order (docs/webhooks.md#order): a user's deliveries to one endpoint are attempted in the
 * order they were queued, and one waits while an earlier one of the same user to the same endpoint
 * is unfinished (PENDING, including waiting for a retry, or SENDING). A delivery that gave up
 * (FAILED) no longer holds the later ones. Deliveries queued at the same instant (one transaction)
 * are not ordered among themselves; events about no user (groups) are not ordered.
 *
 * The cheap version, without locks: the pass reads the unfinished earlier deliveries of the users
 * it is about to send for, sends its rows in creation order, and skips a row while an earlier one
 * is open. Rows finished in this pass stop holding later ones, so a user's burst goes out in one
 * pass. The conditional claim still decides who sends a row, so order never costs "once".
 */
import type { PrismaClient } from '../db/client.js';

export interface DueRow {
  id: string;
  status: 'PENDING' | 'SENDING' | 'SENT' | 'FAILED';
  attempts: number;
  endpointId: string;
  userId: string | null;
  createdAt: Date;
}

interface OpenRow {
  id: string;
  createdAt: Date;
  nextAttemptAt: Date;
}

export interface UserOrder {
  /** The pass's rows in creation order. */
  rows: DueRow[];
  /** The earliest unfinished delivery queued before `row` for the same user and endpoint, if any. */
  blocker(row: DueRow): OpenRow | null;
  /** `row` was sent or gave up: it holds nothing back any more. */
  finished(row: DueRow): void;
}

const keyOf = (row: { endpointId: string; userId: string | null }) => `${row.endpointId}\u0000${row.userId ?? ''}`;

export async function userOrder(db: Pick<PrismaClient, 'webhookDelivery'>, due: DueRow[]): Promise<UserOrder> {
  const rows = [...due].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const keyed = rows.filter((row) => row.userId !== null);
  const latest = keyed.at(-1)?.createdAt;
  const open = new Map<string, OpenRow[]>();
  if (latest) {
    const pairs = [...new Map(keyed.map((row) => [keyOf(row), { endpointId: row.endpointId, userId: row.userId }])).values()];
    const earlier = await db.webhookDelivery.findMany({
      where: { status: { in: ['PENDING', 'SENDING'] }, createdAt: { lt: latest }, OR: pairs },
      select: { id: true, endpointId: true, userId: true, createdAt: true, nextAttemptAt: true },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    for (const row of earlier) {
      const list = open.get(keyOf(row)) ?? [];
      list.push({ id: row.id, createdAt: row.createdAt, nextAttemptAt: row.nextAttemptAt });
      open.set(keyOf(row), list);
    }
  }
  return {
    rows,
    blocker(row) {
      if (row.userId === null) return null;
      return open.get(keyOf(row))?.find((other) => other.id !== row.id && other.createdAt < row.createdAt) ?? null;
    },
    finished(row) {
      const list = open.get(keyOf(row));
      if (list)
        open.set(
          keyOf(row),
          list.filter((other) => other.id !== row.id),
        );
    },
  };
}
