/**
 * Name fingerprints of parties, after FollowTheMoney: what supplier
 * search compares, and what supplier resolution (matching) reuses. Pure: no database.
 *
 * A fingerprint is the name reduced to what identifies it: diacritics stripped and Turkish,
 * German, Nordic, Greek and Cyrillic letters transliterated to ASCII; lower-case; punctuation
 * read as spaces (apostrophes dropped: "O'Neil" is "oneil"); legal forms removed (GmbH, B.V.,
 * Ltd. Şti., Co., Ltd., Sp. z o.o. ...); the remaining tokens de-duplicated and sorted, so word
 * order does not matter: "Bootshandel Harbourline B.V." and "Harbourline Bootshandel BV" are
 * both "bootshandel harbourline".
 *
 * German and Turkish both write ä, ö, ü, but transliterate them differently (German ü → ue,
 * Turkish ü → u). The canonical fingerprint folds every umlaut to its base letter (the Turkish
 * and Unicode-ASCII convention: "Gümüş" → "gumus", "Müller" → "muller"). A name with umlauts
 * also gets its German spelling as a second fingerprint ("mueller"), stored beside the first in
 * the search text, and a query with umlauts is searched under both. So "Müller" finds "Muller"
 * and "Mueller" exactly, "Gümüş" finds "Gumus"; only "Mueller" against "Muller" (neither written
 * with ü) is left to fuzzy matching. Both sides go through the same functions, always.
 *
 * `distinctiveTokens` then drops the words that many unrelated firms share (generic trade words
 * such as "marine", "trading", "tekstil", stop words, legal-form words): a supplier that shares
 * only those with a query is not a candidate for it.
 */

/** Letters without a canonical decomposition, written out in ASCII (after lower-casing). */
const LETTERS: Readonly<Record<string, string>> = {
  ı: 'i', ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', đ: 'd', ł: 'l', þ: 'th', ð: 'd', ħ: 'h', ŀ: 'l', ĸ: 'k', ŋ: 'ng', ſ: 's', ə: 'e',
  // Cyrillic (Bulgarian streamlined system, with Russian and Ukrainian letters).
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n',
  о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sht', ъ: 'a', ы: 'y',
  ь: 'y', э: 'e', ю: 'yu', я: 'ya', і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'u', ј: 'j', љ: 'lj', њ: 'nj', џ: 'dz', ђ: 'dj',
  ћ: 'c', ѓ: 'g', ќ: 'k', ѕ: 'dz',
  // Greek (ELOT 743, simplified: accents are already stripped).
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x',
  ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};
const LETTER_PATTERN = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'gu');

/** Chinese legal forms, written without spaces: removed wherever they appear. */
const CJK_LEGAL_FORMS = /股份有限公司|有限责任公司|有限責任公司|有限公司|集团|集團|公司/gu;

/** Which transliteration of umlauts: 'base' (ü → u, canonical) or 'german' (ü → ue). */
type UmlautStyle = 'base' | 'german';

/** The name as ASCII-ish lower-case words (letters of other scripts are kept), before legal forms are removed. */
function words(name: string, umlauts: UmlautStyle): string[] {
  const transliterate = (text: string) => text.replace(LETTER_PATTERN, (letter) => LETTERS[letter]);
  // Letters first as composed ("й" → y), then decomposed: diacritics become marks and are dropped.
  let text = transliterate(name.normalize('NFC').toLowerCase()).normalize('NFKD');
  if (umlauts === 'german') text = text.replace(/([aou])\u0308/g, '$1e');
  text = transliterate(text.replace(/\p{M}/gu, '').toLowerCase())
    // Dotted initials are one word: "E.O.O.D." is "eood", "B. V." is "bv".
    .replace(/(?<![\p{L}\p{N}])(?:\p{L}\. ?){2,}\p{L}?(?![\p{L}\p{N}])/gu, (initials) => initials.replace(/[. ]/g, ''))
    .replace(CJK_LEGAL_FORMS, ' ')
    .replace(/['\u2018\u2019\u02BC\u0060]/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ');
  return text.split(' ').filter(Boolean);
}

/** The words of a phrase, as `words` reads them (for the lists below, so they can never drift apart). */
const phrase = (text: string) => words(text, 'base');

/**
 * Legal forms removed wherever they appear: spellings that are not ordinary words in any
 * language the registry meets. Multi-word forms are matched as word sequences, longest first.
 */
const LEGAL_FORMS_ANYWHERE = [
  // German-speaking countries
  'gmbh', 'g.m.b.h.', 'ggmbh', 'mbh', 'kgaa', 'ohg', 'gbr', 'haftungsbeschränkt', 'ug (haftungsbeschränkt)',
  // Benelux, France, Italy, Iberia, Romania
  'bvba', 'b.v.b.a.', 'sprl', 's.p.r.l.', 'sarl', 's.a.r.l.', 's.à r.l.', 'sàrl', 'sasu', 'eurl', 'srl', 's.r.l.', 'srls',
  'sapa', 's.a.s.', 'ltda',
  // UK, Ireland, US-style
  'ltd', 'ltd.', 'l.t.d.', 'limited', 'llp', 'l.l.p.', 'plc', 'p.l.c.', 'llc', 'l.l.c.', 'inc', 'incorporated', 'corp',
  'corporation', 'pllc', 'pty', 'pte', 'bhd', 'sdn bhd',
  // Joint-stock companies in English, written before the name as often as after ("JSC Kaspian Marine")
  'jsc', 'pjsc', 'ojsc', 'cjsc',
  // Turkey
  'şti', 'ltd. şti.', 'limited şirketi', 'anonim şirketi', 'şirketi', 'kollektif şirketi', 'komandit şirketi',
  // Central and eastern Europe, Nordics, Baltics, Balkans
  'sp. z o.o.', 'spółka z ograniczoną odpowiedzialnością', 'sp.j.', 'sp.k.', 's.r.o.', 'spol. s r.o.', 'd.o.o.', 'kft', 'zrt',
  'nyrt', 'oyj', 'aps', 'ivs', 'eood', 'ood', 'ead',
  // China (romanised)
  'youxian gongsi', 'youxiangongsi', 'youxian zeren gongsi', 'gufen youxian gongsi',
];

/**
 * Legal forms that are also ordinary words or initials somewhere ("AG", "SA", "Co", "AS",
 * "Spa", "Tic", "San"): removed only from the end of the name (a run of them: "GmbH & Co. KG",
 * "San. ve Tic. Ltd. Şti."), where a legal form stands.
 */
const LEGAL_FORMS_AT_END = [
  // German-speaking countries
  'ag', 'kg', 'ug', 'se', 'e.k.', 'ek', 'e.v.', 'ev', 'co. kg', 'gmbh & co. kg', 'mbh & co. kg',
  // Benelux, France, Italy, Iberia
  'bv', 'b.v.', 'nv', 'n.v.', 'vof', 'cv', 'c.v.', 'sa', 's.a.', 'sas', 'snc', 'sci', 'spa', 'scs', 'scrl', 'sl', 's.l.',
  'slu', 's.l.u.', 'sau', 's.a.u.', 'lda', 'lda.',
  // UK, Ireland, US-style, Asia
  'co', 'co.', 'company', 'co. ltd', 'co., ltd.', 'co. limited', 'company limited', 'ltd. co.', 'limited company', '& co',
  'and co', 'und co', 'lp', 'l.p.', 'cic', 'pc', 'kk', 'k.k.',
  // Turkey: "A.Ş.", and the "San. ve Tic." boilerplate (industry and trade) that comes with Ltd. Şti.
  'a.ş.', 'aş', 'as', 'tic', 'tic.', 'san', 'san.', 'san. ve tic.', 'san. tic.', 'sanayi ve ticaret', 'sanayi ticaret',
  'tic. ve san.', 'ticaret ve sanayi', 'iç ve dış ticaret', 'iç ve dış tic.', 'dış ticaret', 'dış tic.', 've ortakları', 've ort.',
  'koll. şti.', 'kom. şti.',
  // Nordics, Baltics, Greece, Balkans, Hungary
  'oy', 'ab', 'hb', 'kb', 'asa', 'a/s', 'ou', 'oü', 'sia', 'uab', 'ad', 'a.d.', 'et', 'ae', 'a.e.', 'epe', 'e.p.e.', 'oe',
  'o.e.', 'ike', 'i.k.e.', 'doo', 'dd', 'd.d.', 'bt', 'nyrt.',
];

/** Legal forms written before the name ("ООО Анвора", "SC Anvora SRL", "ЕТ Анвора"): removed from the start only. */
const LEGAL_FORMS_AT_START = ['ooo', 'ооо', 'zao', 'зао', 'oao', 'оао', 'pao', 'пао', 'тов', 'tov', 'sc', 'pt', 'ип', 'ет', 'ао'];

/**
 * Whether a single word is a legal form removed only at one end of a name: word order matters
 * for it ("SAS Marine" is not "Marine SAS"), as it does not for other words.
 */
export function isPositionalLegalForm(word: string): boolean {
  const seq = phrase(word).join(' ');
  return [...LEGAL_FORMS_AT_END, ...LEGAL_FORMS_AT_START].some((form) => phrase(form).join(' ') === seq);
}

const toSequences = (forms: string[]) =>
  [...new Map(forms.map((form) => phrase(form)).filter((seq) => seq.length > 0).map((seq) => [seq.join(' '), seq])).values()]
    .sort((a, b) => b.length - a.length);

const ANYWHERE = toSequences(LEGAL_FORMS_ANYWHERE);
const AT_END = toSequences([...LEGAL_FORMS_ANYWHERE, ...LEGAL_FORMS_AT_END]);
const AT_START = toSequences(LEGAL_FORMS_AT_START);

const startsWith = (tokens: string[], seq: string[], at: number) => seq.every((word, i) => tokens[at + i] === word);

/** Removes legal forms from a name's words, never all of them (a firm called "Holding AG" keeps a word). */
function withoutLegalForms(tokens: string[]): string[] {
  let rest = [...tokens];
  for (let changed = true; changed; ) {
    changed = false;
    // A run of legal forms at the end.
    for (const seq of AT_END) {
      if (rest.length > seq.length && startsWith(rest, seq, rest.length - seq.length)) {
        rest = rest.slice(0, rest.length - seq.length);
        changed = true;
        break;
      }
    }
    if (changed) continue;
    // Unambiguous forms anywhere.
    outer: for (let at = 0; at < rest.length; at++) {
      for (const seq of ANYWHERE) {
        if (rest.length > seq.length && startsWith(rest, seq, at)) {
          rest = [...rest.slice(0, at), ...rest.slice(at + seq.length)];
          changed = true;
          break outer;
        }
      }
    }
    if (changed) continue;
    for (const seq of AT_START) {
      if (rest.length > seq.length && startsWith(rest, seq, 0)) {
        rest = rest.slice(seq.length);
        changed = true;
        break;
      }
    }
  }
  return rest;
}

function fingerprintOf(name: string, umlauts: UmlautStyle): string {
  return [...new Set(withoutLegalForms(words(name, umlauts)))].sort().join(' ');
}

/**
 * The canonical fingerprint of a name: transliterated ASCII lower-case words (umlauts folded
 * to the base letter), legal forms removed, sorted and de-duplicated, joined by single spaces.
 * '' when the name has no letters or digits. Fingerprinting a fingerprint keeps every distinctive
 * token (it may drop an ambiguous legal-form word that sorting moved to the end, like "spa").
 */
export function nameFingerprint(name: string): string {
  return fingerprintOf(name, 'base');
}

/**
 * Every fingerprint a name is known by: the canonical one first, then, for a name written
 * with ä, ö or ü, its German spelling (ae, oe, ue) when that differs. Never empty strings.
 */
export function nameFingerprints(name: string): string[] {
  const base = fingerprintOf(name, 'base');
  const german = /[aou]\u0308/i.test(name.normalize('NFD')) ? fingerprintOf(name, 'german') : base;
  return [...new Set([base, german])].filter((fingerprint) => fingerprint !== '');
}

/** The separator between fingerprints in a supplier's search text; pg_trgm reads it as a word boundary. */
export const SEARCH_TEXT_SEPARATOR = ' | ';

/** What supplier search compares: the fingerprints of the name and every alias, each once, joined by ' | '. */
export function searchText(name: string, aliases: readonly string[] = []): string {
  return [...new Set([name, ...aliases].flatMap(nameFingerprints))].join(SEARCH_TEXT_SEPARATOR);
}

/** The tokens of a fingerprint. */
export function fingerprintTokens(fingerprint: string): string[] {
  return fingerprint.split(' ').filter(Boolean);
}

/**
 * Words that many unrelated firms share, so sharing them says nothing: trade and goods words
 * of this supply chain (English, German, French, Dutch, Turkish...), geographic boilerplate,
 * stop words and particles. Legal-form words are added below.
 */
const GENERIC_WORDS = `
  marine marin maritime maritim nautic nautical nautica nautique nautik naval sea seas ocean oceanic denizcilik deniz
  boat boats boot boote boots bootshandel bootsbau bootsservice bootshaus yacht yachts yachting yat tekne tekneler
  watersport watersports wassersport sport sports spor outdoor outdoors leisure camping
  supply supplies supplier suppliers equipment equipments ausrustung malzeme malzemeleri
  textile textiles textil tekstil garment garments apparel konfeksiyon giyim fashion
  trading trade trader traders tradings handel handels handelsgesellschaft handelshaus commerce commercial commerciale
  comercial negoce ticaret
  import imports importer importers importing export exports exporter exporters exporting impex imex imp exp
  ithalat ihracat einfuhr ausfuhr
  international intl inter internationale internacional uluslararasi global worldwide world
  group groupe gruppe grup holding holdings company companies compagnie firma firm enterprise enterprises
  industry industries industrial industrie industriel industriale sanayi sanayii
  logistics logistic logistik logistique lojistik shipping shipment forwarding forwarders spedition nakliyat nakliye
  transport transports transportation tasimacilik freight cargo kargo express
  service services servis solutions systems system technology technologies tech technik teknoloji
  manufacturing manufacturer manufacturers manufactory factory fabrik fabrika uretim production products product
  produkte distribution distributor distributors vertrieb dagitim wholesale wholesaler grosshandel toptan retail
  retailer store stores shop shops online webshop market markets mart pazarlama marketing
  engine engines motor motors motoren outboard outboards inflatable inflatables rib ribs pvc rubber plastic plastics
  life jacket jackets lifejacket lifejackets vest vests safety rescue pump pumps fuel parts accessories
  general new best first quality premium pro plus star
  sons son sohne soehne brothers bros gebruder gebrueder kardesler partners partner associates ortaklari
  europe euro european eu asia asian china chinese turkey turkiye turk germany german deutschland
  and und et ve y e i of the der die das den dem des du de la le les el il lo van von het da do di del dos das
`;

/** Every word that does not tell firms apart: generic words, stop words and the words of legal forms. */
export const NON_DISTINCTIVE_WORDS: ReadonlySet<string> = new Set([
  ...phrase(GENERIC_WORDS),
  ...[...LEGAL_FORMS_ANYWHERE, ...LEGAL_FORMS_AT_END, ...LEGAL_FORMS_AT_START].flatMap(phrase),
]);

/** True when a token of a fingerprint tells firms apart: not generic, not a legal form, not a bare number, two characters or more. */
export function isDistinctive(token: string): boolean {
  return token.length >= 2 && !NON_DISTINCTIVE_WORDS.has(token) && !/^\p{N}+$/u.test(token);
}

/** The tokens of a fingerprint that tell firms apart (in fingerprint order). */
export function distinctiveTokens(fingerprint: string): string[] {
  return fingerprintTokens(fingerprint).filter(isDistinctive);
}
