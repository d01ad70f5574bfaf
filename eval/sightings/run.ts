// `npm run eval:sightings [file]`: records the labelled sample through the registry's GraphQL
// API into a scratch database and prints how sightings did, as Markdown.
import { runEvaluation } from '../support/run-evaluation';
import { evaluateAdvertSightings } from './advert-sightings';
import { evaluateIdentifierSightings } from './identifier-sightings';
import { renderSightingsReport } from './report';
import { loadSightingsSample } from './sample';

runEvaluation('sightings', 'sightings-sample.json', loadSightingsSample, async (sample, { registry, agencies, agencyText, progress, seconds }) => {
  const outcomes = await evaluateIdentifierSightings(registry, agencies, sample.identifierPairs, progress);
  const urls = await evaluateAdvertSightings(registry, agencies, { field: 'url', basis: 'SAME_URL', pairs: sample.urls }, progress);
  const texts = await evaluateAdvertSightings(registry, agencies, { field: 'text', basis: 'SIMILAR_TEXT', pairs: sample.advertTexts }, progress);
  return renderSightingsReport({ sample, database: registry.database, agencies: agencyText, seconds: seconds() }, outcomes, { urls, texts });
});
