import { Inject, Injectable } from '@nestjs/common';
import { sessionJobSchema, sessionResultSchema } from '@sift/contracts';
import { REPORT_STATE_TTL_SECONDS, reportKeys } from '@sift/reports';
import { STATE_STORE } from '@sift/service-kit';
import { StateStore } from '@sift/state';
import { z } from 'zod';

const intakeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('job'), job: sessionJobSchema }),
  z.strictObject({ kind: z.literal('result'), result: sessionResultSchema }),
]);
/** What became of one session at intake: a job for the summarizer, or a result saying why there is none. */
export type SessionIntake = z.output<typeof intakeSchema>;

const checkpointSchema = z.strictObject({ intake: intakeSchema, sent: z.boolean() });
export type IntakeCheckpoint = z.output<typeof checkpointSchema>;

/**
 * Each session's intake, stored once it is known and marked once it is sent: when a batch is delivered
 * again (a crash, a passing failure of another session) finished sessions are neither loaded nor sent again.
 */
@Injectable()
export class IntakeCheckpoints {
  constructor(@Inject(STATE_STORE) private readonly store: StateStore) {}

  find(reportId: string, sessionId: string): Promise<IntakeCheckpoint | null> {
    return this.store.getJson(reportKeys.intake(reportId, sessionId), checkpointSchema);
  }

  save(reportId: string, sessionId: string, checkpoint: IntakeCheckpoint): Promise<void> {
    return this.store.setJson(reportKeys.intake(reportId, sessionId), checkpointSchema.parse(checkpoint), {
      ttlSeconds: REPORT_STATE_TTL_SECONDS,
    });
  }
}
