import { readFile, stat } from 'node:fs/promises';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { contentTypeFor, resolveStaticPath } from './static-files';

/** The demo shop's folder: plain HTML/CSS/JS (see shop/DOM-CONTRACT.md). */
export const SHOP_DIR = resolve(__dirname, '..', '..', 'shop');

export interface ShopServerOptions {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
}

export interface ShopServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:43817`. */
  url: string;
  close(): Promise<void>;
}

/** Serves the demo shop on 127.0.0.1 until `close()`. */
export async function startShopServer(options: ShopServerOptions = {}): Promise<ShopServer> {
  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Internal server error');
      else response.destroy();
    });
  });
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolveClose, rejectClose) => {
        server.close((error) => (error ? rejectClose(error) : resolveClose()));
        // Browsers keep connections alive; without this, close() would wait for them to time out.
        server.closeAllConnections();
      }),
  };
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    return;
  }
  const filePath = resolveStaticPath(SHOP_DIR, request.url ?? '/');
  if (filePath === 'bad-request') {
    send(response, 400, 'text/plain; charset=utf-8', 'Bad request');
    return;
  }
  if (filePath === 'forbidden') {
    send(response, 403, 'text/plain; charset=utf-8', 'Forbidden');
    return;
  }
  const body = await readFileIfExists(filePath);
  if (body === undefined) {
    await sendNotFound(response);
    return;
  }
  send(response, 200, contentTypeFor(filePath), body, request.method === 'HEAD');
}

async function sendNotFound(response: ServerResponse): Promise<void> {
  const page = await readFileIfExists(join(SHOP_DIR, '404.html'));
  if (page === undefined) send(response, 404, 'text/plain; charset=utf-8', 'Not found');
  else send(response, 404, 'text/html; charset=utf-8', page);
}

async function readFileIfExists(filePath: string): Promise<Buffer | undefined> {
  try {
    if (!(await stat(filePath)).isFile()) return undefined;
    return await readFile(filePath);
  } catch (error) {
    if (isMissingFileError(error)) return undefined;
    throw error;
  }
}

function isMissingFileError(error: unknown): boolean {
  // Structural, not `instanceof Error`: errors from node's fs may come from another realm (jest's vm).
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  headOnly = false,
): void {
  response.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
  });
  response.end(headOnly ? undefined : body);
}
