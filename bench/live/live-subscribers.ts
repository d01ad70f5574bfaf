import { performance } from 'node:perf_hooks';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

const SEIZURE_RECORDED = `subscription Live($filter: SeizureFilter) {
  seizureRecorded(filter: $filter) { cursor kind seizure { id reference handling agency { code } } }
}`;

/** What one subscription asks for: its caller's token and its filter. */
export interface SubscriptionPlan {
  caller: string;
  token: string;
  filter: { agency?: string[]; itemKind?: string[] } | null;
}

/** A seizure event as a subscriber got it, with when (performance.now() of this process). */
export interface Delivery {
  seizureId: string;
  at: number;
}

export interface LiveSubscriber {
  plan: SubscriptionPlan;
  deliveries: Delivery[];
  errors: string[];
}

/**
 * Opens one WebSocket (graphql-ws client) per subscription to `baseUrl` and collects what each
 * receives; resolves once every socket is acknowledged.
 */
export async function openSubscribers(baseUrl: string, plans: SubscriptionPlan[]): Promise<{ subscribers: LiveSubscriber[]; close(): Promise<void> }> {
  const clients: Client[] = [];
  const subscribers: LiveSubscriber[] = [];
  await Promise.all(plans.map((plan) => new Promise<void>((resolve, reject) => {
    const subscriber: LiveSubscriber = { plan, deliveries: [], errors: [] };
    subscribers.push(subscriber);
    const client = createClient({
      url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${plan.token}` },
      retryAttempts: 0,
      lazy: false,
      on: { connected: () => resolve(), closed: (event) => reject(new Error(`a subscriber's socket closed: ${(event as { reason?: string }).reason ?? ''}`)) },
    });
    clients.push(client);
    client.subscribe<{ seizureRecorded: { seizure: { id: string } } }>({ query: SEIZURE_RECORDED, variables: { filter: plan.filter } }, {
      next: (result) => {
        if (result.errors) subscriber.errors.push(result.errors.map((error) => error.message).join('; '));
        else if (result.data) subscriber.deliveries.push({ seizureId: result.data.seizureRecorded.seizure.id, at: performance.now() });
      },
      error: (error) => subscriber.errors.push(error instanceof Error ? error.message : JSON.stringify(error)),
      complete: () => undefined,
    });
  })));
  return { subscribers, close: async () => void await Promise.all(clients.map((client) => client.dispose())) };
}
