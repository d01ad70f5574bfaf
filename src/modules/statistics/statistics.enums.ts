/** What seizure statistics can be grouped by. */
export enum StatsDimension {
  JURISDICTION = 'JURISDICTION',
  AGENCY = 'AGENCY',
  ITEM_KIND = 'ITEM_KIND',
  MAKE = 'MAKE',
  MONTH = 'MONTH',
  WEEK = 'WEEK',
}

/** The length of a trend's periods. */
export enum StatsInterval {
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
