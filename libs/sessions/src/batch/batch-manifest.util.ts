import { bulkhead } from 'cockatiel';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import {
  batchManifestSchema,
  type BatchManifest,
  type BatchManifestInput,
  type SessionId,
} from '@sift/contracts';
import { BatchInputError } from '../errors/batch-input.error';
import type { BatchInput, BatchInputSession, PayloadPart, PayloadSource } from './batch-input.types';

/**
 * Turns a located payload into what the manifest carries: usually a uri (`file://` in embedded mode,
 * `redis://` after an upload); returning the array itself keeps it inline, fine only in embedded mode.
 */
export type PayloadReference = (
  sessionId: SessionId,
  part: PayloadPart,
  source: PayloadSource,
) => Promise<string | unknown[]>;

/** Options of {@link toBatchManifest}. */
export interface ToBatchManifestOptions {
  reportId: string;
  reference: PayloadReference;
  /** Aggregator deadline for the report, passed through to the manifest. */
  deadlineSeconds?: number;
  /** How many `reference` calls may run at once (uploads). Default 8. */
  concurrency?: number;
}

/** A session that cannot go into the manifest, and why. */
export interface SkippedSession {
  sessionId: SessionId;
  reason: string;
}

/** The manifest plus the sessions left out of it. */
export interface BatchManifestResult {
  manifest: BatchManifest;
  skipped: SkippedSession[];
}

const DEFAULT_CONCURRENCY = 8;

/**
 * Builds the `sift.batches.v1` manifest for a batch read by `readBatchInput`. Sessions with neither
 * events nor a recording cannot be listed (the manifest needs one of them) and come back in `skipped`.
 * Throws a {@link BatchInputError} when no session is left or the manifest is invalid (e.g. a bad reportId).
 */
export async function toBatchManifest(
  input: BatchInput,
  options: ToBatchManifestOptions,
): Promise<BatchManifestResult> {
  const skipped: SkippedSession[] = [];
  const listed: BatchInputSession[] = [];
  for (const session of input.sessions) {
    if (session.events || session.recording) listed.push(session);
    else
      skipped.push({
        sessionId: session.sessionId,
        reason: 'the session folder has neither events.jsonl nor recording.json',
      });
  }
  if (listed.length === 0) {
    throw new BatchInputError(
      'BATCH_EMPTY',
      `batch ${input.origin.path} has no session with events or a recording`,
    );
  }
  const slots = bulkhead(options.concurrency ?? DEFAULT_CONCURRENCY, Number.MAX_SAFE_INTEGER);
  const sessions = await Promise.all(
    listed.map((session) =>
      slots.execute(async () => ({
        sessionId: session.sessionId,
        // The manifest requires `events`; a recording-only session lists an empty array and ingest derives events.
        events: session.events ? await options.reference(session.sessionId, 'events', session.events) : [],
        ...(session.recording && {
          recording: await options.reference(session.sessionId, 'recording', session.recording),
        }),
      })),
    ),
  );
  const candidate: BatchManifestInput = {
    reportId: options.reportId,
    ...(input.batch.question !== undefined && { question: input.batch.question }),
    ...(input.batch.product !== undefined && { product: input.batch.product }),
    ...(options.deadlineSeconds !== undefined && { deadlineSeconds: options.deadlineSeconds }),
    sessions,
  };
  const parsed = batchManifestSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new BatchInputError(
      'MANIFEST_INVALID',
      `the manifest for ${input.origin.path} is invalid:\n${z.prettifyError(parsed.error)}`,
      { cause: parsed.error },
    );
  }
  return { manifest: parsed.data, skipped };
}

/** `file://<absolute path>` for a file source; throws for an inline source, which has no file. */
export function fileUriFor(source: PayloadSource): string {
  if (source.kind !== 'file') {
    throw new TypeError('an inline payload has no file uri; upload it or keep it inline');
  }
  return pathToFileURL(source.path).href;
}

/** A {@link PayloadReference} for embedded mode: files by `file://` uri, inline payloads stay inline. */
export async function fileOrInlineReference(
  _sessionId: SessionId,
  _part: PayloadPart,
  source: PayloadSource,
): Promise<string | unknown[]> {
  return source.kind === 'file' ? fileUriFor(source) : source.value;
}
