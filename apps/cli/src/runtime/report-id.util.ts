import { basename } from 'node:path';

/** A readable, unique-enough id for a run that did not name its report: `<batch name>-<UTC time>`. */
export function defaultReportId(batchPath: string, now = new Date()): string {
  const name =
    basename(batchPath)
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .slice(0, 80) || 'batch';
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${name}-${stamp}`;
}
