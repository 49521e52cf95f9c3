import type { BatchFolder, SessionId } from '@sift/contracts';

/** Where one session payload lives before it is loaded: a file on disk or an already parsed array. */
export type PayloadSource = { kind: 'file'; path: string } | { kind: 'inline'; value: unknown[] };

/** The two payloads a session may have. */
export type PayloadPart = 'events' | 'recording';

/** One session as listed by {@link readBatchInput}; payloads are located, not loaded. */
export interface BatchInputSession {
  sessionId: SessionId;
  /** PostHog-style events. */
  events?: PayloadSource;
  /** rrweb events or a PostHog API recording shape. */
  recording?: PayloadSource;
}

/** A batch as read from disk, before it becomes a manifest. */
export interface BatchInput {
  /** `batch.json` of a folder; empty for an events export. */
  batch: BatchFolder;
  /** Sessions sorted by sessionId. */
  sessions: BatchInputSession[];
  /** What was read: a batch folder or a single events export file (absolute path). */
  origin: { kind: 'folder' | 'export'; path: string };
  /** Things a user should know that did not stop the read (e.g. events without `$session_id`). */
  warnings: string[];
}
