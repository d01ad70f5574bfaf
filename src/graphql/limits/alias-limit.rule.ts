import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * A validation rule refusing a document with more than `max` aliased fields (counted as
 * written, in operations and fragments alike): aliases are how one request asks for the same
 * expensive field many times over.
 */
export function aliasLimitRule(max: number): ValidationRule {
  return (context: ValidationContext) => {
    let aliases = 0;
    return {
      Field(field) {
        if (field.alias) aliases += 1;
      },
      Document: {
        leave(document) {
          if (aliases > max) {
            context.reportError(new GraphQLError(`The document has ${aliases} aliases, over the limit of ${max}.`, { nodes: [document] }));
          }
        },
      },
    };
  };
}
