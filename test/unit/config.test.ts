import { availableParallelism, tmpdir } from 'node:os';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/index.js';
import { DEV_JWT_SECRET } from '../../src/config/env-schema.js';
import { exposureWarnings, isLoopbackHost } from '../../src/config/exposure.js';

/** A production-grade DATA_ENCRYPTION_KEY for loads that are not about it. */
const DATA_KEY = 'Hx7pQ2mZ9vL4cT8nW1bK6yR3sF5gJ0dA';

describe('configuration', () => {
  it('starts with nothing set in development, on the embedded SQLite default', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.database.provider).toBe('sqlite');
    expect(config.database.url).toBe('file:./data/gatehouse.db');
    expect(config.database.migrateOnStart).toBe(true);
    expect(config.passwords.argon2).toEqual({ memoryKib: 19456, iterations: 2, parallelism: 1, concurrency: availableParallelism(), maxQueue: 64 });
    expect(loadConfig({ PASSWORD_HASH_CONCURRENCY: '3' }).passwords.argon2.concurrency).toBe(3);
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
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: strong, DATA_ENCRYPTION_KEY: DATA_KEY })).not.toThrow();
  });

  it('refuses production without a strong DATA_ENCRYPTION_KEY of its own, in one line naming it', () => {
    const strong = 'q8H2vN5xLr0TzW7cKe3YbJ9uPd4SgF6m';
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: strong })).toThrow(
      /^invalid configuration: DATA_ENCRYPTION_KEY is required when NODE_ENV=production/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: strong, DATA_ENCRYPTION_KEY: 'short' })).toThrow(/DATA_ENCRYPTION_KEY is too weak/);
    expect(() =>
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: strong, DATA_ENCRYPTION_KEY: 'gatehouse-development-data-key-do-not-use-in-production' }),
    ).toThrow(/DATA_ENCRYPTION_KEY is too weak/);
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

describe('hardening configuration', () => {
  it('has safe defaults: no CORS origins, no trusted proxy, introspection only outside production', () => {
    const config = loadConfig({});
    expect(config.http).toEqual({ corsOrigins: [], trustProxy: { kind: 'none' }, loginUrl: null });
    expect(config.graphql).toMatchObject({ introspection: true, maxBodyBytes: 102_400, maxDepth: 10, batchLimit: 0 });
    expect(config.rateLimits.loginIp).toEqual({ points: 30, seconds: 900 });
    expect(config.rateLimits).toMatchObject({ loginAccount: { points: 100, seconds: 86_400 }, memoryKeys: 20_000, ipv6Prefix: 64 });
    expect(() => loadConfig({ RATE_LIMIT_MEMORY_KEYS: '10' })).toThrow(/RATE_LIMIT_MEMORY_KEYS/);
    expect(() => loadConfig({ RATE_LIMIT_IPV6_PREFIX: '129' })).toThrow(/RATE_LIMIT_IPV6_PREFIX/);
    const production = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'q8H2vN5xLr0TzW7cKe3YbJ9uPd4SgF6m', DATA_ENCRYPTION_KEY: DATA_KEY });
    expect(production.graphql.introspection).toBe(false);
  });

  it('reads rates as POINTS/DURATION', () => {
    expect(loadConfig({ RATE_LIMIT_REGISTER_IP: '5/30s' }).rateLimits.registerIp).toEqual({ points: 5, seconds: 30 });
    expect(loadConfig({ RATE_LIMIT_REGISTER_IP: '100/1d' }).rateLimits.registerIp).toEqual({ points: 100, seconds: 86_400 });
    expect(loadConfig({ RATE_LIMIT_REGISTER_IP: '7/120' }).rateLimits.registerIp).toEqual({ points: 7, seconds: 120 });
  });

  it.each([
    ['CORS_ORIGINS', '*'],
    ['CORS_ORIGINS', 'https://app.example.com/'],
    ['CORS_ORIGINS', 'app.example.com'],
    ['TRUST_PROXY', 'true'],
    ['RATE_LIMIT_LOGIN_IP', '10'],
    ['RATE_LIMIT_LOGIN_IP', '0/1h'],
    ['GRAPHQL_MAX_BODY_BYTES', '10'],
  ])('refuses %s=%s, naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^invalid configuration: ${name}`));
  });
});

describe('development defaults and the network (issue 10, item 7)', () => {
  const strong = 'q8H2vN5xLr0TzW7cKe3YbJ9uPd4SgF6m';

  it.each(['127.0.0.1', '127.3.2.1', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', 'localhost', 'LOCALHOST'])('treats HOST=%s as loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
    expect(() => loadConfig({ HOST: host })).not.toThrow();
  });

  // The hole: with NODE_ENV unset the server listened on any address with the development secret.
  it.each(['0.0.0.0', '::', '192.168.1.20', '::ffff:10.0.0.1', 'gatehouse.internal', '128.0.0.1'])(
    'refuses HOST=%s without a real JWT_SECRET, in one line',
    (host) => {
      expect(isLoopbackHost(host)).toBe(false);
      for (const env of [{ HOST: host }, { HOST: host, JWT_SECRET: DEV_JWT_SECRET }, { HOST: host, JWT_SECRET: 'short' }]) {
        let message = '';
        try {
          loadConfig(env);
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
          message = (error as Error).message;
        }
        expect(message).toMatch(
          new RegExp(`^invalid configuration: JWT_SECRET is (required|too weak) when HOST \\(${host.replace(/[.:]/g, '\\$&')}\\) is not a loopback address`),
        );
        expect(message.split('\n')).toHaveLength(1);
      }
      expect(() => loadConfig({ HOST: host, JWT_SECRET: strong })).not.toThrow();
    },
  );

  it('warns a non-loopback development server of GraphiQL and introspection, and says nothing on loopback or in production', () => {
    expect(exposureWarnings(loadConfig({}))).toEqual([]);
    const exposed = exposureWarnings(loadConfig({ HOST: '0.0.0.0', JWT_SECRET: strong }));
    expect(exposed.join('\n')).toMatch(/GraphiQL/);
    expect(exposed.join('\n')).toMatch(/introspection/);
    expect(exposureWarnings(loadConfig({ HOST: '0.0.0.0', JWT_SECRET: strong, GRAPHIQL: 'false', INTROSPECTION: 'false' })).join('\n')).not.toMatch(
      /GraphiQL|introspection/,
    );
    expect(exposureWarnings(loadConfig({ HOST: '0.0.0.0', JWT_SECRET: strong, NODE_ENV: 'production', DATA_ENCRYPTION_KEY: DATA_KEY }))).toEqual([]);
  });

  it('derives one key per use from JWT_SECRET, none of them the secret itself', () => {
    const keys = loadConfig({ JWT_SECRET: strong }).jwt.derivedKeys;
    const bytes = Object.values(keys).map((key) => key.export().toString('hex'));
    expect(Object.keys(keys).sort()).toEqual(['accessToken', 'auditIdentifier', 'codeDigest', 'passkeyDecoy', 'rateLimit', 'refreshSuccessor']);
    expect(new Set(bytes).size).toBe(bytes.length);
    expect(bytes).not.toContain(Buffer.from(strong).toString('hex'));
    for (const hex of bytes) expect(hex).toHaveLength(64);
    // Deterministic (every instance derives the same keys) and bound to the secret.
    expect(loadConfig({ JWT_SECRET: strong }).jwt.derivedKeys.accessToken.equals(keys.accessToken)).toBe(true);
    expect(loadConfig({ JWT_SECRET: `${strong}x` }).jwt.derivedKeys.accessToken.equals(keys.accessToken)).toBe(false);
  });
});

describe('password length bounds (issue 10, lower severity)', () => {
  it('refuses PASSWORD_MIN_LENGTH below 8 and PASSWORD_MAX_LENGTH below 64, each in one line naming it', () => {
    expect(() => loadConfig({ PASSWORD_MIN_LENGTH: '7' })).toThrow(/^invalid configuration: PASSWORD_MIN_LENGTH must be at least 8 .*\(got "7"\)$/);
    expect(() => loadConfig({ PASSWORD_MIN_LENGTH: '1' })).toThrow(/^invalid configuration: PASSWORD_MIN_LENGTH must be at least 8/);
    expect(() => loadConfig({ PASSWORD_MAX_LENGTH: '63' })).toThrow(/^invalid configuration: PASSWORD_MAX_LENGTH must be at least 64 .*\(got "63"\)$/);
    expect(loadConfig({ PASSWORD_MIN_LENGTH: '8', PASSWORD_MAX_LENGTH: '64' }).passwords.policy).toMatchObject({ minLength: 8, maxLength: 64 });
  });
});

describe('USER_ATTRIBUTES_SCHEMA is checked at start-up (#15 item 2)', () => {
  const write = (text: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'gatehouse-attrs-'));
    const file = join(dir, 'schema.json');
    writeFileSync(file, text);
    return file;
  };
  const prop = (extra: object) => JSON.stringify({ type: 'object', properties: { plate: { type: 'string', 'x-gatehouse-editable': 'self', ...extra } } });

  it.each([
    ['a missing file', join(tmpdir(), 'no-such-schema.json'), /USER_ATTRIBUTES_SCHEMA cannot be read/],
    ['not JSON', write('{ nope'), /USER_ATTRIBUTES_SCHEMA is not JSON/],
    ['not an object schema', write('{"type": "array"}'), /must be an object schema/],
    ['a property without an editor', write(prop({ 'x-gatehouse-editable': undefined })), /"x-gatehouse-editable" must be "self" or "admin"/],
    ['an unknown keyword (strict mode)', write(prop({ maxLenght: 3 })), /does not compile \(strict mode\).*maxLenght/],
    ['a prototype key', write('{"type":"object","properties":{"__proto__":{"x-gatehouse-editable":"self"}}}'), /property "__proto__"/],
  ])('refuses %s', (_name, file, message) => {
    expect(() => loadConfig({ USER_ATTRIBUTES_SCHEMA: file })).toThrow(ConfigError);
    expect(() => loadConfig({ USER_ATTRIBUTES_SCHEMA: file })).toThrow(message);
  });

  it('reads who edits each attribute and which go into tokens', () => {
    const file = write(prop({ 'x-gatehouse-claim': true }));
    expect(loadConfig({ USER_ATTRIBUTES_SCHEMA: file }).accounts.attributes).toMatchObject({ editors: { plate: 'self' }, claims: ['plate'], maxBytes: 4096 });
  });
});
