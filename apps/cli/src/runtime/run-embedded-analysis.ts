import { batchesTopic, ReportV1 } from '@sift/contracts';
import { dirname } from 'node:path';
import { InMemoryTransport, TypedPublisher } from '@sift/messaging';
import { startEmbeddedPipeline } from '@sift/service-kit';
import { BatchInput, fileUriFor, SkippedSession, toBatchManifest } from '@sift/sessions';
import { createStateStore } from '@sift/state';
import { ProgressLine } from '../output/progress-line';
import { PIPELINE_STAGES } from './pipeline-stages';
import { cliLogger } from './quiet-logger';
import { followReports } from './report-waiter';

export interface EmbeddedAnalysis {
  readonly report: ReportV1;
  /** Sessions left out before the pipeline saw them (no events and no recording). */
  readonly notListed: readonly SkippedSession[];
}

/**
 * `sift analyze`: all six stages in this process over the in-memory transport, with the in-memory
 * store (or Redis when REDIS_URL is set); resolves with the finished report.
 */
export async function runEmbeddedAnalysis(
  input: BatchInput,
  reportId: string,
  env: NodeJS.ProcessEnv,
): Promise<EmbeddedAnalysis> {
  const transport = new InMemoryTransport();
  const store = createStateStore({ redisUrl: env.REDIS_URL });
  // The manifest points at the batch's own files: ingest reads file:// below the batch folder and nowhere else.
  const fileRoot = input.origin.kind === 'folder' ? input.origin.path : dirname(input.origin.path);
  const stageEnv = { ...env, PAYLOAD_FILE_ROOT: fileRoot };
  const pipeline = await startEmbeddedPipeline({ stages: PIPELINE_STAGES, transport, store, env: stageEnv });
  const progress = new ProgressLine();
  try {
    const { manifest, skipped } = await toBatchManifest(input, {
      reportId,
      reference: async (_sessionId, _part, source) =>
        source.kind === 'file' ? fileUriFor(source) : source.value,
    });
    const finished = new Promise<ReportV1>((resolve, reject) => {
      followReports({
        transport,
        store,
        reportId,
        logger: cliLogger('sift'),
        onProgress: (update) => progress.update(update),
        onReport: resolve,
      }).catch(reject);
    });
    await new TypedPublisher(transport).publish(batchesTopic, reportId, manifest);
    const report = await finished;
    return { report, notListed: skipped };
  } finally {
    progress.done();
    await pipeline.stop();
    await transport.close();
    await store.close();
  }
}
