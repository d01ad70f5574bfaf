import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import { NUL_REFUSAL } from './nul-character';

/** A validation rule refusing a string literal with a NUL character (written `\u0000` in the query). */
export const nulLiteralRule: ValidationRule = (context: ValidationContext) => ({
  StringValue(node) {
    if (node.value.includes('\u0000')) context.reportError(new GraphQLError(`${NUL_REFUSAL}.`, { nodes: [node] }));
  },
});
