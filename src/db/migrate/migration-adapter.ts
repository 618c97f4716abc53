/**
 * Driver adapters for the schema engine. SQLite's are the application's; PostgreSQL's shadow
 * database is made here because adapter-pg drops it while its own pool still holds a connection
 * ("is being accessed by other users").
 */
import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { parseIntoClientConfig } from 'pg-connection-string';
import { createAdapterFactory } from '../adapter.js';
import { providerOf } from '../../config/provider.js';

export function createMigrationAdapterFactory(databaseUrl: string): SqlMigrationAwareDriverAdapterFactory {
  const factory = createAdapterFactory(databaseUrl, { poolSize: 2 });
  if (providerOf(databaseUrl) === 'sqlite') return factory;
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => factory.connect(),
    connectToShadowDb: async () => {
      const admin = await factory.connect();
      const database = `gatehouse_shadow_${randomUUID().replace(/-/g, '')}`;
      await admin.executeScript(`CREATE DATABASE "${database}"`);
      const shadow = await new PrismaPg({ ...parseIntoClientConfig(databaseUrl), database, max: 2 }).connect();
      const dispose = shadow.dispose.bind(shadow);
      const adapter: SqlDriverAdapter = Object.assign(shadow, {
        dispose: async () => {
          await dispose();
          await admin.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
          await admin.dispose();
        },
      });
      return adapter;
    },
  };
}
