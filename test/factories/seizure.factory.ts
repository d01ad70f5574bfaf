import type { TestApp } from '../setup/test-app';

let sequence = 0;

/** A valid seizureRecord input with one engine; override any field. */
export function seizureInput(overrides: Record<string, unknown> = {}): Record<string, any> {
  sequence += 1;
  return {
    reference: `REF-${Date.now().toString(36)}-${sequence}`,
    seizedAt: '2025-03-14T05:30:00+01:00',
    items: [{ kind: 'ENGINE', make: 'Velmont Marine', model: '6G5', serialNumber: `6G5-${1000000 + sequence}` }],
    ...overrides,
  };
}

export const RECORD_SEIZURE = `mutation ($input: SeizureRecordInput!) {
  seizureRecord(input: $input) {
    seizure { id reference jurisdiction handling seizedAt agency { code } sharedWith { code }
      items(first: 100) { totalCount nodes { id kind serialNumber hin batchNumber identifier quantity markDamaged } } }
    userErrors { code message field }
  }
}`;

/** Records a seizure through the API and returns the payload (fails the test on a transport error). */
export async function recordSeizure(app: TestApp, token: string, input: Record<string, unknown>) {
  const res = await app.graphql(token, RECORD_SEIZURE, { input });
  if (res.status !== 200 || res.body.errors) throw new Error(`seizureRecord failed: ${JSON.stringify(res.body)}`);
  return res.body.data.seizureRecord as { seizure: any; userErrors: Array<{ code: string; message: string; field: string[] }> };
}

/** Records a seizure that must succeed; returns the seizure. */
export async function makeSeizure(app: TestApp, token: string, overrides: Record<string, unknown> = {}) {
  const payload = await recordSeizure(app, token, seizureInput(overrides));
  if (payload.userErrors.length) throw new Error(`makeSeizure refused: ${JSON.stringify(payload.userErrors)}`);
  return payload.seizure;
}
