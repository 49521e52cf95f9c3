import { countTokens } from './count-tokens.util';

describe('countTokens (o200k_base)', () => {
  it('counts like OpenAI does: a UUID costs many tokens, a short id few', () => {
    expect(countTokens('')).toBe(0);
    expect(countTokens('hello world')).toBe(2);
    const uuid = countTokens('6c1f8e0a-1b2c-4d5e-9f00-112233445566');
    expect(uuid).toBeGreaterThan(15);
    expect(countTokens('#12')).toBeLessThanOrEqual(2);
  });
});
