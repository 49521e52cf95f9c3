import { PiiMasker } from './pii.masker';
import { FieldHints } from './sensitive-field.util';

describe('PiiMasker.maskFieldValue', () => {
  it.each<[string, FieldHints]>([
    ['a password field by type', { type: 'password', name: 'login' }],
    ['a card field by autocomplete', { type: 'text', autocomplete: 'cc-number' }],
    ['a section-scoped autocomplete', { autocomplete: 'section-billing cc-csc' }],
    ['a new-password field', { autocomplete: 'new-password' }],
    ['a one-time code', { autocomplete: 'one-time-code', name: 'code' }],
    ['a CVC by name', { name: 'cvc' }],
    ['a CVV by id', { id: 'card-cvv2' }],
    ['a card number by camelCase name', { name: 'cardNumber' }],
    ['a security code', { id: 'securityCode' }],
    ['an IBAN', { name: 'iban' }],
    ['an SSN', { name: 'applicant[ssn]' }],
    ['a PIN', { id: 'PIN' }],
    ['a password confirmation', { name: 'password_confirmation', type: 'text' }],
    ['an account number', { name: 'account-number' }],
  ])('hides the whole value of %s', (_, field) => {
    const masker = new PiiMasker();
    expect(masker.maskFieldValue('hello world 42', field)).toBe('‹field-value›');
    expect(masker.counts()).toEqual({ 'field-value': 1 });
  });

  it.each<[string, FieldHints]>([
    ['a search box', { type: 'search', name: 'q' }],
    ['an e-mail field', { type: 'email', name: 'email', autocomplete: 'email' }],
    ['a passenger count', { name: 'passengers' }],
    ['a discount code', { name: 'discount' }],
    ['a field without hints', {}],
  ])('masks only the PII inside %s', (_, field) => {
    const masker = new PiiMasker();
    expect(masker.maskFieldValue('red shoes', field)).toBe('red shoes');
    expect(masker.maskFieldValue('ping jane@example.com', field)).toBe('ping ‹email›');
    expect(masker.counts()).toEqual({ email: 1 });
  });

  it('leaves empty values, rrweb-masked values and its own placeholder alone', () => {
    const masker = new PiiMasker();
    const password = { type: 'password' };
    expect(masker.maskFieldValue('', password)).toBe('');
    expect(masker.maskFieldValue('********', password)).toBe('********');
    expect(masker.maskFieldValue('‹field-value›', password)).toBe('‹field-value›');
    expect(masker.counts()).toEqual({});
  });
});
