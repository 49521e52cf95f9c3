import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** The Content-Type for a file name; `application/octet-stream` when the extension is unknown. */
export function contentTypeFor(fileName: string): string {
  return CONTENT_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/** Why a request path maps to no file under the root. */
export type StaticPathRefusal = 'bad-request' | 'forbidden';

/**
 * Maps a request target (`/product.html?id=2`) to a file under `root`: the query string and fragment
 * are ignored, `/` (and any path ending in `/`) means its `index.html`. Paths that climb out of the root
 * (`..` segments, also percent-encoded), contain NUL or backslashes, or name hidden files are refused.
 */
export function resolveStaticPath(root: string, requestTarget: string): string | StaticPathRefusal {
  const rawPath = requestTarget.split(/[?#]/, 1)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return 'bad-request';
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return 'bad-request';
  const segments = decoded.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.some((segment) => segment === '..' || segment.startsWith('.'))) return 'forbidden';
  if (decoded.endsWith('/')) segments.push('index.html');
  const rootPath = resolve(root);
  const filePath = resolve(join(rootPath, ...segments));
  if (filePath !== rootPath && !filePath.startsWith(rootPath + sep)) return 'forbidden';
  return filePath;
}
