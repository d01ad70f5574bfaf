import { defineModule } from '../registry-module';
import { STATISTICS_ENUMS } from './statistics.enums.graphql';
import { StatisticsResolver } from './statistics.resolver';

export const statisticsModule = defineModule({
  name: 'statistics',
  resolvers: [StatisticsResolver],
  enums: STATISTICS_ENUMS,
});
