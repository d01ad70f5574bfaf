import { createSourceEventStream, execute, print, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { isEventRound } from '../modules/change-feed/follow-feed';

/** Results executed and not yet sent, per subscription, before it stops taking rounds (its group then waits for it). */
const MOST_READY = 1000;

const isAsyncIterator = (value: unknown): value is AsyncIterator<unknown> =>
  typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

/**
 * graphql-ws's `subscribe`: GraphQL's own, for source streams that yield rounds of events (the
 * change feed's, follow-feed.ts). A round is taken as soon as it is read, not when the socket
 * has sent the last one; each of its events is executed while the round's transaction is open,
 * once for all the subscriptions of its group (one caller: the same rights, transaction and
 * loaders) asking the same operation with the same variables; then the round is told its
 * events are presented, and they go out one by one. Five hundred subscriptions of twenty-five
 * callers cost twenty-five executions of an event, and no transaction waits for a socket.
 */
export async function subscribeSharingResults(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!isAsyncIterator(stream)) return stream as ExecutionResult;
  const asked = JSON.stringify([print(args.document), args.variableValues ?? null, args.operationName ?? null]);
  const executed = async (event: unknown) => execute({ ...args, rootValue: event }) as Promise<ExecutionResult> | ExecutionResult;
  const ready: ExecutionResult[] = [];
  let ended = false;
  let failure: { error: unknown } | null = null;
  let wake: (() => void) | null = null;
  let drained: (() => void) | null = null;
  const signal = () => {
    wake?.();
    wake = null;
  };

  const take = async () => {
    try {
      for (;;) {
        while (ready.length >= MOST_READY) await new Promise<void>((resolve) => (drained = resolve));
        const step = await stream.next();
        if (step.done) break;
        const round = step.value;
        if (isEventRound(round)) {
          try {
            for (const event of round.events) {
              const cursor = (event as { cursor?: string }).cursor;
              ready.push(await (cursor ? round.shared(`result ${cursor} ${asked}`, () => executed(event)) : executed(event)));
            }
          } finally {
            round.presented();
          }
        } else {
          ready.push(await executed(round));
        }
        signal();
      }
    } catch (error) {
      failure = { error };
    } finally {
      ended = true;
      signal();
    }
  };
  void take();

  const finished: IteratorResult<ExecutionResult> = { done: true, value: undefined };
  const results: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      while (ready.length === 0 && !ended) await new Promise<void>((resolve) => (wake = resolve));
      if (ready.length > 0) {
        const value = ready.shift()!;
        drained?.();
        drained = null;
        return { done: false, value };
      }
      if (failure) throw failure.error;
      return finished;
    },
    // Ends the source at once (the subscription leaves its group), as GraphQL's own mapping does.
    async return() {
      ended = true;
      ready.length = 0;
      signal();
      await stream.return?.();
      return finished;
    },
    async throw(error?: unknown) {
      await results.return!();
      throw error;
    },
    [Symbol.asyncIterator]: () => results,
  };
  return results;
}
