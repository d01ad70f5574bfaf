import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';

/** The committed form of the schema: sorted, so that moving code around does not change it. */
export function printRegistrySchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
