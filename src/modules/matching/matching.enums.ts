export enum MatchBasis {
  SAME_HIN = 'SAME_HIN',
  SAME_SERIAL = 'SAME_SERIAL',
  SAME_BATCH = 'SAME_BATCH',
  ANALYST_LINK = 'ANALYST_LINK',
}

export enum MatchStatus {
  SUGGESTED = 'SUGGESTED',
  CONFIRMED = 'CONFIRMED',
  REJECTED = 'REJECTED',
}

/** Which recorded identifier of an item: matching compares only the same field. */
export enum IdentifierField {
  HIN = 'HIN',
  SERIAL = 'SERIAL',
  BATCH = 'BATCH',
}
