import { Role } from '../../src/auth/roles';
import { DEMO_AGENCY, DEMO_SUBJECT, demoSeizures } from '../../src/demo/demo-data';
import { demoAdverts } from '../../src/demo/demo-adverts';
import { demoPayments } from '../../src/demo/demo-payments';
import { demoMovements, demoSuppliers } from '../../src/demo/demo-provenance';
import { seedDemoData, seedDemoDataIfEmpty } from '../../src/demo/seed';
import { TestApp } from '../setup/test-app';

let app: TestApp;
let seededOnFirstStart: boolean;

beforeAll(async () => {
  app = await TestApp.start();
  seededOnFirstStart = await seedDemoDataIfEmpty(app.dataSource);
});
afterAll(() => app.stop());

const counts = async () =>
  (await app.query(`SELECT (SELECT count(*) FROM agency)::int AS agencies, (SELECT count(*) FROM seizure)::int AS seizures,
                           (SELECT count(*) FROM item)::int AS items, (SELECT count(*) FROM supplier)::int AS suppliers,
                           (SELECT count(*) FROM movement)::int AS movements, (SELECT count(*) FROM payment)::int AS payments,
                           (SELECT count(*) FROM advert)::int AS adverts`))[0];

describe('demo data', () => {
  it('loads the story on an empty database, through the services, and only once', async () => {
    expect(seededOnFirstStart).toBe(true);
    const loaded = await counts();
    expect(loaded).toMatchObject({ agencies: 5, seizures: demoSeizures.length, suppliers: demoSuppliers.length, movements: demoMovements.length, payments: demoPayments.length, adverts: demoAdverts.length });
    expect(await seedDemoDataIfEmpty(app.dataSource)).toBe(false);
    await seedDemoData(app.dataSource); // `npm run seed` again: idempotent
    expect(await counts()).toEqual(loaded);
  });

  it('is readable with the demo token, including the linked engine serial recorded in two countries', async () => {
    const token = await app.token({ sub: DEMO_SUBJECT, agency: DEMO_AGENCY, roles: [Role.OFFICER, Role.ANALYST] });
    const res = await app.graphql(token, `{
      seizures(first: 20) { totalCount nodes { reference handling } }
      items(filter: { identifier: "6G5-1234567" }) { nodes { serialNumber seizure { jurisdiction } } }
    }`);
    const references = res.body.data.seizures.nodes.map((s: any) => s.reference);
    // Everything but the Dutch TLP_AMBER_STRICT seizure; the RED one is the demo officer's own.
    expect(references).toHaveLength(demoSeizures.length - 1);
    expect(references).not.toContain('NL-RTM-2025-031');
    expect(references).toContain('BE-OST-25-117');
    expect(res.body.data.items.nodes.map((i: any) => i.seizure.jurisdiction).sort()).toEqual(['DE', 'GB']);
  });

  it("holds the broker's phone, written three ways by three agencies, as one number, sighted across them", async () => {
    const token = await app.token({ sub: DEMO_SUBJECT, agency: DEMO_AGENCY, roles: [Role.ANALYST] });
    const res = await app.graphql(token, `{ suppliers(filter: { identifier: { scheme: "PHONE", value: "+964 750 318 2247" } }) {
      nodes { name recordedBy { code } identifiers { scheme value normalised }
        sightings { basis identifier { normalised } record { ... on Supplier { name } } } } } }`);
    for (const node of res.body.data.suppliers.nodes) {
      // The suppliers' sightings of one another (the adverts showing the phone are sighted too, below).
      const ofThePhone = node.sightings.filter((s: any) => s.identifier.normalised === '+9647503182247' && s.record.name);
      expect(ofThePhone.map((s: any) => [s.basis, s.identifier.normalised, s.record.name]).sort()).toEqual(
        res.body.data.suppliers.nodes.filter((other: any) => other.name !== node.name).map((other: any) => ['SAME_IDENTIFIER', '+9647503182247', other.name]).sort(),
      );
    }
    const found = res.body.data.suppliers.nodes.map((s: any) => [s.recordedBy.code, s.identifiers.find((i: any) => i.scheme === 'PHONE')]);
    expect(found.sort()).toEqual([
      ['BE-FGP', { scheme: 'PHONE', value: '0750 318 2247', normalised: '+9647503182247' }],
      ['DE-BPOL', { scheme: 'PHONE', value: '+964 (750) 318-22-47', normalised: '+9647503182247' }],
      ['GB-BF', { scheme: 'PHONE', value: '00964 750 318 2247', normalised: '+9647503182247' }],
    ]);
  });

  it('links the Kent engine to the Duisburg one exactly, and to the misread Boulogne one fuzzily', async () => {
    const token = await app.token({ sub: DEMO_SUBJECT, agency: DEMO_AGENCY, roles: [Role.ANALYST] });
    const res = await app.graphql(token, `{ items(filter: { identifier: "6G5-1234567", jurisdiction: ["GB"] }) { nodes {
      matches { item { serialNumber seizure { jurisdiction } } score reasons } } } }`);
    const matches = res.body.data.items.nodes[0].matches;
    expect(matches.map((m: any) => [m.item.seizure.jurisdiction, m.item.serialNumber])).toEqual([['DE', '6G5 1234567'], ['FR', '6G5-I234567']]);
    expect(matches[0].score).toBe(1);
    expect(matches[1].score).toBeLessThan(1);
    expect(matches[1].reasons).toContain('1 read as I at position 4');
  });

  it('traces the Kent seizure back to the Chinese makers, and the Turkish maker down to France and Belgium', async () => {
    const token = await app.token({ sub: DEMO_SUBJECT, agency: DEMO_AGENCY, roles: [Role.ANALYST] });
    const kent = await app.graphql(token, `{ seizures(filter: { reference: "GB-KENT-2025-0093" }) { nodes { id } } }`);
    const chain = await app.graphql(token, `query ($id: ID) { supplyChain(seizureId: $id) {
      nodes { depth supplier { name } } origins { name } truncated } }`, { id: kent.body.data.seizures.nodes[0].id });
    const { nodes, origins, truncated } = chain.body.data.supplyChain;
    expect(nodes.map((n: any) => `${n.depth} ${n.supplier.name}`)).toEqual([
      '1 Lagerhaus Ruhrort Logistik UG',
      '1 Rheinhafen Bootshandel GmbH',
      '2 Tundzha Freight OOD',
      '2 Vaartwerk Import B.V.',
      '3 Bosforlu Konteyner Lojistik A.Ş.',
      '3 Velmont Marine Power Co., Ltd.',
      '4 Zhoushan Qiaoxing Boats Co., Ltd.',
    ]);
    expect(origins.map((o: any) => o.name)).toEqual(['Velmont Marine Power Co., Ltd.', 'Zhoushan Qiaoxing Boats Co., Ltd.']);
    expect(truncated).toBe(false);

    const maker = await app.graphql(token, `{ suppliers(filter: { search: "anvora tekstil" }) { nodes { id name } } }`);
    const reach = await app.graphql(token, `query ($id: ID!) { supplierReach(supplierId: $id) {
      suppliers { depth supplier { name } } seizures { reference } jurisdictions } }`, { id: maker.body.data.suppliers.nodes[0].id });
    expect(reach.body.data.supplierReach).toEqual({
      suppliers: [
        { depth: 1, supplier: { name: 'Balkanska Morska Import EOOD' } },
        { depth: 2, supplier: { name: 'Wellenreiter Outdoor Handel GmbH' } },
      ],
      seizures: [{ reference: 'FR-DK-2025-0412' }, { reference: 'BE-OST-25-117' }],
      jurisdictions: ['BE', 'FR'],
    });
  });

  it("follows the buyer's money through the brokers in Germany and Iraq to the online seller and on to its importer", async () => {
    const token = await app.token({ sub: DEMO_SUBJECT, agency: DEMO_AGENCY, roles: [Role.ANALYST] });
    const buyer = await app.graphql(token, `{ suppliers(filter: { role: BUYER }) { nodes { id name } } }`);
    expect(buyer.body.data.suppliers.nodes.map((s: any) => s.name)).toEqual(['Sarbast Cargo & Reisen']);
    const trail = await app.graphql(token, `query ($id: ID!) { moneyTrail(partyId: $id, maxDepth: 8) {
      nodes { depth supplier { name role country } }
      edges { depth payment { method amount { amount currency } payer { name } brokers { name } payee { name } recordedBy { code }
        paidFor { seizures { reference } movements { documentRef } } } }
      totals { amount currency } restricted { handling } truncated } }`, { id: buyer.body.data.suppliers.nodes[0].id });
    expect(trail.body.errors).toBeUndefined();
    const { nodes, edges, totals, restricted, truncated } = trail.body.data.moneyTrail;
    expect(nodes.map((n: any) => `${n.depth} ${n.supplier.name} ${n.supplier.role} ${n.supplier.country}`)).toEqual([
      '1 Dijla Reise- und Geldtransfer MONEY_BROKER DE',
      '2 Rawand Exchange MONEY_BROKER IQ',
      '3 Rheinhafen Bootshandel GmbH ONLINE_SELLER DE',
      '4 Vaartwerk Import B.V. IMPORTER NL',
    ]);
    expect(edges.map(({ depth, payment: p }: any) => [depth, p.method, p.amount.amount, p.payer.name, p.brokers.map((b: any) => b.name), p.payee.name, p.recordedBy.code, p.paidFor])).toEqual([
      [3, 'HAWALA', '4800.00', 'Sarbast Cargo & Reisen', ['Dijla Reise- und Geldtransfer', 'Rawand Exchange'], 'Rheinhafen Bootshandel GmbH', 'GB-BF',
        { seizures: [{ reference: 'GB-KENT-2025-0093' }], movements: [] }],
      [4, 'BANK_TRANSFER', '14400.00', 'Rheinhafen Bootshandel GmbH', [], 'Vaartwerk Import B.V.', 'DE-BPOL',
        { seizures: [], movements: [{ documentRef: 'INV-VW-2025-311' }] }],
    ]);
    expect(totals).toEqual([{ amount: '19200.00', currency: 'EUR' }]);
    expect(restricted).toEqual([]);
    expect(truncated).toBe(false);
  });

  it("sights the code on the Kent receipt on the German broker's record", async () => {
    const token = await app.token({ sub: DEMO_SUBJECT, agency: DEMO_AGENCY, roles: [Role.ANALYST] });
    const res = await app.graphql(token, `{ payments(filter: { reference: "djl3390k7" }) { nodes { reference recordedBy { code }
      sightings { basis identifier { scheme normalised } record { ... on Supplier { name recordedBy { code } } } } } } }`);
    expect(res.body.data.payments.nodes).toEqual([{
      reference: 'DJL 3390 K7',
      recordedBy: { code: 'GB-BF' },
      sightings: [{
        basis: 'SAME_IDENTIFIER',
        identifier: { scheme: 'HAWALA_CODE', normalised: 'DJL3390K7' },
        record: { name: 'Dijla Reise- und Geldtransfer', recordedBy: { code: 'DE-BPOL' } },
      }],
    }]);
  });

  it('finds the Belgian TikTok advert and its repost by the French, by text, and the broker\'s phone on it', async () => {
    const token = await app.token({ sub: DEMO_SUBJECT, agency: DEMO_AGENCY, roles: [Role.ANALYST] });
    const res = await app.graphql(token, `{ adverts(filter: { text: "velmont BELGIEN" }) { nodes { platform recordedBy { code } account { normalised }
      offers { make quantity price { amount currency } }
      sightings { basis identifier { normalised } record { ... on Advert { recordedBy { code } } ... on Supplier { name } } } } } }`);
    expect(res.body.errors).toBeUndefined();
    const [original, repost] = res.body.data.adverts.nodes.sort((a: any, b: any) => a.recordedBy.code.localeCompare(b.recordedBy.code));
    expect(original).toMatchObject({ platform: 'TIKTOK', recordedBy: { code: 'BE-FGP' }, account: { normalised: 'tiktok:motoren.rhein.shop' },
      offers: [{ make: 'Velmont', quantity: 6, price: { amount: '1850.00', currency: 'EUR' } }] });
    expect(repost).toMatchObject({ recordedBy: { code: 'FR-PAF' }, offers: [{ price: { amount: '1700.00', currency: 'EUR' } }] });
    // The repost is the French record: its text and phone are sighted on the Belgian advert and on the brokers of the other agencies.
    expect(repost.sightings).toEqual(expect.arrayContaining([
      { basis: 'SIMILAR_TEXT', identifier: null, record: { recordedBy: { code: 'BE-FGP' } } },
      { basis: 'SAME_IDENTIFIER', identifier: { normalised: '+9647503182247' }, record: { recordedBy: { code: 'BE-FGP' } } },
      { basis: 'SAME_IDENTIFIER', identifier: { normalised: '+9647503182247' }, record: { name: 'Rawand Exchange' } },
      { basis: 'SAME_IDENTIFIER', identifier: { normalised: '+9647503182247' }, record: { name: 'Dijla Reise- und Geldtransfer' } },
    ]));
  });
});
