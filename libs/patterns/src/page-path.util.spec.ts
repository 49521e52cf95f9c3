import { normalizePagePath } from './page-path.util';

describe('normalizePagePath', () => {
  it.each([
    ['https://shop.example.com/products/1', '/products/:id'],
    ['https://shop.example.com/products/2?ref=home#reviews', '/products/:id'],
    ['/orders/3f2a9c1e-7b4d-4e8a-9c1f-0a1b2c3d4e5f/receipt', '/orders/:id/receipt'],
    ['https://x.com/c/deadbeefcafe1234', '/c/:id'],
    ['https://x.com/checkout/', '/checkout'],
    ['https://x.com', '/'],
    ['/summer-sale-2024', '/summer-sale-2024'],
    [undefined, ''],
  ])('%s → %s', (url, expected) => expect(normalizePagePath(url)).toBe(expected));
});
