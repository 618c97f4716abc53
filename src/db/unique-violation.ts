/**
 * Recognising a unique-constraint violation and the column it hit, on both providers: SQLite names
 * the fields, PostgreSQL names the index (`User_email_key`). From Prisma's client it is a P2002
 * error carrying the adapter's; from a hand-written statement (driver.ts) the adapter's own
 * DriverAdapterError, whose cause has the same shape.
 */

interface ConstraintInfo {
  fields?: string[];
  index?: string;
}

/** The column of `model` whose unique constraint `error` violated, or null for any other error. */
export function uniqueViolationField(error: unknown, model: string): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const adapterCause = (error as { name?: unknown; cause?: { kind?: unknown; constraint?: ConstraintInfo; table?: unknown } }).cause;
  if ((error as { name?: unknown }).name === 'DriverAdapterError' && adapterCause?.kind === 'UniqueConstraintViolation') {
    if (typeof adapterCause.table === 'string' && adapterCause.table !== model) return null;
    return constraintField(adapterCause.constraint, model) ?? '';
  }
  if ((error as { code?: unknown }).code !== 'P2002') return null;
  const meta = (error as { meta?: { modelName?: string; target?: unknown; driverAdapterError?: { cause?: { constraint?: ConstraintInfo } } } }).meta;
  if (meta?.modelName && meta.modelName !== model) return null;
  const constraint = meta?.driverAdapterError?.cause?.constraint;
  const field = constraintField(constraint, model) ?? (typeof meta?.target === 'string' ? constraintField({ index: meta.target }, model) : null);
  if (field !== null) return field;
  return Array.isArray(meta?.target) && typeof meta.target[0] === 'string' ? meta.target[0] : '';
}

/** The column a constraint names: its first field, or the column in `<model>_<column>_key`; null when neither tells. */
function constraintField(constraint: ConstraintInfo | undefined, model: string): string | null {
  if (constraint?.fields?.length) return constraint.fields[0]!;
  const match = constraint?.index ? new RegExp(`^${model}_(\\w+)_key$`).exec(constraint.index) : null;
  return match ? match[1]! : null;
}
