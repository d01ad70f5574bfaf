/**
 * Supplier search: the terms of a query and the SQL that finds and ranks candidates with
 * pg_trgm over `supplier.search_text` (the fingerprints of name and aliases, see
 * supplier-name.ts), using the GIN trigram index `supplier_search_trgm_idx`.
 *
 * Who is a candidate (only plausible ones, as the public contract promises):
 *   - some distinctive token of the query (not a generic trade word, legal form or stop word)
 *     is similar to some distinctive word of one of the supplier's fingerprints: pg_trgm
 *     `similarity(token, word) >= TOKEN_THRESHOLD` (0.4: one letter missing, added or changed
 *     passes in words of six letters or more: "anvra"/"anvora" 0.44, "dalmar"/"delmar" 0.40,
 *     "kestral"/"kestrel" 0.45; in shorter words it mostly does not), or
 *   - a fingerprint of the query equals one of the supplier's exactly (so a name made only of
 *     generic words, "Marine Trading Ltd", is still found by its own name).
 * A supplier sharing only generic words or legal forms with the query is therefore never one.
 * The index finds the rows: `token <<% search_text` (strict word similarity at least the same
 * threshold, a superset of the word test above) and `search_text LIKE '%fingerprint%'`, inside
 * the SECURITY DEFINER function `supplier_search_lookup` (row-level security would keep these
 * operators, which are not LEAKPROOF, out of index conditions; see its migration). The exact
 * tests then run on those rows only.
 *
 * Score (0 to 1, six decimals), best fingerprint pair of query and supplier:
 *   main  = 1 for equal fingerprints, else
 *           0.7 * similarity(distinctive words of both) + 0.3 * similarity(whole fingerprints)
 *   score = 0.98 * main + 0.02 * similarity(query as written, supplier's name as recorded)
 * The last term only breaks ties between suppliers whose fingerprints are equal (the same firm
 * recorded as "… GmbH" and as "… Ltd": the one written closer to the query comes first, which
 * is usually the one with the query's legal form, though trigram similarity also favours the
 * shorter name). Candidates scoring below MIN_SCORE (a query with many words of which one
 * barely matches) are left out; on the labelled sample the weakest true match scored 0.54
 * and the weakest candidate of any kind 0.35. Sample result: 44/44 same-company queries rank
 * their supplier first, 0/16 different-company queries do.
 */
import { createHash } from 'node:crypto';
import type { SqlCondition } from '../../auth/visibility';
import { nameFingerprints, NON_DISTINCTIVE_WORDS, distinctiveTokens } from './supplier-name';

export const SEARCH_MAX_LENGTH = 500;
/** pg_trgm similarity a distinctive query token needs with a distinctive word of the supplier. */
export const TOKEN_THRESHOLD = 0.4;
/** Candidates scoring below this are left out. */
export const MIN_SCORE = 0.3;
export const WEIGHTS = { distinctive: 0.7, whole: 0.3, main: 0.98, written: 0.02 } as const;
/** At most this many distinctive query tokens drive the index lookup (the longest); all of them count in the score. */
const MAX_LOOKUP_TOKENS = 16;

/** What a search string is compared by. */
export interface SearchTerms {
  /** The query's fingerprints (two when it has umlauts: see supplier-name.ts); empty when nothing is left to compare. */
  fingerprints: string[];
  /** For each fingerprint, its distinctive tokens joined by spaces ('' when none). */
  distinctive: string[];
  /** Distinctive tokens of every fingerprint, for the lookup. */
  tokens: string[];
  /** The query as written, lower-case, dotted initials joined ("G.m.b.H." → "gmbh"): the tie-break. */
  written: string;
  /** Identifies the search in its cursors, so a cursor of one search is not used for another. */
  key: string;
}

/** The terms of a search string, or null when it is blank (no search: list newest first). */
export function searchTerms(search: string | null | undefined): SearchTerms | null {
  if (search === null || search === undefined || search.trim() === '') return null;
  const fingerprints = nameFingerprints(search);
  const distinctive = fingerprints.map((fingerprint) => distinctiveTokens(fingerprint).join(' '));
  const tokens = [...new Set(distinctive.flatMap((d) => d.split(' ')).filter(Boolean))]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .slice(0, MAX_LOOKUP_TOKENS);
  const written = search
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(?<![\p{L}\p{N}])(?:\p{L}\.){2,}(?:\p{L}(?![\p{L}\p{N}]))?/gu, (initials) => initials.replace(/\./g, ''))
    .replace(/\s+/g, ' ')
    .trim();
  const key = createHash('sha256').update(fingerprints.join('|')).digest('base64url').slice(0, 10);
  return { fingerprints, distinctive, tokens, written, key };
}

/** A word of a stored fingerprint that tells firms apart: mirrors `isDistinctive` in supplier-name.ts. */
const DISTINCTIVE_WORD = (word: string) =>
  `(length(${word}) >= 2 AND ${word} <> ALL(CAST(:nonDistinctive AS text[])) AND ${word} !~ '^[0-9]+$')`;

/** Parameters of the conditions and score below. */
export function searchParameters(terms: SearchTerms): Record<string, unknown> {
  return {
    qFingerprints: terms.fingerprints,
    qDistinctive: terms.distinctive,
    qTokens: terms.tokens,
    qPatterns: terms.fingerprints.map((fingerprint) => `%${fingerprint}%`),
    qWritten: terms.written,
    nonDistinctive: [...NON_DISTINCTIVE_WORDS],
    tokenThreshold: TOKEN_THRESHOLD,
  };
}

/**
 * Who is a candidate, on a supplier row under `alias`: the index-backed lookup (the SECURITY
 * DEFINER function `supplier_search_lookup`, which returns only ids the caller may read:
 * a token with strict word similarity of at least TOKEN_THRESHOLD, or a fingerprint contained
 * in the row's), refined by the exact tests.
 */
export function candidateCondition(terms: SearchTerms, alias: string): SqlCondition {
  const text = `${alias}.search_text`;
  if (terms.tokens.length === 0 && terms.fingerprints.length === 0) return { clause: 'false', params: {} };
  const lookup = `${alias}.id IN (SELECT supplier_search_lookup(CAST(:qTokens AS text[]), CAST(:qPatterns AS text[]), CAST(:tokenThreshold AS real)))`;
  const similarWord = `EXISTS (
      SELECT 1 FROM unnest(CAST(:qTokens AS text[])) AS query_token(token)
        CROSS JOIN unnest(regexp_split_to_array(${text}, '[ |]+')) AS supplier_word(word)
       WHERE ${DISTINCTIVE_WORD('supplier_word.word')} AND similarity(query_token.token, supplier_word.word) >= :tokenThreshold)`;
  const sameFingerprint = `string_to_array(${text}, ' | ') && CAST(:qFingerprints AS text[])`;
  return {
    clause: `(${lookup} AND (${sameFingerprint} OR ${similarWord}))`,
    params: searchParameters(terms),
  };
}

/** The score of a candidate row under `alias` (numeric, six decimals), as described above. */
export function scoreExpression(alias: string): string {
  const storedDistinctive = `array_to_string(ARRAY(
        SELECT word FROM unnest(string_to_array(stored.fingerprint, ' ')) AS word WHERE ${DISTINCTIVE_WORD('word')}), ' ')`;
  return `(SELECT round(CAST(
      ${WEIGHTS.main} * max(CASE WHEN stored.fingerprint = query.fingerprint THEN 1.0
        ELSE ${WEIGHTS.distinctive} * similarity(query.distinctive, ${storedDistinctive})
           + ${WEIGHTS.whole} * similarity(query.fingerprint, stored.fingerprint) END)
      + ${WEIGHTS.written} * similarity(:qWritten, ${alias}.name) AS numeric), 6)
    FROM unnest(string_to_array(${alias}.search_text, ' | ')) AS stored(fingerprint)
    CROSS JOIN unnest(CAST(:qFingerprints AS text[]), CAST(:qDistinctive AS text[])) AS query(fingerprint, distinctive))`;
}
