/**
 * USER_ATTRIBUTES_SCHEMA: the JSON Schema of the custom data apps keep on a user (a licence plate,
 * a push token, a city id). Read and checked once at start-up, so a bad file stops the server
 * instead of refusing every write later.
 *
 * The file is a JSON Schema (draft 2020-12 keywords, as ajv 8 knows them) of an object whose
 * `properties` name the attributes. Each property says who may write it with the custom keyword
 * `x-gatehouse-editable`: `"self"` (the user, at `register` and in `updateProfile`; staff too) or
 * `"admin"` (staff only, through the admin API, the CLI and the Django import). `x-gatehouse-claim:
 * true` copies the attribute into access tokens (in the `attrs` claim).
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';

// ajv-formats is CommonJS: under NodeNext its default export arrives as the module object.
const addFormats = formats.default;

export type AttributeEditor = 'self' | 'admin';

export interface UserAttributesConfig {
  /** The schema as read (frozen with the rest of the configuration). */
  schema: Record<string, unknown>;
  /** Attribute name -> who may write it. */
  editors: Record<string, AttributeEditor>;
  /** Attributes copied into access tokens, in the schema's order. */
  claims: string[];
  /** Bound on the stored JSON text, in bytes. */
  maxBytes: number;
}

export const EDITABLE_KEYWORD = 'x-gatehouse-editable';
export const CLAIM_KEYWORD = 'x-gatehouse-claim';

/** Identifiers only: no `__proto__`, `constructor`, dots or quotes in a key that reaches objects, claims and queries. */
export const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const RESERVED_NAMES = new Set(['constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty']);

/**
 * An ajv validator of `schema`, strict (unknown keywords, ignored `type`s and the like are
 * errors), with the formats of ajv-formats and Gatehouse's two keywords declared.
 * @throws Error from ajv when the schema does not compile.
 */
export function compileAttributesSchema(schema: Record<string, unknown>): ValidateFunction {
  const ajv = new Ajv({ strict: true, allErrors: true });
  addFormats(ajv);
  ajv.addKeyword({ keyword: EDITABLE_KEYWORD, schemaType: 'string' });
  ajv.addKeyword({ keyword: CLAIM_KEYWORD, schemaType: 'boolean' });
  return ajv.compile(schema);
}

/**
 * Reads, parses and checks the file.
 * @throws Error with a one-line reason (the caller names the variable).
 */
export function loadUserAttributesSchema(file: string, maxBytes: number): UserAttributesConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}: ${file})`, { cause: error });
  }
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch (error) {
    throw new Error(`is not JSON (${(error as Error).message})`, { cause: error });
  }
  if (!isObject(schema) || schema.type !== 'object' || !isObject(schema.properties))
    throw new Error('must be an object schema: {"type": "object", "properties": {...}}');
  const editors: Record<string, AttributeEditor> = {};
  const claims: string[] = [];
  for (const [name, property] of Object.entries(schema.properties)) {
    if (!ATTRIBUTE_NAME.test(name) || RESERVED_NAMES.has(name))
      throw new Error(`property ${JSON.stringify(name)}: a name is a letter then letters, digits or _ (at most 64)`);
    if (!isObject(property)) throw new Error(`property ${name}: must be a schema object`);
    const editor = property[EDITABLE_KEYWORD];
    if (editor !== 'self' && editor !== 'admin') throw new Error(`property ${name}: "${EDITABLE_KEYWORD}" must be "self" or "admin"`);
    editors[name] = editor;
    if (property[CLAIM_KEYWORD] === true) claims.push(name);
  }
  try {
    compileAttributesSchema(schema);
  } catch (error) {
    throw new Error(`does not compile (strict mode): ${(error as Error).message}`, { cause: error });
  }
  return { schema, editors, claims, maxBytes };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
