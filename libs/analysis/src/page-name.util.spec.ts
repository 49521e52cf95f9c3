import { pageName } from './page-name.util';

describe('pageName', () => {
  it.each([
    ['/checkout', 'Checkout (/checkout)'],
    ['/', 'Home (/)'],
    ['/account/billing-details', 'Account billing details (/account/billing-details)'],
    ['/products/42', 'Products (/products/42)'],
    [
      '/orders/3f2a9c1e-7b4d-4e8a-9c1f-0a1b2c3d4e5f/receipt',
      'Orders receipt (/orders/3f2a9c1e-7b4d-4e8a-9c1f-0a1b2c3d4e5f/receipt)',
    ],
    ['/42', 'Page (/42)'],
    [undefined, 'Unknown page'],
  ])('names %s as %s', (path, expected) => expect(pageName(path)).toBe(expected));
});
