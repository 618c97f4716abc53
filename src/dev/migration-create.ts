/**
 * `npm run db:migration:create -- NAME`: writes the next migration of each provider from the
 * difference between the committed migrations and prisma/schema.prisma.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lockfileContent, migrationsDir, pendingSchemaChange } from '../db/migrate/migrations.js';
import type { Provider } from '../config/provider.js';
import { postgresShadowUrl } from './postgres-shadow.js';

const name = (process.argv[2] ?? '').trim();
if (!/^[a-z0-9_]{1,60}$/.test(name)) {
  console.error('usage: npm run db:migration:create -- NAME   (NAME: lower-case letters, digits and _)');
  process.exit(2);
}
const pgUrl = postgresShadowUrl();
if (!pgUrl) {
  console.error('db:migration:create needs a PostgreSQL server for the shadow database: set SHADOW_DATABASE_URL');
  console.error('(for a throwaway one: export SHADOW_DATABASE_URL=$(bash .ci/postgres.sh start))');
  process.exit(2);
}

const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const targets: [Provider, string][] = [
  ['sqlite', 'file::memory:'],
  ['postgresql', pgUrl],
];
for (const [provider, shadowUrl] of targets) {
  const sql = await pendingSchemaChange(provider, shadowUrl);
  if (!sql) {
    console.log(`${provider}: schema and migrations agree; nothing to write`);
    continue;
  }
  const dir = join(migrationsDir(provider), `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'migration.sql'), sql);
  writeFileSync(join(migrationsDir(provider), 'migration_lock.toml'), lockfileContent(provider));
  console.log(`${provider}: wrote ${dir}/migration.sql`);
}
