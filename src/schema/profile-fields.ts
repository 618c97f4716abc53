/**
 * The GraphQL side of the profile-field table (src/config/profile-fields.ts) for inputs: the
 * profile fields an input takes, from one loop, so a new row in the table is a new input field
 * wherever its editors may set it. The User type loops over the same table (src/schema/user.ts).
 */
import type { InputFieldRef } from '@pothos/core';
import { PROFILE_FIELD_NAMES, PROFILE_FIELDS, type AlwaysRequiredField, type EditableField, type ProfileFieldEditor } from '../config/profile-fields.js';
import type { builder } from './builder.js';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type InputFields = PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>;

/** The input fields for `E`; with `AlwaysRequired`, those every account has are required. */
export type ProfileInputFields<E extends ProfileFieldEditor, AlwaysRequired extends boolean> = {
  [K in EditableField<E>]: InputFieldRef<
    Types,
    AlwaysRequired extends true ? (K extends AlwaysRequiredField ? string : string | null | undefined) : string | null | undefined
  >;
};

/**
 * The profile fields an input takes, for the editor it serves: all optional, except that
 * `alwaysRequired` makes required the fields every account has (registration).
 */
export function profileInputFields<E extends ProfileFieldEditor, AlwaysRequired extends boolean = false>(
  t: InputFields,
  editor: E,
  alwaysRequired?: AlwaysRequired,
): ProfileInputFields<E, AlwaysRequired> {
  const fields: Record<string, InputFieldRef<Types, string | null | undefined>> = {};
  for (const name of PROFILE_FIELD_NAMES) {
    const field = PROFILE_FIELDS[name];
    if (!(field.editableBy as readonly ProfileFieldEditor[]).includes(editor)) continue;
    fields[name] = alwaysRequired && field.registration === 'always' ? t.string({ required: true }) : t.string({ required: false });
  }
  return fields as ProfileInputFields<E, AlwaysRequired>;
}
