/**
 * Stands in for `graphql` from react-relay, which these documents do not need at run time:
 * relay-compiler reads the tagged templates from the source text (test/integration/relay-compiler.test.ts).
 */
export const graphql = (strings: TemplateStringsArray): string => strings.join('');
