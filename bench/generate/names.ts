import type { Random } from './random';

// Invented company names: syllables joined at random, a trade word and a legal form of the
// firm's country. None is meant to be, or to resemble, a real firm.
const SYLLABLES = [
  'vel', 'mon', 'an', 'vo', 'ra', 'kor', 'va', 'ne', 'bex', 'ar', 'ro', 'lin', 'tai', 'qia', 'xo', 'mar',
  'dul', 'ten', 'sor', 'vik', 'lund', 'brae', 'hol', 'ter', 'gan', 'dor', 'fel', 'rin', 'sta', 'quel',
  'pra', 'nox', 'ul', 'ber', 'cas', 'den', 'tor', 'mi', 'ka', 'lo', 'zan', 'eri', 'os', 'tev', 'yal',
];

const TRADE_WORDS: Record<string, string[]> = {
  CN: ['Boats', 'Marine Equipment', 'Inflatables', 'Power Machinery', 'Outdoor Products'],
  TR: ['Denizcilik', 'Tekstil', 'Dış Ticaret', 'Marin', 'Plastik'],
  DE: ['Marine', 'Bootshandel', 'Handels', 'Wassersport', 'Logistik'],
  NL: ['Trading', 'Watersport', 'Import', 'Marine'],
  BE: ['Nautic', 'Trading', 'Import Export'],
  FR: ['Nautique', 'Distribution', 'Loisirs'],
  BG: ['Trade', 'Marine', 'Logistics'],
  GB: ['Marine', 'Outdoor', 'Supplies'],
  PL: ['Handel', 'Marine', 'Sport'],
  IT: ['Nautica', 'Commerciale', 'Marine'],
};

const LEGAL_FORMS: Record<string, string[]> = {
  CN: ['Co., Ltd.', 'Co. Ltd'],
  TR: ['Ltd. Şti.', 'A.Ş.'],
  DE: ['GmbH', 'GmbH & Co. KG', 'UG'],
  NL: ['B.V.'],
  BE: ['BV', 'SRL'],
  FR: ['SARL', 'SAS'],
  BG: ['EOOD', 'OOD'],
  GB: ['Ltd', 'Limited'],
  PL: ['Sp. z o.o.'],
  IT: ['S.r.l.'],
};

const capitalise = (word: string) => word[0].toUpperCase() + word.slice(1);

/** An invented brand word, e.g. "Korvane". */
export function inventedWord(random: Random): string {
  const count = random.chance(0.7) ? 2 : 3;
  let word = '';
  for (let i = 0; i < count; i++) word += random.pick(SYLLABLES);
  return capitalise(word);
}

export interface CompanyName {
  brand: string;
  name: string;
}

/** An invented firm of a country, e.g. "Korvane Marine GmbH". */
export function companyName(random: Random, country: string): CompanyName {
  const brand = inventedWord(random);
  const trade = random.pick(TRADE_WORDS[country] ?? TRADE_WORDS.GB);
  const legal = random.pick(LEGAL_FORMS[country] ?? LEGAL_FORMS.GB);
  return { brand, name: `${brand} ${trade} ${legal}` };
}

/**
 * How another agency writes the same firm: upper case, without its legal form, with a letter
 * dropped or doubled, or with a different trade word — what supplier search and merges face.
 */
export function nameVariant(random: Random, name: string): string {
  switch (random.int(0, 3)) {
    case 0:
      return name.toUpperCase();
    case 1:
      return name.split(' ').slice(0, 2).join(' ');
    case 2: {
      const at = random.int(1, Math.max(1, name.indexOf(' ') - 1));
      return name.slice(0, at) + name.slice(at + 1);
    }
    default: {
      const at = random.int(1, Math.max(1, name.indexOf(' ') - 1));
      return name.slice(0, at) + name[at] + name.slice(at);
    }
  }
}
