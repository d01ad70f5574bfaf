import { toGlobalId } from '../../src/graphql/relay/global-id';
import { comparableFold } from '../../src/modules/advert/advert-text';
import { canonicalUrlKey } from '../../src/modules/supplier/identifiers/canonical-url';
import { identifierKey } from '../../src/modules/supplier/party-identifiers';
import { IdentifierScheme } from '../../src/modules/supplier/supplier.enums';
import { LAYER_DIGIT, type Layer, type Scenario } from './scenario';
import { auditSuccess, placeholders, type SqlWork } from './sql-session';

export type AdvertVariant = 'repost' | 'textless';

/** Accounts of the adverts the benchmark records live; deleted (with their sightings) before each run. */
export const LIVE_ADVERT_ACCOUNT = 'tiktok:bench.live.';

const MUTATION = `mutation Record($input: AdvertRecordInput!) {
  advertRecord(input: $input) { advert { id platform url account { normalised } contacts { normalised } } userErrors { code message field } }
}`;

/**
 * Recording a TikTok advert with its account, a phone and a URL nobody holds. `repost`: with a
 * text that reposts another agency's stored advert (a new price and phone), so its text is
 * searched among every stored text and found; `textless`: the same without a text. The
 * difference is what the text's search document and its near-duplicate sightings cost a write.
 */
export function advertRecord(variant: AdvertVariant, runId: string, storedTexts: string[]): Scenario {
  return {
    name: `advert-record-${variant}`,
    title: `advertRecord, ${variant === 'repost' ? 'the text of another agency\'s advert reposted' : 'no text'}`,
    params(n: number, layer: Layer) {
      const digit = LAYER_DIGIT[layer];
      const serial = String(n % 100000).padStart(5, '0');
      const phone = `+44 7700 9${digit}${serial.slice(1)}`;
      const text = variant === 'repost' ? `🔥 ${storedTexts[n % storedTexts.length].replace(/\d{3,}/u, String(100 + (n % 900)))} 🔥\nWhatsApp ${phone}` : null;
      return {
        input: {
          platform: 'TIKTOK', kind: 'EQUIPMENT_SALE', url: `https://www.tiktok.com/@bench.live.${runId}/video/${digit}${serial}`,
          account: { scheme: 'SOCIAL_HANDLE', value: `@bench.live.${runId}-${variant}-${digit}-${n}` }, contacts: [{ scheme: 'PHONE', value: phone }],
          capturedAt: new Date(Date.now() - 3_600_000).toISOString(), text,
        },
      };
    },
    graphql: (params) => ({ query: MUTATION, variables: params }),
    succeeded: (body) => body.includes('"userErrors":[]'),
    baseline: 'advert-record',
  };
}

/**
 * The statements the registry sends for advertRecord, as plain SQL: savepoint, the advert
 * (RETURNING its id), its account and contact, its text with the search document, sighting_link
 * and (with a text) sighting_link_text, the advert read back with its identifiers, the audit event.
 */
export const advertRecordSql: SqlWork = async (session, { input }) => {
  const agency = session.caller.agency!;
  const url = canonicalUrlKey(input.url);
  const account = `tiktok:${input.account.value}`;
  const identifiers = [
    [0, true, IdentifierScheme.SOCIAL_HANDLE, input.account.value, identifierKey(IdentifierScheme.SOCIAL_HANDLE, account, null)],
    [1, false, IdentifierScheme.PHONE, input.contacts[0].value, identifierKey(IdentifierScheme.PHONE, input.contacts[0].value, agency.jurisdiction)],
  ] as const;
  await session.query('SAVEPOINT record');
  const [{ id }] = await session.query(
    `INSERT INTO advert (agency_id, platform, kind, url, url_key, captured_at, text, content_hash, advertiser_id, handling, shared_with, recorded_by, client_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, NULL, 'TLP_GREEN', '{}', $8, NULL) ON CONFLICT DO NOTHING RETURNING id`,
    [agency.id, input.platform, input.kind, input.url, url.ok ? url.key : null, input.capturedAt, input.text, session.caller.subject],
  );
  const rows = identifiers.map(([position, isAccount, scheme, value, key]) => [id, position, agency.id, isAccount, scheme, value, key.ok ? key.key : value]);
  await session.query(`INSERT INTO advert_identifier (advert_id, position, agency_id, is_account, scheme, value, value_key) VALUES ${placeholders(rows.length, 7)}`, rows.flat());
  if (input.text !== null) {
    await session.query('INSERT INTO advert_text (advert_id, agency_id, fold, document) VALUES ($1, $2, $3, advert_document($4, $3))', [id, agency.id, comparableFold(input.text), input.text]);
  }
  await session.query(`SELECT sighting_link('ADVERT', ARRAY[CAST($1 AS uuid)])`, [id]);
  if (input.text !== null) await session.query('SELECT sighting_link_text(ARRAY[CAST($1 AS uuid)])', [id]);
  await session.query('RELEASE SAVEPOINT record');
  const [advert] = await session.query('SELECT id, platform, url FROM advert WHERE id = $1', [id]);
  const held = await session.query('SELECT is_account, value_key FROM advert_identifier WHERE advert_id = $1 ORDER BY position', [id]);
  await auditSuccess(session, 'advertRecord', 'Advert', id);
  return {
    advert: {
      id: toGlobalId('Advert', advert.id), platform: advert.platform, url: advert.url,
      account: { normalised: held.find((h) => h.is_account)?.value_key }, contacts: held.filter((h) => !h.is_account).map((h) => ({ normalised: h.value_key })),
    },
    userErrors: [],
  };
};
