// The planned read of seizures (the page, its agencies, a page of each seizure's items and their
// count, in one statement) uses the indexes it follows under row-level security, both planned
// for its values and in the generic plan PostgreSQL may keep for it once prepared.
import type { Caller } from '../../src/auth/caller';
import { Role } from '../../src/auth/roles';
import type { RequestTransaction } from '../../src/db/request-transaction';
import { ItemService } from '../../src/modules/item/item.service';
import { ItemMatchService } from '../../src/modules/matching/item-match.service';
import { plannedItemsSelect, plannedSelect } from '../../src/modules/seizure/seizure-planned-read';
import type { ItemReadPlan, SeizureReadPlan } from '../../src/modules/seizure/seizure-read-plan';
import { SeizureService } from '../../src/modules/seizure/seizure.service';
import { pageRequest } from '../../src/shared/paging/page';
import { makeAgency } from '../factories/agency.factory';
import { fullScans, indexesUsed, planAsCaller } from '../setup/query-plans';
import { TestApp } from '../setup/test-app';

let app: TestApp;
let agencyCode: string;

beforeAll(async () => {
  app = await TestApp.start();
  agencyCode = (await makeAgency(app)).code;
  // Enough seizures and items, and their statistics, for the planner to weigh a scan of the
  // seizures as what it is (empty tables make every join order cost the same).
  await app.query(
    `WITH made AS (
       INSERT INTO seizure (agency_id, reference, reference_key, jurisdiction, seized_at, handling, recorded_by)
       SELECT a.id, 'PLAN-' || g, 'PLAN' || g, a.jurisdiction, now() - g * interval '1 hour', 'TLP_GREEN', 'bulk'
         FROM generate_series(1, 3000) g CROSS JOIN (SELECT id, jurisdiction FROM agency WHERE code = $1) a
       RETURNING id, agency_id)
     INSERT INTO item (seizure_id, agency_id, position, kind, serial_number, serial_key)
     SELECT id, agency_id, 1, 'ENGINE', 'P-' || id, 'P' || replace(id::text, '-', '') FROM made`,
    [agencyCode],
  );
  await app.query(
    `INSERT INTO item_match (item_a, item_b, basis, score)
     SELECT least(x.id, y.id), greatest(x.id, y.id), 'SAME_SERIAL', 0.9
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM item) x JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM item) y ON y.n = x.n + 1
      WHERE x.n % 2 = 1`,
  );
  await app.query('ANALYZE seizure; ANALYZE item; ANALYZE item_match; ANALYZE agency');
});
afterAll(() => app.stop());

const PLAN: SeizureReadPlan = {
  properties: 'all',
  agency: true,
  sharedWith: true,
  items: { page: ItemService.seizureItemsPage(pageRequest({ first: 20 })), properties: 'all', count: true },
};

/** The planned statement of the newest 50 seizures, as the caller sends it. */
const newestFifty = async (_: Caller, tx: RequestTransaction) => {
  const service = new SeizureService(await tx.manager(), await tx.caller());
  const page = service.readable().orderBy('s.seized_at', 'DESC').addOrderBy('s.id', 'DESC').limit(51);
  const [query, values] = plannedSelect(page, PLAN).getQueryAndParameters();
  return { query, values };
};

const ITEMS_PLAN: ItemReadPlan = { properties: 'all', seizure: { ...PLAN, items: null }, matches: true };

/** The planned statement of an item lookup by identifier, with seizures, agencies and matches, as the caller sends it. */
const itemLookup = async (_: Caller, tx: RequestTransaction) => {
  const [manager, caller] = [await tx.manager(), await tx.caller()];
  const page = new ItemService(manager, caller).readable()
    .andWhere('(i.hin_key = :key OR i.serial_key = :key OR i.batch_key = :key)', { key: '6G51234567' })
    .orderBy('i.recorded_at', 'DESC').addOrderBy('i.id', 'DESC').limit(21);
  const [query, values] = plannedItemsSelect(page, ITEMS_PLAN, new ItemMatchService(manager, caller)).getQueryAndParameters();
  return { query, values };
};

describe.each([
  ['planned for its values', false],
  ['in its generic plan', true],
])('the planned read of seizures, %s', (_, generic) => {
  it('reads the page by seizure time, each one\'s items by seizure and position, and its agency by key', async () => {
    const plan = await planAsCaller(app, { subject: 'planner', agencyCode, roles: [Role.ANALYST] }, newestFifty, {}, { generic });
    // The page walks the time index newest first and stops at the limit (no condition to narrow by).
    expect(plan.filter((n) => n.Alias === 's').map((n) => n['Index Name'])).toEqual(['seizure_seized_at_idx']);
    expect(indexesUsed(plan)).toContain('item_seizure_position_key');
    expect(plan.some((n) => n.Alias === 'a' && n['Relation Name'] === 'agency' && n['Index Cond'])).toBe(true);
    expect(fullScans(plan, new Set(['y', 'c', 'a']), ['item', 'agency'])).toEqual([]);
  });
});

describe.each([
  ['planned for its values', false],
  ['in its generic plan', true],
])('the planned item lookup, %s', (_, generic) => {
  it('finds the items by their keys, each one\'s matches on either side by key, the other items, seizures and agencies by key', async () => {
    const plan = await planAsCaller(app, { subject: 'planner', agencyCode, roles: [Role.ANALYST] }, itemLookup, {}, { generic, nestedLoops: true });
    expect(indexesUsed(plan)).toEqual(expect.arrayContaining(['item_hin_key_idx', 'item_serial_key_idx', 'item_batch_key_idx']));
    expect(fullScans(plan, new Set(['i', 'pair', 'io', 'so', 'a']), ['item', 'item_match', 'seizure', 'agency'])).toEqual([]);
  });
});
