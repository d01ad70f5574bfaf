import type { EnumDeclaration } from '../registry-module';
import { AdvertKind, AdvertPlatform } from './advert.enums';

/** This module's GraphQL enums, with their descriptions. */
export const ADVERT_ENUMS: EnumDeclaration[] = [
  {
    type: AdvertPlatform,
    name: 'AdvertPlatform',
    description: 'Where an advert was posted.',
    valuesConfig: {
      FACEBOOK: { description: 'Facebook (pages, groups, posts).' },
      INSTAGRAM: { description: 'Instagram.' },
      TIKTOK: { description: 'TikTok.' },
      TELEGRAM: { description: 'Telegram (channels, groups).' },
      WHATSAPP: { description: 'WhatsApp (status, groups, channels).' },
      SNAPCHAT: { description: 'Snapchat.' },
      X: { description: 'X, formerly Twitter.' },
      YOUTUBE: { description: 'YouTube.' },
      MARKETPLACE: { description: 'An online marketplace or classifieds site.' },
      WEBSITE: { description: 'A website of its own.' },
      OTHER: { description: 'Somewhere else.' },
    },
  },
  {
    type: AdvertKind,
    name: 'AdvertKind',
    description: 'What an advert offers.',
    valuesConfig: {
      EQUIPMENT_SALE: { description: 'Boats, engines, life jackets or other equipment for sale.' },
      CROSSING_OFFER: { description: 'A crossing offered to passengers.' },
      RECRUITMENT: { description: 'People sought: drivers, helpers.' },
      OTHER: { description: 'Something else.' },
    },
  },
];
