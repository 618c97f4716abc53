import { loadConfig } from '../../config/index.js';
import { seedBuiltIns } from '../../auth/permissions/seed.js';
import { applyPendingMigrations } from '../../db/migrate/migrations.js';
import { openDatabase } from '../../db/client.js';
import type { Command } from '../command.js';

export const migrate: Command = {
  name: 'migrate',
  summary: 'Apply pending migrations to DATABASE_URL and seed the built-in permissions and Root group.',
  async run() {
    const { database } = loadConfig();
    const applied = await applyPendingMigrations(database.url);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : `${database.provider}: no pending migrations`);
    const prisma = await openDatabase(database);
    try {
      await seedBuiltIns(prisma);
    } finally {
      await prisma.$disconnect();
    }
    console.log('built-in permissions and the Root group are in place');
    return 0;
  },
};
