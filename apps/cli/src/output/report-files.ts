import { ReportV1 } from '@sift/contracts';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Writes the report files of one run into `dir`; returns the path of report.json. */
export async function writeReportFiles(dir: string, report: ReportV1): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'report.json');
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
  return path;
}
