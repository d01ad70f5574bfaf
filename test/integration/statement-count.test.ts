import { Role } from '../../src/auth/roles';
import { sqlStatementCount } from '../../src/db/statement-counter';
import { makeAgency } from '../factories/agency.factory';
import { makeSeizure } from '../factories/seizure.factory';
import { TestApp } from '../setup/test-app';

let app: TestApp;
let analyst: string;

const NESTED = `query ($first: Int!) {
  seizures(first: $first) {
    totalCount
    nodes {
      reference agency { code name } sharedWith { code }
      items(first: 10) { totalCount nodes { kind identifier seizure { reference agency { code } } } }
    }
  }
}`;

beforeAll(async () => {
  app = await TestApp.start();
  const agencies = await Promise.all([makeAgency(app), makeAgency(app), makeAgency(app)]);
  for (let i = 0; i < 60; i++) {
    const owner = agencies[i % 3];
    await makeSeizure(app, await owner.token([Role.OFFICER]), {
      handling: i % 4 === 0 ? 'TLP_AMBER' : 'TLP_GREEN',
      sharedWith: i % 4 === 0 ? [agencies[(i + 1) % 3].code] : undefined,
      items: Array.from({ length: 1 + (i % 3) }, (_, n) => ({ kind: 'ENGINE', serialNumber: `N1-${i}-${n}` })),
    });
  }
  analyst = await agencies[0].token([Role.ANALYST]);
});
afterAll(() => app.stop());

/** SQL statements the server sent to answer one request (the server runs in this process). */
async function statementsFor(first: number): Promise<{ statements: number; seizures: number }> {
  const before = sqlStatementCount();
  const res = await app.graphql(analyst, NESTED, { first });
  expect(res.body.errors).toBeUndefined();
  return { statements: sqlStatementCount() - before, seizures: res.body.data.seizures.nodes.length };
}

describe('nested reads batch their queries (no N+1)', () => {
  it('sends as many statements for a page of 50 seizures as for a page of 1', async () => {
    const one = await statementsFor(1);
    const fifty = await statementsFor(50);
    expect(one.seizures).toBe(1);
    expect(fifty.seizures).toBe(50);
    expect(fifty.statements).toBe(one.statements);
    // begin with the caller bound (one round trip); the planned page with its agencies, items
    // and item counts; the seizures' count; the items' seizures (read whole by their loader:
    // the page read only the columns it needed); commit
    expect(one.statements).toBe(5);
  });
});

describe('an item lookup', () => {
  it('reads the items with their seizures and agencies in one planned statement', async () => {
    const before = sqlStatementCount();
    const res = await app.graphql(analyst, `{ items(filter: { identifier: "n1-7-1" }) { nodes { kind identifier seizure { reference jurisdiction agency { code } } } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.items.nodes).toEqual([{ kind: 'ENGINE', identifier: 'N171', seizure: { reference: expect.any(String), jurisdiction: expect.any(String), agency: { code: expect.any(String) } } }]);
    // begin with the caller bound, the planned items with their seizures and agencies, commit
    expect(sqlStatementCount() - before).toBe(3);
  });
});
