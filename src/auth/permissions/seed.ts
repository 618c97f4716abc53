/**
 * Seeds the built-in permissions and the Root group, and puts every superuser in Root.
 * Idempotent and safe when several instances start at once: each row is an upsert, and a unique
 * violation from a concurrent seeder is treated as "already there".
 */
import type { PrismaClient } from '../../db/client.js';
import { isMissingTable, isUniqueViolation } from '../../db/errors.js';
import { BUILT_IN_PERMISSIONS, ROOT_GROUP } from './builtin.js';

type Db = Pick<PrismaClient, 'permission' | 'group' | 'groupPermission' | 'userGroup' | 'user'>;

/** Runs `write`; a unique violation means a concurrent writer got there first, so read instead. */
async function raceSafe<T>(write: () => Promise<T>, read: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) return read();
    throw error;
  }
}

export async function seedBuiltIns(db: Db): Promise<void> {
  const permissionIds: string[] = [];
  for (const { codename, name } of BUILT_IN_PERMISSIONS) {
    const row = await raceSafe(
      () => db.permission.upsert({ where: { codename }, create: { codename, name, builtIn: true }, update: { name, builtIn: true }, select: { id: true } }),
      () => db.permission.findUniqueOrThrow({ where: { codename }, select: { id: true } }),
    );
    permissionIds.push(row.id);
  }
  const root = await raceSafe(
    () =>
      db.group.upsert({
        where: { name: ROOT_GROUP },
        create: { name: ROOT_GROUP, description: 'Every built-in permission. Superusers are members.' },
        update: {},
        select: { id: true },
      }),
    () => db.group.findUniqueOrThrow({ where: { name: ROOT_GROUP }, select: { id: true } }),
  );
  await linkMissing(
    permissionIds,
    async () => new Set((await db.groupPermission.findMany({ where: { groupId: root.id }, select: { permissionId: true } })).map((r) => r.permissionId)),
    (permissionId) => db.groupPermission.create({ data: { groupId: root.id, permissionId } }),
  );
  const superusers = await db.user.findMany({ where: { isSuperuser: true }, select: { id: true } });
  await linkMissing(
    superusers.map((u) => u.id),
    async () => new Set((await db.userGroup.findMany({ where: { groupId: root.id }, select: { userId: true } })).map((r) => r.userId)),
    (userId) => db.userGroup.create({ data: { userId, groupId: root.id } }),
  );
}

/** Creates the join rows not yet present; a row created meanwhile by another seeder is fine. */
async function linkMissing(ids: string[], existing: () => Promise<Set<string>>, create: (id: string) => Promise<unknown>): Promise<void> {
  const have = await existing();
  for (const id of ids) {
    if (have.has(id)) continue;
    await raceSafe(
      () => create(id),
      async () => undefined,
    );
  }
}

/**
 * Start-up seeding. A database that has not been migrated yet (PostgreSQL with migrations run
 * separately) is left alone with a warning rather than failing start-up; `migrate` seeds it.
 */
export async function seedOnStart(prisma: PrismaClient, logger: { warn(message: string): void }): Promise<void> {
  try {
    await seedBuiltIns(prisma);
  } catch (error) {
    if (!isMissingTable(error)) throw error;
    logger.warn('built-in permissions not seeded: the database is not migrated (run `npm run gatehouse -- migrate`)');
  }
}
