/**
 * The benchmark's database: a fresh one (a temporary SQLite file, or a new database on the
 * PostgreSQL server of DATABASE_URL), migrated and seeded with users, groups and sessions.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { parseIntoClientConfig } from 'pg-connection-string';
import { createPasswordHasher } from '../src/auth/passwords/hasher.js';
import { createSession } from '../src/auth/sessions/create-session.js';
import { createAccessTokenService } from '../src/auth/tokens/access-token.js';
import { systemClock } from '../src/clock.js';
import { loadConfig, type Config } from '../src/config/index.js';
import { openDatabase } from '../src/db/client.js';
import { applyPendingMigrations } from '../src/db/migrate/migrations.js';

export const BENCH_PASSWORD = 'bench-password-violet-harbour';

export interface SeededSession {
  email: string;
  accessToken: string;
  refreshToken: string;
}

export interface Seeded {
  databaseUrl: string;
  /** Users with a known password, one per connection of the largest run. */
  loginEmails: string[];
  /** Sessions of plain users, for `me` (each connection takes its own). */
  sessions: SeededSession[];
  /**
   * Sessions for the refresh scenario, each following its own rotation chain (see scenarios.ts):
   * enough for the largest run plus every session a run may leave with an unseen rotation.
   */
  refreshSessions: SeededSession[];
  /** A staff user in a group holding `users.view_user`. */
  staff: SeededSession;
  /** A superuser, for the admin users page. */
  admin: SeededSession;
  drop(): Promise<void>;
}

/** An empty database: a SQLite file in a temporary folder, or a new database on the PostgreSQL server of `baseUrl`. */
export async function freshDatabase(baseUrl: string | undefined): Promise<{ url: string; drop(): Promise<void> }> {
  if (!baseUrl || baseUrl.startsWith('file:')) {
    const dir = mkdtempSync(join(tmpdir(), 'gatehouse-bench-'));
    return { url: `file:${join(dir, 'bench.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `gatehouse_bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client(parseIntoClientConfig(baseUrl));
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

export async function seed(env: Record<string, string>, baseUrl: string | undefined, count: number, refreshCount = count): Promise<Seeded> {
  const db = await freshDatabase(baseUrl);
  await applyPendingMigrations(db.url);
  const config: Config = loadConfig({ ...env, DATABASE_URL: db.url });
  const prisma = await openDatabase(config.database);
  const passwords = createPasswordHasher(config.passwords.argon2);
  const deps = { prisma, clock: systemClock, config, accessTokens: createAccessTokenService(config) };
  const passwordHash = await passwords.hash(BENCH_PASSWORD);
  const run = randomUUID().slice(0, 6);

  const group = await prisma.group.create({ data: { name: `bench-readers-${run}` } });
  const permission = await prisma.permission.upsert({
    where: { codename: 'users.view_user' },
    create: { codename: 'users.view_user', name: 'Can view user', builtIn: true },
    update: {},
  });
  await prisma.groupPermission.create({ data: { groupId: group.id, permissionId: permission.id } });

  const loginEmails: string[] = [];
  const userIds: string[] = [];
  const sessions: SeededSession[] = [];
  // Enough users for a full admin page of 50, each in the group (so the page loads groups too).
  for (let i = 0; i < Math.max(count, 60); i++) {
    const email = `bench-${run}-${i}@example.com`;
    const user = await prisma.user.create({
      data: { email, firstName: 'Bench', lastName: `User ${i}`, passwordHash, emailVerifiedAt: new Date(), groups: { create: { groupId: group.id } } },
    });
    loginEmails.push(email);
    userIds.push(user.id);
    const tokens = await createSession(deps, user.id, { ip: '127.0.0.1', userAgent: 'bench' });
    sessions.push({ email, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken });
  }
  const refreshSessions: SeededSession[] = [];
  for (let i = 0; i < refreshCount; i++) {
    const tokens = await createSession(deps, userIds[i % userIds.length]!, { ip: '127.0.0.1', userAgent: 'bench' });
    refreshSessions.push({ email: loginEmails[i % loginEmails.length]!, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken });
  }
  const privileged = async (kind: 'staff' | 'admin'): Promise<SeededSession> => {
    const email = `bench-${kind}-${run}@example.com`;
    const user = await prisma.user.create({
      data: {
        email,
        passwordHash,
        emailVerifiedAt: new Date(),
        isStaff: true,
        isSuperuser: kind === 'admin',
        role: kind === 'admin' ? 'ADMIN' : 'STAFF',
        groups: { create: { groupId: group.id } },
      },
    });
    const tokens = await createSession(deps, user.id, { ip: '127.0.0.1', userAgent: 'bench' });
    return { email, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken };
  };
  const staff = await privileged('staff');
  const admin = await privileged('admin');
  await prisma.$disconnect();
  return { databaseUrl: db.url, loginEmails, sessions, refreshSessions, staff, admin, drop: db.drop };
}
