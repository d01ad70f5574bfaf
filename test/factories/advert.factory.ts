import type { TestApp } from '../setup/test-app';

export const ADVERT_FIELDS = `id handling platform kind url capturedAt text contentHash recordedAt
  account { scheme value normalised } contacts { scheme value normalised }
  offers { itemKind make model quantity price { amount currency } }
  advertiser { id name } seizures { id } recordedBy { code } sharedWith { code }`;

export const RECORD_ADVERT = `mutation ($input: AdvertRecordInput!) {
  advertRecord(input: $input) { advert { ${ADVERT_FIELDS} } userErrors { code message field } }
}`;

export const LINK_ADVERT = `mutation ($input: AdvertLinkInput!) {
  advertLink(input: $input) { advert { ${ADVERT_FIELDS} } userErrors { code message field } }
}`;

type Payload = { advert: any; userErrors: Array<{ code: string; message: string; field: string[] }> };

/** Calls advertRecord with a valid advert (platform, kind, capturedAt) under `input`; returns the payload (fails the test on a transport error). */
export async function recordAdvert(app: TestApp, token: string, input: Record<string, unknown>): Promise<Payload> {
  const res = await app.graphql(token, RECORD_ADVERT, { input: { platform: 'TIKTOK', kind: 'EQUIPMENT_SALE', capturedAt: '2025-05-01T08:00:00Z', ...input } });
  if (res.status !== 200 || res.body.errors) throw new Error(`advertRecord failed: ${JSON.stringify(res.body)}`);
  return res.body.data.advertRecord;
}

/** Records an advert that must succeed; returns its id. */
export async function makeAdvert(app: TestApp, token: string, input: Record<string, unknown> = {}): Promise<string> {
  const payload = await recordAdvert(app, token, input);
  if (payload.userErrors.length || !payload.advert) throw new Error(`makeAdvert refused: ${JSON.stringify(payload.userErrors)}`);
  return payload.advert.id;
}

/** Calls advertLink; returns the payload (fails the test on a transport error). */
export async function linkAdvert(app: TestApp, token: string, input: Record<string, unknown>): Promise<Payload> {
  const res = await app.graphql(token, LINK_ADVERT, { input });
  if (res.status !== 200 || res.body.errors) throw new Error(`advertLink failed: ${JSON.stringify(res.body)}`);
  return res.body.data.advertLink;
}
