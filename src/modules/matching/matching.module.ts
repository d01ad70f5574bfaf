import { defineModule } from '../registry-module';
import { IdentifierKeyEntity } from './identifier-key.entity';
import { ItemMatchEntity } from './item-match.entity';
import { createMatchingLoaders } from './item-match.loader';
import { ItemMatchesResolver, ItemMatchResolver } from './item-match.resolver';
import { MatchReviewResolver } from './match-review.resolver';
import { MATCHING_ENUMS } from './matching.enums.graphql';

export const matchingModule = defineModule({
  name: 'matching',
  entities: [IdentifierKeyEntity, ItemMatchEntity],
  resolvers: [ItemMatchResolver, ItemMatchesResolver, MatchReviewResolver],
  enums: MATCHING_ENUMS,
  loaders: createMatchingLoaders,
});
