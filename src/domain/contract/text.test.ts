import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AuditQuery, LoginRequest } from './auth';
import { invalid } from '../problems';
import { isSafeText, issueCode, text, TEXT_INVALID_CHARACTER, UNSAFE_TEXT_MESSAGE } from './common';
import { EvidenceLinkInput } from './milestone';

describe('text(): the one string rule of the contract', () => {
  it.each(['a\u0000b', '\u0000', '\uD800', 'x\uDBFFy', '\uDC00', 'ab\uDFFF', '\uDC00\uD800'])(
    'refuses %j',
    (value) => {
      expect(isSafeText(value)).toBe(false);
      const result = text().safeParse(value);
      expect(result.success).toBe(false);
      const issue = result.error?.issues[0];
      expect(issue?.message).toBe(UNSAFE_TEXT_MESSAGE);
      expect(issue && issueCode(issue)).toBe(TEXT_INVALID_CHARACTER);
    },
  );

  it.each(['', 'Élodie', '\uFFFF', '\u202Eabc\u200F', '😀', '\uD83D\uDE00', 'x'.repeat(10_000)])(
    'accepts %j',
    (value) => expect(text().safeParse(value).success).toBe(true),
  );

  it('refuses exactly NUL and surrogates without their pair, over random strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const wellFormed = !/[\uD800-\uDFFF]/.test(
          s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''),
        );
        expect(isSafeText(s)).toBe(wellFormed && !s.includes('\u0000'));
      }),
      { seed: 11, numRuns: 200 },
    );
  });

  it('names the field in the schemas that use it', () => {
    const login = LoginRequest.safeParse({ email: 'a\u0000@x.org', password: 'x' });
    expect(login.error?.issues.map((i) => i.path.join('.'))).toEqual(['email']);
    const audit = AuditQuery.safeParse({ action: '\u0000' });
    expect(audit.error?.issues.map((i) => i.path.join('.'))).toEqual(['action']);
    const link = EvidenceLinkInput.safeParse({ name: 'x', url: 'https://a.org/\u0000' });
    expect(link.error?.issues.map((i) => i.path.join('.'))).toEqual(['url']);
  });

  it("reports its own code, not zod's generic one, in the 400 the server answers", () => {
    const error = EvidenceLinkInput.safeParse({ name: 'x\uD800', url: 'https://a.org/' }).error;
    if (!error) throw new Error('expected a refusal');
    expect(invalid('body', error).details).toEqual({
      issues: [{ field: 'name', code: TEXT_INVALID_CHARACTER, message: UNSAFE_TEXT_MESSAGE }],
    });
    const other = text().min(2).safeParse('a').error?.issues[0];
    expect(other && issueCode(other)).toBe('too_small');
  });
});
