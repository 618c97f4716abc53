import { printSchema } from 'graphql';
import { schema } from './index.js';

/** The SDL committed as schema.graphql: sorted (schema/index.ts sorts it), so diffs are stable. */
export function printedSchema(): string {
  return `${printSchema(schema).trim()}\n`;
}
