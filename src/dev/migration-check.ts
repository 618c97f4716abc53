/**
 * `npm run db:check`: fails when prisma/schema.prisma and the committed migrations disagree, for
 * SQLite always and for PostgreSQL when a server is configured (CI always configures one).
 */
import { pendingSchemaChange } from '../db/migrate/migrations.js';
import { postgresShadowUrl } from './postgres-shadow.js';

let failed = false;
async function check(provider: 'sqlite' | 'postgresql', shadowUrl: string): Promise<void> {
  const sql = await pendingSchemaChange(provider, shadowUrl);
  if (sql) {
    failed = true;
    console.error(`${provider}: prisma/schema.prisma has changes with no migration. Run: npm run db:migration:create -- NAME\n${sql}`);
  } else {
    console.log(`${provider}: migrations match the schema`);
  }
}

await check('sqlite', 'file::memory:');
const pgUrl = postgresShadowUrl();
if (pgUrl) await check('postgresql', pgUrl);
else if (process.env.CI) {
  console.error('postgresql: not checked; CI must set SHADOW_DATABASE_URL');
  failed = true;
} else console.warn('postgresql: not checked (set SHADOW_DATABASE_URL to a PostgreSQL server to check it too)');
process.exit(failed ? 1 : 0);
