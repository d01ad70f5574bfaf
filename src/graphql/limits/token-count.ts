import { Lexer, Source, TokenKind } from 'graphql';

/**
 * Counts the lexical tokens of a GraphQL document (comments are not tokens), stopping as soon
 * as the count passes `max`: a document over the limit is never lexed to its end. Returns
 * `max + 1` for such a document, and null when the text is not valid GraphQL (the parser then
 * reports where it is wrong).
 */
export function countTokens(text: string, max: number): number | null {
  const lexer = new Lexer(new Source(text));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      count += 1;
      if (count > max) return count;
    }
  } catch {
    return null;
  }
  return count;
}
