import { PipelineStage } from '../pipeline/pipeline-stage';
import { parseServiceEnv } from '../config/service-env.schema';
import { bootstrapService } from './bootstrap-service';
import { EnvError } from '../config/env.error';

/**
 * The body of every service's `main.ts`: start, and stop gracefully on SIGTERM/SIGINT within
 * SHUTDOWN_TIMEOUT_MS. A bad environment exits 1 with a message naming the variables.
 */
export async function runService(definition: PipelineStage): Promise<void> {
  try {
    const { SHUTDOWN_TIMEOUT_MS } = parseServiceEnv(definition).base;
    const running = await bootstrapService(definition);
    const stop = (signal: NodeJS.Signals): void => {
      process.stderr.write(`sift ${definition.name}: ${signal} received, shutting down\n`);
      setTimeout(() => {
        process.stderr.write(`sift ${definition.name}: shutdown took over ${SHUTDOWN_TIMEOUT_MS} ms\n`);
        process.exit(1);
      }, SHUTDOWN_TIMEOUT_MS).unref();
      running.shutdown().then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(`sift ${definition.name}: shutdown failed: ${String(error)}\n`);
          process.exit(1);
        },
      );
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    // A consumer that died for good leaves a process that looks alive and does nothing: exit, so the
    // orchestrator restarts it.
    void running.failed.then(() => {
      setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS).unref();
      running.shutdown().finally(() => process.exit(1));
    });
  } catch (error) {
    const message = error instanceof EnvError ? error.message : `failed to start: ${String(error)}`;
    process.stderr.write(`sift ${definition.name}: ${message}\n`);
    process.exit(1);
  }
}
