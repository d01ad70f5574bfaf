import { Field, ID, InterfaceType } from 'type-graphql';

/** Every business object: an opaque global id that `node(id:)` resolves. */
@InterfaceType('Node', {
  description: 'An object with a global, opaque id.',
  // Each object type class implementing Node marks its values with `__typename` via its resolver.
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: 'Global, opaque identifier; resolve it with `node(id:)`.' })
  id: string;
}
