import type { GraphiQLProps } from 'graphiql';
import { readToken } from '../shared/session-token';

/**
 * POSTs to /graphql with the console's token (this tab's sign-in), unless the Headers tab
 * names an Authorization header itself (a pasted token).
 */
export const registryFetcher: GraphiQLProps['fetcher'] = async (params, options) => {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
  };
  const token = readToken();
  if (token) headers.authorization = `Bearer ${token}`;
  for (const [name, value] of Object.entries(options?.headers ?? {})) headers[name.toLowerCase()] = String(value);
  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify(params) });
  return response.json();
};
