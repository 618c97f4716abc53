/**
 * Runs in every test file (vitest setupFiles): closes the apps createTestApp made and the file did
 * not close, so no file leaks a database or a connection pool by forgetting an after-hook.
 */
import { afterAll } from 'vitest';
import { closeOpenTestApps } from './test-app.js';

afterAll(closeOpenTestApps);
