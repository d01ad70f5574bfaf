import pLimit from 'p-limit';
import type { EntityManager } from 'typeorm';
import { requireBusinessReader, type RegisteredCaller } from '../../auth/access';
import type { TokenClaims } from '../../auth/caller';
import { isDatabaseUnavailable } from '../../db/database-unavailable';
import type { RequestContext } from '../../graphql/context';
import { pageRequest } from '../../shared/paging/page';
import type { Logger } from '../../shared/logger';
import type { ChangeKind } from './change-feed.enums';
import { ChangeFeedService, type Change, type FeedPosition } from './change-feed.service';
import type { ChangeNotifier } from './change-notifier';

/** However quiet the feed, it is read again this often (a notification may be missed while the listener reconnects). */
const AT_LEAST_EVERY_MS = 1000;
const PER_ROUND = 100;
/**
 * A group's rounds start at most this often: under a stream of commits each round then takes
 * several changes at once, so the database work per caller stays bounded, for a delay of at
 * most this much; a change alone is read as soon as it is heard.
 */
const ROUNDS_AT_MOST_EVERY_MS = 50;

/** A transaction bound to a caller, with loaders on it: what a request's context holds. */
export type Scope = Pick<RequestContext, 'tx' | 'loaders'>;

/** One round of the feed as a member receives it. */
export interface FeedRound {
  /** The changes of the member's kinds it has not had yet, in feed order. */
  changes: Change[];
  /** The last change the round read: once done with the round, the member has seen the feed up to here. */
  end: FeedPosition;
  manager: EntityManager;
  caller: RegisteredCaller;
  /** The group's transaction and loaders, for the member's context while it resolves the round's events. */
  scope: Scope;
  /** What `compute` gives, computed once per round for every member asking with the same key (same rights, same transaction). */
  shared<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

/** One subscription in a group: it takes the group's rounds one at a time and says when it is done with each. */
export class FeedMember {
  /** The round handed over and not yet taken by `next`. */
  private inbox: FeedRound | Error | null = null;
  /** The round taken and not yet done with, and how to tell the group it is. */
  private current: { round: FeedRound; finish: () => void } | null = null;
  private wake: (() => void) | null = null;
  private gone = false;

  constructor(
    readonly kinds: ReadonlySet<ChangeKind>,
    /** Where the member has seen the feed up to; undefined until the group has first read where it ends. */
    public seen: FeedPosition | null | undefined,
    private readonly removed: (member: FeedMember) => void,
  ) {}

  /** The next round for this member, once the group has read one holding changes for it; null once it has left. */
  async next(): Promise<FeedRound | null> {
    while (!this.inbox && !this.gone) await new Promise<void>((resolve) => (this.wake = resolve));
    if (this.gone) return null;
    const received = this.inbox!;
    if (received instanceof Error) throw received;
    this.inbox = null;
    return received;
  }

  /** Done with the current round: its events presented (the member has then seen the feed up to the round's end), or not (it is read again). */
  done(presented: boolean): void {
    const current = this.current;
    if (!current) return;
    this.current = null;
    if (presented) this.seen = current.round.end;
    current.finish();
  }

  /** The subscription ended: the group no longer waits for it nor reads for it, and a wait for a round ends. */
  leave(): void {
    if (this.gone) return;
    this.gone = true;
    this.done(false);
    this.removed(this);
    this.wake?.();
  }

  /** Hands the member a round; resolves when it is done with it (or has left). */
  offer(round: FeedRound): Promise<void> {
    if (this.gone) return Promise.resolve();
    return new Promise((resolve) => {
      this.current = { round, finish: resolve };
      this.inbox = round;
      this.wake?.();
    });
  }

  fail(error: Error): void {
    this.inbox = error;
    this.wake?.();
  }
}

/** The earliest of some positions (null, the feed's start, before all). */
function earliest(positions: Array<FeedPosition | null>): FeedPosition | null {
  let first = positions[0];
  for (const position of positions) if (first && (!position || ChangeFeedService.isAfter(first, position))) first = position;
  return first;
}

/**
 * The subscriptions of one caller (agency, subject and roles: the same rights) in one process.
 * Each round reads the feed once for all of them, in one transaction bound to that caller, and
 * every member resolves its events in that transaction, with shared loaders, before it commits:
 * the database work grows with the number of callers, not of subscriptions. A round starts when
 * the feed is heard to grow (also when that was heard during the last round).
 */
class FeedGroup {
  private readonly members = new Set<FeedMember>();
  /** How far the group has read; undefined until its first round. */
  private position: FeedPosition | null | undefined;
  private running = false;

  constructor(
    private readonly open: () => Scope,
    private readonly notifier: ChangeNotifier,
    private readonly logger: Logger,
    private readonly inTurn: pLimit.Limit,
    private readonly observed: RoundObserver,
    private readonly emptied: () => void,
  ) {}

  get size(): number {
    return this.members.size;
  }

  /** A new member's events start where the group has read up to: about when it subscribed, never later. */
  join(kinds: readonly ChangeKind[]): FeedMember {
    const member = new FeedMember(new Set(kinds), this.position, (gone) => this.members.delete(gone));
    this.members.add(member);
    if (!this.running) {
      this.running = true;
      void this.run();
    }
    return member;
  }

  private async run(): Promise<void> {
    while (this.members.size > 0) {
      const heard = this.notifier.heardSoFar;
      const started = Date.now();
      const more = await this.inTurn(() => this.round());
      if (!more && this.members.size > 0) await this.notifier.next(AT_LEAST_EVERY_MS, heard);
      const early = started + ROUNDS_AT_MOST_EVERY_MS - Date.now();
      if (early > 0) await new Promise((resolve) => setTimeout(resolve, early));
    }
    this.running = false;
    this.emptied();
  }

  /** One read of the feed and its delivery to every member; true when the feed has more to read at once. */
  private async round(): Promise<boolean> {
    const scope = this.open();
    const started = performance.now();
    let ok = true;
    let read = 0;
    try {
      const caller = requireBusinessReader(await scope.tx.caller());
      const manager = await scope.tx.manager();
      const feed = new ChangeFeedService(manager, caller);
      if (this.position === undefined) this.position = await feed.end();
      const members = [...this.members];
      if (members.length === 0) return false;
      for (const member of members) if (member.seen === undefined) member.seen = this.position;
      const kinds = [...new Set(members.flatMap((member) => [...member.kinds]))];
      const from = earliest(members.map((member) => member.seen!));
      const page = await feed.list(kinds, pageRequest({ first: PER_ROUND, after: from && ChangeFeedService.cursorOf(from) }));
      if (page.rows.length === 0) return false;
      read = page.rows.length;
      const end = page.rows[page.rows.length - 1];
      if (ChangeFeedService.isAfter(end, this.position)) this.position = end;
      const computed = new Map<string, Promise<unknown>>();
      const shared = <T>(key: string, compute: () => Promise<T>): Promise<T> => {
        if (!computed.has(key)) computed.set(key, compute());
        return computed.get(key) as Promise<T>;
      };
      await Promise.all(members.map((member) => {
        const changes = page.rows.filter((change) => member.kinds.has(change.kind) && ChangeFeedService.isAfter(change, member.seen!));
        if (changes.length === 0) {
          member.seen = end;
          return undefined;
        }
        return member.offer({ changes, end, manager, caller, scope, shared });
      }));
      return page.hasNextPage;
    } catch (error) {
      // The database is down or restarting: the next round reads again from where each member was.
      if (isDatabaseUnavailable(error)) {
        ok = false;
        return false;
      }
      this.logger.warn({ err: error }, 'a subscription round failed');
      for (const member of this.members) member.fail(error instanceof Error ? error : new Error(String(error)));
      this.members.clear();
      return false;
    } finally {
      await scope.tx.finish(ok).catch(() => undefined);
      this.observed((performance.now() - started) / 1000, read);
    }
  }
}

/** Told of each round: how long it took and how many changes it read. */
export type RoundObserver = (seconds: number, changes: number) => void;

/**
 * Every group of subscriptions in this process, by caller. At most `roundsAtOnce` rounds run at
 * a time (each holds a pooled connection): a burst of commits heard by every group at once then
 * neither takes the whole pool from requests nor has the database run every round together.
 */
export class FeedGroups {
  private readonly groups = new Map<string, FeedGroup>();
  private readonly inTurn: pLimit.Limit;

  constructor(
    private readonly notifier: ChangeNotifier,
    /** A fresh transaction and loaders bound to `claims`, as a request of that caller gets. */
    private readonly scopeFor: (claims: TokenClaims) => Scope,
    private readonly logger: Logger,
    roundsAtOnce: number,
    private readonly observed: RoundObserver = () => undefined,
  ) {
    this.inTurn = pLimit(roundsAtOnce);
  }

  join(claims: TokenClaims, kinds: readonly ChangeKind[]): FeedMember {
    const key = JSON.stringify([claims.agencyCode, claims.subject, [...claims.roles].sort()]);
    let group = this.groups.get(key);
    if (!group) {
      const created = new FeedGroup(() => this.scopeFor(claims), this.notifier, this.logger, this.inTurn, this.observed, () => {
        if (this.groups.get(key) === created) this.groups.delete(key);
      });
      this.groups.set(key, created);
      group = created;
    }
    return group.join(kinds);
  }

  /** The subscriptions open now, and the callers they belong to (one group each). */
  count(): { subscriptions: number; callers: number } {
    let subscriptions = 0;
    for (const group of this.groups.values()) subscriptions += group.size;
    return { subscriptions, callers: this.groups.size };
  }
}
