import type { RequestTransaction } from '../db/request-transaction';
import type { RequestContext } from '../graphql/context';

/** A GraphQL enum a module contributes: registered when the schema is built, not on import. */
export interface EnumDeclaration {
  type: object;
  name: string;
  description: string;
  valuesConfig?: Record<string, { description?: string; deprecationReason?: string }>;
}

/** A type whose ids are global: `node(id:)` loads it, with the rights its own lookup applies. */
export interface NodeTypeDeclaration {
  name: string;
  /** The class of the values resolvers return for this type. */
  entity: Function;
  /** Needs its return type written out: it reads `context.loaders`, which is typed from the modules. */
  load(id: string, context: RequestContext): Promise<object | null>;
}

/**
 * What one business module contributes to the registry, declared once in its
 * `<noun>.module.ts`: the schema, the data source and the request context are built from the
 * list of these (src/modules/index.ts).
 */
export interface RegistryModule {
  /** Also the key of its loaders on the request context (`context.loaders.<name>`). */
  name: string;
  entities?: Function[];
  resolvers?: Function[];
  enums?: EnumDeclaration[];
  nodeTypes?: NodeTypeDeclaration[];
  /** The module's DataLoaders for one request (never shared across requests: they carry the caller's rights). */
  loaders?: (tx: RequestTransaction) => object;
}

/** Declares a module, keeping its exact shape (so `context.loaders` is typed from the list). */
export function defineModule<const M extends RegistryModule>(module: M): M {
  return module;
}

/** The loaders of every module that has some, keyed by module name. */
export type LoadersOf<Modules extends readonly RegistryModule[]> = {
  [M in Modules[number] as M extends { loaders: Function } ? M['name'] : never]: M extends { loaders: (tx: RequestTransaction) => infer L } ? L : never;
};
