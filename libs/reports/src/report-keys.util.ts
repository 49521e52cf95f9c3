import { reportKey } from '@sift/state';

/** How long a report's working state stays in the store after it was last written. */
export const REPORT_STATE_TTL_SECONDS = 7 * 24 * 3600;

/** Where each stage keeps one report's data; every key shares the report's Redis Cluster hash tag. */
export const reportKeys = {
  meta: (reportId: string) => reportKey(reportId, 'meta'),
  /** Raw session payloads uploaded by `sift publish`, before ingest normalized them. */
  upload: (reportId: string, sessionId: string, part: 'events' | 'recording') =>
    reportKey(reportId, 'upload', sessionId, part),
  sessionEvents: (reportId: string, sessionId: string) => reportKey(reportId, 'session', sessionId, 'events'),
  sessionRecording: (reportId: string, sessionId: string) =>
    reportKey(reportId, 'session', sessionId, 'recording'),
  /** What ingest made of a session (a job or a result) and whether it was sent: a redelivered batch resumes. */
  intake: (reportId: string, sessionId: string) => reportKey(reportId, 'session', sessionId, 'intake'),
  summary: (reportId: string, sessionId: string) => reportKey(reportId, 'session', sessionId, 'summary'),
  sessionOutcome: (reportId: string, sessionId: string) =>
    reportKey(reportId, 'session', sessionId, 'outcome'),
  /** Set of session ids per final status; set sizes are the counts (idempotent under redelivery). */
  sessionsWith: (reportId: string, status: 'done' | 'succeeded' | 'failed' | 'skipped') =>
    reportKey(reportId, 'sessions', status),
  patternChunkInput: (reportId: string, stage: string, chunkIndex: number) =>
    reportKey(reportId, 'patterns', stage, String(chunkIndex), 'input'),
  patternChunkOutput: (reportId: string, stage: string, chunkIndex: number) =>
    reportKey(reportId, 'patterns', stage, String(chunkIndex), 'output'),
  patternChunksWith: (reportId: string, stage: string, status: 'done' | 'succeeded' | 'failed') =>
    reportKey(reportId, 'patterns', stage, 'chunks', status),
  /** The aggregator's chunk plan of one pattern stage: which chunks exist and where their inputs are. */
  patternPlan: (reportId: string, stage: string) => reportKey(reportId, 'patterns', stage, 'plan'),
  /** The pattern result the aggregator recorded for one chunk (first one wins under redelivery). */
  patternChunkResult: (reportId: string, stage: string, chunkId: string) =>
    reportKey(reportId, 'patterns', stage, 'results', chunkId),
  /** Transitions that must happen once per report, however often their trigger is redelivered. */
  transitions: (reportId: string) => reportKey(reportId, 'transitions'),
  document: (reportId: string) => reportKey(reportId, 'report'),
};
