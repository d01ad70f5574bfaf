import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { fromGlobalId } from './global-id';
import { Node } from './node';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global id; null when it does not exist or the caller may not read it.' })
  async node(@Arg('id', () => ID, { description: 'A global id from any `id` field.' }) id: string, @Ctx() context: RequestContext): Promise<object | null> {
    const parsed = fromGlobalId(id);
    const type = parsed && context.nodes.byName(parsed.type);
    return type ? type.load(parsed.id, context) : null;
  }
}
