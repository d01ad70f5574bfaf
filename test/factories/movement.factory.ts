import type { TestApp } from '../setup/test-app';

export const RECORD_MOVEMENT = `mutation ($input: MovementRecordInput!) {
  movementRecord(input: $input) {
    movement { id handling occurredAt fromCountry toCountry mode documentRef quantity
      from { id name } to { id name } items { id } recordedBy { code } }
    userErrors { code message field }
  }
}`;

/** Calls movementRecord and returns the payload (fails the test on a transport error). */
export async function recordMovement(app: TestApp, token: string, input: Record<string, unknown>) {
  const res = await app.graphql(token, RECORD_MOVEMENT, { input });
  if (res.status !== 200 || res.body.errors) throw new Error(`movementRecord failed: ${JSON.stringify(res.body)}`);
  return res.body.data.movementRecord as { movement: any; userErrors: Array<{ code: string; message: string; field: string[] }> };
}

/** Records a movement that must succeed; returns its id. */
export async function makeMovement(
  app: TestApp,
  token: string,
  from: { id: string } | null,
  to: { id: string } | null,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const payload = await recordMovement(app, token, { fromSupplierId: from?.id, toSupplierId: to?.id, ...overrides });
  if (payload.userErrors.length || !payload.movement) throw new Error(`makeMovement refused: ${JSON.stringify(payload.userErrors)}`);
  return payload.movement.id;
}
