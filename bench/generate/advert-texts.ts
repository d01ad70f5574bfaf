import { inventedWord } from './names';
import type { Random } from './random';

// Advert texts as networks write them, in the languages of the route: a few templates per
// language whose slots (make, size, price, place, seller, phone) and a line of everyday words
// vary, so adverts on one template share much of their wording, as real ones do, and the
// near-duplicate search meets many candidates that are not reposts. Every name is invented.

const MAKES = ['Velmont', 'Seabright', 'Meridian', 'Zeevaart', 'Kestrel', 'Delmar', 'Windrose', 'Baltica', 'Qiaoxing', 'Anvora'];
const PLACES = ['Dunkerque', 'Calais', 'Ostende', 'Zeebrugge', 'Istanbul', 'Burgas', 'Izmir', 'Duisburg', 'Rotterdam', 'Sofia', 'Erbil', 'Sulaymaniyah'];

interface Language {
  templates: Array<(s: Slots) => string[]>;
  words: string[];
}

interface Slots {
  make: string;
  size: string;
  price: number;
  place: string;
  seller: string;
  phone: string;
  words: string;
}

const LANGUAGES: Record<string, Language> = {
  en: {
    templates: [
      (s) => [`${s.make} outboard engine ${s.size} hp for sale`, `${s.words}`, `Price ${s.price} EUR, delivery to ${s.place}`, `WhatsApp ${s.phone}`],
      (s) => [`Inflatable boat ${s.size} m, ${s.make}, like new`, `comes with pump and oars, ${s.words}`, `${s.price} euro ono`, `Collection in ${s.place}, call ${s.phone}`],
      (s) => [`Life jackets in stock, ${s.make}, all sizes`, `${s.words}`, `only ${s.price}€ per box`, `${s.seller} ${s.phone}`],
    ],
    words: ['fast', 'new', 'original', 'boxed', 'cheap', 'strong', 'reliable', 'quick', 'serious', 'buyers', 'only', 'today', 'stock', 'limited', 'genuine', 'quality', 'safe', 'sealed', 'spare', 'parts'],
  },
  fr: {
    templates: [
      (s) => [`Moteur hors-bord ${s.make} ${s.size} CV à vendre`, `${s.words}`, `Prix ${s.price}€, livraison sur ${s.place}`, `WhatsApp ${s.phone}`],
      (s) => [`Bateau pneumatique ${s.size} m, ${s.make}, comme neuf`, `avec pompe et rames, ${s.words}`, `${s.price}€ à débattre`, `Situé à ${s.place}, appel ou SMS ${s.phone}`],
      (s) => [`Gilets de sauvetage en stock, ${s.make}`, `${s.words}`, `${s.price}€ le carton`, `${s.seller} ${s.phone}`],
    ],
    words: ['rapide', 'neuf', 'original', 'emballé', 'pas', 'cher', 'solide', 'fiable', 'sérieux', 'urgent', 'stock', 'limité', 'garanti', 'qualité', 'pièces', 'disponible', 'livraison', 'possible', 'toutes', 'tailles'],
  },
  de: {
    templates: [
      (s) => [`${s.make} Außenbordmotor ${s.size} PS zu verkaufen`, `${s.words}`, `Preis ${s.price} Euro VB, Lieferung nach ${s.place}`, `WhatsApp ${s.phone}`],
      (s) => [`Schlauchboot ${s.size} m, ${s.make}, wie neu`, `mit Pumpe und Rudern, ${s.words}`, `${s.price} Euro VB`, `Abholung in ${s.place}, Telegram ${s.seller}`],
      (s) => [`Rettungswesten auf Lager, ${s.make}`, `${s.words}`, `nur ${s.price}€ pro Karton`, `${s.seller} ${s.phone}`],
    ],
    words: ['schnell', 'neu', 'original', 'verpackt', 'günstig', 'stark', 'zuverlässig', 'sofort', 'seriös', 'Käufer', 'nur', 'heute', 'Lager', 'begrenzt', 'echt', 'Qualität', 'sicher', 'versiegelt', 'Ersatzteile', 'verfügbar'],
  },
  nl: {
    templates: [
      (s) => [`${s.make} buitenboordmotor ${s.size} pk te koop`, `${s.words}`, `Prijs ${s.price} euro, levering naar ${s.place}`, `WhatsApp ${s.phone}`],
      (s) => [`Rubberboot ${s.size} m, ${s.make}, als nieuw`, `met pomp en riemen, ${s.words}`, `${s.price} euro of bod`, `Ophalen in ${s.place}, bel ${s.phone}`],
    ],
    words: ['snel', 'nieuw', 'origineel', 'verpakt', 'goedkoop', 'sterk', 'betrouwbaar', 'direct', 'serieus', 'kopers', 'alleen', 'vandaag', 'voorraad', 'beperkt', 'echt', 'kwaliteit', 'veilig', 'onderdelen', 'beschikbaar', 'levering'],
  },
  tr: {
    templates: [
      (s) => [`Satılık ${s.make} dıştan takma motor ${s.size} HP`, `${s.words}`, `Fiyat ${s.price} Euro, ${s.place} teslim`, `WhatsApp ${s.phone}`],
      (s) => [`Şişme bot ${s.size} m, ${s.make}, sıfır gibi`, `pompa ve kürek dahil, ${s.words}`, `${s.price} Euro pazarlık olur`, `${s.place} teslim, arayın ${s.phone}`],
    ],
    words: ['hızlı', 'yeni', 'orijinal', 'kutulu', 'ucuz', 'sağlam', 'güvenilir', 'hemen', 'ciddi', 'alıcılar', 'sadece', 'bugün', 'stok', 'sınırlı', 'gerçek', 'kaliteli', 'güvenli', 'yedek', 'parça', 'mevcut'],
  },
  ar: {
    templates: [
      (s) => [`محرك ${s.make} ${s.size} حصان للبيع`, `${s.words}`, `السعر ${s.price} يورو، توصيل إلى ${s.place}`, `واتساب ${s.phone}`],
      (s) => [`سترات نجاة للبيع، ${s.make}`, `${s.words}`, `فقط ${s.price} دولار`, `اتصل على ${s.phone}`],
    ],
    words: ['جديد', 'أصلي', 'سريع', 'رخيص', 'قوي', 'مضمون', 'اليوم', 'متوفر', 'كمية', 'محدودة', 'جودة', 'عالية', 'آمن', 'قطع', 'غيار', 'توصيل', 'مجاني', 'جميع', 'المقاسات', 'للجادين'],
  },
  ckb: {
    templates: [
      (s) => [`ماتۆڕی ${s.make} ${s.size} ئەسپ بۆ فرۆشتن`, `${s.words}`, `نرخ ${s.price} یۆرۆ، گەیاندن بۆ ${s.place}`, `واتساپ ${s.phone}`],
      (s) => [`بەلەمی بادەکراو ${s.size} م، ${s.make}`, `${s.words}`, `${s.price} دۆلار`, `پەیوەندی ${s.phone}`],
    ],
    words: ['نوێ', 'ڕەسەن', 'خێرا', 'هەرزان', 'بەهێز', 'متمانەپێکراو', 'ئەمڕۆ', 'بەردەست', 'سنووردار', 'جۆری', 'باش', 'سەلامەت', 'پارچە', 'یەدەگ', 'گەیاندن', 'بێبەرامبەر', 'هەموو', 'قەبارەکان', 'بۆ', 'جدییەکان'],
  },
  'ckb-Latn': {
    templates: [
      (s) => [`matori ${s.make} ${s.size} esp bo froshtn`, `${s.words}`, `nrx ${s.price}$ | gayandn bo ${s.place}`, `whatsapp ${s.phone}`],
      (s) => [`belemi badekraw ${s.size} m, ${s.make}`, `${s.words}`, `nrx ${s.price}$`, `peywendi ${s.phone}`],
    ],
    words: ['nwê', 'resen', 'xêra', 'herzan', 'behêz', 'emro', 'berdest', 'snwrdar', 'jori', 'bash', 'selamet', 'parche', 'yedeg', 'gayandn', 'hemw', 'qebarekan', 'bo', 'jdiyekan', 'zor', 'chak'],
  },
};

const LANGUAGE_WEIGHTS = { en: 14, fr: 18, de: 14, nl: 8, tr: 14, ar: 14, ckb: 10, 'ckb-Latn': 8 } as const;

/** A new advert's text: a template of a language, its slots drawn. */
export function advertText(random: Random, phone: string): string {
  const language = LANGUAGES[random.weighted(LANGUAGE_WEIGHTS)];
  const template = random.pick(language.templates);
  const words = Array.from({ length: random.int(3, 7) }, () => (random.chance(0.15) ? inventedWord(random) : random.pick(language.words))).join(' ');
  const slots: Slots = {
    make: random.chance(0.7) ? random.pick(MAKES) : inventedWord(random), size: String(random.pick([2.5, 3.3, 5, 6.5, 7.2, 8, 9.9, 15, 25, 30, 40, 60])),
    price: random.int(2, 90) * 50, place: random.chance(0.7) ? random.pick(PLACES) : inventedWord(random), seller: `@${inventedWord(random).toLowerCase()}_${random.digits(3)}`, phone, words,
  };
  return template(slots).join('\n');
}

/** The same advert posted again from a new account: another price and phone, the lines reordered or one dropped, emoji added. */
export function repostOf(random: Random, text: string, phone: string): string {
  let lines = text.split('\n').map((line) => line.replace(/\d{2,}(?=\s?(?:EUR|€|euro|Euro|يورو|دولار|یۆرۆ|دۆلار|\$))/u, String(random.int(2, 90) * 50)));
  lines = lines.map((line) => line.replace(/\+?\d[\d\s-]{7,}\d/u, phone));
  if (random.chance(0.3)) lines.splice(random.int(1, lines.length - 1), 1);
  if (random.chance(0.4)) lines.reverse();
  if (random.chance(0.5)) lines[0] = `🔥 ${lines[0]} 🔥`;
  return lines.join('\n');
}
