/**
 * Writes an import plan in one transaction (all or nothing), creating only what is missing, so a
 * second run changes nothing:
 * - permissions and groups are matched by codename and name; missing ones are created, and
 *   missing group-permission links added (links are never removed);
 * - users are matched by normalised email (a user without one, by username); an existing user is
 *   left exactly as it is (its password, flags and links may have moved on since), and reported
 *   as existing.
 */
import type { PrismaClient } from '../../db/client.js';
import { recordAudit } from '../../audit/record.js';
import type { ImportPlan, PlannedUser, SkippedRow } from './plan.js';

export interface ImportReport {
  permissions: { created: number; existing: number };
  groups: { created: number; existing: number };
  groupPermissionLinks: { created: number };
  users: { created: number; existing: number; skipped: number };
  skipped: SkippedRow[];
  warnings: SkippedRow[];
  ignored: Record<string, number>;
  /** Whether the users created were marked verified (the emailVerified option). */
  emailVerified: boolean;
  dryRun: boolean;
}

export interface ApplyOptions {
  now: Date;
  emailVerified: boolean;
  /** Roll everything back at the end and only report. */
  dryRun: boolean;
  /** A label for the audit event (the file name). */
  source: string;
}

/** Large dumps take a while in one transaction; Prisma's default of 5 s is for requests. */
const TRANSACTION_TIMEOUT_MS = 30 * 60_000;
/** Bound on `IN (...)` lists. */
const CHUNK = 500;

class DryRunRollback extends Error {}

export async function applyImport(prisma: PrismaClient, plan: ImportPlan, options: ApplyOptions): Promise<ImportReport> {
  const report: ImportReport = {
    permissions: { created: 0, existing: 0 },
    groups: { created: 0, existing: 0 },
    groupPermissionLinks: { created: 0 },
    users: { created: 0, existing: 0, skipped: plan.skipped.filter((s) => s.kind === 'user').length },
    skipped: plan.skipped,
    warnings: [...plan.warnings],
    ignored: plan.ignored,
    emailVerified: options.emailVerified,
    dryRun: options.dryRun,
  };
  try {
    await prisma.$transaction(
      async (tx) => {
        const permissionIds = new Map<string, string>();
        for (const batch of chunks(plan.permissions)) {
          const found = await tx.permission.findMany({ where: { codename: { in: batch.map((p) => p.codename) } }, select: { id: true, codename: true } });
          for (const p of found) permissionIds.set(p.codename, p.id);
        }
        for (const permission of plan.permissions) {
          if (permissionIds.has(permission.codename)) {
            report.permissions.existing++;
            continue;
          }
          const created = await tx.permission.create({
            data: { codename: permission.codename, name: permission.name, createdAt: options.now },
            select: { id: true },
          });
          permissionIds.set(permission.codename, created.id);
          report.permissions.created++;
        }

        const groupIds = new Map<string, string>();
        for (const group of plan.groups) {
          const existing = await tx.group.findUnique({ where: { name: group.name }, select: { id: true, permissions: { select: { permissionId: true } } } });
          const id = existing?.id ?? (await tx.group.create({ data: { name: group.name, createdAt: options.now }, select: { id: true } })).id;
          report.groups[existing ? 'existing' : 'created']++;
          groupIds.set(group.name, id);
          const linked = new Set(existing?.permissions.map((p) => p.permissionId) ?? []);
          const missing = group.permissions.map((codename) => permissionIds.get(codename)!).filter((permissionId) => !linked.has(permissionId));
          if (missing.length) {
            await tx.groupPermission.createMany({ data: missing.map((permissionId) => ({ groupId: id, permissionId })) });
            report.groupPermissionLinks.created += missing.length;
          }
        }

        const existingEmails = new Set<string>();
        const takenUsernames = new Set<string>();
        for (const batch of chunks(plan.users)) {
          const addresses = batch.flatMap((u) => (u.email !== null ? [u.email] : []));
          const emails = await tx.user.findMany({ where: { email: { in: addresses } }, select: { email: true } });
          for (const u of emails) if (u.email !== null) existingEmails.add(u.email);
          const usernames = batch.flatMap((u) => (u.username ? [u.username] : []));
          const names = await tx.user.findMany({ where: { username: { in: usernames } }, select: { username: true } });
          for (const u of names) takenUsernames.add(u.username!);
        }
        const existingUsernames = new Set(takenUsernames);
        const toCreate: PlannedUser[] = [];
        for (const user of plan.users) {
          if (user.email === null) {
            // Its username is all it has (planImport skips one without): the account holding it is this user, imported before.
            if (existingUsernames.has(user.username!)) report.users.existing++;
            else if (takenUsernames.has(user.username!)) {
              // Only when two Django usernames normalise to one (NFKC): which person it names is not ours to guess.
              report.skipped.push({ kind: 'user', source: user.source, reason: `no email, and username "${user.username!}" is another imported user's` });
              report.users.skipped++;
            } else {
              takenUsernames.add(user.username!);
              toCreate.push(user);
            }
            continue;
          }
          if (existingEmails.has(user.email)) {
            report.users.existing++;
            continue;
          }
          let username = user.username;
          if (username && takenUsernames.has(username)) {
            report.warnings.push({
              kind: 'user',
              source: user.source,
              reason: `username "${username}" is taken by another account: imported without a username`,
            });
            username = null;
          }
          if (username) takenUsernames.add(username);
          toCreate.push({ ...user, username });
        }
        // Batched: a few statements per 500 users rather than several per user.
        for (const batch of chunks(toCreate)) {
          const created = await tx.user.createManyAndReturn({
            data: batch.map((user) => ({
              email: user.email,
              username: user.username,
              firstName: user.firstName,
              lastName: user.lastName,
              passwordHash: user.passwordHash,
              isActive: user.isActive,
              isStaff: user.isStaff,
              isSuperuser: user.isSuperuser,
              role: user.role,
              lastLoginAt: user.lastLoginAt,
              createdAt: user.createdAt ?? options.now,
              emailVerifiedAt: options.emailVerified && user.email !== null ? options.now : null,
              ...user.profile,
              attributes: user.attributesText ?? '{}',
            })),
            select: { id: true, email: true, username: true },
          });
          const idOf = new Map(created.map((u) => [importKey(u), u.id]));
          await tx.userGroup.createMany({
            data: batch.flatMap((user) =>
              user.groups.map((name) => ({ userId: idOf.get(importKey(user))!, groupId: groupIds.get(name)!, createdAt: options.now })),
            ),
          });
          await tx.userPermission.createMany({
            data: batch.flatMap((user) =>
              user.permissions.map((codename) => ({ userId: idOf.get(importKey(user))!, permissionId: permissionIds.get(codename)! })),
            ),
          });
          report.users.created += created.length;
        }

        await recordAudit(
          tx,
          {
            type: 'cli.import_django',
            metadata: {
              source: options.source,
              permissions: report.permissions,
              groups: report.groups,
              groupPermissionLinks: report.groupPermissionLinks,
              users: report.users,
              warnings: report.warnings.length,
            },
          },
          options.now,
        );
        if (options.dryRun) throw new DryRunRollback();
      },
      { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 60_000 },
    );
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return report;
}

/** What tells the created users of a batch apart: the address, or the username of one without (both unique). */
function importKey(user: { email: string | null; username: string | null }): string {
  return user.email ?? `\0username:${user.username ?? ''}`;
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}
