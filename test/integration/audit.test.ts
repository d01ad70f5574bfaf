import { Role } from '../../src/auth/roles';
import { RequestTransaction } from '../../src/db/request-transaction';
import { maintainAuditPartitions } from '../../src/modules/audit/audit-retention';
import { makeAgency, type TestAgency } from '../factories/agency.factory';
import { makeSeizure, recordSeizure, seizureInput } from '../factories/seizure.factory';
import { TestApp } from '../setup/test-app';

let app: TestApp;
let agency: TestAgency;
let officer: string;
let auditor: string;

const EVENTS = `query ($filter: AuditFilter, $first: Int, $after: String) { auditEvents(filter: $filter, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } nodes { id at actor agency operation outcome entityIds requestId justification } } }`;

async function events(filter: Record<string, unknown>, token = auditor, first = 50) {
  const res = await app.graphql(token, EVENTS, { filter, first });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data.auditEvents;
}

beforeAll(async () => {
  app = await TestApp.start();
  agency = await makeAgency(app);
  officer = await agency.token([Role.OFFICER, Role.ANALYST], 'officer.audited');
  auditor = await agency.token([Role.AUDITOR], 'auditor.one');
});
afterAll(() => app.stop());

describe('the audit trail', () => {
  it('records a successful mutation with the record it created, and a refused one as FAILED', async () => {
    const seizure = await makeSeizure(app, officer, { reference: 'AUD-1' });
    await recordSeizure(app, officer, seizureInput({ reference: 'AUD-1' })); // duplicate: refused
    const found = await events({ operation: 'seizureRecord', actor: 'officer.audited' });
    expect(found.nodes.map((e: any) => e.outcome)).toEqual(['FAILED', 'SUCCESS']);
    expect(found.nodes[1]).toMatchObject({ agency: agency.code, entityIds: [seizure.id] });
    expect(found.nodes[0].entityIds).toEqual([seizure.id]); // the existing seizure it met
  });

  it('records a denied operation, a walk with its start and the justification given, and a failed authentication', async () => {
    const analystOnly = await agency.token([Role.ANALYST], 'analyst.denied');
    await app.graphql(analystOnly, `mutation ($input: SeizureRecordInput!) { seizureRecord(input: $input) { userErrors { code } } }`, { input: seizureInput() });
    expect((await events({ actor: 'analyst.denied' })).nodes.map((e: any) => [e.operation, e.outcome])).toEqual([['seizureRecord', 'DENIED']]);
    await app.graphql(auditor, '{ seizures { totalCount } }'); // separation of duties: an AUDITOR reads no business data
    expect((await events({ actor: 'auditor.one', operation: 'seizures' })).nodes.map((e: any) => e.outcome)).toEqual(['DENIED']);

    const seizure = await makeSeizure(app, officer);
    const res = await app.http().post('/graphql').set('authorization', `Bearer ${officer}`).set('x-justification', 'case 2026/118, duty of care')
      .send({ query: 'query ($id: ID) { supplyChain(seizureId: $id) { truncated } }', variables: { id: seizure.id } });
    expect(res.status).toBe(200);
    const [walk] = (await events({ operation: 'supplyChain' })).nodes;
    expect(walk).toMatchObject({ outcome: 'SUCCESS', entityIds: [seizure.id], justification: 'case 2026/118, duty of care', requestId: res.headers['x-request-id'] });

    await app.graphql('not-a-token', '{ viewer { subject } }');
    const admin = await app.token({ sub: 'admin.one', agency: 'HQ', roles: [Role.ADMIN] });
    const [denied] = (await events({ operation: 'authenticate' }, admin)).nodes;
    expect(denied).toMatchObject({ actor: 'unauthenticated', outcome: 'DENIED' });
  });

  it('records every answer that showed a restricted hit, whatever it selected, and no other read', async () => {
    const other = await makeAgency(app);
    const serial = `AUD-HIT-${Date.now()}`;
    await makeSeizure(app, await other.token([Role.OFFICER]), { handling: 'TLP_AMBER_STRICT', items: [{ kind: 'ENGINE', serialNumber: serial }] });
    const mine = await makeSeizure(app, officer, { items: [{ kind: 'ENGINE', serialNumber: serial }] });
    const reader = await agency.token([Role.ANALYST], 'analyst.hits');
    const ask = (selection: string, alias = 'it') =>
      app.graphql(reader, `query ($id: ID!) { plain: seizure(id: $id) { reference } ${alias}: seizure(id: $id) { items { nodes { matches { ${selection} } } } } }`, { id: mine.id });
    const withHit = await ask('score restricted { handling }');
    expect(withHit.body.data.it.items.nodes[0].matches).toEqual([{ score: 1, restricted: { handling: 'TLP_AMBER_STRICT' } }]);
    await ask('score item { id }', 'bare'); // a null item next to a score says as much
    const seen = (await events({ actor: 'analyst.hits' })).nodes;
    expect(seen.map((e: any) => [e.operation, e.outcome, e.entityIds])).toEqual([
      ['seizure', 'SUCCESS', [mine.id]],
      ['seizure', 'SUCCESS', [mine.id]],
    ]);
  });

  it("shows an AUDITOR only their own agency's events, an ADMIN all, and nobody else any", async () => {
    const other = await makeAgency(app);
    await makeSeizure(app, await other.token([Role.OFFICER]));
    const mine = await events({ operation: 'seizureRecord' });
    expect(mine.nodes.every((e: any) => e.agency === agency.code)).toBe(true);
    const admin = await app.token({ sub: 'admin.two', agency: 'HQ', roles: [Role.ADMIN] });
    const all = await events({ operation: 'seizureRecord' }, admin);
    expect(all.nodes.some((e: any) => e.agency === other.code)).toBe(true);
    const res = await app.graphql(officer, EVENTS, {});
    expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it("refuses an AUDITOR of an unregistered agency, even where an ADMIN of that code left events", async () => {
    const code = `GHOST-AUD-${Date.now().toString(36)}`.toUpperCase();
    const admin = await app.token({ sub: 'ghost.admin', agency: code, roles: [Role.ADMIN] });
    const made = await app.graphql(admin, `mutation ($input: AgencyCreateInput!) { agencyCreate(input: $input) { agency { id } } }`, {
      input: { code: `${code}-NEW`, name: 'Registered by a ghost admin', jurisdiction: 'BE' },
    });
    expect(made.body.data.agencyCreate.agency.id).toBeTruthy();
    expect(await app.query(`SELECT count(*)::int AS n FROM audit_event WHERE agency_code = $1`, [code])).toEqual([{ n: 1 }]);

    const ghostAuditor = await app.token({ sub: 'ghost.auditor', agency: code, roles: [Role.AUDITOR] });
    const res = await app.graphql(ghostAuditor, EVENTS, {});
    expect(res.body.data).toBeNull();
    expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(res.body)).not.toContain(made.body.data.agencyCreate.agency.id);
  });

  it('pages through events newest first', async () => {
    for (let i = 0; i < 3; i++) await makeSeizure(app, officer);
    const first = await events({ operation: 'seizureRecord', outcome: 'SUCCESS' }, auditor, 2);
    const res = await app.graphql(auditor, EVENTS, { filter: { operation: 'seizureRecord', outcome: 'SUCCESS' }, first: 100, after: first.pageInfo.endCursor });
    const rest = res.body.data.auditEvents.nodes;
    expect(first.nodes).toHaveLength(2);
    expect(rest).toHaveLength(first.totalCount - 2);
    expect(new Set([...first.nodes, ...rest].map((e: any) => e.id)).size).toBe(first.totalCount);
  });

  it("cannot be altered or deleted, by the service's role or even by the owner", async () => {
    await makeSeizure(app, officer);
    await expect(app.query(`UPDATE audit_event SET outcome = 'SUCCESS'`)).rejects.toThrow(/cannot be altered or deleted/);
    await expect(app.query(`DELETE FROM audit_event`)).rejects.toThrow(/cannot be altered or deleted/);
    const tx = new RequestTransaction(app.dataSource, { subject: 'x', agencyCode: agency.code, roles: [Role.OFFICER] });
    await expect((await tx.manager()).query(`DELETE FROM audit_event`)).rejects.toThrow(/permission denied/);
    await tx.finish(false);
  });

  it('keeps the coming months ready and drops whole months past the retention period', async () => {
    await app.query(`CREATE TABLE audit_event_2020_01 PARTITION OF audit_event FOR VALUES FROM ('2020-01-01Z') TO ('2020-02-01Z')`);
    await app.query(`INSERT INTO audit_event (at, actor, operation, outcome) VALUES ('2020-01-15Z', 'old.actor', 'seizureRecord', 'SUCCESS')`);
    const now = new Date('2026-11-28T12:00:00Z');
    const first = await maintainAuditPartitions(app.dataSource, 36, now);
    expect(first.dropped).toContain('audit_event_2020_01');
    expect(await app.query(`SELECT count(*)::int AS n FROM audit_event WHERE actor = 'old.actor'`)).toEqual([{ n: 0 }]);
    const months: Array<{ name: string }> = await app.query(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'audit_event'::regclass`);
    expect(months.map((m) => m.name)).toEqual(expect.arrayContaining(['audit_event_2026_11', 'audit_event_2027_11', 'audit_event_default']));
    expect(await maintainAuditPartitions(app.dataSource, 36, now)).toEqual({ created: [], dropped: [] });
    await expect(maintainAuditPartitions(app.dataSource, 6, now)).rejects.toThrow(/at least 12 months/);
  });
});
