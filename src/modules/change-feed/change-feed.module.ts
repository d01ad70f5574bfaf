import { defineModule } from '../registry-module';
import { CHANGE_FEED_ENUMS } from './change-feed.enums.graphql';
import { ChangeFeedResolver } from './change-feed.resolver';
import { ChangeSubscriptionsResolver } from './change-subscriptions.resolver';

export const changeFeedModule = defineModule({
  name: 'changeFeed',
  resolvers: [ChangeFeedResolver, ChangeSubscriptionsResolver],
  enums: CHANGE_FEED_ENUMS,
});
