// `npm run eval:matching [file]`: records the labelled sample through the registry's GraphQL API
// into a scratch database and prints how matching and supplier search did, as Markdown.
import { runEvaluation } from '../support/run-evaluation';
import { evaluateIdentifierPairs, type IdentifierOutcome } from './identifier-pairs';
import { renderReport } from './report';
import { loadSample } from './sample';
import { evaluateSupplierNames, type SupplierOutcome } from './supplier-names';

runEvaluation('matching', 'matching-sample.json', loadSample, async (sample, { registry, agencies, agencyText, progress, seconds }) => {
  let identifiers: IdentifierOutcome | null = null;
  if (sample.identifierPairs.length > 0) {
    identifiers = await evaluateIdentifierPairs(registry, agencies, sample.identifierPairs, progress);
    if (!identifiers.available) progress(`item matching not available (${identifiers.reason}); skipping the identifier pairs`);
  }
  let suppliers: SupplierOutcome | null = null;
  if (sample.supplierNames.length > 0) suppliers = await evaluateSupplierNames(registry, agencies, sample.supplierNames, progress);
  return renderReport({ sample, database: registry.database, agencies: agencyText, seconds: seconds() }, identifiers, suppliers);
});
