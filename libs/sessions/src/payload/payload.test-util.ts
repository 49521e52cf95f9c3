import { createServer, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGzip } from 'node:zlib';
import { PayloadError, type PayloadErrorCode } from '../errors/payload.error';

/** The `PayloadError` a promise rejects with; fails the test with what it got instead. */
export async function payloadFailure(promise: Promise<unknown>): Promise<PayloadError> {
  const error: unknown = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  if (!(error instanceof PayloadError)) throw new Error(`expected a PayloadError, got ${String(error)}`);
  return error;
}

/** What a refused hostile source must look like. */
export interface ExpectedRefusal {
  code: PayloadErrorCode;
  /** Shown at the start of the message. */
  uri: string;
  /** The rule the message must name. */
  rule: RegExp;
  /** Payload bytes that must not appear in the message. */
  secrets?: readonly string[];
}

/** Asserts that `promise` fails with a final `PayloadError` naming uri and rule and quoting no payload. */
export async function expectRefusal(
  promise: Promise<unknown>,
  expected: ExpectedRefusal,
): Promise<PayloadError> {
  const error = await payloadFailure(promise);
  expect({ code: error.code, retriable: error.retriable }).toEqual({ code: expected.code, retriable: false });
  expect(error.message.startsWith(expected.uri)).toBe(true);
  expect(error.message).toMatch(expected.rule);
  for (const secret of expected.secrets ?? []) expect(error.message).not.toContain(secret);
  return error;
}

/** Gzipped zeros that decompress to `bytes`, built without holding them in memory. */
export async function gzipBomb(bytes: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const chunks: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve, reject) => gzip.on('end', resolve).on('error', reject));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < bytes; written += zeros.length) {
    if (!gzip.write(zeros)) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  gzip.end();
  await done;
  return Buffer.concat(chunks);
}

/** A local HTTP server for one spec file; `close` also drops open (endless, trickling) responses. */
export class LocalHttpServer {
  private server: Server | undefined;
  port = 0;

  async start(handler: RequestListener): Promise<string> {
    this.server = createServer(handler);
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    return `http://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Answers 200 and writes `fill` for as long as the client reads (until it hangs up). */
export function endlessBody(response: ServerResponse, fill: string): void {
  const chunk = Buffer.alloc(64 * 1024, fill);
  const pump = (): void => {
    while (!response.destroyed && response.write(chunk));
    if (!response.destroyed) response.once('drain', pump);
  };
  response.writeHead(200);
  pump();
}

/** Answers 200, then writes `byte` once a second until the client hangs up. */
export function tricklingBody(response: ServerResponse, byte: string): void {
  response.writeHead(200);
  const timer = setInterval(() => response.write(byte), 1000);
  response.on('close', () => clearInterval(timer));
}

/** The most the resident set grew while `work` ran (sampled every 10 ms and at the end), in bytes. */
export async function rssGrowth(work: () => Promise<unknown>): Promise<number> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  try {
    await work();
  } finally {
    clearInterval(sample);
  }
  return Math.max(peak, process.memoryUsage().rss) - before;
}
