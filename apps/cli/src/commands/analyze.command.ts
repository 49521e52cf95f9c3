import { countTokens, PiiMasker } from '@sift/prompting';
import { readBatchInput } from '@sift/sessions';
import { Command } from 'commander';
import { resolve } from 'node:path';
import { writeDryRun } from '../output/dry-run-files';
import { writeReportFiles } from '../output/report-files';
import { defaultReportId } from '../runtime/report-id.util';
import { runEmbeddedAnalysis } from '../runtime/run-embedded-analysis';

interface AnalyzeOptions {
  readonly out: string;
  readonly reportId?: string;
  readonly dryRun?: boolean;
}

export function analyzeCommand(): Command {
  return new Command('analyze')
    .description('analyze a batch folder (or a PostHog events export) in this process and write the report')
    .argument(
      '<batch>',
      'batch folder (batch.json, sessions/<id>/events.jsonl, recording.json) or events export',
    )
    .requiredOption('-o, --out <dir>', 'folder for report.json')
    .option('--report-id <id>', 'report id (default: batch.json reportId, else <batch name>-<time>)')
    .option(
      '--dry-run',
      'call no model: write what would be sent to <out>/prompts/ (data blocks, prompts, index.json)',
    )
    .action(async (batchPath: string, options: AnalyzeOptions) => {
      const input = await readBatchInput(resolve(batchPath));
      if (options.dryRun) {
        const { dir, entries } = await writeDryRun(
          input,
          resolve(options.out),
          () => new PiiMasker(),
          countTokens,
        );
        const rendered = entries.filter((entry) => entry.status === 'rendered').length;
        process.stdout.write(
          `dry run: ${rendered} of ${entries.length} sessions rendered, no model called → ${dir}\n`,
        );
        return;
      }
      const reportId = options.reportId ?? input.batch.reportId ?? defaultReportId(batchPath);
      const { report, notListed } = await runEmbeddedAnalysis(input, reportId, process.env);
      notListed.forEach(({ sessionId, reason }) =>
        process.stderr.write(`sift: left out ${sessionId}: ${reason}\n`),
      );
      const path = await writeReportFiles(resolve(options.out), report);
      if (report.status === 'failed') {
        process.stderr.write(
          `sift: report ${reportId} failed: ${report.failureReason ?? 'no reason given'}\n`,
        );
        process.exitCode = 1;
        return;
      }
      const { sessions, patterns } = report;
      process.stdout.write(
        `report ${reportId}: ${patterns.length} patterns from ${sessions.summarized} of ${sessions.requested} sessions ` +
          `(${sessions.failed} failed, ${sessions.skipped.length} skipped) → ${path}\n`,
      );
    });
}
