/**
 * Generated documentation: the configuration table (from src/config/env-schema.ts and
 * env-docs.ts) and the error-code table (from src/errors.ts). `npm run docs` writes them into
 * docs/configuration.md and docs/errors.md between their `generated` markers; `npm run docs:check`
 * (CI) fails when a page is stale, as schema:check does for schema.graphql.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { envDocs } from '../config/env-docs.js';
import { envSchema } from '../config/env-schema.js';
import { ErrorCodes, errorDocs, type ErrorCode } from '../errors.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The schema's own default, written as the table shows it; undefined when it has none. */
export function schemaDefault(schema: z.ZodType): string | undefined {
  let def = schema._zod.def as { type: string; defaultValue?: unknown; in?: z.ZodType; innerType?: z.ZodType };
  for (;;) {
    if (def.type === 'default') {
      const value = def.defaultValue;
      if (Array.isArray(value)) return value.length ? `\`${value.join(',')}\`` : undefined;
      return `\`${String(value)}\``;
    }
    const inner = def.type === 'pipe' ? def.in : def.innerType;
    if (!inner) return undefined;
    def = inner._zod.def;
  }
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function configurationTable(): string {
  const lines = ['| variable | default | meaning |', '|---|---|---|'];
  for (const [name, schema] of Object.entries(envSchema.shape) as [keyof typeof envDocs, z.ZodType][]) {
    const doc = envDocs[name];
    const shown = doc.default ?? schemaDefault(schema) ?? 'unset';
    lines.push(`| \`${name}\` | ${cell(shown)} | ${doc.meaning} |`);
  }
  return lines.join('\n');
}

export function errorTable(): string {
  const lines = ['| code | default message | when |', '|---|---|---|'];
  for (const code of Object.keys(ErrorCodes) as ErrorCode[]) lines.push(`| \`${code}\` | ${cell(ErrorCodes[code])} | ${errorDocs[code]} |`);
  return lines.join('\n');
}

/** `page` with the text between `<!-- generated: NAME -->` and `<!-- end generated -->` replaced. */
export function withGenerated(page: string, name: string, body: string): string {
  const pattern = new RegExp(`(<!-- generated: ${name}[^>]*-->\\n)[\\s\\S]*?(<!-- end generated -->)`);
  if (!pattern.test(page)) throw new Error(`no "generated: ${name}" marker`);
  return page.replace(pattern, (_all, open: string, close: string) => `${open}${body}\n${close}`);
}

const pages = [
  { file: 'docs/configuration.md', name: 'configuration', body: configurationTable },
  { file: 'docs/errors.md', name: 'errors', body: errorTable },
];

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const { file, name, body } of pages) {
    const path = join(root, file);
    const current = readFileSync(path, 'utf8');
    const next = withGenerated(current, name, body());
    if (next === current) continue;
    if (check) {
      console.error(`${file} is stale: run npm run docs`);
      stale += 1;
    } else {
      writeFileSync(path, next);
      console.log(`${file} written`);
    }
  }
  process.exitCode = stale ? 1 : 0;
}
