/** How a payment was made. */
export enum PaymentMethod {
  HAWALA = 'HAWALA',
  MONEY_TRANSFER = 'MONEY_TRANSFER',
  BANK_TRANSFER = 'BANK_TRANSFER',
  CASH = 'CASH',
  CRYPTO = 'CRYPTO',
  CARD = 'CARD',
  OTHER = 'OTHER',
  UNKNOWN = 'UNKNOWN',
}

/** Which way a money trail walks from its party. */
export enum TrailDirection {
  FOLLOW_MONEY = 'FOLLOW_MONEY',
  TOWARDS_PAYERS = 'TOWARDS_PAYERS',
}
