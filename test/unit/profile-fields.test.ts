/**
 * The profile-field table (src/config/profile-fields.ts) is the one definition of the profile
 * fields: every row reaches the User type, the inputs of its editors, the REGISTRATION_REQUIRED_FIELDS
 * enum and the Django import mapping. Guards against a field added in one place and not the others.
 */
import { GraphQLNonNull, type GraphQLInputObjectType, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { PROFILE_FIELD_NAMES, PROFILE_FIELDS, REQUIRABLE_FIELDS } from '../../src/config/profile-fields.js';
import { DEFAULT_FIELDS } from '../../src/import/django/options.js';
import { schema } from '../../src/schema/index.js';
import { cleanProfile } from '../../src/users/profile-fields.js';

const objectType = (name: string) => schema.getType(name) as GraphQLObjectType;
const inputType = (name: string) => schema.getType(name) as GraphQLInputObjectType;

describe('the profile-field table', () => {
  it('gives every field to the User type, non-null exactly for those every account has', () => {
    const fields = objectType('User').getFields();
    for (const name of PROFILE_FIELD_NAMES) {
      expect(fields[name], name).toBeDefined();
      expect(fields[name]!.type instanceof GraphQLNonNull, name).toBe(PROFILE_FIELDS[name].registration === 'always');
    }
  });

  it('gives every field to the inputs of its editors; registration requires those every account has', () => {
    const editors = { self: ['RegisterInput', 'UpdateProfileInput'], admin: ['CreateUserInput', 'UpdateUserInput'] } as const;
    for (const name of PROFILE_FIELD_NAMES) {
      for (const [editor, inputs] of Object.entries(editors)) {
        for (const input of inputs)
          expect(name in inputType(input).getFields(), `${input}.${name}`).toBe(PROFILE_FIELDS[name].editableBy.includes(editor as 'self' | 'admin'));
      }
      const registerField = inputType('RegisterInput').getFields()[name]!;
      expect(registerField.type instanceof GraphQLNonNull, name).toBe(PROFILE_FIELDS[name].registration === 'always');
    }
  });

  it('lets REGISTRATION_REQUIRED_FIELDS name every requirable field, and no other', () => {
    expect(loadConfig({ REGISTRATION_REQUIRED_FIELDS: REQUIRABLE_FIELDS.join(',') }).accounts.registrationRequiredFields).toEqual(REQUIRABLE_FIELDS);
    expect(() => loadConfig({ REGISTRATION_REQUIRED_FIELDS: 'firstName' })).toThrow(/REGISTRATION_REQUIRED_FIELDS/);
  });

  it('maps every field from its Django column by default', () => {
    for (const name of PROFILE_FIELD_NAMES) expect(DEFAULT_FIELDS[name], name).toBe(PROFILE_FIELDS[name].djangoField);
  });

  it('bounds every field by its length', () => {
    const input = Object.fromEntries(PROFILE_FIELD_NAMES.map((name) => [name, 'x'.repeat(PROFILE_FIELDS[name].maxLength + 1)]));
    const { problems } = cleanProfile(input, [], false);
    expect(problems.filter((p) => p.code === 'too_long').map((p) => p.field)).toEqual(PROFILE_FIELD_NAMES);
  });
});
