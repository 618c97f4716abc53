/**
 * Runs in every test file (vitest setupFiles): closes the apps createTestApp made and the server
 * processes startGatehouse started that the file did not close, so no file leaks a database, a
 * connection pool or a running server (orphaned when the worker exits) by forgetting an after-hook.
 */
import { afterAll } from 'vitest';
import { closeOpenGatehouses } from './gatehouse-process.js';
import { closeOpenTestApps } from './test-app.js';

afterAll(async () => {
  await closeOpenGatehouses();
  await closeOpenTestApps();
});
