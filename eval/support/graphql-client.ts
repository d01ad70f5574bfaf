// GraphQL over HTTP, as a partner system talks to the registry: POST /graphql with a bearer token.
import { EvalFailure } from './failure';

export interface GraphQLErrorEntry {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

export interface UserError {
  code: string;
  message: string;
  field?: string[] | null;
}

/** The request was answered with GraphQL errors (or not with GraphQL at all). */
export class GraphQLRequestError extends EvalFailure {
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly errors: GraphQLErrorEntry[],
  ) {
    const detail = errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; ');
    super(`${operation} failed (HTTP ${status}): ${detail}`);
  }

  get codes(): string[] {
    return this.errors.map((e) => String(e.extensions?.code ?? ''));
  }
}

export class GraphQLClient {
  readonly endpoint: string;

  constructor(baseUrl: string) {
    this.endpoint = `${baseUrl}/graphql`;
  }

  /** Runs one operation; returns `data`, or throws a GraphQLRequestError naming the operation. */
  async request<T>(token: string, operation: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables, operationName: operation }),
    });
    const text = await response.text();
    let body: { data?: T | null; errors?: GraphQLErrorEntry[] };
    try {
      body = JSON.parse(text);
    } catch {
      throw new GraphQLRequestError(operation, response.status, [{ message: `answer is not JSON: ${text.slice(0, 200)}` }]);
    }
    if (body.errors?.length) throw new GraphQLRequestError(operation, response.status, body.errors);
    if (!body.data) throw new GraphQLRequestError(operation, response.status, [{ message: 'answer has no data' }]);
    return body.data;
  }
}

/** Throws when a mutation payload reports user errors (for steps that must simply succeed). */
export function expectNoUserErrors(operation: string, userErrors: UserError[]): void {
  if (userErrors.length === 0) return;
  const detail = userErrors.map((e) => `${e.code} at ${(e.field ?? []).join('.') || '(no field)'}: ${e.message}`).join('; ');
  throw new EvalFailure(`${operation} was refused: ${detail}`);
}
