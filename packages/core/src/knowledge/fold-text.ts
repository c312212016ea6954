import { z } from 'zod';
import { parseInput } from '../errors/validate';

/** Combining marks (accents once decomposed) and invisible format characters (soft hyphen, zero-width). */
const MARKS = /[\p{M}\p{Cf}]+/gu;
/** Word separators: spaces, punctuation, symbols and control characters (tabs, line breaks). */
const SEPARATORS = /[\p{Z}\p{P}\p{S}\p{Cc}]+/u;

/**
 * Words too common to help a search, Hungarian and English, in their folded form (lower case, no accents).
 * Kept small on purpose: BM25 already weighs common words down; these are the ones that only cost time.
 * @category Knowledge
 */
export const KNOWLEDGE_STOP_WORDS: ReadonlySet<string> = new Set([
  // Hungarian (folded: "és" → "es", "már" → "mar")
  'a',
  'az',
  'egy',
  'es',
  'is',
  'de',
  'hogy',
  'nem',
  'meg',
  'mar',
  'csak',
  'mint',
  'van',
  'volt',
  'ez',
  'azt',
  'ami',
  'mert',
  'vagy',
  'sem',
  'ha',
  'nincs',
  'ki',
  'be',
  'fel',
  'le',
  'el',
  'at',
  'igen',
  'pedig',
  'ezt',
  'aki',
  'akkor',
  'kell',
  'nagyon',
  // English
  'an',
  'the',
  'and',
  'or',
  'of',
  'to',
  'in',
  'on',
  'for',
  'is',
  'are',
  'was',
  'be',
  'it',
  'its',
  'this',
  'that',
  'with',
  'my',
  'i',
  'not',
  'no',
  'do',
  'does',
  'can',
  'cannot',
  'from',
  'by',
  'as',
]);

/** The unvalidated core of {@link foldText}; called once per term while indexing, so kept allocation-light. */
export function foldRaw(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(MARKS, '');
}

/** Splits text on spaces, punctuation and symbols (the indexing and query tokenizer). */
export function tokenizeRaw(text: string): string[] {
  return text.split(SEPARATORS);
}

/** Printable ASCII needs lower-casing only; anything else goes through Unicode normalisation. */
const PRINTABLE_ASCII = /^[ -~]*$/;

/** Folds one token and drops it when it is a single character or a stop word (MiniSearch's `processTerm`). */
export function processTermRaw(term: string): string | null {
  const folded = PRINTABLE_ASCII.test(term) ? term.toLowerCase() : foldRaw(term);
  return folded.length < 2 || KNOWLEDGE_STOP_WORDS.has(folded) ? null : folded;
}

/** How many distinct tokens a term processor remembers before it starts afresh. */
const MEMO_LIMIT = 200_000;

/**
 * A memoised {@link processTermRaw}, one per index: words repeat (Zipf), and Unicode normalisation is the
 * costliest step of indexing, so each distinct token is folded once. The memo is bounded.
 */
export function createTermProcessor(): (term: string) => string | null {
  const memo = new Map<string, string | null>();
  return (term) => {
    const known = memo.get(term);
    if (known !== undefined) return known;
    const processed = processTermRaw(term);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(term, processed);
    return processed;
  };
}

/** The distinct search terms of a text, in order of first appearance. */
export function searchTermsRaw(text: string): string[] {
  const seen = new Set<string>();
  for (const token of tokenizeRaw(text)) {
    const term = processTermRaw(token);
    if (term !== null) seen.add(term);
  }
  return [...seen];
}

const Text = z.string().max(1_000_000);

/**
 * Lower-cases text and strips its diacritics (Unicode NFD, then every combining mark removed), so that
 * Hungarian accents compare equal to their base letters: `Árvíztűrő` → `arvizturo`, `nyomtató` → `nyomtato`.
 * This is the folding the knowledge-base search applies to articles and queries alike.
 * @example foldText('Árvíztűrő tükörfúrógép') // 'arvizturo tukorfurogep'
 * @category Knowledge
 */
export function foldText(text: string): string {
  return foldRaw(parseInput(Text, text, 'text'));
}

/**
 * The search terms of a text as the knowledge base indexes and queries them: split on spaces, punctuation
 * and symbols, folded with {@link foldText}, stop words ({@link KNOWLEDGE_STOP_WORDS}) removed, each term
 * once, in order of first appearance.
 * @example searchTerms('A router nem működik!') // ['router', 'mukodik']
 * @category Knowledge
 */
export function searchTerms(text: string): string[] {
  return searchTermsRaw(parseInput(Text, text, 'text'));
}
