/**
 * A real Gatehouse server process on its own fresh database, for clients that talk to it over a
 * port (Apollo Client, urql, a browser). `deps` opens the same database from the test process, to
 * seed users and look at what the server wrote.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../src/config/index.js';
import { closeDeps, createDeps } from '../../src/create-deps.js';
import type { Deps } from '../../src/deps.js';
import { startServerProcess, type ServerProcess } from './server-process.js';
import { TEST_ENV } from './test-app.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface GatehouseProcess {
  /** Base URL, e.g. http://127.0.0.1:PORT (GraphQL is at `${url}/graphql`). */
  url: string;
  server: ServerProcess;
  deps: Deps;
  config: Config;
  db: TestDatabase;
  close(): Promise<void>;
}

/** Servers started and not closed yet: teardown.ts closes them after each file, like createTestApp's apps. */
const open = new Set<GatehouseProcess>();

/** Closes every server a file started and did not close (a forgotten after-hook would leave it running past the suite). */
export async function closeOpenGatehouses(): Promise<void> {
  await Promise.all([...open].map((gatehouse) => gatehouse.close()));
}

/** Starts the server with the test defaults plus `env` (it logs at info: the helper reads its URL from the log). */
export async function startGatehouse(env: Record<string, string> = {}): Promise<GatehouseProcess> {
  const db = await createTestDatabase();
  const mailDir = mkdtempSync(join(tmpdir(), 'gatehouse-mail-'));
  // The database is migrated already; migrating it again from the server would contend for it.
  const fullEnv = { ...TEST_ENV, LOG_LEVEL: 'info', DATABASE_URL: db.url, MAIL_DIR: mailDir, MIGRATE_ON_START: 'false', ...env };
  const config = loadConfig(fullEnv);
  const deps = await createDeps(config);
  let server: ServerProcess;
  try {
    server = await startServerProcess(fullEnv);
  } catch (error) {
    await closeDeps(deps);
    await db.drop();
    throw error;
  }
  const gatehouse: GatehouseProcess = {
    url: server.url,
    server,
    deps,
    config,
    db,
    async close() {
      if (!open.delete(gatehouse)) return;
      await server.stop();
      await closeDeps(deps);
      await db.drop();
      rmSync(mailDir, { recursive: true, force: true });
    },
  };
  open.add(gatehouse);
  return gatehouse;
}
