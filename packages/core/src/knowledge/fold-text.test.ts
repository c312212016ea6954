import { FrontlineError } from '@frontline/core';
import { foldText, KNOWLEDGE_STOP_WORDS, searchTerms } from '@frontline/core/service-desk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('foldText', () => {
  it('lower-cases and strips every Hungarian accent, short and long', () => {
    expect(foldText('ÁRVÍZTŰRŐ TÜKÖRFÚRÓGÉP')).toBe('arvizturo tukorfurogep');
    expect(foldText('áéíóöőúüű')).toBe('aeiooouuu');
    expect(foldText('Nyomtató')).toBe('nyomtato');
  });

  it('folds precomposed and decomposed accents alike', () => {
    expect(foldText('o\u030B')).toBe(foldText('\u0151'));
    expect(foldText('\u0151')).toBe('o');
  });

  it('is idempotent (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        const once = foldText(text);
        expect(foldText(once)).toBe(once);
      }),
    );
  });

  it('refuses a non-string as a ValidationError', () => {
    expect(() => foldText(42 as never)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});

describe('searchTerms', () => {
  it('splits on spaces, punctuation and symbols, folds, drops stop words and repeats', () => {
    expect(searchTerms('A router nem működik! A router…')).toEqual(['router', 'mukodik']);
    expect(searchTerms('SIM-kártya (PUK) + számla/2026')).toEqual(['sim', 'kartya', 'puk', 'szamla', '2026']);
    expect(searchTerms('the and is')).toEqual([]);
    expect(searchTerms('router\tlassú\u000bnyom\u00adtató x')).toEqual(['router', 'lassu', 'nyomtato']);
  });

  it('keeps its stop words in folded form, so accented ones match', () => {
    for (const word of KNOWLEDGE_STOP_WORDS) expect(foldText(word)).toBe(word);
    expect(searchTerms('és már')).toEqual([]);
  });

  it('returns folded terms or throws a FrontlineError for any input (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.anything()), (input) => {
        try {
          for (const term of searchTerms(input as string)) expect(foldText(term)).toBe(term);
        } catch (error) {
          expect(FrontlineError.is(error), String(error)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
