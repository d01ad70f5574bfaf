/** Where an advert was posted. */
export enum AdvertPlatform {
  FACEBOOK = 'FACEBOOK',
  INSTAGRAM = 'INSTAGRAM',
  TIKTOK = 'TIKTOK',
  TELEGRAM = 'TELEGRAM',
  WHATSAPP = 'WHATSAPP',
  SNAPCHAT = 'SNAPCHAT',
  X = 'X',
  YOUTUBE = 'YOUTUBE',
  MARKETPLACE = 'MARKETPLACE',
  WEBSITE = 'WEBSITE',
  OTHER = 'OTHER',
}

/** What an advert offers. */
export enum AdvertKind {
  EQUIPMENT_SALE = 'EQUIPMENT_SALE',
  CROSSING_OFFER = 'CROSSING_OFFER',
  RECRUITMENT = 'RECRUITMENT',
  OTHER = 'OTHER',
}
