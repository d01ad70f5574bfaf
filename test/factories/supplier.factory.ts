import type { TestApp } from '../setup/test-app';

let sequence = 0;

/** A valid supplierCreate input with an invented, unique name; override any field. */
export function supplierInput(overrides: Record<string, unknown> = {}): Record<string, any> {
  sequence += 1;
  return {
    name: `Kestrovan Dinghy Works ${sequence}-${Math.random().toString(36).slice(2, 6)}`,
    role: 'MANUFACTURER',
    country: 'TR',
    ...overrides,
  };
}

export const CREATE_SUPPLIER = `mutation ($input: SupplierCreateInput!) {
  supplierCreate(input: $input) {
    supplier { id name aliases role country handling recordedAt recordedBy { code } sharedWith { code }
      identifiers { scheme value normalised } }
    userErrors { code message field }
  }
}`;

/** Calls supplierCreate and returns the payload (fails the test on a transport error). */
export async function createSupplier(app: TestApp, token: string, input: Record<string, unknown>) {
  const res = await app.graphql(token, CREATE_SUPPLIER, { input });
  if (res.status !== 200 || res.body.errors) throw new Error(`supplierCreate failed: ${JSON.stringify(res.body)}`);
  return res.body.data.supplierCreate as { supplier: any; userErrors: Array<{ code: string; message: string; field: string[] }> };
}

/** Records a supplier that must succeed (token needs the ANALYST role); returns its id and name. */
export async function makeSupplier(
  app: TestApp,
  token: string,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; name: string }> {
  const payload = await createSupplier(app, token, supplierInput(overrides));
  if (payload.userErrors.length || !payload.supplier) {
    throw new Error(`makeSupplier refused: ${JSON.stringify(payload.userErrors)}`);
  }
  return { id: payload.supplier.id, name: payload.supplier.name };
}
