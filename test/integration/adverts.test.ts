// Adverts through HTTP: recording with every field and refusal, linking, what each agency may
// read on every path (node, advert, adverts and totalCount, a supplier's adverts, nested
// fields), the filters and the text search in several languages, and the audit trail.
import { Role } from '../../src/auth/roles';
import { idOfType, toGlobalId } from '../../src/graphql/relay/global-id';
import { ADVERT_FIELDS, linkAdvert, makeAdvert, recordAdvert } from '../factories/advert.factory';
import { makeAgency, type TestAgency } from '../factories/agency.factory';
import { makeSeizure } from '../factories/seizure.factory';
import { makeSupplier } from '../factories/supplier.factory';
import { TestApp } from '../setup/test-app';

let app: TestApp;
let belgian: TestAgency;
let french: TestAgency;
let token: string;
let seller: { id: string; name: string };
let seizureId: string;

const NO_SUCH_SUPPLIER = toGlobalId('Supplier', '00000000-0000-4000-8000-000000000000');
const HASH = 'A3F1'.repeat(16);
const countAdverts = async () => (await app.query('SELECT count(*)::int AS n FROM advert'))[0].n;

beforeAll(async () => {
  app = await TestApp.start();
  belgian = await makeAgency(app, { jurisdiction: 'BE' });
  french = await makeAgency(app, { jurisdiction: 'FR' });
  token = await belgian.token([Role.OFFICER, Role.ANALYST]);
  seller = await makeSupplier(app, token, { name: 'Noordzee Buitenboordmotoren', role: 'ONLINE_SELLER', country: 'BE' });
  seizureId = (await makeSeizure(app, token, { items: [{ kind: 'ENGINE', serialNumber: 'ADV-ENG-1' }] })).id;
});
afterAll(() => app.stop());

describe('advertRecord', () => {
  it('stores an advert with every field, the account on the advert\'s platform and a national phone read in the agency\'s country', async () => {
    const payload = await recordAdvert(app, token, {
      platform: 'TIKTOK', kind: 'EQUIPMENT_SALE', url: 'https://www.tiktok.com/@zeemotor.verkoop41/video/7301122334455667788?utm_source=copy',
      account: { scheme: 'social_handle', value: '@ZeeMotor.Verkoop41' },
      contacts: [{ scheme: 'PHONE', value: '0470 11 22 33' }, { scheme: 'EMAIL', value: 'Verkoop@Zeemotor.example' }, { scheme: 'PHONE', value: '+32 470 11 22 33' }],
      capturedAt: '2025-04-02T09:30:00Z', text: '  Buitenboordmotoren te koop, 40 pk, levering mogelijk  ', contentHash: HASH,
      offers: [{ itemKind: 'ENGINE', make: 'Velmont', model: 'V40', quantity: 6, price: { amount: '1850.5', currency: 'eur' } }, { itemKind: 'LIFE_JACKET' }],
      advertiserId: seller.id, seizureIds: [seizureId], clientKey: `capture-${Date.now()}`,
    });
    expect(payload.userErrors).toEqual([]);
    expect(payload.advert).toMatchObject({
      platform: 'TIKTOK', kind: 'EQUIPMENT_SALE', url: 'https://www.tiktok.com/@zeemotor.verkoop41/video/7301122334455667788?utm_source=copy',
      account: { scheme: 'SOCIAL_HANDLE', value: '@ZeeMotor.Verkoop41', normalised: 'tiktok:zeemotor.verkoop41' },
      // The same phone written twice is kept once.
      contacts: [
        { scheme: 'PHONE', value: '0470 11 22 33', normalised: '+32470112233' },
        { scheme: 'EMAIL', value: 'Verkoop@Zeemotor.example', normalised: 'verkoop@zeemotor.example' },
      ],
      capturedAt: '2025-04-02T09:30:00.000Z', text: 'Buitenboordmotoren te koop, 40 pk, levering mogelijk', contentHash: HASH.toLowerCase(),
      offers: [
        { itemKind: 'ENGINE', make: 'Velmont', model: 'V40', quantity: 6, price: { amount: '1850.50', currency: 'EUR' } },
        { itemKind: 'LIFE_JACKET', make: null, model: null, quantity: null, price: null },
      ],
      advertiser: { id: seller.id, name: seller.name }, seizures: [{ id: seizureId }],
      handling: 'TLP_GREEN', recordedBy: { code: belgian.code }, sharedWith: [],
    });
    const [row] = await app.query(`SELECT a.url_key, t.fold FROM advert a JOIN advert_text t ON t.advert_id = a.id WHERE a.content_hash = $1`, [HASH.toLowerCase()]);
    expect(row).toEqual({ url_key: 'tiktok.com/@zeemotor.verkoop41/video/7301122334455667788', fold: 'buitenboordmotoren te koop pk levering mogelijk' });
  });

  const refusals: Array<[string, () => Record<string, unknown>, string, string[]]> = [
    ['a capture in the future', () => ({ capturedAt: new Date(Date.now() + 3_600_000).toISOString() }), 'INVALID_INPUT', ['input', 'capturedAt']],
    ['a text over 10,000 characters', () => ({ text: 'x'.repeat(10_001) }), 'INVALID_INPUT', ['input', 'text']],
    ['a content hash that is no sha256', () => ({ contentHash: 'abc123' }), 'INVALID_INPUT', ['input', 'contentHash']],
    ['a URL that is no web address', () => ({ url: 'ftp://files.example/boat.jpg' }), 'INVALID_IDENTIFIER', ['input', 'url']],
    ['a URL with spaces', () => ({ url: 'https://example.com/a b' }), 'INVALID_IDENTIFIER', ['input', 'url']],
    ['an account that is no handle', () => ({ account: { scheme: 'PHONE', value: '+32470112233' } }), 'INVALID_INPUT', ['input', 'account', 'scheme']],
    ['a bare handle on a platform without handles', () => ({ platform: 'MARKETPLACE', account: { scheme: 'SOCIAL_HANDLE', value: '@seller' } }), 'INVALID_IDENTIFIER', ['input', 'account', 'value']],
    ['a contact phone that cannot be one', () => ({ contacts: [{ scheme: 'EMAIL', value: 'a@b.example' }, { scheme: 'PHONE', value: '12' }] }), 'INVALID_IDENTIFIER', ['input', 'contacts', '1', 'value']],
    ['a contact of an unknown scheme', () => ({ contacts: [{ scheme: 'FAX', value: '123' }] }), 'INVALID_INPUT', ['input', 'contacts', '0', 'scheme']],
    ['21 contacts', () => ({ contacts: Array.from({ length: 21 }, (_, i) => ({ scheme: 'EMAIL', value: `c${i}@example.com` })) }), 'INVALID_INPUT', ['input', 'contacts']],
    ['21 offers', () => ({ offers: Array(21).fill({ itemKind: 'PUMP' }) }), 'INVALID_INPUT', ['input', 'offers']],
    ['a quantity of none', () => ({ offers: [{ quantity: 0 }] }), 'INVALID_INPUT', ['input', 'offers', '0', 'quantity']],
    ['a price in no currency', () => ({ offers: [{ price: { amount: '10', currency: 'EUX' } }] }), 'INVALID_INPUT', ['input', 'offers', '0', 'price', 'currency']],
    ['a price with too many digits', () => ({ offers: [{ price: { amount: '10.001', currency: 'EUR' } }] }), 'INVALID_INPUT', ['input', 'offers', '0', 'price', 'amount']],
    ['a make over 500 characters', () => ({ offers: [{ make: 'M'.repeat(501) }] }), 'INVALID_INPUT', ['input', 'offers', '0', 'make']],
    ['an advertiser that does not exist', () => ({ advertiserId: NO_SUCH_SUPPLIER }), 'NOT_FOUND', ['input', 'advertiserId']],
    ['an id of another type as advertiser', () => ({ advertiserId: seizureId }), 'NOT_FOUND', ['input', 'advertiserId']],
    ['a seizure that does not exist', () => ({ seizureIds: [seizureId, 'garbage'] }), 'NOT_FOUND', ['input', 'seizureIds', '1']],
    ['sharedWith without TLP_AMBER', () => ({ sharedWith: [french.code] }), 'INVALID_INPUT', ['input', 'sharedWith']],
    ['a client key over 64 characters', () => ({ clientKey: 'k'.repeat(65) }), 'INVALID_INPUT', ['input', 'clientKey']],
  ];

  it.each(refusals)('refuses %s, naming the field, and stores nothing', async (_name, input, code, field) => {
    const before = await countAdverts();
    const payload = await recordAdvert(app, token, input());
    expect(payload.advert).toBeNull();
    expect(payload.userErrors).toContainEqual(expect.objectContaining({ code, field }));
    expect(await countAdverts()).toBe(before);
  });

  it('answers NOT_FOUND for an advertiser or seizure the caller may not read', async () => {
    const otherToken = await french.token();
    const secret = await makeSupplier(app, otherToken, { handling: 'TLP_AMBER_STRICT' });
    const hiddenSeizure = (await makeSeizure(app, otherToken, { handling: 'TLP_AMBER_STRICT', items: [{ kind: 'PUMP' }] })).id;
    const payload = await recordAdvert(app, token, { advertiserId: secret.id, seizureIds: [hiddenSeizure] });
    expect(payload.userErrors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'advertiserId'] }),
      expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'seizureIds', '0'] }),
    ]);
  });

  it('stores one advert for a client key, however often it is sent', async () => {
    const input = { text: 'Life jackets, all sizes', clientKey: `capture-${Date.now()}-again` };
    const first = await recordAdvert(app, token, input);
    const again = await recordAdvert(app, token, input);
    expect(again.advert).toEqual(first.advert);
    expect(again.userErrors).toEqual([expect.objectContaining({ code: 'DUPLICATE_REFERENCE', field: ['input', 'clientKey'] })]);
    expect((await app.query('SELECT count(*)::int AS n FROM advert WHERE client_key = $1', [input.clientKey]))[0].n).toBe(1);
  });

  it('is refused to an AUDITOR, and audited for those who may', async () => {
    const auditor = await belgian.token([Role.AUDITOR]);
    const res = await app.graphql(auditor, `mutation { advertRecord(input: { platform: X, kind: OTHER, capturedAt: "2025-01-01T00:00:00Z" }) { userErrors { code } } }`);
    expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const officer = await belgian.token([Role.OFFICER], 'officer.captures');
    const id = await makeAdvert(app, officer, { kind: 'CROSSING_OFFER' });
    const events = await app.query(`SELECT operation, outcome, entity_ids FROM audit_event WHERE actor = 'officer.captures'`);
    expect(events).toEqual([{ operation: 'advertRecord', outcome: 'SUCCESS', entity_ids: expect.arrayContaining([id]) }]);
  });
});

describe('advertLink', () => {
  it('names the party behind an advert and adds the seizures it is evidence for, keeping those linked before', async () => {
    const analyst = await belgian.token([Role.ANALYST], 'analyst.links');
    const other = (await makeSeizure(app, token, { items: [{ kind: 'BOAT' }] })).id;
    const id = await makeAdvert(app, token, { seizureIds: [seizureId] });
    const payload = await linkAdvert(app, analyst, { advertId: id, advertiserId: seller.id, seizureIds: [other, seizureId] });
    expect(payload.userErrors).toEqual([]);
    expect(payload.advert.advertiser).toEqual({ id: seller.id, name: seller.name });
    expect(payload.advert.seizures.map((s: any) => s.id).sort()).toEqual([seizureId, other].sort());
    const events = await app.query(`SELECT operation, outcome FROM audit_event WHERE actor = 'analyst.links'`);
    expect(events).toEqual([{ operation: 'advertLink', outcome: 'SUCCESS' }]);
    const list = await app.graphql(analyst, `query ($id: ID!) { supplier(id: $id) { adverts { totalCount nodes { id } } } }`, { id: seller.id });
    expect(list.body.data.supplier.adverts.nodes).toContainEqual({ id });
  });

  it('is for analysts of the recording agency, and refuses what it cannot read', async () => {
    const id = await makeAdvert(app, token);
    const officer = await belgian.token([Role.OFFICER]);
    const refused = await app.graphql(officer, `mutation ($id: ID!) { advertLink(input: { advertId: $id }) { userErrors { code } } }`, { id });
    expect(refused.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const frenchAnalyst = await french.token([Role.ANALYST]);
    expect((await linkAdvert(app, frenchAnalyst, { advertId: id, advertiserId: seller.id })).userErrors).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', field: ['input', 'advertId'] }),
    ]);
    const hidden = await makeAdvert(app, token, { handling: 'TLP_AMBER_STRICT' });
    expect((await linkAdvert(app, frenchAnalyst, { advertId: hidden })).userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'advertId'] })]);
    const analyst = await belgian.token([Role.ANALYST]);
    const bad = await linkAdvert(app, analyst, { advertId: id, advertiserId: NO_SUCH_SUPPLIER, seizureIds: ['garbage'] });
    expect(bad.userErrors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'advertiserId'] }),
      expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'seizureIds', '0'] }),
    ]);
    expect((await app.query('SELECT advertiser_id FROM advert WHERE id = $1', [idOfType(id, 'Advert')]))[0].advertiser_id).toBeNull();
  });
});

describe('what each agency may read of an advert', () => {
  let partner: TestAgency;
  let outsider: TestAgency;

  beforeAll(async () => {
    partner = await makeAgency(app, { jurisdiction: 'NL' });
    outsider = await makeAgency(app, { jurisdiction: 'DE' });
  });

  const READ = `query ($id: ID!, $party: ID!, $phone: String!) {
    advert(id: $id) { id }
    node(id: $id) { id }
    adverts { nodes { id } }
    byPhone: adverts(filter: { identifier: $phone }) { totalCount nodes { id } }
    byText: adverts(filter: { text: "Kestrovaan" }) { totalCount nodes { id } }
    supplier(id: $party) { adverts { totalCount nodes { id } } }
  }`;

  it.each([
    ['TLP_GREEN', { partner: true, outsider: true }],
    ['TLP_AMBER', { partner: true, outsider: false }],
    ['TLP_AMBER_STRICT', { partner: false, outsider: false }],
    ['TLP_RED', { partner: false, outsider: false }],
  ])('%s: on every read path, exactly the agencies that may', async (handling, may) => {
    const party = await makeSupplier(app, token, { name: `Advertiser ${handling}` });
    const phone = `+3247${String(Date.now()).slice(-7)}`;
    const id = await makeAdvert(app, token, {
      handling, sharedWith: handling === 'TLP_AMBER' ? [partner.code] : undefined, advertiserId: party.id,
      contacts: [{ scheme: 'PHONE', value: phone }], text: 'Kestrovaan rubberboten te koop',
    });
    for (const [who, agency] of [['partner', partner], ['outsider', outsider]] as const) {
      const res = await app.graphql(await agency.token(), READ, { id, party: party.id, phone });
      expect(res.body.errors).toBeUndefined();
      const data = res.body.data;
      const seen = may[who] ? [{ id }] : [];
      expect(data.advert).toEqual(may[who] ? { id } : null);
      expect(data.node).toEqual(may[who] ? { id } : null);
      expect(data.adverts.nodes.filter((a: any) => a.id === id)).toEqual(seen);
      expect(data.byPhone).toEqual({ totalCount: seen.length, nodes: seen });
      expect(data.byText.nodes.filter((a: any) => a.id === id)).toEqual(seen);
      expect(data.supplier.adverts).toEqual({ totalCount: seen.length, nodes: seen });
    }
    const mine = await app.graphql(token, READ, { id, party: party.id, phone });
    expect(mine.body.data.advert).toEqual({ id });
    expect(mine.body.data.byPhone.nodes).toEqual([{ id }]);
  });

  it('hides an advertiser and seizures the reader may not see, and keeps the rest', async () => {
    const secretParty = await makeSupplier(app, token, { name: 'Hidden Reseller', handling: 'TLP_AMBER_STRICT' });
    const secretSeizure = (await makeSeizure(app, token, { handling: 'TLP_AMBER_STRICT', items: [{ kind: 'PUMP' }] })).id;
    const id = await makeAdvert(app, token, { advertiserId: secretParty.id, seizureIds: [seizureId, secretSeizure], offers: [{ itemKind: 'PUMP' }] });
    const res = await app.graphql(await partner.token(), `query ($id: ID!) { advert(id: $id) { ${ADVERT_FIELDS} } }`, { id });
    expect(res.body.data.advert).toMatchObject({ advertiser: null, seizures: [{ id: seizureId }], offers: [{ itemKind: 'PUMP' }] });
  });
});

describe('adverts(filter)', () => {
  const list = async (filter: Record<string, unknown>, extra: Record<string, unknown> = {}, caller = token) => {
    const res = await app.graphql(caller, `query ($filter: AdvertFilter, $first: Int, $after: String) { adverts(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`, { filter, ...extra });
    expect(res.body.errors).toBeUndefined();
    return res.body.data.adverts;
  };

  it('filters by platform, kind and time captured, newest first, paged', async () => {
    const marker = `Filterplatform${Date.now()}`;
    const a = await makeAdvert(app, token, { platform: 'TELEGRAM', kind: 'CROSSING_OFFER', capturedAt: '2025-01-10T00:00:00Z', contacts: [{ scheme: 'EMAIL', value: `${marker}@example.com` }] });
    const b = await makeAdvert(app, token, { platform: 'TELEGRAM', kind: 'EQUIPMENT_SALE', capturedAt: '2025-02-10T00:00:00Z', contacts: [{ scheme: 'EMAIL', value: `${marker}@example.com` }] });
    const c = await makeAdvert(app, token, { platform: 'FACEBOOK', kind: 'CROSSING_OFFER', capturedAt: '2025-03-10T00:00:00Z', contacts: [{ scheme: 'EMAIL', value: `${marker}@example.com` }] });
    const identifier = `${marker.toUpperCase()}@EXAMPLE.COM`;
    expect(await list({ identifier })).toEqual({ totalCount: 3, pageInfo: { hasNextPage: false, endCursor: expect.any(String) }, nodes: [{ id: c }, { id: b }, { id: a }] });
    expect((await list({ identifier }, { first: 1 })).pageInfo.hasNextPage).toBe(true);
    expect((await list({ identifier, platform: ['TELEGRAM'] })).nodes).toEqual([{ id: b }, { id: a }]);
    expect((await list({ identifier, kind: ['CROSSING_OFFER'] })).nodes).toEqual([{ id: c }, { id: a }]);
    expect((await list({ identifier, capturedFrom: '2025-02-01T00:00:00Z', capturedTo: '2025-03-01T00:00:00Z' })).nodes).toEqual([{ id: b }]);
  });

  it('finds an identifier written any valid way: a national phone in the caller\'s country, a bare handle, a URL', async () => {
    const digits = String(Date.now()).slice(-6);
    const id = await makeAdvert(app, token, {
      platform: 'INSTAGRAM', url: `https://www.instagram.com/p/Cx${digits}/`, account: { scheme: 'SOCIAL_HANDLE', value: `gilets.ostende${digits}` },
      contacts: [{ scheme: 'PHONE', value: `0470 ${digits}` }, { scheme: 'CRYPTO_WALLET', value: 'trx:TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7' }],
    });
    const frenchToken = await french.token();
    for (const [identifier, caller] of [
      [`+32 470 ${digits}`, token], [`0470${digits}`, token], [`0032470${digits}`, frenchToken], [`@Gilets.Ostende${digits}`, token],
      [`instagram:gilets.ostende${digits}`, token], [`https://instagram.com/gilets.ostende${digits}`, token],
      [`http://instagram.com/p/Cx${digits}?igsh=abc`, token], ['trx:TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7', token],
    ] as const) {
      expect({ identifier, nodes: (await list({ identifier }, {}, caller)).nodes }).toEqual({ identifier, nodes: [{ id }] });
    }
    // In France the national form is another number.
    expect((await list({ identifier: `0470${digits}` }, {}, frenchToken)).nodes).toEqual([]);
    const bad = await app.graphql(token, `{ adverts(filter: { identifier: "not an identifier!" }) { totalCount } }`);
    expect(bad.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter' });
  });

  it('searches the text in its language\'s inflections, other scripts as written, and accents folded, best first', async () => {
    const tag = `zq${Date.now().toString(36)}`;
    const boat = await makeAdvert(app, token, { text: `Bateau pneumatique à vendre ${tag}, moteur inclus` });
    const engines = await makeAdvert(app, token, { text: `Motor 40 PS zu verkaufen ${tag}` });
    const arabic = await makeAdvert(app, token, { text: `سترات نجاة للبيع ${tag}` });
    const turkish = await makeAdvert(app, token, { text: `Gümüş Denizcilik şişme botlar ${tag}` });
    const both = await makeAdvert(app, token, { text: `Bateaux bateaux bateau ${tag}` });
    expect((await list({ text: `bateaux ${tag}` })).nodes).toEqual([{ id: both }, { id: boat }]);
    expect((await list({ text: `Motoren ${tag}` })).nodes).toEqual([{ id: engines }]);
    expect((await list({ text: `نجاة ${tag}` })).nodes).toEqual([{ id: arabic }]);
    expect((await list({ text: `gumus ${tag}` })).nodes).toEqual([{ id: turkish }]);
    expect((await list({ text: `botlar ${tag}` })).nodes).toEqual([{ id: turkish }]);
    expect((await list({ text: `vendre moteur ${tag}` })).nodes).toEqual([{ id: boat }]);
    // Paged by rank, and a cursor of another search is refused.
    const first = await list({ text: `bateaux ${tag}` }, { first: 1 });
    expect(first).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true }, nodes: [{ id: both }] });
    expect((await list({ text: `bateaux ${tag}` }, { first: 1, after: first.pageInfo.endCursor })).nodes).toEqual([{ id: boat }]);
    const other = await app.graphql(token, `query ($after: String) { adverts(filter: { text: "moteur" }, after: $after) { totalCount } }`, { after: first.pageInfo.endCursor });
    expect(other.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('sightings of adverts', () => {
  const SIGHTINGS = `query ($id: ID!) { advert(id: $id) { sightings { basis score identifier { scheme normalised } record { id } restricted { agency { code } handling } } } }`;
  const sightingsOf = async (caller: string, id: string) => {
    const res = await app.graphql(caller, SIGHTINGS, { id });
    expect(res.body.errors).toBeUndefined();
    return res.body.data.advert.sightings as any[];
  };
  const unique = () => String(Date.now()).slice(-6) + String(Math.floor(Math.random() * 10));

  it('finds a contact or account shared with another agency\'s suppliers, both ways, as a hit when unreadable and not at all under TLP_RED', async () => {
    const digits = unique().slice(0, 6);
    const frenchToken = await french.token([Role.ANALYST]);
    const broker = await makeSupplier(app, frenchToken, { role: 'MONEY_BROKER', identifiers: [{ scheme: 'PHONE', value: `+32 471 ${digits}` }] });
    const shop = await makeSupplier(app, frenchToken, { identifiers: [{ scheme: 'SOCIAL_HANDLE', value: `tiktok:@zeeboot${digits}` }] });
    await makeSupplier(app, frenchToken, { handling: 'TLP_AMBER_STRICT', identifiers: [{ scheme: 'PHONE', value: `0032471${digits}` }] });
    await makeSupplier(app, frenchToken, { handling: 'TLP_RED', identifiers: [{ scheme: 'PHONE', value: `+32471${digits}` }] });
    const id = await makeAdvert(app, token, { account: { scheme: 'SOCIAL_HANDLE', value: `zeeboot${digits}` }, contacts: [{ scheme: 'PHONE', value: `0471 ${digits}` }] });

    const reader = await belgian.token([Role.ANALYST], `analyst.hits.${digits}`);
    const sightings = await sightingsOf(reader, id);
    expect(sightings).toHaveLength(3);
    expect(sightings).toEqual(expect.arrayContaining([
      { basis: 'SAME_IDENTIFIER', score: 1, identifier: { scheme: 'PHONE', normalised: `+32471${digits}` }, record: { id: broker.id }, restricted: null },
      { basis: 'SAME_IDENTIFIER', score: 1, identifier: { scheme: 'SOCIAL_HANDLE', normalised: `tiktok:zeeboot${digits}` }, record: { id: shop.id }, restricted: null },
      { basis: 'SAME_IDENTIFIER', score: 1, identifier: null, record: null, restricted: { agency: { code: french.code }, handling: 'TLP_AMBER_STRICT' } },
    ]));
    // Both ways: the French broker sees the Belgian advert.
    const back = await app.graphql(frenchToken, `query ($id: ID!) { supplier(id: $id) { sightings { basis record { id ... on Advert { platform } } } } }`, { id: broker.id });
    expect(back.body.data.supplier.sightings).toEqual([{ basis: 'SAME_IDENTIFIER', record: { id, platform: 'TIKTOK' } }]);
    // A nested answer holding a restricted hit is audited.
    const events = await app.query('SELECT operation, outcome, entity_ids FROM audit_event WHERE actor = $1', [`analyst.hits.${digits}`]);
    expect(events).toEqual([{ operation: 'advert', outcome: 'SUCCESS', entity_ids: [id] }]);
  });

  it('finds the same address written another way (SAME_URL) and the same file (SAME_CONTENT), both ways and by look-up', async () => {
    const digits = unique();
    const hash = `${digits}`.padEnd(64, 'c');
    const frenchToken = await french.token();
    const theirs = await makeAdvert(app, frenchToken, { platform: 'FACEBOOK', url: `http://m.facebook.com/groups/bateaux.${digits}/posts/9981/?fbclid=xyz#top`, contentHash: hash.toUpperCase() });
    const mine = await makeAdvert(app, token, { platform: 'FACEBOOK', url: `https://www.facebook.com/groups/bateaux.${digits}/posts/9981`, contentHash: hash });
    expect(await sightingsOf(token, mine)).toEqual(expect.arrayContaining([
      { basis: 'SAME_URL', score: 1, identifier: null, record: { id: theirs }, restricted: null },
      { basis: 'SAME_CONTENT', score: 1, identifier: null, record: { id: theirs }, restricted: null },
    ]));
    expect((await sightingsOf(frenchToken, theirs)).map((s) => [s.basis, s.record.id]).sort()).toEqual([['SAME_CONTENT', mine], ['SAME_URL', mine]]);
    const lookup = await app.graphql(token, `query ($value: String!) { sightings(identifier: { scheme: "URL", value: $value }) { basis record { id } } }`,
      { value: `facebook.com/groups/bateaux.${digits}/posts/9981/?utm_medium=share` });
    expect(lookup.body.data.sightings.map((s: any) => [s.basis, s.record.id]).sort()).toEqual([['SAME_URL', mine], ['SAME_URL', theirs]].sort());
  });

  it('finds a repost of the same text with another price, phone and emoji (SIMILAR_TEXT), and keeps an advert on the same template for another item apart', async () => {
    const tag = `Kestrel${unique()}`;
    const original = `Bateau pneumatique ${tag} à vendre\nZeevaart 7,2 m, comme neuf, avec pompe et rames\nPrix 4700€\nAppel ou SMS 059 67 67 51`;
    const repost = `Zeevaart 7,2 m, comme neuf, avec pompe et rames 🔥🔥\nBateau pneumatique ${tag} à vendre\nPrix 4200€ !!\nAppel ou SMS +33 6 11 22 33 44`;
    const otherItem = `Bateau pneumatique ${tag} à vendre\nSeabright 5,8 m, bon état, avec moteur et réservoir\nPrix 3900€\nAppel ou SMS 059 11 22 33`;
    const frenchToken = await french.token();
    const theirs = await makeAdvert(app, frenchToken, { text: original });
    await makeAdvert(app, frenchToken, { text: original, handling: 'TLP_AMBER_STRICT' });
    await makeAdvert(app, frenchToken, { text: original, handling: 'TLP_RED' });
    const apart = await makeAdvert(app, frenchToken, { text: otherItem });
    const mine = await makeAdvert(app, token, { text: repost });

    const sightings = await sightingsOf(token, mine);
    expect(sightings.map((s) => s.basis)).toEqual(['SIMILAR_TEXT', 'SIMILAR_TEXT']);
    expect(sightings).toEqual(expect.arrayContaining([
      expect.objectContaining({ record: { id: theirs }, identifier: null, restricted: null }),
      expect.objectContaining({ record: null, restricted: { agency: { code: french.code }, handling: 'TLP_AMBER_STRICT' } }),
    ]));
    for (const { score } of sightings) expect(score > 0 && score < 1).toBe(true);
    expect(sightings.some((s) => s.record?.id === apart)).toBe(false);
    expect((await sightingsOf(frenchToken, theirs)).map((s) => s.record?.id)).toEqual([mine]);
  });

  it('compares texts by their distinctive wording once the statistics know a template: a repost is found, the bare template is not', async () => {
    const frenchToken = await french.token();
    const template = (words: string, price: number, phone: string) =>
      `Moteur hors-bord Anvora 15 CV à vendre\n${words}\nPrix ${price}€, livraison sur Dunkerque\nWhatsApp ${phone}`;
    const fillers = ['neuf emballé garanti', 'rapide fiable solide', 'stock limité urgent', 'pièces disponibles toutes', 'sérieux seulement svp'];
    for (let n = 0; n < 60; n++) {
      await makeAdvert(app, frenchToken, { text: template(`${fillers[n % 5]} ${fillers[(n + 2) % 5]}`, 1000 + n, `+33 6 12 34 ${String(10 + n).padStart(2, '0')} 00`) });
    }
    const tag = `Qiaoxing${unique()}`;
    const theirs = await makeAdvert(app, frenchToken, { text: template(`${tag} jamais servi, facture et notice d'origine`, 2400, '+33 6 98 76 54 32') });
    await app.query('ANALYZE advert_text');

    const repost = await makeAdvert(app, token, { text: template(`${tag} jamais servi, facture et notice d'origine`, 2150, '+32 470 99 88 77') });
    expect((await sightingsOf(token, repost)).map((s) => [s.basis, s.record?.id])).toEqual([['SIMILAR_TEXT', theirs]]);
    // The template's wording, held by 61 French adverts, is now known as common and compared with nothing.
    expect((await app.query('SELECT count(*)::int AS n FROM advert_common_shingle'))[0].n).toBeGreaterThan(0);
    const bare = await makeAdvert(app, token, { text: 'Moteur hors-bord Anvora 15 CV à vendre\nPrix 900€, livraison sur Dunkerque\nWhatsApp +32 470 12 12 12' });
    expect(await sightingsOf(token, bare)).toEqual([]);
  });
});
