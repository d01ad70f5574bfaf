import { Field, ID, InterfaceType } from 'type-graphql';
import type { RequestContext } from '../context';

/** The name of the GraphQL type of a node's value (an entity of a module's node type). */
export const nodeTypeName = (value: object, context: RequestContext): string | undefined => context.nodes.typeNameOf(value);

/** Every business object: an opaque global id that `node(id:)` resolves. */
@InterfaceType('Node', { description: 'An object with a global, opaque id.', resolveType: nodeTypeName })
export abstract class Node {
  @Field(() => ID, { description: 'Global, opaque identifier; resolve it with `node(id:)`.' })
  id: string;
}
