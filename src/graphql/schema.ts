import type { GraphQLInterfaceType, GraphQLSchema } from 'graphql';
import { buildSchema, registerEnumType } from 'type-graphql';
import type { EnumDeclaration, RegistryModule } from '../modules/registry-module';
import { ERROR_CODE_ENUM } from './errors/user-error';
import { HANDLING_CODE_ENUM } from './handling-code';
import { nodeTypeName } from './relay/node';
import { NodeResolver } from './relay/node.resolver';

const NO_PUB_SUB = {
  publish(): never {
    throw new Error('no in-process pub/sub: subscriptions follow the change feed');
  },
  subscribe(): never {
    throw new Error('no in-process pub/sub: subscriptions follow the change feed');
  },
};

/** Enums of the API itself, beside those the modules declare. */
const CORE_ENUMS = [HANDLING_CODE_ENUM, ERROR_CODE_ENUM];

// type-graphql keeps enum registrations in its own process-wide metadata: register each once.
const registered = new WeakSet<object>();
function register({ type, ...options }: EnumDeclaration): void {
  if (registered.has(type)) return;
  registered.add(type);
  registerEnumType(type, options);
}

/** The API's schema: the node query and what every module declares (resolvers, enums), in the modules' order. */
export async function buildRegistrySchema(modules: readonly RegistryModule[]): Promise<GraphQLSchema> {
  for (const declaration of [...CORE_ENUMS, ...modules.flatMap((module) => module.enums ?? [])]) register(declaration);
  const resolvers = [NodeResolver, ...modules.flatMap((module) => module.resolvers ?? [])];
  const schema = await buildSchema({
    resolvers: resolvers as unknown as [Function, ...Function[]],
    // Input rules live in the services, which report them as userErrors with field paths;
    // class-validator would turn them into top-level errors instead.
    validate: false,
    // Every subscription brings its own event source (it follows the change feed): none is a
    // topic of type-graphql's pub/sub, which would hold events in one process's memory.
    pubSub: NO_PUB_SUB,
  });
  // type-graphql has no option for the root types' descriptions.
  schema.getQueryType()!.description = 'What the caller may read.';
  schema.getMutationType()!.description = 'Changes: each applies whole or not at all, and reports refusals in `userErrors`.';
  schema.getSubscriptionType()!.description = 'What the subscriber hears as it happens, over WebSocket (graphql-transport-ws) on /graphql.';
  // type-graphql wraps a resolveType in an async function; the compiled executor needs the
  // type's name at once, as graphql-js allows.
  (schema.getType('Node') as GraphQLInterfaceType).resolveType = nodeTypeName;
  return schema;
}
