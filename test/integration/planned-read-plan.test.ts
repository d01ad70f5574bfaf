// The planned read of seizures (the page, its agencies, a page of each seizure's items and their
// count, in one statement) uses the indexes it follows under row-level security, both planned
// for its values and in the generic plan PostgreSQL may keep for it once prepared.
import type { Caller } from '../../src/auth/caller';
import { Role } from '../../src/auth/roles';
import type { RequestTransaction } from '../../src/db/request-transaction';
import { ItemService } from '../../src/modules/item/item.service';
import { plannedSelect } from '../../src/modules/seizure/seizure-planned-read';
import type { SeizureReadPlan } from '../../src/modules/seizure/seizure-read-plan';
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
