import { SiftError } from '@sift/errors';
import { countTokens } from '../tokens/count-tokens.util';
import { PiiKind } from './pii-kind.types';
import { InvalidPiiPatternError } from './pii-pattern.error';
import { piiPlaceholder } from './pii-placeholder.util';
import { PiiMasker } from './pii.masker';

const MIXED = [
  'Jane Doe <jane.doe+shop@example.com> called +49 30 1234567 and (555) 123-4567.',
  'Paid 4111 1111 1111 1111 from DE89 3704 0044 0532 0130 00, total $1,234.56 on 2026-03-02 09:00:03.',
  'GET /reset?token=abc123&email=a%40b.com with Authorization: Bearer abc123def456ghi789',
  'key sk_live_4eC39HqLyjWDarjtT1zdp7dc, session 6c1f8e0a-1b2c-4d5e-9f00-112233445566, input ******',
].join('\n');

describe('PiiMasker', () => {
  it('masks every kind in one text and counts each replacement', () => {
    const masker = new PiiMasker();
    expect(masker.mask(MIXED)).toBe(
      [
        'Jane Doe <‹email›> called ‹phone› and ‹phone›.',
        'Paid ‹card› from ‹iban›, total $1,234.56 on 2026-03-02 09:00:03.',
        'GET /reset?token=‹url-secret›&email=‹email› with Authorization: Bearer ‹token›',
        'key ‹token›, session 6c1f8e0a-1b2c-4d5e-9f00-112233445566, input ******',
      ].join('\n'),
    );
    expect(masker.counts()).toEqual({ email: 2, phone: 2, card: 1, iban: 1, 'url-secret': 1, token: 2 });
  });

  it('is idempotent: masking masked text changes and counts nothing', () => {
    const masker = new PiiMasker({ extraPatterns: [{ name: 'words', pattern: '[a-z-]+' }] });
    const once = masker.mask(MIXED);
    const counted = masker.counts();
    expect(masker.mask(once)).toBe(once);
    expect(masker.counts()).toEqual(counted);
  });

  it('protects only its own placeholders, not any text in ‹›', () => {
    const masker = new PiiMasker();
    const once = masker.mask('‹jane@example.com› ‹note›');
    expect(once).toBe('‹‹email›› ‹note›');
    expect(masker.mask(once)).toBe(once);
    expect(masker.counts()).toEqual({ email: 1 });
  });

  it('leaves what rrweb masked as it is and does not count it', () => {
    const masker = new PiiMasker({ extraPatterns: [{ name: 'stars', pattern: /\*+/ }] });
    expect(masker.mask('typed ********** into ***')).toBe('typed ********** into ***');
    expect(masker.counts()).toEqual({});
  });

  it('adds up counts over calls and hands out snapshots with only the kinds it saw', () => {
    const masker = new PiiMasker();
    expect(masker.counts()).toEqual({});
    masker.mask('a@example.com');
    const first = masker.counts();
    masker.mask('b@example.com and c@example.com');
    expect(first).toEqual({ email: 1 });
    expect(masker.counts()).toEqual({ email: 3 });
    expect(Object.isFrozen(masker.counts())).toBe(true);
  });

  it('never masks allowed values, compared whole and case-insensitively', () => {
    const masker = new PiiMasker({ allow: ['Support@Shop.example', '+1 800 555 0199'] });
    expect(masker.mask('support@shop.example, support%40shop.example, +1 800 555 0199')).toBe(
      'support@shop.example, support%40shop.example, +1 800 555 0199',
    );
    expect(masker.mask('jane@shop.example')).toBe('‹email›');
    expect(masker.counts()).toEqual({ email: 1 });
  });

  describe('extra patterns', () => {
    it('masks string and RegExp patterns as custom, before the built-in kinds', () => {
      const masker = new PiiMasker({
        extraPatterns: [
          { name: 'customer number', pattern: 'CUST-\\d{6}' },
          { name: 'employee id', pattern: /emp_[a-z0-9]{4}/i },
          { name: 'staff phone', pattern: /\+49 30 9\d+/ },
        ],
      });
      expect(masker.mask('CUST-123456 and CUST-654321, EMP_ab12, +49 30 9876543, +49 30 1234567')).toBe(
        '‹custom› and ‹custom›, ‹custom›, ‹custom›, ‹phone›',
      );
      expect(masker.counts()).toEqual({ custom: 4, phone: 1 });
    });

    it('keeps a leading named group `lead` as context', () => {
      const masker = new PiiMasker({
        extraPatterns: [{ name: 'member', pattern: '(?<lead>member no\\. )\\d+' }],
      });
      expect(masker.mask('member no. 8812')).toBe('member no. ‹custom›');
    });

    it('ignores empty matches', () => {
      const masker = new PiiMasker({ extraPatterns: [{ name: 'maybe', pattern: 'x*' }] });
      expect(masker.mask('abc')).toBe('abc');
      expect(masker.counts()).toEqual({});
    });

    it('rejects an invalid pattern with an error naming it', () => {
      const build = (): PiiMasker =>
        new PiiMasker({ extraPatterns: [{ name: 'order ref', pattern: 'ORD-(\\d+' }] });
      expect(build).toThrow(/PII pattern "order ref" is not a valid regular expression: .*/);
      const error = thrownBy(build);
      expect(error).toBeInstanceOf(InvalidPiiPatternError);
      expect(error).toBeInstanceOf(SiftError);
      expect(error).toMatchObject({
        code: 'INVALID_PII_PATTERN',
        retriable: false,
        patternName: 'order ref',
      });
    });
  });

  it('keeps JSON and YAML escapes intact around masked values', () => {
    const masker = new PiiMasker();
    expect(masker.mask('"Call\\n555-123-4567\\tor mail\\u0020jane@example.com"')).toBe(
      '"Call\\n‹phone›\\tor mail\\u0020‹email›"',
    );
  });

  it('writes placeholders that cost few tokens', () => {
    const kinds: PiiKind[] = [
      'email',
      'phone',
      'card',
      'iban',
      'token',
      'url-secret',
      'field-value',
      'custom',
    ];
    for (const kind of kinds) expect(countTokens(piiPlaceholder(kind))).toBeLessThanOrEqual(5);
  });
});

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
