export enum SupplierRole {
  MANUFACTURER = 'MANUFACTURER',
  IMPORTER = 'IMPORTER',
  WHOLESALER = 'WHOLESALER',
  RETAILER = 'RETAILER',
  ONLINE_SELLER = 'ONLINE_SELLER',
  FACILITATOR = 'FACILITATOR',
  MONEY_BROKER = 'MONEY_BROKER',
  BUYER = 'BUYER',
  UNKNOWN = 'UNKNOWN',
}

/** Schemes of party identifiers. */
export enum IdentifierScheme {
  VAT = 'VAT',
  COMPANY_REG = 'COMPANY_REG',
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
  WEBSITE = 'WEBSITE',
  SOCIAL_HANDLE = 'SOCIAL_HANDLE',
  IBAN = 'IBAN',
  CRYPTO_WALLET = 'CRYPTO_WALLET',
  HAWALA_CODE = 'HAWALA_CODE',
  /** Look-ups only: an advert's address, compared in canonical form. */
  URL = 'URL',
  OTHER = 'OTHER',
}
