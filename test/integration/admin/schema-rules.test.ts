import { isObjectType, type GraphQLField } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../../src/schema/index.js';

/** Every root field must state who may call it; a field without a rule would be open to anyone. */
describe('every root field carries an authScopes rule', () => {
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(isObjectType);

  it('finds the root fields', () => {
    expect(roots.flatMap((root) => Object.keys(root.getFields())).length).toBeGreaterThan(10);
  });

  for (const root of roots) {
    it(`${root.name}: no field lacks a rule`, () => {
      const missing = Object.values(root.getFields())
        .filter((field: GraphQLField<unknown, unknown>) => {
          const options = (field.extensions as { pothosOptions?: { authScopes?: unknown } }).pothosOptions;
          return options?.authScopes === undefined;
        })
        .map((field) => `${root.name}.${field.name}`);
      expect(missing).toEqual([]);
    });
  }
});
