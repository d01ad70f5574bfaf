import { performance } from 'node:perf_hooks';

const MUTATION = `mutation Record($input: SeizureRecordInput!) {
  seizureRecord(input: $input) { seizure { id } userErrors { code message field } }
}`;

/** A seizure the writer recorded: what a subscriber's filter and rights decide on, and when it was sent and answered. */
export interface Written {
  id: string;
  agency: string;
  kinds: string[];
  sentAt: number;
  answeredAt: number;
}

export interface SeizureToWrite {
  agency: string;
  token: string;
  input: Record<string, unknown> & { items: Array<{ kind: string; make?: string }> };
}

/** Records one seizure through the registry at `baseUrl`; throws on any error or refusal. */
export async function writeSeizure(baseUrl: string, seizure: SeizureToWrite): Promise<Written> {
  const sentAt = performance.now();
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${seizure.token}` },
    body: JSON.stringify({ query: MUTATION, variables: { input: seizure.input } }),
  });
  const answeredAt = performance.now();
  const body = (await res.json()) as { data?: { seizureRecord: { seizure: { id: string } | null; userErrors: unknown[] } }; errors?: unknown[] };
  const recorded = body.data?.seizureRecord;
  if (!res.ok || body.errors || !recorded?.seizure || recorded.userErrors.length > 0) {
    throw new Error(`recording a seizure failed: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  }
  return { id: recorded.seizure.id, agency: seizure.agency, kinds: seizure.input.items.map((item) => item.kind), sentAt, answeredAt };
}

/**
 * Records `perSecond` seizures a second for `seconds`, open loop: each starts on its tick,
 * whether or not the earlier ones have been answered, as independent officers would.
 */
export async function writeAtRate(baseUrl: string, perSecond: number, seconds: number, seizureOf: (n: number) => SeizureToWrite): Promise<Written[]> {
  const total = Math.max(1, Math.round(perSecond * seconds));
  const started = performance.now();
  const writes: Array<Promise<Written>> = [];
  for (let n = 0; n < total; n++) {
    const due = started + (n * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    writes.push(writeSeizure(baseUrl, seizureOf(n)));
  }
  return Promise.all(writes);
}
