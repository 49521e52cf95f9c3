import { request } from 'node:http';
import { ShopServer, startShopServer } from './shop-server';
import { resolveStaticPath } from './static-files';

interface Fetched {
  status: number;
  contentType: string;
  body: string;
}

/** A raw GET with node:http, so paths like `/../x` reach the server as written (fetch would normalize). */
function get(baseUrl: string, path: string): Promise<Fetched> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolveGet, rejectGet) => {
    const req = request({ host: hostname, port, path, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolveGet({
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', rejectGet);
    });
    req.on('error', rejectGet);
    req.end();
  });
}

describe('startShopServer', () => {
  let server: ShopServer;

  beforeAll(async () => {
    server = await startShopServer();
  });

  afterAll(async () => {
    await server.close();
  });

  it('listens on 127.0.0.1 with a free port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves the catalogue at /', async () => {
    const res = await get(server.url, '/');
    expect(res.status).toBe(200);
    expect(res.contentType).toMatch(/^text\/html/);
    expect(res.body).toContain('id="product-grid"');
  });

  it('ignores the query string when finding the file', async () => {
    const res = await get(server.url, '/product.html?id=2');
    expect(res.status).toBe(200);
    expect(res.contentType).toMatch(/^text\/html/);
    expect(res.body).toContain('id="add-to-cart"');
  });

  it('serves the stylesheet as text/css and scripts as JavaScript', async () => {
    const css = await get(server.url, '/shop.css');
    expect(css.status).toBe(200);
    expect(css.contentType).toMatch(/^text\/css/);
    const js = await get(server.url, '/capture.js');
    expect(js.contentType).toMatch(/^text\/javascript/);
  });

  it('answers a missing file with the 404 page', async () => {
    const res = await get(server.url, '/no-such-page.html');
    expect(res.status).toBe(404);
    expect(res.contentType).toMatch(/^text\/html/);
    expect(res.body).toContain('Page not found');
  });

  it.each(['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/../../../package.json'])(
    'refuses the path traversal %s',
    async (path) => {
      const res = await get(server.url, path);
      expect(res.status).toBe(403);
      expect(res.body).not.toContain('"name"');
    },
  );

  it('closes without waiting for kept-alive connections', async () => {
    const other = await startShopServer();
    await get(other.url, '/');
    await expect(other.close()).resolves.toBeUndefined();
  });
});

describe('resolveStaticPath', () => {
  it.each([
    ['/', '/shop/index.html'],
    ['/help.html#top', '/shop/help.html'],
    ['/a/./b.css', '/shop/a/b.css'],
  ])('%s → %s', (target, expected) => expect(resolveStaticPath('/shop', target)).toBe(expected));

  it.each([
    ['/../secret', 'forbidden'],
    ['/.git/config', 'forbidden'],
    ['/%E0%A4%A', 'bad-request'],
    ['/a\\..\\b', 'bad-request'],
    ['/a%00b', 'bad-request'],
  ])('%s is refused as %s', (target, expected) => expect(resolveStaticPath('/shop', target)).toBe(expected));
});
