import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { requireBusinessReader } from '../../auth/access';
import type { RequestContext } from '../../graphql/context';
import { toConnection, type ConnectionShape } from '../../graphql/relay/connection';
import { Node } from '../../graphql/relay/node';
import { pageRequest } from '../../shared/paging/page';
import { ChangeKind } from './change-feed.enums';
import { ChangeFeedService, type Change } from './change-feed.service';
import { ChangeConnectionType, ChangeType } from './change.type';

const changeOf = (change: Change): ChangeType => ({ cursor: ChangeFeedService.cursorOf(change), kind: change.kind, at: change.at, changed: change.record });

@Resolver(() => ChangeType)
export class ChangeFeedResolver {
  @Query(() => ChangeConnectionType, {
    description: 'The durable feed of changes to records the caller may read (matches and sightings: those involving a record of its agency), oldest first. Resume after the last cursor seen to miss nothing.',
  })
  async changes(
    @Arg('after', () => String, { nullable: true, description: 'Continue after this change\'s cursor (from a change, an edge, or a subscription event).' }) after: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'At most this many changes, 0 to 100 (default 20).' }) first: number | null,
    @Arg('kinds', () => [ChangeKind], { nullable: true, description: 'Only changes of these kinds.' }) kinds: ChangeKind[] | null,
    @Ctx() context: RequestContext,
  ): Promise<ConnectionShape<ChangeType>> {
    const caller = requireBusinessReader(await context.tx.caller());
    const page = await new ChangeFeedService(await context.tx.manager(), caller).list(kinds, pageRequest({ first, after }));
    return toConnection({ ...page, rows: page.rows.map(changeOf) }, (change) => change.cursor);
  }

  @FieldResolver(() => Node, {
    nullable: true,
    description: 'The record changed: the seizure, or the caller\'s agency\'s side of a match (its item) or of a sighting; null when the caller may no longer read it.',
  })
  async record(@Root() change: ChangeType, @Ctx() context: RequestContext): Promise<object | null> {
    if (!change.changed) return null;
    const { type, id } = change.changed;
    const { loaders } = context;
    switch (type) {
      case 'Seizure': return loaders.seizure.byId.load(id);
      case 'Item': return loaders.item.byId.load(id);
      case 'Supplier': return loaders.supplier.byId.load(id);
      case 'Payment': return loaders.payment.byId.load(id);
      case 'Advert': return loaders.advert.byId.load(id);
    }
  }
}
