// The request limits as pure functions: token counting, size, depth and alias rules.
import { buildSchema, getIntrospectionQuery, parse, validate } from 'graphql';
import { aliasLimitRule } from '../../src/graphql/limits/alias-limit.rule';
import { depthLimitRule } from '../../src/graphql/limits/depth-limit.rule';
import { documentRefusal } from '../../src/graphql/limits/document-check';
import { DEFAULT_QUERY_LIMITS } from '../../src/graphql/limits/query-limits';
import { countTokens } from '../../src/graphql/limits/token-count';

const schema = buildSchema(`
  type Node { id: ID! name: String child: Node children: [Node!]! }
  type Query { root: Node }
`);

/** `{ root { child { child ... { id } } } }` with `fields` fields on the deepest path. */
function nested(fields: number): string {
  let selection = 'id';
  for (let i = 1; i < fields - 1; i += 1) selection = `child { ${selection} }`;
  return `{ root { ${selection} } }`;
}

const errorsOf = (query: string, rules: ReturnType<typeof depthLimitRule>[]) => validate(schema, parse(query), rules).map((e) => e.message);

describe('countTokens', () => {
  it('counts punctuators, names and values, not comments', () => {
    expect(countTokens('{ root { id } }', 100)).toBe(6);
    expect(countTokens('# a comment\n{ root(x: "s") { id } }', 100)).toBe(11);
  });

  it('stops once past the limit, without lexing the rest of the document', () => {
    // Past token 5,001 the text is not even valid GraphQL: it is never reached.
    const text = `{ ${'a '.repeat(20_000)} "unterminated`;
    expect(countTokens(text, 5000)).toBe(5001);
  });

  it('leaves a document that does not lex to the parser', () => {
    expect(countTokens('{ root { id } } "unterminated', 100)).toBeNull();
  });
});

describe('documentRefusal (before parsing)', () => {
  it('lets an ordinary document through', () => {
    expect(documentRefusal(nested(10), DEFAULT_QUERY_LIMITS)).toBeNull();
  });

  it('refuses a document over 100 KB, naming its size and the limit', () => {
    const text = `{ root { id } } # ${'x'.repeat(100 * 1024)}`;
    expect(documentRefusal(text, DEFAULT_QUERY_LIMITS)).toMatch(/is 102\d{3} bytes, over the limit of 102400 bytes/);
  });

  it('counts bytes, not characters', () => {
    const text = `{ root { id } } # ${'é'.repeat(30_000)}`; // 60,000 bytes of 30,000 characters
    expect(documentRefusal(text, { maxDocumentBytes: 50_000, maxTokens: 5000 })).toMatch(/60\d{3} bytes, over the limit of 50000/);
  });

  it('refuses a document of more than 5,000 tokens, naming the limit', () => {
    const text = `{ root { ${'id '.repeat(5000)} } }`;
    expect(Buffer.byteLength(text)).toBeLessThan(100 * 1024);
    expect(documentRefusal(text, DEFAULT_QUERY_LIMITS)).toMatch(/more than 5000 tokens/);
  });
});

describe('depthLimitRule', () => {
  const rules = [depthLimitRule(12)];

  it('lets a document 12 deep through and refuses one 13 deep, naming the depth and the limit', () => {
    expect(errorsOf(nested(12), rules)).toEqual([]);
    expect(errorsOf(nested(13), rules)).toEqual(['The operation nests fields 13 deep, over the limit of 12.']);
  });

  it('expands fragments and inline fragments', () => {
    const viaFragments = `query Deep { root { ...A } }
      fragment A on Node { child { ... on Node { child { ...B } } } }
      fragment B on Node { child { child { child { child { child { child { child { child { child { id } } } } } } } } } }`;
    expect(errorsOf(viaFragments, rules)).toEqual(['The operation Deep nests fields 13 deep, over the limit of 12.']);
  });

  it('measures a fragment once, however often it is spread', () => {
    // 30 fragments each spreading the next twice: 2^30 paths if expanded naively.
    const fragments = Array.from({ length: 30 }, (_, i) => `fragment F${i} on Node { child { ...F${i + 1} } children { ...F${i + 1} } }`);
    const text = `{ root { ...F0 } } ${fragments.join(' ')} fragment F30 on Node { id }`;
    expect(errorsOf(text, rules)).toEqual(['The operation nests fields 32 deep, over the limit of 12.']);
  });

  it('does not count introspection, which tools send nested deeper than 12', () => {
    expect(errorsOf(getIntrospectionQuery(), rules)).toEqual([]);
  });
});

describe('aliasLimitRule', () => {
  const aliases = (n: number) => `{ root { ${Array.from({ length: n }, (_, i) => `a${i}: name`).join(' ')} } }`;

  it('lets 30 aliases through and refuses 31, naming the count and the limit', () => {
    expect(errorsOf(aliases(30), [aliasLimitRule(30)])).toEqual([]);
    expect(errorsOf(aliases(31), [aliasLimitRule(30)])).toEqual(['The document has 31 aliases, over the limit of 30.']);
  });

  it('counts aliases written in fragments too', () => {
    const text = `{ root { ...F } } fragment F on Node { ${Array.from({ length: 31 }, (_, i) => `a${i}: id`).join(' ')} }`;
    expect(errorsOf(text, [aliasLimitRule(30)])).toHaveLength(1);
  });
});
