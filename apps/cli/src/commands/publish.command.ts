import { batchesTopic } from '@sift/contracts';
import { TypedPublisher } from '@sift/messaging';
import { REPORT_STATE_TTL_SECONDS, reportKeys } from '@sift/reports';
import { readBatchInput, toBatchManifest, uploadToStore } from '@sift/sessions';
import { Command } from 'commander';
import { resolve } from 'node:path';
import { ClusterOptions, kafkaTransport, redisStore } from '../runtime/kafka-options';
import { defaultReportId } from '../runtime/report-id.util';

interface PublishOptions extends ClusterOptions {
  readonly reportId?: string;
  readonly deadlineSeconds?: string;
}

export function publishCommand(): Command {
  return new Command('publish')
    .description('upload a batch to Redis and publish its manifest on sift.batches.v1; prints the report id')
    .argument('<batch>', 'batch folder or PostHog events export')
    .requiredOption('--brokers <list>', 'Kafka bootstrap brokers, host:port[,host:port]')
    .option('--redis <url>', 'state store the services share (default: REDIS_URL)')
    .option('--report-id <id>', 'report id (default: batch.json reportId, else <batch name>-<time>)')
    .option('--deadline-seconds <n>', 'finalize the report after this long even if sessions are missing')
    .action(async (batchPath: string, options: PublishOptions) => {
      const store = redisStore(options, process.env);
      if (!store) throw new Error('sift publish needs the shared Redis: pass --redis or set REDIS_URL');
      const transport = kafkaTransport(options);
      try {
        const input = await readBatchInput(resolve(batchPath));
        const reportId = options.reportId ?? input.batch.reportId ?? defaultReportId(batchPath);
        const { manifest, skipped } = await toBatchManifest(input, {
          reportId,
          deadlineSeconds: options.deadlineSeconds ? Number(options.deadlineSeconds) : undefined,
          reference: (sessionId, part, source) =>
            uploadToStore(store, reportKeys.upload(reportId, sessionId, part), source, {
              ttlSeconds: REPORT_STATE_TTL_SECONDS,
            }),
        });
        skipped.forEach(({ sessionId, reason }) =>
          process.stderr.write(`sift: left out ${sessionId}: ${reason}\n`),
        );
        await new TypedPublisher(transport).publish(batchesTopic, reportId, manifest);
        process.stdout.write(`${reportId}\n`);
      } finally {
        await transport.close();
        await store.close();
      }
    });
}
