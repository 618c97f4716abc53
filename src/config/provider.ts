export type Provider = 'sqlite' | 'postgresql';

/**
 * Which database a `DATABASE_URL` names: `file:` is SQLite, `postgres://`/`postgresql://` is PostgreSQL.
 * @throws Error for any other scheme.
 */
export function providerOf(databaseUrl: string): Provider {
  if (databaseUrl.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return 'postgresql';
  throw new Error('DATABASE_URL must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL)');
}
