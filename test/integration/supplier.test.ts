// Suppliers: recording (supplierCreate), reading (supplier, node, suppliers) under the
// visibility rule, and search over names and aliases. Every company and person is invented.
import { Role } from '../../src/auth/roles';
import { RequestTransaction } from '../../src/db/request-transaction';
import { SupplierService } from '../../src/modules/supplier/supplier.service';
import { searchTerms } from '../../src/modules/supplier/supplier-search';
import { makeAgency, type TestAgency } from '../factories/agency.factory';
import { createSupplier, makeSupplier, supplierInput } from '../factories/supplier.factory';
import { TestApp } from '../setup/test-app';

let app: TestApp;
let owner: TestAgency;
let partner: TestAgency;
let outsider: TestAgency;
let analyst: string;

beforeAll(async () => {
  app = await TestApp.start();
  owner = await makeAgency(app, { jurisdiction: 'BE' });
  partner = await makeAgency(app, { jurisdiction: 'FR' });
  outsider = await makeAgency(app, { jurisdiction: 'GB' });
  analyst = await owner.token([Role.ANALYST], 'analyst.a');
});
afterAll(() => app.stop());

const countByName = async (name: string) =>
  (await app.query('SELECT count(*)::int AS n FROM supplier WHERE name = $1', [name.trim()]))[0].n;

const SUPPLIERS = `query ($filter: SupplierFilter, $first: Int, $after: String) {
  suppliers(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id name } }
    nodes { id name }
  }
}`;

async function suppliers(token: string, variables: Record<string, unknown>) {
  const res = await app.graphql(token, SUPPLIERS, variables);
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data.suppliers as {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ cursor: string; node: { id: string; name: string } }>;
    nodes: Array<{ id: string; name: string }>;
  };
}

/** Names found by a search, best first. */
const search = async (text: string, extra: Record<string, unknown> = {}, token = analyst) =>
  (await suppliers(token, { filter: { search: text, ...extra }, first: 100 })).nodes.map((n) => n.name);

describe('supplierCreate', () => {
  it('stores the supplier with its identifiers, as written and normalised, and the search fingerprints', async () => {
    const payload = await createSupplier(app, analyst, {
      name: '  Kumova Tekstil Sanayi ve Ticaret Ltd. Şti. ',
      aliases: ['Kumova Textile', ' kumova  textile ', '', 'KUMOVA TEKSTIL SANAYI VE TICARET LTD. ŞTI.', 'Kumova Tekstil'],
      role: 'MANUFACTURER',
      country: 'TR',
      identifiers: [
        { scheme: 'vat', value: 'tr 123 456 7890' },
        { scheme: 'PHONE', value: '0090 (212) 555 01 47' },
        { scheme: 'Email', value: 'Satis@Anvora-Tekstil.example' },
        { scheme: 'website', value: 'https://www.Anvora-Tekstil.example/tr/urunler' },
        { scheme: 'SOCIAL_HANDLE', value: 'Telegram: @Anvora_Shop' },
        { scheme: 'company_reg', value: 'İstanbul 123456-5' },
        { scheme: 'OTHER', value: 'eori: tr-1234' },
        { scheme: 'PHONE', value: '+90 212 555 0147' }, // the same number again: kept once
      ],
    });
    expect(payload.userErrors).toEqual([]);
    expect(payload.supplier).toMatchObject({
      name: 'Kumova Tekstil Sanayi ve Ticaret Ltd. Şti.',
      aliases: ['Kumova Textile', 'Kumova Tekstil'],
      role: 'MANUFACTURER',
      country: 'TR',
      handling: 'TLP_GREEN',
      recordedBy: { code: owner.code },
      sharedWith: [],
      identifiers: [
        { scheme: 'VAT', value: 'tr 123 456 7890', normalised: 'TR1234567890' },
        { scheme: 'PHONE', value: '0090 (212) 555 01 47', normalised: '+902125550147' },
        { scheme: 'EMAIL', value: 'Satis@Anvora-Tekstil.example', normalised: 'satis@anvora-tekstil.example' },
        { scheme: 'WEBSITE', value: 'https://www.Anvora-Tekstil.example/tr/urunler', normalised: 'anvora-tekstil.example' },
        { scheme: 'SOCIAL_HANDLE', value: 'Telegram: @Anvora_Shop', normalised: 'telegram:anvora_shop' },
        { scheme: 'COMPANY_REG', value: 'İstanbul 123456-5', normalised: 'İSTANBUL1234565' },
        { scheme: 'OTHER', value: 'eori: tr-1234', normalised: 'EORITR1234' },
      ],
    });
    const [row] = await app.query('SELECT * FROM supplier WHERE name = $1', ['Kumova Tekstil Sanayi ve Ticaret Ltd. Şti.']);
    expect(row).toMatchObject({ search_text: 'kumova tekstil | kumova textile', recorded_by: 'analyst.a', agency_id: expect.any(String) });
    const identifiers = await app.query(
      'SELECT position, scheme, value, value_key, agency_id FROM supplier_identifier WHERE supplier_id = $1 ORDER BY position',
      [row.id],
    );
    expect(identifiers.map((i) => [i.position, i.scheme, i.value_key])).toEqual([
      [1, 'VAT', 'TR1234567890'],
      [2, 'PHONE', '+902125550147'],
      [3, 'EMAIL', 'satis@anvora-tekstil.example'],
      [4, 'WEBSITE', 'anvora-tekstil.example'],
      [5, 'SOCIAL_HANDLE', 'telegram:anvora_shop'],
      [6, 'COMPANY_REG', 'İSTANBUL1234565'],
      [7, 'OTHER', 'EORITR1234'],
    ]);
    expect(new Set(identifiers.map((i) => i.agency_id))).toEqual(new Set([row.agency_id]));
  });

  it('defaults the role to UNKNOWN and the handling to TLP_GREEN, and takes no identifiers or aliases', async () => {
    const payload = await createSupplier(app, analyst, { name: 'Brakwater Rubberboten' });
    expect(payload.supplier).toMatchObject({ role: 'UNKNOWN', handling: 'TLP_GREEN', country: null, aliases: [], identifiers: [] });
  });

  it('records a possible duplicate without refusing it (finding duplicates is resolution\'s work)', async () => {
    const first = await makeSupplier(app, analyst, { name: 'Tweeling Botenhandel B.V.' });
    const second = await makeSupplier(app, analyst, { name: 'Tweeling Botenhandel B.V.' });
    expect(second.id).not.toBe(first.id);
    expect(await countByName('Tweeling Botenhandel B.V.')).toBe(2);
  });

  it('shares a TLP_AMBER supplier with registered agencies', async () => {
    const payload = await createSupplier(app, analyst, {
      name: 'Grenspost Opslag BV',
      handling: 'TLP_AMBER',
      sharedWith: [partner.code.toLowerCase(), partner.code, owner.code],
    });
    expect(payload.userErrors).toEqual([]);
    expect(payload.supplier).toMatchObject({ handling: 'TLP_AMBER', sharedWith: [{ code: partner.code }] });
  });
});

describe('supplierCreate refuses bad input, naming the field, and stores nothing', () => {
  const cases: Array<[string, Record<string, unknown>, string, string[]]> = [
    ['an empty name', { name: '   ' }, 'INVALID_INPUT', ['input', 'name']],
    ['a name over 500 characters', { name: 'N'.repeat(501) }, 'INVALID_INPUT', ['input', 'name']],
    ['a name without letters or digits', { name: '-- / --' }, 'INVALID_INPUT', ['input', 'name']],
    ['an alias over 500 characters', { aliases: ['Fine Alias', 'A'.repeat(501)] }, 'INVALID_INPUT', ['input', 'aliases', '1']],
    ['more than 50 aliases', { aliases: Array.from({ length: 51 }, (_, i) => `Alias ${i}`) }, 'INVALID_INPUT', ['input', 'aliases']],
    [
      'more than 20 identifiers',
      { identifiers: Array.from({ length: 21 }, (_, i) => ({ scheme: 'OTHER', value: `X-${i}` })) },
      'INVALID_INPUT',
      ['input', 'identifiers'],
    ],
    ['an unknown identifier scheme', { identifiers: [{ scheme: 'BIC', value: 'KESTDEFF' }] }, 'INVALID_INPUT', ['input', 'identifiers', '0', 'scheme']],
    ['a VAT number that cannot be one', { identifiers: [{ scheme: 'VAT', value: 'ZZ 123' }] }, 'INVALID_IDENTIFIER', ['input', 'identifiers', '0', 'value']],
    ['a VAT number without its prefix', { identifiers: [{ scheme: 'VAT', value: '123456789' }] }, 'INVALID_IDENTIFIER', ['input', 'identifiers', '0', 'value']],
    [
      'a national phone number that cannot be one of the supplier\'s country',
      { country: 'DE', identifiers: [{ scheme: 'EMAIL', value: 'info@brakwater.example' }, { scheme: 'PHONE', value: '02' }] },
      'INVALID_IDENTIFIER',
      ['input', 'identifiers', '1', 'value'],
    ],
    ['a phone number too short for E.164', { identifiers: [{ scheme: 'PHONE', value: '+90 212' }] }, 'INVALID_IDENTIFIER', ['input', 'identifiers', '0', 'value']],
    ['an e-mail address with two @', { identifiers: [{ scheme: 'EMAIL', value: 'a@b@brakwater.example' }] }, 'INVALID_IDENTIFIER', ['input', 'identifiers', '0', 'value']],
    ['a website without a domain', { identifiers: [{ scheme: 'WEBSITE', value: 'http://brakwater/' }] }, 'INVALID_IDENTIFIER', ['input', 'identifiers', '0', 'value']],
    ['a social handle without a platform', { identifiers: [{ scheme: 'SOCIAL_HANDLE', value: '@brakwater' }] }, 'INVALID_IDENTIFIER', ['input', 'identifiers', '0', 'value']],
    ['an empty identifier value', { identifiers: [{ scheme: 'OTHER', value: ' ' }] }, 'INVALID_INPUT', ['input', 'identifiers', '0', 'value']],
    ['an identifier over 64 characters', { identifiers: [{ scheme: 'COMPANY_REG', value: '9'.repeat(65) }] }, 'INVALID_INPUT', ['input', 'identifiers', '0', 'value']],
    [
      'a website over 200 characters',
      { identifiers: [{ scheme: 'WEBSITE', value: `https://brakwater.example/${'p'.repeat(180)}` }] },
      'INVALID_INPUT',
      ['input', 'identifiers', '0', 'value'],
    ],
    ['sharedWith without TLP_AMBER', { handling: 'TLP_AMBER_STRICT', sharedWith: ['NO-SUCH-AGENCY'] }, 'INVALID_INPUT', ['input', 'sharedWith']],
    ['an unregistered sharedWith agency', { handling: 'TLP_AMBER', sharedWith: ['NO-SUCH-AGENCY'] }, 'INVALID_INPUT', ['input', 'sharedWith', '0']],
  ];

  it.each(cases)('%s', async (_name, overrides, code, field) => {
    const input = supplierInput(overrides);
    const payload = await createSupplier(app, analyst, input);
    expect(payload.supplier).toBeNull();
    expect(payload.userErrors).toContainEqual(expect.objectContaining({ code, field }));
    if (typeof input.name === 'string' && input.name.trim() !== '') expect(await countByName(input.name)).toBe(0);
  });

  it('reports every problem at once, and stores neither the supplier nor any identifier', async () => {
    const before = (await app.query('SELECT count(*)::int AS n FROM supplier_identifier'))[0].n;
    const input = supplierInput({
      aliases: ['Fine', 'B'.repeat(501)],
      identifiers: [
        { scheme: 'VAT', value: 'BE 0123.456.789' },
        { scheme: 'VAT', value: 'not a vat' },
        { scheme: 'FAX', value: '+32 2 555 0100' },
        { scheme: 'PHONE', value: '02 555 0100' },
      ],
      handling: 'TLP_GREEN',
      sharedWith: [partner.code],
    });
    const payload = await createSupplier(app, analyst, input);
    expect(payload.userErrors.map((e) => [e.code, e.field])).toEqual([
      ['INVALID_INPUT', ['input', 'aliases', '1']],
      ['INVALID_IDENTIFIER', ['input', 'identifiers', '1', 'value']],
      ['INVALID_INPUT', ['input', 'identifiers', '2', 'scheme']],
      ['INVALID_IDENTIFIER', ['input', 'identifiers', '3', 'value']],
      ['INVALID_INPUT', ['input', 'sharedWith']],
    ]);
    expect(payload.userErrors[3].message).toContain('cannot be a number of TR, the country of its record');
    expect(await countByName(input.name)).toBe(0);
    expect((await app.query('SELECT count(*)::int AS n FROM supplier_identifier'))[0].n).toBe(before);
  });

  it('refuses an unknown country in the scalar, before anything runs', async () => {
    const input = supplierInput({ country: 'XX' });
    const res = await app.graphql(analyst, 'mutation ($input: SupplierCreateInput!) { supplierCreate(input: $input) { userErrors { code } } }', { input });
    expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await countByName(input.name)).toBe(0);
  });

  it.each([
    ['an OFFICER without ANALYST', [Role.OFFICER]],
    ['an AUDITOR', [Role.AUDITOR]],
    ['an ADMIN', [Role.ADMIN]],
  ] as Array<[string, Role[]]>)('is FORBIDDEN to %s', async (_who, roles) => {
    const input = supplierInput();
    const res = await app.graphql(await owner.token(roles), 'mutation ($input: SupplierCreateInput!) { supplierCreate(input: $input) { supplier { id } userErrors { code } } }', { input });
    expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.body.data?.supplierCreate ?? null).toBeNull();
    expect(await countByName(input.name)).toBe(0);
  });

  it('is FORBIDDEN to an analyst of an agency that is not registered', async () => {
    const input = supplierInput();
    const token = await app.token({ sub: 'analyst.x', agency: 'NOT-REGISTERED-1', roles: [Role.ANALYST] });
    const res = await app.graphql(token, 'mutation ($input: SupplierCreateInput!) { supplierCreate(input: $input) { userErrors { code } } }', { input });
    expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await countByName(input.name)).toBe(0);
  });
});

describe('who reads a supplier', () => {
  type Handling = 'TLP_CLEAR' | 'TLP_GREEN' | 'TLP_AMBER' | 'TLP_AMBER_STRICT' | 'TLP_RED';
  type Reader = 'A' | 'B' | 'PARTNER' | 'OUTSIDER';
  const HANDLINGS: Handling[] = ['TLP_CLEAR', 'TLP_GREEN', 'TLP_AMBER', 'TLP_AMBER_STRICT', 'TLP_RED'];
  const READERS_OF: Record<Handling, Reader[]> = {
    TLP_CLEAR: ['A', 'B', 'PARTNER', 'OUTSIDER'],
    TLP_GREEN: ['A', 'B', 'PARTNER', 'OUTSIDER'],
    TLP_AMBER: ['A', 'B', 'PARTNER'],
    TLP_AMBER_STRICT: ['A', 'B'],
    TLP_RED: ['A'],
  };
  // One distinctive word per handling, so a search finds exactly that supplier.
  const WORD: Record<Handling, string> = { TLP_CLEAR: 'Quillonar', TLP_GREEN: 'Verdelisk', TLP_AMBER: 'Ambrovatt', TLP_AMBER_STRICT: 'Strekkavol', TLP_RED: 'Rubicanth' };
  const ids = {} as Record<Handling, string>;
  let tokens: Record<Reader, string>;

  beforeAll(async () => {
    tokens = {
      A: analyst,
      B: await owner.token([Role.OFFICER], 'officer.b'),
      PARTNER: await partner.token(),
      OUTSIDER: await outsider.token([Role.OFFICER]),
    };
    for (const handling of HANDLINGS) {
      const payload = await createSupplier(app, analyst, {
        name: `${WORD[handling]} Marine Trading GmbH`,
        role: 'FACILITATOR',
        country: 'MT',
        handling,
        sharedWith: handling === 'TLP_AMBER' ? [partner.code] : undefined,
        identifiers: [{ scheme: 'VAT', value: `DE ${100000000 + HANDLINGS.indexOf(handling)}` }],
      });
      expect(payload.userErrors).toEqual([]);
      ids[handling] = payload.supplier.id;
    }
  });

  const READ_PATHS = `query ($id: ID!, $search: String!, $agency: [String!], $vat: String!) {
    supplier(id: $id) { id name identifiers { scheme normalised } }
    node(id: $id) { id ... on Supplier { name } }
    searched: suppliers(filter: { search: $search }) { totalCount nodes { id } }
    listed: suppliers(filter: { agency: $agency, role: FACILITATOR, country: "MT" }) { totalCount nodes { id } }
    byVat: suppliers(filter: { identifier: { scheme: "VAT", value: $vat } }) { totalCount nodes { id } }
  }`;

  const cases = HANDLINGS.flatMap((handling) =>
    (['A', 'B', 'PARTNER', 'OUTSIDER'] as Reader[]).map((reader) => ({ handling, reader, visible: READERS_OF[handling].includes(reader) })),
  );

  it.each(cases)('$handling as $reader: readable=$visible', async ({ handling, reader, visible }) => {
    const id = ids[handling];
    const res = await app.graphql(tokens[reader], READ_PATHS, {
      id,
      search: WORD[handling].toLowerCase(),
      agency: [owner.code],
      vat: `de-${100000000 + HANDLINGS.indexOf(handling)}`,
    });
    expect(res.body.errors).toBeUndefined();
    const data = res.body.data;
    if (visible) {
      expect(data.supplier).toMatchObject({ id, name: `${WORD[handling]} Marine Trading GmbH`, identifiers: [{ scheme: 'VAT' }] });
      expect(data.node).toEqual({ id, name: `${WORD[handling]} Marine Trading GmbH` });
      expect(data.searched).toEqual({ totalCount: 1, nodes: [{ id }] });
      expect(data.byVat).toEqual({ totalCount: 1, nodes: [{ id }] });
      expect(data.listed.nodes).toContainEqual({ id });
    } else {
      expect(data.supplier).toBeNull();
      expect(data.node).toBeNull();
      expect(data.searched).toEqual({ totalCount: 0, nodes: [] });
      expect(data.byVat).toEqual({ totalCount: 0, nodes: [] });
      expect(data.listed.nodes).not.toContainEqual({ id });
    }
    const expectedCount = HANDLINGS.filter((h) => READERS_OF[h].includes(reader)).length;
    expect(data.listed.totalCount).toBe(expectedCount);
  });

  it('is FORBIDDEN to read for an AUDITOR or ADMIN alone', async () => {
    for (const role of [Role.AUDITOR, Role.ADMIN]) {
      const res = await app.graphql(await owner.token([role]), `query ($id: ID!) { supplier(id: $id) { id } }`, { id: ids.TLP_GREEN });
      expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const list = await app.graphql(await owner.token([role]), '{ suppliers { totalCount } }');
      expect(list.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('answers null for an id of another type or a malformed one', async () => {
    const res = await app.graphql(analyst, `{ a: supplier(id: "bm90LWFuLWlk") { id } b: supplier(id: "${owner.id}") { id } }`);
    expect(res.body.data).toEqual({ a: null, b: null });
  });
});

describe('suppliers: search', () => {
  let anvora: { id: string; name: string };

  beforeAll(async () => {
    const other = await outsider.token([Role.ANALYST]);
    anvora = await makeSupplier(app, analyst, {
      name: 'Anvora Tekstil Sanayi ve Ticaret Ltd. Şti.',
      aliases: ['Karadeniz Can Yelekleri'],
      country: 'TR',
      role: 'MANUFACTURER',
    });
    // Others that share only generic words or legal forms with it, or nothing at all.
    await makeSupplier(app, other, { name: 'Tekstil Ticaret Ltd. Şti.', country: 'TR' });
    await makeSupplier(app, other, { name: 'Yeşilova Tekstil Sanayi ve Ticaret Ltd. Şti.', country: 'TR' });
    await makeSupplier(app, other, { name: 'Marmaris Textile Export Co., Ltd.', country: 'TR' });
    await makeSupplier(app, other, { name: 'Nordkap Bootshandel GmbH', country: 'DE' });
    // Similar distinctive names, for ranking.
    await makeSupplier(app, other, { name: 'Anvoran Logistics BV', country: 'NL', role: 'FACILITATOR' });
    await makeSupplier(app, other, { name: 'Anvora Tekstil A.Ş.', country: 'TR', role: 'RETAILER' });
  });

  it.each(['anvora tekstil', 'ANVORA', 'Anvora Textil', 'Anvra Tekstil', 'Tekstil Anvora', 'anvora-tekstil ltd sti', 'Anvora Tekstıl San. Tic. A.Ş.'])(
    'finds "Anvora Tekstil Sanayi ve Ticaret Ltd. Şti." by %j',
    async (query) => {
      expect(await search(query)).toContain(anvora.name);
    },
  );

  it('searches aliases too', async () => {
    expect(await search('karadeniz can yelekleri')).toEqual([anvora.name]);
    expect(await search('Karadenis Yelekleri')).toEqual([anvora.name]);
  });

  it.each(['Tekstil Ltd', 'Tekstil Sanayi ve Ticaret', 'Textile Export', 'Marine Trading GmbH', 'GmbH', 'Ltd. Şti.', 've', '!!!'])(
    'does not offer it for %j, which shares only generic words or legal forms with it',
    async (query) => {
      expect(await search(query)).not.toContain(anvora.name);
    },
  );

  it('finds a firm named only with generic words by its own name', async () => {
    expect(await search('Tekstil Ticaret Ltd Sti')).toEqual(['Tekstil Ticaret Ltd. Şti.']);
    expect(await search('tekstil ticaret')).toEqual(['Tekstil Ticaret Ltd. Şti.']);
  });

  it('ranks the best match first: equal fingerprints, then close ones, and leaves unrelated firms out', async () => {
    const found = await search('Anvora Tekstil Ltd. Şti.');
    // Both have the query's fingerprint "anvora tekstil"; then a close distinctive word.
    expect(found.slice(0, 2).sort()).toEqual(['Anvora Tekstil A.Ş.', 'Anvora Tekstil Sanayi ve Ticaret Ltd. Şti.']);
    expect(found.slice(2)).toEqual(['Anvoran Logistics BV']);
    expect(await search('Anvoran Logistik')).toEqual(['Anvoran Logistics BV', 'Anvora Tekstil A.Ş.', 'Anvora Tekstil Sanayi ve Ticaret Ltd. Şti.']);
  });

  it('narrows a search by country and role', async () => {
    expect(await search('anvora', { country: 'NL' })).toEqual(['Anvoran Logistics BV']);
    expect(await search('anvora', { role: 'RETAILER' })).toEqual(['Anvora Tekstil A.Ş.']);
    expect(await search('anvora', { agency: [owner.code] })).toEqual([anvora.name]);
  });

  it('finds names with umlauts however they are spelt', async () => {
    const other = await partner.token([Role.ANALYST]);
    await makeSupplier(app, other, { name: 'Müllerhaven Bootsbau GmbH' });
    await makeSupplier(app, other, { name: 'Gümüşsuyu Şişme Tekne Ltd. Şti.' });
    for (const query of ['Müllerhaven', 'Muellerhaven', 'Mullerhaven', 'MUELLERHAVEN BOOTSBAU']) {
      expect([query, await search(query)]).toEqual([query, ['Müllerhaven Bootsbau GmbH']]);
    }
    for (const query of ['Gümüşsuyu', 'Gumussuyu', 'GUEMUESSUYU']) {
      expect([query, await search(query)]).toEqual([query, ['Gümüşsuyu Şişme Tekne Ltd. Şti.']]);
    }
  });

  it('refuses a search over 500 characters', async () => {
    const res = await app.graphql(analyst, SUPPLIERS, { filter: { search: 'a'.repeat(501) } });
    expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lists newest first for a blank search', async () => {
    const page = await suppliers(analyst, { filter: { search: '  ', agency: [outsider.code] }, first: 100 });
    expect(page.nodes[0].name).toBe('Anvora Tekstil A.Ş.');
    expect(page.totalCount).toBe(6);
  });

  it('refuses an identifier filter that cannot be one', async () => {
    const res = await app.graphql(analyst, SUPPLIERS, { filter: { identifier: { scheme: 'PHONE', value: '0212 555' } } });
    expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('suppliers: ranked pagination', () => {
  const names = [
    'Zelvantor Boats', // exact
    'Zelvantor Marine Ltd', // exact fingerprint once generic? no: another fingerprint, same distinctive word
    'Zelvantro Trading',
    'Zelvanto Rubber',
    'Zelvantorr Yachts',
    'Zelvantor Zelvantorix Holding',
    'Zelvanntor Textile',
  ];

  beforeAll(async () => {
    for (const name of names) await makeSupplier(app, analyst, { name });
  });

  it('walks every page by score, without repeats or gaps, counting every candidate', async () => {
    const all = await suppliers(analyst, { filter: { search: 'Zelvantor' }, first: 100 });
    expect(all.totalCount).toBe(names.length);
    expect(all.nodes.map((n) => n.name).sort()).toEqual([...names].sort());
    expect(all.nodes[0].name).toBe('Zelvantor Boats');
    const scores = all.edges.map((e) => Number(JSON.parse(Buffer.from(e.cursor, 'base64url').toString())[1]));
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);

    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof suppliers>> = await suppliers(analyst, { filter: { search: 'zelvantor' }, first: 3, after });
      expect(page.totalCount).toBe(names.length);
      expect(page.edges.map((e) => e.node.name)).toEqual(page.nodes.map((n) => n.name));
      seen.push(...page.nodes.map((n) => n.name));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual(all.nodes.map((n) => n.name));
  });

  it('answers first: 0 with an empty page that still counts', async () => {
    const page = await suppliers(analyst, { filter: { search: 'Zelvantor' }, first: 0 });
    expect(page).toMatchObject({ totalCount: names.length, nodes: [], pageInfo: { hasNextPage: true, endCursor: null } });
  });

  it('refuses a cursor of another search or of the newest-first list', async () => {
    const ranked = await suppliers(analyst, { filter: { search: 'Zelvantor' }, first: 1 });
    const other = await app.graphql(analyst, SUPPLIERS, { filter: { search: 'Anvora' }, after: ranked.pageInfo.endCursor });
    expect(other.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const newest = await suppliers(analyst, { first: 1 });
    const mixed = await app.graphql(analyst, SUPPLIERS, { filter: { search: 'Zelvantor' }, after: newest.pageInfo.endCursor });
    expect(mixed.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const back = await app.graphql(analyst, SUPPLIERS, { after: ranked.pageInfo.endCursor });
    expect(back.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('suppliers: newest first', () => {
  it('walks every page of an agency\'s suppliers, newest first', async () => {
    const agency = await makeAgency(app);
    const token = await agency.token([Role.ANALYST]);
    const made: string[] = [];
    for (let i = 1; i <= 5; i++) made.push((await makeSupplier(app, token, { name: `Pagina Zeilmakerij ${i}` })).name);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof suppliers>> = await suppliers(token, { filter: { agency: [agency.code] }, first: 2, after });
      expect(page.totalCount).toBe(5);
      seen.push(...page.nodes.map((n) => n.name));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual([...made].reverse());
  });
});

describe('search and the trigram index', () => {
  /** Runs `work` in a request transaction of `agency`'s analyst (the app role, under row-level security). */
  async function asAnalystOf<T>(agency: TestAgency, work: (tx: RequestTransaction) => Promise<T>): Promise<T> {
    const tx = new RequestTransaction(app.dataSource, { subject: 'planner', agencyCode: agency.code, roles: [Role.ANALYST] });
    try {
      return await work(tx);
    } finally {
      await tx.finish(false);
    }
  }

  it.each(['Anvra Tekstil', 'Müllerhaven Bootsbau', 'Tekstil Ltd'])(
    'looks %j up on supplier_search_trgm_idx as the app role',
    async (query) => {
      const scans = await asAnalystOf(owner, async (tx) => {
        const manager = await tx.manager();
        await manager.query('SET LOCAL enable_seqscan = off'); // the tables here are tiny
        await new SupplierService(manager, await tx.caller()).scoredCandidates(searchTerms(query)!).getRawMany();
        // This transaction's own index statistics, not yet flushed.
        const [row] = await manager.query(`SELECT pg_stat_get_xact_numscans('supplier_search_trgm_idx'::regclass)::int AS n`);
        return row.n;
      });
      expect(scans).toBeGreaterThan(0);
    },
  );

  it('answers the lookup only with suppliers the caller may read', async () => {
    await makeSupplier(app, analyst, { name: 'Quorvelle Hidden Dinghies', handling: 'TLP_AMBER_STRICT' });
    const lookup = (agency: TestAgency) =>
      asAnalystOf(agency, async (tx) =>
        (await tx.manager()).query(`SELECT count(*)::int AS n FROM supplier_search_lookup(ARRAY['quorvelle'], ARRAY[]::text[], 0.4)`),
      );
    expect((await lookup(owner))[0].n).toBe(1);
    expect((await lookup(outsider))[0].n).toBe(0);
  });
});
