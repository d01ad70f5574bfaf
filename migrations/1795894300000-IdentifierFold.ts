import { MigrationInterface, QueryRunner } from 'typeorm';

// The comparison of two characters in item_match_judge, before and after.
const BY_TRANSLATE = `translate(a, 'OILSBZ', '011582') = translate(b, 'OILSBZ', '011582')`;
const BY_FOLD = `identifier_fold(a) = identifier_fold(b)`;

/**
 * Confusable characters are folded in SQL by one function, `identifier_fold`, the counterpart of
 * `foldConfusables` in src/modules/matching/confusables.ts (a test compares the two on every
 * character), and item_match_judge compares characters through it instead of its own translate().
 * The folding itself is unchanged: O/0, I/1/L, S/5, B/8, Z/2.
 */
export class IdentifierFold1795894300000 implements MigrationInterface {
  name = 'IdentifierFold1795894300000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION identifier_fold(key text) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT translate(key, 'OILSBZ', '011582') $$`);
    await replaceInJudge(q, BY_TRANSLATE, BY_FOLD);
  }

  public async down(q: QueryRunner): Promise<void> {
    await replaceInJudge(q, BY_FOLD, BY_TRANSLATE);
    await q.query(`DROP FUNCTION identifier_fold(text)`);
  }
}

/** Re-creates item_match_judge with one expression of its body replaced (it must occur exactly once). */
async function replaceInJudge(q: QueryRunner, from: string, to: string): Promise<void> {
  const [{ definition }] = await q.query(
    `SELECT pg_get_functiondef('item_match_judge(identifier_field, text, text, text, text, text, text)'::regprocedure) AS definition`);
  const parts = (definition as string).split(from);
  if (parts.length !== 2) throw new Error(`item_match_judge: expected one "${from}", found ${parts.length - 1}`);
  await q.query(parts.join(to));
}
