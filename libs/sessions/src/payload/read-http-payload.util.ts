import { request as httpRequest, STATUS_CODES, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { errorCode, errorMessage } from '@sift/errors';
import { PayloadError } from '../errors/payload.error';
import { checkDestination, guardedLookup, redirectTarget } from './http-destination.util';
import { byteSize, displayUri } from './payload-reason.util';
import type { PayloadSourcePolicy } from './payload-source-policy.util';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Downloads an `http(s)://` payload under `policy`: every hop (redirects included) checked against the
 * host allow-list and the address rules, the body streamed with a byte cap, one deadline for it all.
 */
export async function readHttpPayload(uri: string, policy: PayloadSourcePolicy): Promise<Buffer> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), policy.httpTimeoutMs);
  let answered = false;
  try {
    let target = new URL(uri);
    for (let hop = 0; ; hop += 1) {
      checkDestination(uri, target, policy, hop);
      const response = await send(uri, target, policy, hop, deadline.signal);
      const status = response.statusCode ?? 0;
      if (REDIRECT_STATUSES.has(status)) {
        response.destroy();
        if (hop >= policy.httpMaxRedirects) {
          throw new PayloadError(
            'PAYLOAD_SOURCE_REFUSED',
            uri,
            `${displayUri(uri)}: more than ${policy.httpMaxRedirects} redirects, which is not allowed`,
          );
        }
        target = redirectTarget(uri, target, response.headers.location);
        continue;
      }
      if (status < 200 || status > 299) {
        response.destroy();
        throw new PayloadError(
          'PAYLOAD_HTTP_STATUS',
          uri,
          // The server's own reason phrase is never shown: it is server-controlled text.
          `${displayUri(uri)}: HTTP ${status} ${STATUS_CODES[status] ?? ''}`.trimEnd(),
          { retriable: status === 408 || status === 429 || status >= 500 },
        );
      }
      answered = true;
      return await readCappedBody(uri, response, policy.maxPayloadBytes);
    }
  } catch (error) {
    throw downloadError(uri, error, deadline.signal.aborted, answered, policy.httpTimeoutMs);
  } finally {
    clearTimeout(timer);
  }
}

function send(
  uri: string,
  target: URL,
  policy: PayloadSourcePolicy,
  hop: number,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = (target.protocol === 'https:' ? httpsRequest : httpRequest)(
      target,
      // A fresh connection per hop, so every hop runs the guarded lookup.
      { agent: false, lookup: guardedLookup(uri, target, policy, hop), signal },
      resolve,
    );
    request.on('error', reject);
    request.end();
  });
}

/** The body, read until it ends or passes `cap` bytes: never more than `cap` plus one chunk in memory. */
async function readCappedBody(uri: string, response: IncomingMessage, cap: number): Promise<Buffer> {
  const tooLarge = (): PayloadError =>
    new PayloadError(
      'PAYLOAD_TOO_LARGE',
      uri,
      `${displayUri(uri)}: the response body is larger than the payload limit of ${byteSize(cap)}`,
    );
  if (Number(response.headers['content-length']) > cap) {
    response.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > cap) throw tooLarge(); // leaving the loop destroys the response
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

function downloadError(
  uri: string,
  error: unknown,
  timedOut: boolean,
  answered: boolean,
  ms: number,
): unknown {
  if (error instanceof PayloadError) return error;
  const shown = displayUri(uri);
  if (timedOut && answered) {
    // The server answered, then did not deliver: a stalled or trickling body, not a passing outage.
    return new PayloadError(
      'PAYLOAD_TIMEOUT',
      uri,
      `${shown}: the response body did not arrive within ${ms} ms`,
    );
  }
  // Node reports a failed connect to several addresses as an AggregateError without a message.
  const detail = timedOut ? `no response within ${ms} ms` : errorMessage(error) || errorCode(error);
  return new PayloadError('PAYLOAD_NETWORK', uri, `${shown}: download failed: ${detail}`, {
    retriable: true,
    cause: error,
  });
}
