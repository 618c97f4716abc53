/**
 * createTestApp(overrides): the real application (schema, yoga, context) on its own migrated
 * database and config, driven through `app.fetch`, the same pipeline HTTP requests take. Each app
 * is closed (database dropped, connections released) after its test file by test/helpers/teardown.ts,
 * so files need no after-hooks of their own; close() may still be called early, and more than once.
 */
import { loadConfig, type Config } from '../../src/config/index.js';
import type { Clock } from '../../src/clock.js';
import { createApp, type App } from '../../src/server/app.js';
import { closeDeps, createDeps } from '../../src/create-deps.js';
import type { Deps } from '../../src/deps.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { createGraphQLClient, type GraphQLClient } from './graphql.js';
import type { SmtpCatcher } from './smtp.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A clock tests can move. */
export class TestClock implements Clock {
  constructor(private current = new Date()) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(date: Date): void {
    this.current = new Date(date);
  }
}

export interface TestApp extends GraphQLClient {
  app: App;
  deps: Deps;
  config: Config;
  db: TestDatabase;
  clock: TestClock | undefined;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Environment variables on top of the test defaults. */
  env?: Record<string, string>;
  /** Use a movable clock instead of the system clock. */
  clock?: TestClock;
  /** Send email to this SMTP catcher; otherwise .eml files go to a temporary MAIL_DIR. */
  smtp?: SmtpCatcher;
  /** Log here instead of a logger at the config's LOG_LEVEL on stdout. */
  logger?: Logger;
}

/** Test defaults: quiet logs, and argon2 cheap through config (the real hashing path still runs). */
export const TEST_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
  PASSWORD_HASH_MEMORY_KIB: '1024',
  PASSWORD_HASH_ITERATIONS: '1',
};

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const mailDir = mkdtempSync(join(tmpdir(), 'gatehouse-mail-'));
  const config = loadConfig({ ...TEST_ENV, DATABASE_URL: db.url, MIGRATE_ON_START: 'false', MAIL_DIR: mailDir, ...options.smtp?.env, ...options.env });
  const deps = await createDeps(config, { clock: options.clock, logger: options.logger ?? createLogger(config.logLevel) });
  const app = createApp(deps);
  let closing: Promise<void> | undefined;
  const testApp: TestApp = {
    app,
    deps,
    config,
    db,
    clock: options.clock,
    ...createGraphQLClient(app),
    close() {
      open.delete(testApp);
      return (closing ??= (async () => {
        await closeDeps(deps);
        await db.drop();
        rmSync(mailDir, { recursive: true, force: true });
      })());
    },
  };
  open.add(testApp);
  return testApp;
}

/** Apps not closed yet; test/helpers/teardown.ts closes them after each test file. */
const open = new Set<TestApp>();

/** Closes every app this file created and has not closed (idempotent, like close()). */
export async function closeOpenTestApps(): Promise<void> {
  await Promise.all([...open].map((app) => app.close()));
}
