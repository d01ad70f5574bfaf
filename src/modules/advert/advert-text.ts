/**
 * An advert's text as compared for near-duplicates and as searched across scripts. Pure: no
 * database. Reposts of one advert change what a network changes when it posts again (the price,
 * the phone, a new account's handle digits, emoji, capitals, the order of lines), so the fold
 * keeps only the words: transliterated to lower-case ASCII (Arabic, Kurdish and other scripts
 * by the `transliteration` library, so pg_trgm, which reads only ASCII letters in a database of
 * C character type, compares them too), with web addresses, e-mail addresses, digits, emoji,
 * symbols and punctuation removed.
 */
import { transliterate } from 'transliteration';

/** A text of fewer words says too little to call another a copy of it. */
export const MIN_FOLD_WORDS = 5;
/** Words of a search query looked up (each in every language); more are refused. */
export const MAX_QUERY_WORDS = 16;

const WEB_ADDRESS = /\b(?:https?:\/\/|www\.)\S+/giu;
const EMAIL_ADDRESS = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

/** Lower-case ASCII words of a text, with digits and everything but letters read as spaces. */
export function foldWords(text: string): string[] {
  // Symbols and punctuation go before transliteration, which spells some as letters (€ as "EU").
  const words = text.normalize('NFKC').replace(WEB_ADDRESS, ' ').replace(EMAIL_ADDRESS, ' ').replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ');
  return transliterate(words).toLowerCase().replace(/[^a-z]+/g, ' ').split(' ').filter(Boolean);
}

/** The folded text compared with other adverts' (see the module comment), or null when too short to compare. */
export function comparableFold(text: string | null): string | null {
  if (text === null) return null;
  const words = foldWords(text);
  return words.length >= MIN_FOLD_WORDS ? words.join(' ') : null;
}

/** The words of a search query as written, each with its folded form (letters of another script or accented, as ASCII). */
export function queryWords(query: string): Array<{ word: string; fold: string }> {
  return query
    .normalize('NFKC')
    .split(/[\s,;]+/u)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .map((word) => ({ word, fold: foldWords(word).join(' ') }));
}
