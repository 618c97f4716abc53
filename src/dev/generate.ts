/**
 * Generates both Prisma clients (SQLite and PostgreSQL) and the Pothos types from the one schema.
 *
 * The Prisma CLI insists that a native schema engine exists before it generates, though generation
 * never runs it; on machines with no route to Prisma's binary host we point it at a stand-in
 * (see docs/operations.md, "Migrations without a native engine").
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresSchemaPath, schemaFor, sourceSchemaPath } from '../db/provider-schema.js';
import { repoRoot } from '../db/repo-root.js';

const standIn = join(tmpdir(), 'gatehouse-schema-engine-stand-in');
writeFileSync(standIn, '#!/bin/sh\necho "Gatehouse does not use the native schema engine" >&2\nexit 1\n');
chmodSync(standIn, 0o755);

function generate(schema: string): void {
  execFileSync(process.execPath, [join(repoRoot, 'node_modules/prisma/build/index.js'), 'generate', '--schema', schema], {
    cwd: repoRoot,
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: standIn, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

mkdirSync(join(repoRoot, 'src/generated'), { recursive: true });
generate(sourceSchemaPath);
writeFileSync(postgresSchemaPath, schemaFor('postgresql'));
generate(postgresSchemaPath);
console.log('generated the Prisma clients (sqlite, postgresql) and Pothos types in src/generated/');
