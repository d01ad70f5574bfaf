import type { GatewayExecutionResult, GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { getOperationAST, GraphQLError, printSchema, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/** An operation compiled, or why it could not be (an operation not in the document). */
type Compilation = CompiledQuery | ExecutionResult;

/**
 * Executes operations compiled once to JavaScript (graphql-jit) instead of interpreting the
 * document field by field (graphql-js): a page of 50 seizures with their items resolves tens of
 * thousands of fields, and the interpreter's work per field (argument values, paths, promise
 * checks) was most of a read's Node time. Apollo Server keeps parsing, validation, plugins and
 * error formatting; it hands execution to the executor of a gateway, the only place its API
 * takes one. A compiled operation is kept per parsed document, which Apollo caches, so both
 * live as long as the document does.
 */
export function compiledExecutionGateway(schema: GraphQLSchema): GatewayInterface {
  const compiledByDocument = new WeakMap<DocumentNode, Map<string, Compilation>>();

  const executor: GatewayExecutor = async (request) => {
    const { document, operationName } = request;
    let byOperation = compiledByDocument.get(document);
    if (!byOperation) compiledByDocument.set(document, byOperation = new Map());
    const key = operationName ?? '';
    let compiled = byOperation.get(key);
    if (!compiled) byOperation.set(key, compiled = compileQuery(schema, document, operationName ?? undefined) as Compilation);
    if (!isCompiledQuery(compiled)) return compiled as GatewayExecutionResult;
    // Variables are coerced by graphql-js first, so that a refusal reads exactly as it would
    // without compilation, and Apollo recognises it as the client's (BAD_USER_INPUT, HTTP 400).
    const variables = request.request.variables ?? {};
    const operation = request.operation ?? getOperationAST(document, operationName);
    const coerced = getVariableValues(schema, operation?.variableDefinitions ?? [], variables, { maxErrors: 50 });
    if (coerced.errors) return { errors: coerced.errors };
    const result = await compiled.query(undefined, request.context, variables);
    return (result.errors ? { ...result, errors: result.errors.map(asGraphQLJsError) } : result) as GatewayExecutionResult;
  };

  return {
    async load() { return { executor }; },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    async stop() { /* nothing held */ },
  };
}

/**
 * An error of a compiled operation as graphql-js would have made it: the compiler's own errors
 * leave `extensions` undefined when the cause has none, which Apollo's error formatting cannot
 * read. Path, locations and the cause (with its extensions) are kept.
 */
function asGraphQLJsError(error: NonNullable<ExecutionResult['errors']>[number]): GraphQLError {
  const shaped = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined, extensions: error.extensions });
  Object.defineProperty(shaped, 'locations', { value: error.locations, enumerable: error.locations !== undefined, writable: true });
  return shaped;
}
