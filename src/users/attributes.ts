/**
 * The custom user attributes (USER_ATTRIBUTES_SCHEMA, src/config/user-attributes.ts): applying a
 * write, validating the result, and the one way they are stored as text.
 *
 * A write is a patch of top-level keys (null removes a key), checked key by key (known, and
 * writable by this editor) and then as a whole against the schema and the size bound, so a
 * client sees every problem at once, each as a VALIDATION_FAILED field `attributes.<key>`.
 *
 * Stored form: the top level compact with sorted keys (`{"city":7,"plate":"AB-1"}`), nested
 * values with a space after each colon. A top-level `"key":value` then occurs in the text only as
 * that key (inside strings every quote is escaped; nested keys are followed by `": `), which is
 * what lets the admin filter match a key by text on SQLite and PostgreSQL alike (user-search.ts).
 * `_` and `%` (LIKE's wildcards, which SQLite's LIKE cannot escape) are written `\u005f` and
 * `\u0025`, equal JSON that JSON.parse reads back as they were.
 */
import type { ValidateFunction } from 'ajv';
import { ATTRIBUTE_NAME, compileAttributesSchema, type AttributeEditor, type UserAttributesConfig } from '../config/user-attributes.js';
import { fieldError, type FieldError } from '../errors.js';

export type Attributes = Record<string, unknown>;

/** Bound on the attributes copied into an access token (JSON bytes): tokens travel in every request's headers. */
export const CLAIMS_MAX_BYTES = 1024;

const validators = new WeakMap<object, ValidateFunction>();

function validatorOf(config: UserAttributesConfig): ValidateFunction {
  let validate = validators.get(config.schema);
  if (!validate) {
    validate = compileAttributesSchema(config.schema);
    validators.set(config.schema, validate);
  }
  return validate;
}

/** The stored text as an object (null-prototype: its keys came from outside). */
export function readAttributes(stored: string): Attributes {
  const parsed: unknown = JSON.parse(stored || '{}');
  const out = Object.create(null) as Attributes;
  if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) for (const [key, value] of Object.entries(parsed)) out[key] = value;
  return out;
}

/** The canonical stored text (see the file comment). */
export function serializeAttributes(attributes: Attributes): string {
  const keys = Object.keys(attributes).sort();
  return `{${keys.map((key) => `${noWildcards(JSON.stringify(key))}:${serializeValue(attributes[key])}`).join(',')}}`;
}

/** Outside strings JSON has no `_` or `%`, so replacing them everywhere only re-escapes string characters. */
function noWildcards(json: string): string {
  return json.replace(/_/g, '\\u005f').replace(/%/g, '\\u0025');
}

/** A top-level value: scalars compact, objects and arrays with `": "` inside so nested keys never look top-level. */
export function serializeValue(value: unknown): string {
  return noWildcards(typeof value === 'object' && value !== null ? JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ') : JSON.stringify(value));
}

/**
 * Applies `patch` (from the API, the CLI or an import) to the stored attributes.
 * @returns the new stored text and every problem; `changed` tells whether anything differs.
 */
export function applyAttributes(
  config: UserAttributesConfig | null,
  stored: string,
  patch: unknown,
  editor: AttributeEditor,
): { text: string; changed: boolean; problems: FieldError[] } {
  const problems: FieldError[] = [];
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    problems.push(fieldError('attributes', 'invalid', 'attributesObject'));
    return { text: stored, changed: false, problems };
  }
  const next = readAttributes(stored);
  for (const key of Object.keys(patch)) {
    const value = (patch as Record<string, unknown>)[key];
    const known = config !== null && ATTRIBUTE_NAME.test(key) && Object.hasOwn(config.editors, key);
    if (!known) {
      problems.push(fieldError(`attributes.${key}`, 'unknown', 'unknownAttribute'));
      continue;
    }
    if (editor === 'self' && config.editors[key] === 'admin') {
      problems.push(fieldError(`attributes.${key}`, 'admin_only', 'adminOnlyAttribute'));
      continue;
    }
    if (value === null || value === undefined) delete next[key];
    else next[key] = value;
  }
  if (problems.length || config === null) return { text: stored, changed: false, problems };
  const validate = validatorOf(config);
  // ajv reads a plain object; the null-prototype copy has only the keys checked above.
  if (!validate({ ...next })) {
    for (const error of validate.errors ?? []) {
      const missing = error.keyword === 'required' ? (error.params as { missingProperty: string }).missingProperty : null;
      const key = missing ?? error.instancePath.split('/')[1] ?? '';
      const field = key ? `attributes.${key}` : 'attributes';
      problems.push(
        missing ? fieldError(field, 'required', 'attributeRequired') : fieldError(field, 'invalid', 'attributeInvalid', { rule: error.message ?? 'be valid' }),
      );
    }
  }
  const text = serializeAttributes(next);
  if (Buffer.byteLength(text, 'utf8') > config.maxBytes) problems.push(fieldError('attributes', 'too_long', 'attributesTooLarge', { max: config.maxBytes }));
  const claims = attributeClaims(config, text);
  if (claims && Buffer.byteLength(JSON.stringify(claims), 'utf8') > CLAIMS_MAX_BYTES)
    problems.push(fieldError('attributes', 'too_long', 'attributeClaimsTooLarge', { claims: config.claims.join(', '), max: CLAIMS_MAX_BYTES }));
  return { text, changed: text !== serializeAttributes(readAttributes(stored)), problems };
}

/**
 * The claims of `stored` that USER_ATTRIBUTES_SCHEMA marks `x-gatehouse-claim`, or null when there
 * are none. Bounded: the stored text is at most USER_ATTRIBUTES_MAX_BYTES, and only those keys go in.
 */
export function attributeClaims(config: UserAttributesConfig | null, stored: string): Attributes | null {
  if (!config?.claims.length) return null;
  const attributes = readAttributes(stored);
  const claims: Attributes = {};
  for (const key of config.claims) if (Object.hasOwn(attributes, key)) claims[key] = attributes[key];
  return Object.keys(claims).length ? claims : null;
}
