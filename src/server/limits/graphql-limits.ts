/**
 * Limits on what one GraphQL document may ask for, checked before execution: depth, aliases,
 * directives and tokens (graphql-armor), cost counting list sizes (list-cost.ts), introspection
 * off unless enabled, and field suggestions ("Did you mean ...?") hidden whenever introspection
 * is, since they leak the schema.
 */
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../../config/index.js';
import { GatehouseError } from '../../errors.js';
import { listCostRule } from './list-cost.js';

export type QueryLimit = 'depth' | 'cost' | 'aliases' | 'directives' | 'tokens';

/** The plugins enforcing `config.graphql`; a document over a limit gets QUERY_TOO_COMPLEX naming it. */
export function graphqlLimitPlugins(config: Config['graphql']): Plugin[] {
  const plugins: Plugin[] = [
    EnvelopArmorPlugin({
      blockFieldSuggestion: { enabled: !config.introspection },
      maxDepth: { n: config.maxDepth, ignoreIntrospection: true, flattenFragments: true, onReject: [reject('depth')] },
      // Replaced by listCostRule below, which counts list sizes.
      costLimit: { enabled: false },
      maxAliases: { n: config.maxAliases, onReject: [reject('aliases')] },
      maxDirectives: { n: config.maxDirectives, onReject: [reject('directives')] },
      maxTokens: { n: config.maxTokens, onReject: [reject('tokens')] },
    }),
    {
      onValidate({ addValidationRule }) {
        addValidationRule(
          listCostRule(config.maxCost, (cost, maxCost) => {
            throw new GatehouseError('QUERY_TOO_COMPLEX', { message: `Query Cost limit of ${maxCost} exceeded, found ${cost}.`, details: { limit: 'cost' } });
          }),
        );
      },
    },
  ];
  if (!config.introspection) plugins.push(useDisableIntrospection());
  return plugins;
}

/**
 * graphql-armor calls its onReject handlers before throwing its own untyped "Syntax Error: ...";
 * throwing ours first replaces it with a coded error that still states the limit and the count.
 */
function reject(limit: QueryLimit) {
  return (_context: unknown, error: GraphQLError): never => {
    throw new GatehouseError('QUERY_TOO_COMPLEX', {
      message: error.message.replace(/^Syntax Error: /, ''),
      details: { limit },
    });
  };
}
