/**
 * The list-counting query cost on the real schema: what each shape of query is counted as.
 */
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';
import { listCostRule } from '../../src/server/limits/list-cost.js';

/** The cost the rule finds for `document` (validated with a limit of -1, so it always reports). */
function costOf(document: string): number {
  let found = -1;
  const report = (cost: number): never => {
    found = cost;
    throw new Error('too costly');
  };
  try {
    validate(schema, parse(document), [listCostRule(-1, report)]);
  } catch (error) {
    if ((error as Error).message !== 'too costly') throw error;
  }
  return found;
}

describe('list cost', () => {
  it('counts each field once per object it is resolved on', () => {
    expect(costOf('{ me { id email } }')).toBe(3);
    expect(costOf('{ a: __typename b: __typename }')).toBe(2);
  });

  it('multiplies a list by its literal first, its maximum for a variable, its typical size otherwise', () => {
    expect(costOf('{ mySessions(first: 3) { id current } }')).toBe(1 + 3 * 2);
    expect(costOf('query($n: Int) { mySessions(first: $n) { id } }')).toBe(1 + 100);
    expect(costOf('{ mySessions { id } }')).toBe(1 + 20);
    // A literal over the maximum counts as the maximum (the resolver refuses it anyway).
    expect(costOf('{ mySessions(first: 5000) { id } }')).toBe(1 + 100);
  });

  it('sizes a page by its first, and multiplies nested lists', () => {
    expect(costOf('{ users(first: 10) { nodes { id groups(first: 2) { name } } totalCount } }')).toBe(1 + 1 + 10 * (1 + 1 + 2) + 1);
    expect(costOf('{ users { nodes { id } } }')).toBe(1 + 1 + 50);
  });

  it('counts fragments where they are spread, and not introspection', () => {
    expect(costOf('query { me { ...F } } fragment F on User { id groups(first: 2) { name } }')).toBe(1 + 1 + 1 + 2);
    expect(costOf('{ me { ... on User { id } } }')).toBe(2);
    expect(costOf('{ __schema { types { name fields { name } } } }')).toBe(0);
  });
});
