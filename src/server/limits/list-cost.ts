/**
 * The query cost (GRAPHQL_MAX_COST), counting list sizes: a document costs the number of fields it
 * may resolve. A field counts once for every object it is resolved on, and a list of objects
 * multiplies what is selected inside it by its size: the literal `first` argument when the query
 * gives one, the field's maximum when `first` is a variable (its value is not known while
 * validating), else the typical size the field declares (src/schema/list-size.ts). A list field
 * that declares nothing counts as UNDECLARED_LIST_SIZE items.
 *
 * graphql-armor's cost limit multiplies only by a literal `first`, so nested lists without one
 * (groups, members, sessions) counted as single objects; it is replaced by this rule.
 */
import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type ASTVisitor,
  type GraphQLNamedType,
  type SelectionSetNode,
  type ValidationContext,
  type FieldNode,
  type GraphQLField,
} from 'graphql';
import { LIST_SIZE_EXTENSION, type ListSize } from '../../schema/list-size.js';

/** Items counted for a list of objects that declares no size. */
export const UNDECLARED_LIST_SIZE = 100;

/** Reports a document over `maxCost`; called once, with the cost found. */
export type OnTooCostly = (cost: number, maxCost: number) => never;

/** A validation rule refusing operations that cost more than `maxCost`. */
export function listCostRule(maxCost: number, onTooCostly: OnTooCostly) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const schema = context.getSchema();
      const root =
        operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
      if (!root) return;
      const cost = selectionCost(context, root, operation.selectionSet, 1, null, new Set());
      if (cost > maxCost) onTooCostly(cost, maxCost);
    },
  });
}

/** Cost of `selectionSet` resolved on `times` objects of `parentType`; `parentField` sizes page lists. */
function selectionCost(
  context: ValidationContext,
  parentType: GraphQLNamedType,
  selectionSet: SelectionSetNode,
  times: number,
  parentField: FieldNode | null,
  fragmentsOnPath: Set<string>,
): number {
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      cost += fieldCost(context, parentType, selection, times, parentField, fragmentsOnPath);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? (context.getSchema().getType(selection.typeCondition.name.value) ?? parentType) : parentType;
      cost += selectionCost(context, type, selection.selectionSet, times, parentField, fragmentsOnPath);
    } else {
      const name = selection.name.value;
      const fragment = context.getFragment(name);
      // A fragment cycle is another rule's error; counting stops at it.
      if (!fragment || fragmentsOnPath.has(name)) continue;
      const type = context.getSchema().getType(fragment.typeCondition.name.value) ?? parentType;
      cost += selectionCost(context, type, fragment.selectionSet, times, parentField, new Set([...fragmentsOnPath, name]));
    }
  }
  return cost;
}

function fieldCost(
  context: ValidationContext,
  parentType: GraphQLNamedType,
  node: FieldNode,
  times: number,
  parentField: FieldNode | null,
  fragmentsOnPath: Set<string>,
): number {
  const name = node.name.value;
  // Introspection is limited by depth and by being off in production; it is not counted.
  if (name === '__schema' || name === '__type') return 0;
  const field = isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[name] : undefined;
  if (!field || !node.selectionSet) return times;
  const items = isListType(getNullableType(field.type)) ? listItems(field, node, parentField) : 1;
  return times + selectionCost(context, getNamedType(field.type), node.selectionSet, times * items, node, fragmentsOnPath);
}

/** How many items a list field is counted as. */
function listItems(field: GraphQLField<unknown, unknown>, node: FieldNode, parentField: FieldNode | null): number {
  const size = field.extensions[LIST_SIZE_EXTENSION] as ListSize | undefined;
  if (!size) return UNDECLARED_LIST_SIZE;
  const sizingNode = size.fromParentArg ? parentField : node;
  const argument = sizingNode?.arguments?.find((arg) => arg.name.value === (size.fromParentArg ?? 'first'));
  if (!argument) return size.cost;
  if (argument.value.kind === Kind.INT) return Math.min(Math.max(Number(argument.value.value), 1), size.max);
  return size.max;
}
