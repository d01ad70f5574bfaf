import { getNamedType, isObjectType, type GraphQLObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { parseResolveInfo, simplifyParsedResolveInfoFragmentWithType, type ResolveTree } from 'graphql-parse-resolve-info';

/**
 * What a query selects below the field being resolved, read before resolving it, so that a
 * root field can plan one statement for what its answer will nest. Fragments, aliases, variables
 * and @skip/@include are resolved; arguments are coerced as the field resolvers will get them.
 */
export type Selection = ResolveTree;

/** The field being resolved, with everything selected under it. */
export function selectionOf(info: GraphQLResolveInfo): Selection | null {
  return (parseResolveInfo(info) as ResolveTree | null | undefined) ?? null;
}

function objectType(schema: GraphQLSchema, name: string): GraphQLObjectType {
  const type = schema.getType(name);
  if (!isObjectType(type)) throw new Error(`${name} is not an object type of the schema`);
  return type;
}

/** The fields selected under `selection` that apply to the object type `typeName` (its own and its interfaces'), one per alias. */
export function fieldsOn(selection: Selection, typeName: string, schema: GraphQLSchema): Selection[] {
  const { fields } = simplifyParsedResolveInfoFragmentWithType(selection, objectType(schema, typeName));
  return Object.values(fields as Record<string, Selection>);
}

/** The fields selected on the nodes of a Relay connection, under `nodes` and `edges { node }` alike. */
export function nodeFieldsOf(connection: Selection, connectionType: string, nodeType: string, schema: GraphQLSchema): Selection[] {
  const edgeType = getNamedType(objectType(schema, connectionType).getFields().edges.type).name;
  return fieldsOn(connection, connectionType, schema).flatMap((field) => {
    if (field.name === 'nodes') return fieldsOn(field, nodeType, schema);
    if (field.name !== 'edges') return [];
    return fieldsOn(field, edgeType, schema).filter((f) => f.name === 'node').flatMap((node) => fieldsOn(node, nodeType, schema));
  });
}
