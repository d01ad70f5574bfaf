/** Why two records are sighted together. */
export enum SightingBasis {
  SAME_IDENTIFIER = 'SAME_IDENTIFIER',
  SAME_URL = 'SAME_URL',
  SAME_CONTENT = 'SAME_CONTENT',
  SIMILAR_TEXT = 'SIMILAR_TEXT',
}

/** The kinds of record sightings join (the database's `sighted_kind`). */
export enum SightedKind {
  SUPPLIER = 'SUPPLIER',
  PAYMENT = 'PAYMENT',
  ADVERT = 'ADVERT',
}
