// Confusable characters are folded twice: in TypeScript when identifier keys are stored
// (foldConfusables) and in SQL when item_match_judge compares two readings (identifier_fold).
// Both must fold the same characters the same way, or a match found by one is judged by the
// other as a different mark.
import { Client } from 'pg';
import { foldConfusables } from '../../src/modules/matching/confusables';
import { createTestDatabase } from '../setup/test-database';

const LAST_CODE_POINT = 0x10ffff;
const isSurrogate = (n: number) => n >= 0xd800 && n <= 0xdfff;
const named = (c: string) => `${JSON.stringify(c)} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;

/** Characters neither side folds, some of them look-alikes of folded ones. */
const UNFOLDED_SAMPLE = ['A', 'Q', 'D', 'G', 'o', 'i', 'l', 's', 'b', 'z', '3', '4', '6', '7', '9', '?', '*',
  'Ø', 'İ', 'О' /* Cyrillic */, 'Ο' /* Greek */, 'Ι' /* Greek */, '０' /* full-width */, 'ß', '中'];

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let client: Client;

beforeAll(async () => {
  database = await createTestDatabase();
  client = new Client({ connectionString: database.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

/** Every character TypeScript folds, with what it becomes. */
function foldedInTypeScript(): Map<string, string> {
  const folded = new Map<string, string>();
  for (let n = 1; n <= LAST_CODE_POINT; n++) {
    if (isSurrogate(n)) continue;
    const c = String.fromCodePoint(n);
    const f = foldConfusables(c);
    if (f !== c) folded.set(c, f);
  }
  return folded;
}

/** Every character SQL folds, with what it becomes (chr() takes every code point but 0 and surrogates). */
async function foldedInSql(): Promise<Map<string, string>> {
  const { rows } = await client.query(
    `SELECT chr(n) AS c, identifier_fold(chr(n)) AS f FROM generate_series(1, $1::int) AS n
      WHERE n NOT BETWEEN $2::int AND $3::int AND identifier_fold(chr(n)) <> chr(n)`,
    [LAST_CODE_POINT, 0xd800, 0xdfff]);
  return new Map(rows.map((r: { c: string; f: string }) => [r.c, r.f]));
}

describe('confusable folding in TypeScript and in SQL', () => {
  it('fold every character either side folds to the same character', async () => {
    const ts = foldedInTypeScript();
    const sql = await foldedInSql();
    expect(ts.size).toBeGreaterThanOrEqual(6); // O I L S B Z: the scan really found the folded ones
    const differences = [...new Set([...ts.keys(), ...sql.keys()])].sort()
      .filter((c) => (ts.get(c) ?? c) !== (sql.get(c) ?? c))
      .map((c) => `${named(c)}: TypeScript folds it to ${named(ts.get(c) ?? c)}, SQL to ${named(sql.get(c) ?? c)}`);
    expect(differences).toEqual([]);
  });

  it('leave a sample of other characters, and the rest of a key, as they are', async () => {
    const keys = [...UNFOLDED_SAMPLE, 'BOS1LZ-08', 'HINXY0ZB1234S567', 'lower osb'];
    const { rows } = await client.query(`SELECT k, identifier_fold(k) AS f FROM unnest($1::text[]) AS k`, [keys]);
    const differences = rows
      .filter((r: { k: string; f: string }) => r.f !== foldConfusables(r.k))
      .map((r: { k: string; f: string }) => `${named(r.k)}: TypeScript gives ${JSON.stringify(foldConfusables(r.k))}, SQL ${JSON.stringify(r.f)}`);
    expect(differences).toEqual([]);
    for (const c of UNFOLDED_SAMPLE) expect(foldConfusables(c)).toBe(c);
  });

  it('are what item_match_judge compares by: a folded character is a confusion, an unfolded one a different mark', async () => {
    const pairs = [...foldedInTypeScript()].map(([c, f]) => ({ a: c, b: f, confusable: true }));
    pairs.push({ a: 'A', b: '4', confusable: false }, { a: 'O', b: 'Q', confusable: false }, { a: 'o', b: '0', confusable: false });
    const { rows } = await client.query(
      `SELECT p.a, p.b, j.score IS NOT NULL AS confusable, j.reasons
         FROM unnest($1::text[], $2::text[]) AS p(a, b),
              LATERAL item_match_judge('SERIAL', 'WXYXW' || p.a, NULL, NULL, 'WXYXW' || p.b, NULL, NULL) AS j`,
      [pairs.map((p) => p.a), pairs.map((p) => p.b)]);
    const judged = rows.map((r: { a: string; b: string; confusable: boolean }) => ({ a: r.a, b: r.b, confusable: r.confusable }));
    expect(judged).toEqual(pairs);
    for (const r of rows.filter((r: { confusable: boolean }) => r.confusable)) {
      expect(r.reasons).toEqual([`${r.b} read as ${r.a} at position 6`]);
    }
  });
});
