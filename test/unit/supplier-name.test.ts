import fc from 'fast-check';
import {
  distinctiveTokens,
  fingerprintTokens,
  isDistinctive,
  isPositionalLegalForm,
  nameFingerprint,
  nameFingerprints,
  NON_DISTINCTIVE_WORDS,
  searchText,
} from '../../src/modules/supplier/supplier-name';
import { searchTerms } from '../../src/modules/supplier/supplier-search';

describe('nameFingerprint', () => {
  it.each([
    // Turkish letters and legal forms, with the "San. ve Tic." boilerplate
    ['Anvora Tekstil Sanayi ve Ticaret Ltd. Şti.', 'anvora tekstil'],
    ['ANVORA TEKSTİL SAN. VE TİC. LTD. ŞTİ.', 'anvora tekstil'],
    ['Anvora Tekstil San. Tic. Ltd. Sti.', 'anvora tekstil'],
    ['Anvora Tekstil A.Ş.', 'anvora tekstil'],
    ['Anvora Tekstil Anonim Şirketi', 'anvora tekstil'],
    ['Anvora Tekstil İç ve Dış Ticaret Limited Şirketi', 'anvora tekstil'],
    ['Kıyıbaşı Denizcilik ve Ortakları', 'denizcilik kiyibasi'],
    ['Çağlayan Şişme Bot Ltd. Şti.', 'bot caglayan sisme'],
    ['IŞIK ĞÜNEŞ', 'gunes isik'],
    // German
    ['Delmaren Marine GmbH', 'delmaren marine'],
    ['Delmaren Marine G.m.b.H.', 'delmaren marine'],
    ['Rheinhafen Bootshandel GmbH & Co. KG', 'bootshandel rheinhafen'],
    ['Lagerhaus Ruhrort Logistik UG (haftungsbeschränkt)', 'lagerhaus logistik ruhrort'],
    ['Wellenreiter Outdoor Handel AG', 'handel outdoor wellenreiter'],
    ['Straßburger Wassersport e.K.', 'strassburger wassersport'],
    // Benelux, France, Iberia, Italy
    ['Harbourline Bootshandel B.V.', 'bootshandel harbourline'],
    ['Bootshandel Harbourline BV', 'bootshandel harbourline'],
    ['Vaartwerk Import N.V.', 'import vaartwerk'],
    ['Zeelicht BVBA', 'zeelicht'],
    ['Portaviaa Textile S.A.R.L.', 'portaviaa textile'],
    ['Portaviaa Textile SARL', 'portaviaa textile'],
    ['Solenta Import S.à r.l.', 'import solenta'],
    ['Côte d\'Opale Nautique SAS', 'cote dopale nautique'],
    ['Marítima Ondarreta S.L.', 'maritima ondarreta'],
    ['Cantiere Velaro S.p.A.', 'cantiere velaro'],
    ['Cantiere Velaro S.r.l.', 'cantiere velaro'],
    // UK, China and elsewhere
    ['Kestrel Outdoor Supplies Ltd', 'kestrel outdoor supplies'],
    ['KESTREL OUTDOOR SUPPLIES LIMITED', 'kestrel outdoor supplies'],
    ['Solent Chandlery LLP', 'chandlery solent'],
    ['Solent Chandlery plc', 'chandlery solent'],
    ['Zeevaarta Outdoor Supplies Co., Ltd.', 'outdoor supplies zeevaarta'],
    ['ZEEVAARTA OUTDOOR SUPPLIES COMPANY LIMITED', 'outdoor supplies zeevaarta'],
    ['Velmont Marine Power Co. Limited', 'marine power velmont'],
    ['Ningbo Haida Youxian Gongsi', 'haida ningbo'],
    ['宁波海达有限公司', '宁波海达'],
    ['Kestrel Sp. z o.o.', 'kestrel'],
    ['Nordlys Båt AS', 'bat nordlys'],
    ['Nordlys Båt A/S', 'bat nordlys'],
    ['Saare Paadid OÜ', 'paadid saare'],
    ['Balkanska Morska Import EOOD', 'balkanska import morska'],
    // Cyrillic and Greek
    ['Балканска Морска ЕООД', 'balkanska morska'],
    ['ООО «Ромашка»', 'romashka'],
    ['ЕТ Анвора', 'anvora'],
    ['Αιγαίο Ναυτιλιακή Α.Ε.', 'aigaio naytiliaki'],
    // Punctuation, case, order, repeats, other letters
    ['  ANVORA   anvora, Anvora!  ', 'anvora'],
    ["O'Neil & Sons Ltd", 'oneil sons'],
    ['Øresund Ærø Łódź', 'aero lodz oresund'],
    ['Crème Brûlée Boats', 'boats brulee creme'],
    ['Ｆｕｌｌ　Ｗｉｄｔｈ Ｌｔｄ', 'full width'],
    ['Marine 2000 Ltd', '2000 marine'],
    // Legal forms are never everything
    ['GmbH', 'gmbh'],
    ['Holding AG', 'holding'],
    ['Tekstil Ltd', 'tekstil'],
    ['Ltd. Şti.', 'ltd'],
    // Ambiguous short forms go only at the end
    ['AG Boote Nordsee', 'ag boote nordsee'],
    ['San Remo Marine', 'marine remo san'],
    ['Spa Marine Spa', 'marine spa'],
    // Nothing to compare
    ['', ''],
    ['  - / . ', ''],
    ['BALKANSKA MORSKA IMPORT E.O.O.D.', 'balkanska import morska'],
    ['Vaartwerk Import B. V.', 'import vaartwerk'],
  ])('%j -> %j', (name, fingerprint) => {
    expect(nameFingerprint(name)).toBe(fingerprint);
  });

  it('ignores word order, case, punctuation and legal forms', () => {
    const variants = [
      'Harbourline Bootshandel BV',
      'Bootshandel Harbourline B.V.',
      'HARBOURLINE BOOTSHANDEL B. V.',
      'harbourline-bootshandel bv',
      'Harbourline, Bootshandel (BV)',
    ];
    expect(new Set(variants.map(nameFingerprint))).toEqual(new Set(['bootshandel harbourline']));
  });
});

describe('umlauts: German and Turkish', () => {
  it('folds umlauts to the base letter in the canonical fingerprint', () => {
    expect(nameFingerprint('Müller Bootsbau')).toBe('bootsbau muller');
    expect(nameFingerprint('Gümüş Denizcilik')).toBe('denizcilik gumus');
    expect(nameFingerprint('Köhler & Söhne')).toBe('kohler sohne');
  });

  it('adds the German spelling as a second fingerprint when the name has ä, ö or ü', () => {
    expect(nameFingerprints('Müller Bootsbau GmbH')).toEqual(['bootsbau muller', 'bootsbau mueller']);
    expect(nameFingerprints('Gümüş Denizcilik')).toEqual(['denizcilik gumus', 'denizcilik guemues']);
    expect(nameFingerprints('Mäander')).toEqual(['maander', 'maeander']);
    expect(nameFingerprints('MÜLLER')).toEqual(['muller', 'mueller']);
    expect(nameFingerprints('Mu\u0308ller')).toEqual(['muller', 'mueller']); // decomposed ü
  });

  it('gives one fingerprint to a name without umlauts', () => {
    expect(nameFingerprints('Mueller Bootsbau')).toEqual(['bootsbau mueller']);
    expect(nameFingerprints('Şişli Tekne Ltd. Şti.')).toEqual(['sisli tekne']);
    expect(nameFingerprints('Citroën Marine')).toEqual(['citroen marine']); // ë is not a German umlaut
    expect(nameFingerprints('')).toEqual([]);
  });

  it('lets every spelling of a German name meet the one with ü, and the ASCII Turkish spelling meet the Turkish one', () => {
    const withUmlaut = new Set(nameFingerprints('Müller Bootsbau'));
    expect(withUmlaut.has(nameFingerprint('Mueller Bootsbau'))).toBe(true);
    expect(withUmlaut.has(nameFingerprint('Muller Bootsbau'))).toBe(true);
    expect(new Set(nameFingerprints('Gümüş Denizcilik')).has(nameFingerprint('Gumus Denizcilik'))).toBe(true);
  });
});

describe('searchText', () => {
  it('joins the fingerprints of name and aliases with " | ", each once', () => {
    expect(searchText('Anvora Tekstil Sanayi ve Ticaret Ltd. Şti.', ['Anvora Textile', 'ANVORA TEKSTIL', 'Anvora Tekstil A.Ş.'])).toBe(
      'anvora tekstil | anvora textile',
    );
  });

  it('carries both spellings of names with umlauts', () => {
    expect(searchText('Müller Bootsbau GmbH', ['Mueller Boote'])).toBe('bootsbau muller | bootsbau mueller | boote mueller');
  });

  it('removes a joint-stock company\'s JSC before or after the name', () => {
    expect(nameFingerprint('JSC Kaspian Marine')).toBe('kaspian marine');
    expect(nameFingerprint('Kaspian Marine PJSC')).toBe('kaspian marine');
  });

  it('knows which legal forms are removed only at one end of a name', () => {
    expect(['sas', 'tic', 'ooo', 'Co.'].map(isPositionalLegalForm)).toEqual([true, true, true, true]);
    expect(['gmbh', 'jsc', 'marine'].map(isPositionalLegalForm)).toEqual([false, false, false]);
  });

  it('is empty for a name with nothing to compare', () => {
    expect(searchText('---')).toBe('');
  });
});

describe('distinctiveTokens', () => {
  it.each([
    ['anvora tekstil', ['anvora']],
    ['anvora sanayi tekstil ticaret', ['anvora']],
    ['delmaren marine', ['delmaren']],
    ['bootshandel harbourline', ['harbourline']],
    ['export import nordwinda', ['nordwinda']],
    ['outdoor supplies zeevaarta', ['zeevaarta']],
    ['logistics trading international group', []],
    ['marine power velmont', ['power', 'velmont']],
    ['2000 marine', []],
    ['gmbh', []],
    ['ltd sti', []],
    ['a b anvora', ['anvora']],
    ['de la mer', ['mer']],
    ['', []],
  ])('%j -> %j', (fingerprint, tokens) => {
    expect(distinctiveTokens(fingerprint)).toEqual(tokens);
  });

  it('treats generic trade words of the chain as not distinctive, in the languages met', () => {
    for (const word of [
      'marine', 'trading', 'trade', 'import', 'export', 'international', 'global', 'group', 'company', 'industry', 'industries',
      'logistics', 'shipping', 'boats', 'boat', 'textile', 'tekstil', 'sanayi', 'ticaret', 'handel', 'handelsgesellschaft',
      'watersport', 'bootshandel', 'outdoor', 'supplies', 'logistik', 'lojistik', 'denizcilik', 'ithalat', 'ihracat',
    ]) {
      expect([word, isDistinctive(word)]).toEqual([word, false]);
    }
  });

  it('treats legal-form words and stop words as not distinctive', () => {
    for (const word of ['gmbh', 'ltd', 'limited', 'sti', 'sarl', 'bv', 'co', 'ag', 'as', 've', 'und', 'and', 'the', 'van', 'gongsi']) {
      expect([word, NON_DISTINCTIVE_WORDS.has(word)]).toEqual([word, true]);
    }
  });

  it('keeps names distinctive', () => {
    for (const word of ['anvora', 'delmaren', 'harbourline', 'kestrel', 'rheinhafen', 'velmont', 'balkanska', 'muller', 'ab12']) {
      expect([word, isDistinctive(word)]).toEqual([word, true]);
    }
  });
});

describe('searchTerms', () => {
  it('is null for a blank search', () => {
    expect(searchTerms(null)).toBeNull();
    expect(searchTerms('   ')).toBeNull();
  });

  it('reads a query as fingerprints, distinctive tokens and the written form', () => {
    expect(searchTerms('Anvra Tekstil Ltd. Şti.')).toMatchObject({
      fingerprints: ['anvra tekstil'],
      distinctive: ['anvra'],
      tokens: ['anvra'],
    });
    expect(searchTerms('Dlmaren Marine G.m.b.H.')!.written).toBe('dlmaren marine gmbh');
    expect(searchTerms('Müller')).toMatchObject({ fingerprints: ['muller', 'mueller'], tokens: ['mueller', 'muller'] });
    expect(searchTerms('Tekstil Ltd')).toMatchObject({ fingerprints: ['tekstil'], distinctive: [''], tokens: [] });
    expect(searchTerms('!!!')).toMatchObject({ fingerprints: [], tokens: [] });
  });

  it('keys a search by its fingerprints, so the same query written differently pages the same', () => {
    expect(searchTerms('Harbourline Bootshandel BV')!.key).toBe(searchTerms('bootshandel, harbourline')!.key);
    expect(searchTerms('Harbourline')!.key).not.toBe(searchTerms('Harbourline Bootshandel')!.key);
  });
});

describe('properties', () => {
  const nameChars = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZäöüÄÖÜßşŞğĞıİçÇéèàâ0123456789 .,&-\'()/');
  const names = fc.oneof(fc.string({ unit: nameChars, maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 40 }));

  it('is stable: fingerprinting a fingerprint never adds a token, and keeps every distinctive one', () => {
    fc.assert(
      fc.property(names, (name) => {
        const tokens = fingerprintTokens(nameFingerprint(name));
        const again = fingerprintTokens(nameFingerprint(tokens.join(' ')));
        expect(again.every((token) => tokens.includes(token))).toBe(true);
        expect(tokens.filter(isDistinctive).every((token) => again.includes(token))).toBe(true);
        if (tokens.every(isDistinctive)) expect(again).toEqual(tokens);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives sorted, unique, single-spaced tokens', () => {
    fc.assert(
      fc.property(names, (name) => {
        const fingerprint = nameFingerprint(name);
        const tokens = fingerprintTokens(fingerprint);
        expect(tokens.join(' ')).toBe(fingerprint);
        expect([...new Set(tokens)].sort()).toEqual(tokens);
      }),
      { numRuns: 2000 },
    );
  });

  it('ignores case and word order', () => {
    // Legal forms removed only at one end ("SAS", "Tic") are the exception, tested above.
    const word = fc.stringMatching(/^[a-z]{3,9}$/).filter((w) => !isPositionalLegalForm(w));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 5 }), fc.constantFrom('', ' GmbH', ' Ltd. Şti.', ' B.V.', ' Co., Ltd.'), (words, form) => {
        const name = words.join(' ') + form;
        const shuffled = [...words].reverse().join(' ').toUpperCase() + form;
        expect(nameFingerprint(shuffled)).toBe(nameFingerprint(name));
      }),
    );
  });

  it('makes a search text whose every fingerprint is ASCII letters, digits and spaces for Latin names', () => {
    fc.assert(
      fc.property(fc.string({ unit: nameChars, maxLength: 60 }), (name) => {
        expect(searchText(name, [name.toUpperCase()])).toMatch(/^[a-z0-9 |]*$/);
      }),
    );
  });
});
