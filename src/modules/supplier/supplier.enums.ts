export enum SupplierRole {
  MANUFACTURER = 'MANUFACTURER',
  IMPORTER = 'IMPORTER',
  WHOLESALER = 'WHOLESALER',
  RETAILER = 'RETAILER',
  ONLINE_SELLER = 'ONLINE_SELLER',
  FACILITATOR = 'FACILITATOR',
  UNKNOWN = 'UNKNOWN',
}

/** Schemes of party identifiers (DOMAIN.md "Party identifiers"). */
export enum IdentifierScheme {
  VAT = 'VAT',
  COMPANY_REG = 'COMPANY_REG',
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
  WEBSITE = 'WEBSITE',
  SOCIAL_HANDLE = 'SOCIAL_HANDLE',
  OTHER = 'OTHER',
}
