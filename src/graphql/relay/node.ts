import { Field, ID, InterfaceType } from 'type-graphql';
import type { RequestContext } from '../context';

/** Every business object: an opaque global id that `node(id:)` resolves. */
@InterfaceType('Node', {
  description: 'An object with a global, opaque id.',
  resolveType: (value: object, context: RequestContext) => context.nodes.typeNameOf(value),
})
export abstract class Node {
  @Field(() => ID, { description: 'Global, opaque identifier; resolve it with `node(id:)`.' })
  id: string;
}
