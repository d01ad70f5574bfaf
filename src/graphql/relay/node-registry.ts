import type { RequestContext } from '../context';
import type { NodeTypeName } from './global-id';

interface NodeType {
  name: NodeTypeName;
  /** The class of the values resolvers return for this type (entities). */
  entity: Function;
  /** Loads a record by database id for `node(id:)`, applying the same rights as the type's own lookup. */
  load(id: string, context: RequestContext): Promise<object | null>;
}

const types = new Map<NodeTypeName, NodeType>();

/** Each module registers its Node types, so `node(id:)` and the Node interface know them. */
export function registerNodeType(type: NodeType): void {
  types.set(type.name, type);
}

export function nodeType(name: NodeTypeName): NodeType | undefined {
  return types.get(name);
}

/** The GraphQL type name of a value returned as a Node. */
export function typeNameOf(value: object): NodeTypeName | undefined {
  for (const type of types.values()) if (value instanceof type.entity) return type.name;
  return undefined;
}
