/**
 * Regression: on SQLite, Prisma's better-sqlite3 adapter runs every query on one connection, so a
 * query from another request issued while an interactive transaction was open ran INSIDE that
 * transaction, and was silently undone when it rolled back (a lost write).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

describe('concurrent requests and interactive transactions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });

  it("keeps another request's write when a transaction rolls back meanwhile", async () => {
    const user = await createUser(t.deps);
    let outside: Promise<unknown> | undefined;
    const failing = t.deps.prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { firstName: 'Inside' } });
      // Another request writes while this transaction is open...
      outside = t.deps.prisma.group.create({ data: { name: 'written-outside' } });
      await new Promise((resolve) => setTimeout(resolve, 50));
      throw new Error('roll back');
    });
    await expect(failing).rejects.toThrow('roll back');
    await outside;
    // ...and that write must survive the rollback, while the transaction's own write must not.
    expect(await t.deps.prisma.group.count({ where: { name: 'written-outside' } })).toBe(1);
    expect((await t.deps.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).firstName).not.toBe('Inside');
  });

  it('does not let another request read what an open transaction has not committed', async () => {
    const user = await createUser(t.deps, { firstName: 'Before' });
    let seen: string | undefined;
    await t.deps.prisma
      .$transaction(async (tx) => {
        await tx.user.update({ where: { id: user.id }, data: { firstName: 'Uncommitted' } });
        const read = t.deps.prisma.user.findUniqueOrThrow({ where: { id: user.id } }).then((u) => (seen = u.firstName));
        await Promise.race([read, new Promise((resolve) => setTimeout(resolve, 50))]);
        throw new Error('roll back');
      })
      .catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toBe('Before');
  });
});
