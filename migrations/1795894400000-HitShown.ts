import { MigrationInterface, QueryRunner } from 'typeorm';

/** The hit/no-hit functions, each with how many times it tells whether a hidden record's hit may be shown. */
const HIT_FUNCTIONS: ReadonlyArray<[signature: string, rules: number]> = [
  ['item_match_hits(uuid[])', 1],
  ['supply_chain_hidden_steps(uuid[], text)', 2],
  ['supply_chain_hidden_carriers(uuid[])', 1],
  ['supply_chain_hidden_seizures(uuid[])', 1],
];

const WRITTEN_OUT = /(\w+)\.handling IN \('TLP_AMBER', 'TLP_AMBER_STRICT'\)/g;
const BY_FUNCTION = /app_may_show_hit\((\w+)\.handling\)/g;

/**
 * "A hit may be shown" is one SQL function, `app_may_show_hit(handling)`: a record the caller
 * may not read gives a hit (its owning agency and handling) when it is TLP_AMBER or
 * TLP_AMBER_STRICT, never when TLP_RED (TLP_CLEAR and TLP_GREEN are read by everyone). The four
 * hit/no-hit functions call it instead of writing the rule out. A plain SQL function: the
 * planner inlines it, so plans are unchanged.
 */
export class HitShown1795894400000 implements MigrationInterface {
  name = 'HitShown1795894400000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION app_may_show_hit(handling handling_code) RETURNS boolean
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT handling IN ('TLP_AMBER', 'TLP_AMBER_STRICT') $$`);
    for (const [signature, rules] of HIT_FUNCTIONS) await rewrite(q, signature, rules, WRITTEN_OUT, 'app_may_show_hit($1.handling)');
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const [signature, rules] of HIT_FUNCTIONS) await rewrite(q, signature, rules, BY_FUNCTION, "$1.handling IN ('TLP_AMBER', 'TLP_AMBER_STRICT')");
    await q.query(`DROP FUNCTION app_may_show_hit(handling_code)`);
  }
}

/** Re-creates a function with each match of `from` replaced (there must be exactly `expected`); its grants stay. */
async function rewrite(q: QueryRunner, signature: string, expected: number, from: RegExp, to: string): Promise<void> {
  const [{ definition }] = await q.query(`SELECT pg_get_functiondef($1::regprocedure) AS definition`, [signature]);
  const found = (definition as string).match(from)?.length ?? 0;
  if (found !== expected) throw new Error(`${signature}: expected ${expected} hit rules, found ${found}`);
  await q.query((definition as string).replace(from, to));
}
