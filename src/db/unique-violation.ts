/**
 * Recognising a unique-constraint violation (Prisma's P2002) and the column it hit, on both
 * providers: SQLite names the fields, PostgreSQL names the index (`User_email_key`).
 */

interface ConstraintInfo {
  fields?: string[];
  index?: string;
}

/** The column of `model` whose unique constraint `error` violated, or null for any other error. */
export function uniqueViolationField(error: unknown, model: string): string | null {
  if (typeof error !== 'object' || error === null || (error as { code?: unknown }).code !== 'P2002') return null;
  const meta = (error as { meta?: { modelName?: string; target?: unknown; driverAdapterError?: { cause?: { constraint?: ConstraintInfo } } } }).meta;
  if (meta?.modelName && meta.modelName !== model) return null;
  const constraint = meta?.driverAdapterError?.cause?.constraint;
  if (constraint?.fields?.length) return constraint.fields[0]!;
  const index = constraint?.index ?? (typeof meta?.target === 'string' ? meta.target : undefined);
  const match = index ? new RegExp(`^${model}_(\\w+)_key$`).exec(index) : null;
  if (match) return match[1]!;
  return Array.isArray(meta?.target) && typeof meta.target[0] === 'string' ? meta.target[0] : '';
}
