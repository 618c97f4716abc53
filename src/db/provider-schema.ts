/**
 * The Prisma schema text for each provider. prisma/schema.prisma (SQLite) is the source of truth;
 * the PostgreSQL variant differs only in its provider and where its client is generated.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Provider } from '../config/provider.js';
import { repoRoot } from './repo-root.js';

export const sourceSchemaPath = join(repoRoot, 'prisma/schema.prisma');
export const postgresSchemaPath = join(repoRoot, 'src/generated/schema.postgresql.prisma');

/** The schema text for a provider; generators other than the client are dropped for PostgreSQL. */
export function schemaFor(provider: Provider): string {
  const source = readFileSync(sourceSchemaPath, 'utf8');
  if (provider === 'sqlite') return source;
  const swapped = source
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/output\s*=\s*"\.\.\/src\/generated\/sqlite"/, 'output   = "./postgresql"')
    .replace(/generator pothos \{[^}]*\}\n?/, '');
  if (!swapped.includes('"postgresql"') || !swapped.includes('"./postgresql"')) {
    throw new Error('prisma/schema.prisma: cannot derive the PostgreSQL schema (provider or output line changed?)');
  }
  return swapped;
}
