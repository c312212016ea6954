import { describe, expect, it } from 'vitest';
import { FrontlineError } from '../errors/frontline-error';
import { REDACTED_MARK, redactIdentifiers } from './identifier-redaction';

const ids = {
  names: ['Kiss', 'Anna Mária'],
  emails: ['Kiss.Anna@Example.hu'],
  phones: ['+36301234567'],
};

describe('redactIdentifiers', () => {
  it('takes out names with Hungarian suffixes and lengthened stems, in any case, and words beginning like them', () => {
    expect(redactIdentifiers('Kiss Annának és KISSÉK családjának; Mária néni', ids)).toBe(
      `${REDACTED_MARK} ${REDACTED_MARK} és ${REDACTED_MARK} családjának; ${REDACTED_MARK} néni`,
    );
    expect(redactIdentifiers('Puskás Ferenc hívta, Annabella nem', ids)).toBe(
      `Puskás Ferenc hívta, ${REDACTED_MARK} nem`,
    );
    expect(redactIdentifiers('Puskás Ferenc hívta a bankkártyáról', ids)).toBe(
      'Puskás Ferenc hívta a bankkártyáról',
    );
  });

  it('takes out e-mail addresses case-insensitively and phone numbers however they are written', () => {
    const text =
      'Írjon: kiss.anna@example.HU, hívja: 06 30 123 4567, +36-30-123-4567, (30) 1234567; ügyszám 2026 0001';
    expect(redactIdentifiers(text, ids)).toBe(
      `Írjon: ${REDACTED_MARK}, hívja: ${REDACTED_MARK}, ${REDACTED_MARK}, ${REDACTED_MARK}; ügyszám 2026 0001`,
    );
  });

  it('refuses garbage with a ValidationError', () => {
    for (const bad of [
      () => redactIdentifiers(42 as never, ids),
      () => redactIdentifiers('x', { names: 'Kiss' } as never),
    ]) {
      expect(() => bad()).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
      try {
        bad();
      } catch (error) {
        expect(FrontlineError.is(error)).toBe(true);
      }
    }
  });
});
