/**
 * Characters that are misread for one another on worn or stamped plates: O/0,
 * I/1/L, S/5, B/8, Z/2. Folding maps each class to one character, so two readings of the same
 * mark that differ only by such misreadings have the same folded key. The database's
 * `identifier_fold`, which item_match_judge compares characters by, must fold alike (a test
 * compares the two on every character).
 */
const FOLD: Record<string, string> = { O: '0', I: '1', L: '1', S: '5', B: '8', Z: '2' };

/** A normalised identifier with every confusable character replaced by its class's digit. */
export function foldConfusables(key: string): string {
  return key.replace(/[OILSBZ]/g, (c) => FOLD[c]);
}
