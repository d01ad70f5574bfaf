import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { CountryCodeScalar } from '../../graphql/scalars/country-code';
import type { ItemEntity } from '../item/item.entity';
import { ItemType } from '../item/item.type';
import type { MovementEntity } from './movement.entity';
import { MovementType } from './movement.type';

/** The countries goods passed through, in custody order, each stay once (consecutive repeats merged). */
export function countriesAlong(custody: readonly MovementEntity[], seizedIn: string | null): string[] {
  const route: string[] = [];
  for (const country of [...custody.flatMap((m) => [m.fromCountry, m.toCountry]), seizedIn]) {
    if (country && route[route.length - 1] !== country) route.push(country);
  }
  return route;
}

/** An item's chain of custody and the route it derives. */
@Resolver(() => ItemType)
export class ItemCustodyResolver {
  @FieldResolver(() => [MovementType], { description: 'Movements that carried this item (those the caller may read), oldest first.' })
  custody(@Root() item: ItemEntity, @Ctx() context: RequestContext): Promise<MovementEntity[]> {
    return context.loaders.movement.custodyOf.load(item.id);
  }

  @FieldResolver(() => [CountryCodeScalar], {
    description: 'Countries the item passed through, from its custody (oldest first), ending where it was seized.',
  })
  async route(@Root() item: ItemEntity, @Ctx() context: RequestContext): Promise<string[]> {
    const [custody, seizure] = await Promise.all([
      context.loaders.movement.custodyOf.load(item.id),
      context.loaders.seizure.byId.load(item.seizureId),
    ]);
    return countriesAlong(custody, seizure?.jurisdiction ?? null);
  }
}
