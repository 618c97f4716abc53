import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/index.js';

describe('configuration', () => {
  it('starts with nothing set in development, on the embedded SQLite default', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.database.provider).toBe('sqlite');
    expect(config.database.url).toBe('file:./data/gatehouse.db');
    expect(config.database.migrateOnStart).toBe(true);
    expect(config.passwords.argon2).toEqual({ memoryKib: 19456, iterations: 2, parallelism: 1 });
    expect(Object.isFrozen(config.database)).toBe(true);
  });

  it('picks PostgreSQL from the URL scheme and does not migrate it at start-up unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).database).toMatchObject({ provider: 'postgresql', migrateOnStart: false });
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@h/db', MIGRATE_ON_START: 'true' }).database.migrateOnStart).toBe(true);
  });

  it('refuses production without a JWT_SECRET, in one line naming it', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/^invalid configuration: JWT_SECRET is required/);
  });

  it('refuses a weak JWT_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/JWT_SECRET is too weak/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a'.repeat(64) })).toThrow(/JWT_SECRET is too weak/);
    const strong = 'q8H2vN5xLr0TzW7cKe3YbJ9uPd4SgF6m';
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: strong }).jwt.secret).toBe(strong);
  });

  it.each([
    ['PORT', 'eighty', /PORT/],
    ['PORT', '70000', /PORT/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL must start with file:/],
    ['MIGRATE_ON_START', 'maybe', /MIGRATE_ON_START/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL/],
  ])('names the variable when %s=%s is wrong', (name, value, pattern) => {
    let message = '';
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(pattern);
    expect(message.split('\n')).toHaveLength(1);
  });
});
