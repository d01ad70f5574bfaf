import { AdvertKind, AdvertPlatform } from '../modules/advert/advert.enums';
import { ItemKind } from '../modules/item/item.enums';

// The engines for sale online, every account invented: the Belgian police capture a TikTok post
// offering the Velmont engines with the Iraqi broker's phone (the broker of demo-provenance.ts);
// when the account is closed, the same text comes back from a new account with a new price,
// and the French police capture the repost. The two are sighted by their text and the phone.

export interface DemoAdvert {
  /** The agency that captured it; its clientKey makes seeding idempotent. */
  agency: string;
  clientKey: string;
  platform: AdvertPlatform;
  kind: AdvertKind;
  url: string;
  account: { scheme: string; value: string };
  contacts: Array<{ scheme: string; value: string }>;
  capturedAt: string;
  text: string;
  offers: Array<{ itemKind: ItemKind; make: string; model: string; quantity: number; price: { amount: string; currency: string } }>;
}

const engines = (price: string) =>
  `Velmont 40 PS Außenbordmotoren, neu, originalverpackt\n6 Stück verfügbar, ${price} € pro Stück\nLieferung nach Belgien und Frankreich möglich\nWhatsApp +964 750 318 2247`;
const offer = (amount: string) => [{ itemKind: ItemKind.ENGINE, make: 'Velmont', model: 'V40', quantity: 6, price: { amount, currency: 'EUR' } }];

export const demoAdverts: DemoAdvert[] = [
  {
    agency: 'BE-FGP', clientKey: 'demo-capture-tiktok-0412', platform: AdvertPlatform.TIKTOK, kind: AdvertKind.EQUIPMENT_SALE,
    url: 'https://www.tiktok.com/@motoren.rhein.shop/video/7349201188304112640', account: { scheme: 'SOCIAL_HANDLE', value: '@motoren.rhein.shop' },
    contacts: [{ scheme: 'PHONE', value: '+964 750 318 2247' }], capturedAt: '2025-04-12T19:40:00+02:00',
    text: engines('1850'), offers: offer('1850'),
  },
  {
    agency: 'FR-PAF', clientKey: 'demo-capture-tiktok-0503', platform: AdvertPlatform.TIKTOK, kind: AdvertKind.EQUIPMENT_SALE,
    url: 'https://www.tiktok.com/@motoren_rhein_2/video/7355800912284417024', account: { scheme: 'SOCIAL_HANDLE', value: '@motoren_rhein_2' },
    contacts: [{ scheme: 'PHONE', value: '00964 750 318 2247' }], capturedAt: '2025-05-03T21:15:00+02:00',
    text: `🔥 ${engines('1700')} 🔥`, offers: offer('1700'),
  },
];
