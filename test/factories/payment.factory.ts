import type { TestApp } from '../setup/test-app';

export const PAYMENT_FIELDS = `id handling method paidAt fromCountry toCountry reference recordedAt
  amount { amount currency } payer { id name } payee { id name } brokers { id name }
  paidFor { seizures { id } movements { id } } recordedBy { code } sharedWith { code }`;

export const RECORD_PAYMENT = `mutation ($input: PaymentRecordInput!) {
  paymentRecord(input: $input) { payment { ${PAYMENT_FIELDS} } userErrors { code message field } }
}`;

/** Calls paymentRecord and returns the payload (fails the test on a transport error). */
export async function recordPayment(app: TestApp, token: string, input: Record<string, unknown>) {
  const res = await app.graphql(token, RECORD_PAYMENT, { input });
  if (res.status !== 200 || res.body.errors) throw new Error(`paymentRecord failed: ${JSON.stringify(res.body)}`);
  return res.body.data.paymentRecord as { payment: any; userErrors: Array<{ code: string; message: string; field: string[] }> };
}

/** Records a payment that must succeed, from `payer` through `brokers` to `payee` (any null when unknown); returns its id. */
export async function makePayment(
  app: TestApp,
  token: string,
  payer: { id: string } | null,
  brokers: Array<{ id: string }>,
  payee: { id: string } | null,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const payload = await recordPayment(app, token, { payerId: payer?.id, brokerIds: brokers.map((b) => b.id), payeeId: payee?.id, ...overrides });
  if (payload.userErrors.length || !payload.payment) throw new Error(`makePayment refused: ${JSON.stringify(payload.userErrors)}`);
  return payload.payment.id;
}
