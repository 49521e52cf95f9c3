import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { sessionIdSchema } from '@sift/contracts';
import { BatchInputError } from '../errors/batch-input.error';
import { errorMessage } from '@sift/errors';
import { parseJsonOrJsonl, payloadText } from '../payload/json-text.util';
import { posthogEventItems } from '../parse/posthog-events.util';
import { isRecord } from '../parse/validate-items.util';
import type { BatchInput } from './batch-input.types';

/**
 * Reads a single PostHog events export (JSON array, JSONL or `{results: [...]}`, optionally gzipped)
 * and groups its events by `properties.$session_id`; each session's events travel inline. Events are
 * not validated here: that happens per session, so one bad event never rejects the batch.
 */
export async function readEventsExport(path: string): Promise<BatchInput> {
  let raw: unknown;
  try {
    const uri = pathToFileURL(path).href;
    raw = parseJsonOrJsonl(await payloadText(await readFile(path), uri), uri);
  } catch (error) {
    throw new BatchInputError('EXPORT_INVALID', `cannot read events export ${path}: ${errorMessage(error)}`, {
      cause: error,
    });
  }
  const items = posthogEventItems(raw);
  if (items === undefined) {
    throw new BatchInputError(
      'EXPORT_INVALID',
      `events export ${path} is not a JSON array of events, JSONL, or {"results": [...]}; a batch folder needs ${path}/sessions/`,
    );
  }
  const bySession = new Map<string, unknown[]>();
  let ungrouped = 0;
  for (const item of items) {
    const sessionId = sessionIdOf(item);
    if (sessionId === undefined) {
      ungrouped += 1;
      continue;
    }
    const id = sessionIdSchema.safeParse(sessionId);
    if (!id.success) {
      throw new BatchInputError(
        'SESSION_ID_INVALID',
        `events export ${path}: $session_id "${sessionId}" is not a valid sessionId (${id.error.issues[0]?.message})`,
      );
    }
    const events = bySession.get(id.data) ?? [];
    events.push(item);
    bySession.set(id.data, events);
  }
  if (bySession.size === 0) {
    throw new BatchInputError(
      'BATCH_EMPTY',
      `events export ${path} has ${items.length} events but none with properties.$session_id, so there are no sessions`,
    );
  }
  const warnings =
    ungrouped > 0
      ? [`${ungrouped} of ${items.length} events in ${path} have no properties.$session_id and were ignored`]
      : [];
  const sessions = [...bySession.keys()].sort().map((sessionId) => ({
    sessionId,
    events: { kind: 'inline' as const, value: bySession.get(sessionId) ?? [] },
  }));
  return { batch: {}, sessions, origin: { kind: 'export', path }, warnings };
}

function sessionIdOf(item: unknown): string | undefined {
  if (!isRecord(item)) return undefined;
  let properties = item['properties'];
  if (typeof properties === 'string') {
    try {
      properties = JSON.parse(properties) as unknown;
    } catch {
      return undefined;
    }
  }
  const sessionId = isRecord(properties) ? properties['$session_id'] : undefined;
  return typeof sessionId === 'string' && sessionId !== '' ? sessionId : undefined;
}
