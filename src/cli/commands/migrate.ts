import { loadConfig } from '../../config/index.js';
import { applyPendingMigrations } from '../../db/migrate/migrations.js';
import type { Command } from '../command.js';

export const migrate: Command = {
  name: 'migrate',
  summary: 'Apply pending migrations to DATABASE_URL.',
  async run() {
    const { database } = loadConfig();
    const applied = await applyPendingMigrations(database.url);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : `${database.provider}: no pending migrations`);
    return 0;
  },
};
