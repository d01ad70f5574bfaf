import type { EnumDeclaration } from '../registry-module';
import { ChangeKind } from './change-feed.enums';

/** This module's GraphQL enums, with their descriptions. */
export const CHANGE_FEED_ENUMS: EnumDeclaration[] = [
  {
    type: ChangeKind,
    name: 'ChangeKind',
    description: 'What a change in the feed is.',
    valuesConfig: {
      SEIZURE_RECORDED: { description: 'A seizure was recorded.' },
      SEIZURE_AMENDED: { description: 'A seizure was amended (a new version).' },
      MATCH_FOUND: { description: 'A match between two items was found (or linked by an analyst).' },
      MATCH_DECIDED: { description: 'An analyst decided a match.' },
      SIGHTING_FOUND: { description: 'The same identifier, address, file or text was found on two agencies\' records.' },
    },
  },
];
