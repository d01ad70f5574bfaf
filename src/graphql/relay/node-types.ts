import type { NodeTypeDeclaration, RegistryModule } from '../../modules/registry-module';

/** The Node types the modules declare: what `node(id:)` can load, and which type a value is. */
export interface NodeTypes {
  byName(name: string): NodeTypeDeclaration | undefined;
  /** The GraphQL type name of a value returned as a Node (an instance of a declared entity). */
  typeNameOf(value: object): string | undefined;
}

export function nodeTypesOf(modules: readonly RegistryModule[]): NodeTypes {
  const declared = modules.flatMap((module) => module.nodeTypes ?? []);
  const byName = new Map(declared.map((type) => [type.name, type]));
  return {
    byName: (name) => byName.get(name),
    typeNameOf: (value) => declared.find((type) => value instanceof type.entity)?.name,
  };
}
