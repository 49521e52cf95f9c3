import { MAX_REPORT_DEADLINE_SECONDS } from '@sift/contracts';
import { LedgerKeys, reportKey } from '@sift/state';

/**
 * How long a report's working state stays in the store after it was last written: longer than any
 * deadline, so a report waiting for its deadline never loses its state first.
 */
export const REPORT_STATE_TTL_SECONDS = MAX_REPORT_DEADLINE_SECONDS + 2 * 24 * 3600;

/** A phase of a report whose units are counted in a ledger: its sessions, or one pattern stage's chunks. */
export type LedgerPhase = 'sessions' | 'extract' | 'combine' | 'assign';

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
  /** Each unit's outcome in a phase, recorded once, with counts per status and a gate that closes it. */
  ledger: (reportId: string, phase: LedgerPhase): LedgerKeys => ({
    gate: reportKey(reportId, 'ledger', phase, 'gate'),
    entries: reportKey(reportId, 'ledger', phase, 'entries'),
    counts: reportKey(reportId, 'ledger', phase, 'counts'),
  }),
  patternChunkInput: (reportId: string, stage: string, chunkIndex: number) =>
    reportKey(reportId, 'patterns', stage, String(chunkIndex), 'input'),
  patternChunkOutput: (reportId: string, stage: string, chunkIndex: number) =>
    reportKey(reportId, 'patterns', stage, String(chunkIndex), 'output'),
  /** Set once a pattern stage's jobs were sent: a transition run again never sends them twice. */
  patternJobsSent: (reportId: string, stage: string) => reportKey(reportId, 'patterns', stage, 'sent'),
  /** The aggregator's chunk plan of one pattern stage: which chunks exist and where their inputs are. */
  patternPlan: (reportId: string, stage: string) => reportKey(reportId, 'patterns', stage, 'plan'),
  /** The lease, then the done marker, of a transition that must happen once per report. */
  transition: (reportId: string, transition: string) => reportKey(reportId, 'transition', transition),
  /** Where the results topic stood when a phase's deadline first found results still unread. */
  deadlineWatermark: (reportId: string, phase: LedgerPhase) =>
    reportKey(reportId, 'deadline', phase, 'watermark'),
  document: (reportId: string) => reportKey(reportId, 'report'),
};
