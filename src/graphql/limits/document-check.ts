import type { QueryLimits } from './query-limits';
import { countTokens } from './token-count';

/**
 * Checks a GraphQL document's size and token count before anything parses it. Returns the
 * reason to refuse it, naming the limit and the value, or null when it is within both.
 */
export function documentRefusal(document: string, limits: Pick<QueryLimits, 'maxDocumentBytes' | 'maxTokens'>): string | null {
  const bytes = Buffer.byteLength(document, 'utf8');
  if (bytes > limits.maxDocumentBytes) {
    return `The GraphQL document is ${bytes} bytes, over the limit of ${limits.maxDocumentBytes} bytes; send large inputs as variables.`;
  }
  const tokens = countTokens(document, limits.maxTokens);
  if (tokens !== null && tokens > limits.maxTokens) {
    return `The GraphQL document has more than ${limits.maxTokens} tokens, the limit; send large inputs as variables.`;
  }
  return null;
}
