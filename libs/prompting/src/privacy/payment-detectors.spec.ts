import { passesIbanMod97, passesLuhn } from './checksums.util';
import { maskOnce } from './pii-test.test-util';

describe('card numbers', () => {
  it.each([
    ['Visa', '4111111111111111'],
    ['Visa in groups', '4111 1111 1111 1111'],
    ['Visa with dashes', '4111-1111-1111-1111'],
    ['Visa, 13 digits', '4222222222222'],
    ['Mastercard', '5555 5555 5555 4444'],
    ['Mastercard 2-series', '2223003122003222'],
    ['Amex', '3782 822463 10005'],
    ['Diners', '3056 930902 5904'],
    ['Discover', '6011 1111 1111 1117'],
    ['JCB', '3530111333300000'],
    ['UnionPay, 19 digits', '6212345678901234569'],
  ])('masks %s: %s', (_, card) => {
    expect(maskOnce(`paid with ${card}.`)).toEqual({ text: 'paid with ‹card›.', counts: { card: 1 } });
  });

  it('masks a card followed by its expiry', () => {
    expect(maskOnce('card 4111111111111111 12/26').text).toBe('card ‹card› 12/26');
  });

  it.each([
    ['16 digits failing Luhn', '4111111111111112'],
    ['16 digits in groups failing Luhn', '4111 1111 1111 1112'],
    ['a millisecond timestamp (Luhn-valid)', '1611914066512'],
    ['a Luhn-valid number with no issuer prefix', '8888888888888888'],
    ['one digit repeated', '4444 4444 4444 4444'],
    ['12 digits', '411111111111'],
    ['20 digits', '41111111111111111113'],
    ['mixed separators', '4111 1111-1111 1111'],
    ['a float', '0.30000000000000004'],
    ['an id in a path', '/orders/4111111111111111'],
    ['digits inside a word', 'sku4111111111111111'],
  ])('leaves %s alone: %s', (_, text) => {
    expect(maskOnce(text)).toEqual({ text, counts: {} });
  });
});

describe('IBANs', () => {
  it.each([
    ['German, printed', 'DE89 3704 0044 0532 0130 00'],
    ['German, electronic', 'DE89370400440532013000'],
    ['British', 'GB82 WEST 1234 5698 7654 32'],
    ['Norwegian (15 characters)', 'NO9386011117947'],
    ['Maltese (31 characters)', 'MT84MALT011000012345MTLCAST001S'],
  ])('masks %s: %s', (_, iban) => {
    expect(maskOnce(`IBAN: ${iban} (ref)`)).toEqual({ text: 'IBAN: ‹iban› (ref)', counts: { iban: 1 } });
  });

  it.each([
    ['a wrong check digit', 'DE89 3704 0044 0532 0130 01'],
    ['an unknown country', 'ZZ89370400440532013000'],
    ['lower case letters with digits', 'de89370400440532013000'],
    ['a product code', 'AB12CDEF3456GHIJ'],
    ['an upper-case constant', 'HTTP2SERVERPUSHENABLED'],
  ])('leaves %s alone: %s', (_, text) => {
    expect(maskOnce(text)).toEqual({ text, counts: {} });
  });
});

describe('checksums', () => {
  it('Luhn accepts test cards and rejects a changed digit', () => {
    expect(passesLuhn('79927398713')).toBe(true);
    expect(passesLuhn('79927398710')).toBe(false);
    expect(passesLuhn('')).toBe(false);
  });

  it('mod-97 accepts the registry example and rejects a swapped pair', () => {
    expect(passesIbanMod97('GB82WEST12345698765432')).toBe(true);
    expect(passesIbanMod97('GB82WEST12345698765423')).toBe(false);
  });
});
