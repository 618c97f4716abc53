/**
 * `npm run schema:print` writes schema.graphql from the Pothos schema;
 * `npm run schema:check` fails when the committed file is stale.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../db/repo-root.js';
import { printedSchema } from '../schema/print.js';

const path = join(repoRoot, 'schema.graphql');
const current = printedSchema();
if (process.argv.includes('--check')) {
  if (!existsSync(path) || readFileSync(path, 'utf8') !== current) {
    console.error('schema.graphql is stale: run npm run schema:print and commit the result');
    process.exit(1);
  }
  console.log('schema.graphql is current');
} else {
  writeFileSync(path, current);
  console.log('wrote schema.graphql');
}
