import type { Scenario } from '../scenarios/scenario';
import type { RecordsHeld } from './peer-read';

/** How many requests of a scenario are compared (its first ones: the probe's, the warm-up's first). */
const COMPARED = 5;

async function answer(url: string, token: string, body: unknown, who: string): Promise<any> {
  const res = await fetch(url, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body),
  });
  const text = await res.text();
  const json = res.status === 200 ? JSON.parse(text) : null;
  if (!json?.data || json.errors) throw new Error(`${who} answered ${res.status}: ${text.slice(0, 500)}`);
  return json.data;
}

function differences(registry: RecordsHeld, peer: RecordsHeld): string | null {
  if (registry.length === 0) return 'the registry answered no seizure (nothing to compare)';
  const seizures = (records: RecordsHeld) => records.map((r) => r.seizure).join(',');
  if (seizures(registry) !== seizures(peer)) return `seizures differ:\n  registry ${seizures(registry)}\n  peer     ${seizures(peer)}`;
  for (let i = 0; i < registry.length; i++) {
    const [a, b] = [registry[i].items.join(','), peer[i].items.join(',')];
    if (a !== b) return `items of seizure ${registry[i].seizure} differ:\n  registry ${a}\n  peer     ${b}`;
  }
  return null;
}

/**
 * Before timing the peer: the registry and the peer, asked the scenario's first requests as the
 * same caller, answer the same records (the same seizures in the same order, the same items per
 * seizure). Throws, saying where they differ, when they do not.
 */
export async function assertSameRecords(scenario: Scenario, registryUrl: string, peerUrl: string, token: string): Promise<void> {
  const peer = scenario.peer!;
  for (let n = 0; n < COMPARED; n++) {
    const params = scenario.params(n, 'peer');
    const registryRecords = peer.registryRecords(await answer(`${registryUrl}/graphql`, token, scenario.graphql(params), 'the registry'));
    const peerRecords = peer.peerRecords(await answer(`${peerUrl}/graphql`, token, peer.graphql(params), 'the peer (PostGraphile)'));
    const problem = differences(registryRecords, peerRecords);
    if (problem) throw new Error(`${scenario.name}: the registry and PostGraphile do not answer the same records (request ${n}): ${problem}`);
  }
}
