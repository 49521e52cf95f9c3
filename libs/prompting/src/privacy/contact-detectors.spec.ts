import { maskOnce } from './pii-test.test-util';

describe('e-mail addresses', () => {
  it.each([
    ['plain', 'jane@example.com'],
    ['a +tag', 'jane.doe+newsletter@example.com'],
    ['subdomains', 'ops@mail.eu.example.co.uk'],
    ['digits, dashes, underscores', 'j_doe-42@my-shop.io'],
    ['upper case', 'Jane.Doe@Example.COM'],
    ['URL-encoded @', 'jane%40example.com'],
    ['URL-encoded + and @', 'jane%2Bnews%40example.com'],
    ['double-encoded @', 'jane%2540example.com'],
    ['non-ASCII letters', 'jörg.müller@bücher.de'],
  ])('masks %s: %s', (_, email) => {
    expect(maskOnce(`write to ${email} today`)).toEqual({
      text: 'write to ‹email› today',
      counts: { email: 1 },
    });
  });

  it('masks an address inside a query string, a mailto: link and after a JSON escape', () => {
    expect(maskOnce('/signup?email=jane%40example.com&plan=pro').text).toBe('/signup?email=‹email›&plan=pro');
    expect(maskOnce('<a href="mailto:jane@example.com">').text).toBe('<a href="mailto:‹email›">');
    expect(maskOnce('"\\njane@example.com\\u0022"').text).toBe('"\\n‹email›\\u0022"');
  });

  it.each([
    ['a retina asset', 'logo@2x.png'],
    ['a versioned package', 'react@18.2.0'],
    ['a scoped package', 'node_modules/@babel/core'],
    ['a handle', 'follow @posthog on X'],
    ['a host without a top-level domain', 'admin@localhost'],
    ['a CSS at-rule', '@media (max-width: 600px)'],
  ])('leaves %s alone: %s', (_, text) => {
    expect(maskOnce(text)).toEqual({ text, counts: {} });
  });
});

describe('phone numbers', () => {
  it.each([
    '+49 30 1234567',
    '+49 (0)30 1234567',
    '+44 20 7946 0958',
    '+33 1 23 45 67 89',
    '+1-555-123-4567',
    '+1 (555) 123-4567',
    '+4930123456',
    '(555) 123-4567',
    '(555)123-4567',
    '555-123-4567',
    '555.123.4567',
    '555 123 4567',
    '1-555-123-4567',
    '030 1234567',
    '(030) 1234567',
    '0171-1234567',
    '020 7946 0958',
    '06 12 34 56 78',
    '06.12.34.56.78',
  ])('masks %s', (phone) => {
    expect(maskOnce(`Call ${phone}, please`)).toEqual({ text: 'Call ‹phone›, please', counts: { phone: 1 } });
  });

  it('masks a number after a label, in a query and in a tel: link', () => {
    expect(maskOnce('Phone:555-123-4567').text).toBe('Phone:‹phone›');
    expect(maskOnce('?phone=+4930123456&x=1').text).toBe('?phone=‹phone›&x=1');
    expect(maskOnce('href="tel:+49 30 1234567"').text).toBe('href="tel:‹phone›"');
  });

  it.each([
    ['a price', 'Total: $1,234.56'],
    ['a European price', '1.234.567,89 €'],
    ['a price with spaced thousands', '1 234 567 €'],
    ['an ISO date', '2026-03-02'],
    ['a German date', '02.03.2026'],
    ['a spaced date', '02 03 2026'],
    ['a time', '09:00:03'],
    ['a time range', '09:00 - 17:00'],
    ['an ISO timestamp', '2026-03-02T09:00:03.123+01:00'],
    ['a version', 'v1.0.0'],
    ['a long version', '10.0.19045.2965'],
    ['an IP address', '192.168.100.200'],
    ['an order number inside an id', 'order-555-123-4567'],
    ['an order id', 'ORD-2026-000123'],
    ['an order number after #', 'order #5551234567'],
    ['a bare digit run (a timestamp)', '1611914066510'],
    ['a bare digit run (an id)', 'user 5551234567'],
    ['coordinates', '52.520008, 13.404954'],
    ['negative coordinates', '-122.4194155, 37.7749295'],
    ['a small number', 'id=6'],
    ['a ZIP code', 'Seattle, WA 98101'],
    ['a ZIP+4', '98101-1234'],
    ['a viewport', '1280×800'],
    ['a percentage', '12.5%'],
    ['a card placeholder', 'placeholder="4000 0000 0000 0000"'],
    ['a phone format hint', '000-000-0000'],
    ['a score', '+3 -2'],
    ['a local number without area code', '555-1234'],
    [
      'SVG path data',
      'd="M10 5.22 8.98 4 8 4 0-4.4-3.6-8-8-8 64 64 896 896 56 56 0 1 0 112 0 8.2 8.2 0 0011.6 0"',
    ],
    ['an SVG viewBox', 'viewBox="0 0 1024 1024"'],
  ])('leaves %s alone: %s', (_, text) => {
    expect(maskOnce(text)).toEqual({ text, counts: {} });
  });
});
