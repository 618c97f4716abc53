/**
 * The admin users list at depth (issue 12): on a fresh database of N users (one in five without an
 * address, one in four never signed in), the first page and a page after a cursor 70 % of the way
 * down, for every ordering, through `createApp(...).fetch` in process; median ms per page and the
 * statements each sends. A page deep in the list should cost about what the first one does.
 *
 *   npx tsx bench/deep-pages.ts                 # SQLite, 200,000 users
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:55432/postgres npx tsx bench/deep-pages.ts --users 50000
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config/index.js';
import { closeDeps, createDeps } from '../src/create-deps.js';
import { openDatabase } from '../src/db/client.js';
import { applyPendingMigrations } from '../src/db/migrate/migrations.js';
import { createLogger } from '../src/logger.js';
import { createApp } from '../src/server/app.js';
import { createSession } from '../src/auth/sessions/create-session.js';
import { freshDatabase } from './seed.js';

const { values } = parseArgs({ options: { users: { type: 'string', default: '200000' }, repeat: { type: 'string', default: '15' } } });
const users = Number(values.users);
const repeat = Number(values.repeat);

const db = await freshDatabase(process.env['DATABASE_URL']);
try {
  await applyPendingMigrations(db.url);
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    DATABASE_URL: db.url,
    MIGRATE_ON_START: 'false',
    JWT_SECRET: 'bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz',
    DATA_ENCRYPTION_KEY: 'bench-data-key-0123456789-abcdefghijklmnopqrstuvwxyz',
    RATE_LIMITS_ENABLED: 'false',
    LOGIN_IDENTIFIERS: 'both',
  });
  const deps = await createDeps(config, { logger: createLogger('silent') });
  const { prisma } = deps;
  const start = Date.UTC(2025, 0, 1);
  for (let done = 0; done < users; done += 5000) {
    const chunk = Array.from({ length: Math.min(5000, users - done) }, (_, k) => {
      const i = done + k;
      return {
        email: i % 5 === 4 ? null : `deep-${String((i * 7919) % users).padStart(7, '0')}@example.com`,
        username: `deep-${i}`,
        createdAt: new Date(start + Math.floor(i / 3) * 1000),
        lastLoginAt: i % 4 === 0 ? null : new Date(start + (users - i) * 1000),
      };
    });
    await prisma.user.createMany({ data: chunk });
  }
  const admin = await prisma.user.create({ data: { email: 'deep-admin@example.com', isStaff: true, isSuperuser: true, role: 'ADMIN' } });
  const { accessToken } = await createSession(deps, admin.id, { ip: '127.0.0.1', userAgent: 'bench' });
  if (config.database.provider === 'postgresql') await prisma.$executeRawUnsafe('ANALYZE');

  let statements = 0;
  const counted = await openDatabase(config.database, { onStatement: () => statements++ });
  const app = createApp({ ...deps, prisma: counted });
  const QUERY = `query ($after: String, $orderBy: UserOrder) { users(first: 50, after: $after, orderBy: $orderBy) { nodes { id email } } }`;

  /** Median ms and statements of one page. */
  async function page(variables: Record<string, unknown>): Promise<{ ms: number; statements: number }> {
    const times: number[] = [];
    let sent = 0;
    for (let i = 0; i < repeat; i++) {
      statements = 0;
      const began = performance.now();
      const response = await app.fetch(new URL('http://gatehouse.bench/graphql'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        body: JSON.stringify({ query: QUERY, variables }),
      });
      const body = (await response.json()) as { errors?: unknown; data?: { users: { nodes: unknown[] } } };
      times.push(performance.now() - began);
      if (body.errors || body.data?.users.nodes.length !== 50) throw new Error(JSON.stringify(body.errors ?? 'short page'));
      sent = statements;
    }
    times.sort((a, b) => a - b);
    return { ms: times[Math.floor(times.length / 2)]!, statements: sent };
  }

  console.log(`${config.database.provider}, ${users.toLocaleString('en')} users; median of ${repeat} requests of 50 users`);
  console.log('ordering               first page       page at 70 %');
  for (const [field, column] of [
    ['CREATED_AT', 'createdAt'],
    ['EMAIL', 'email'],
    ['LAST_LOGIN_AT', 'lastLoginAt'],
  ] as const) {
    for (const direction of ['ASC', 'DESC'] as const) {
      const dir = direction === 'ASC' ? 'asc' : 'desc';
      // The cursor: the row 70 % of the way down the rows that have a value.
      const where = column === 'createdAt' ? {} : { [column]: { not: null } };
      const withValue = await prisma.user.count({ where });
      const [cursor] = await prisma.user.findMany({
        select: { id: true },
        where,
        orderBy: [{ [column]: dir }, { id: dir }],
        skip: Math.floor(withValue * 0.7),
        take: 1,
      });
      const orderBy = { field, direction };
      const first = await page({ orderBy });
      const deep = await page({ orderBy, after: cursor!.id });
      const cell = (m: { ms: number; statements: number }) => `${m.ms.toFixed(1).padStart(6)} ms (${m.statements})`.padEnd(17);
      console.log(`${`${field} ${direction}`.padEnd(23)}${cell(first)}${cell(deep)}`);
    }
  }
  await counted.$disconnect();
  await closeDeps(deps);
} finally {
  await db.drop();
}
