import { reportV1Schema } from '@sift/contracts';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MINI_SHOP_BATCH, runCli } from '../support/run-cli';

jest.setTimeout(120_000);

describe('sift analyze (embedded: six stages in one process)', () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'sift-analyze-'));
  });
  afterAll(() => rm(out, { recursive: true, force: true }));

  it('turns the mini-shop batch into a report with the expected patterns and counts', async () => {
    const run = await runCli(['analyze', MINI_SHOP_BATCH, '--out', out]);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/report mini-shop: \d+ patterns from 4 of 5 sessions/);

    const report = reportV1Schema.parse(JSON.parse(await readFile(join(out, 'report.json'), 'utf8')));
    expect(report).toMatchObject({
      reportId: 'mini-shop',
      status: 'completed',
      question: 'Where do shoppers get stuck?',
    });
    expect(report.sessions).toMatchObject({ requested: 5, summarized: 4, failed: 0 });
    expect(report.sessions.skipped).toEqual([
      { sessionId: 'too-short', reason: expect.stringMatching(/no user action is left after cutting/) },
    ]);
    expect(report.summaries.map((s) => s.sessionId).sort()).toEqual([
      'checkout-error-1',
      'checkout-error-2',
      'happy-path',
      'rage-clicks',
    ]);

    const [top, ...rest] = report.patterns;
    expect(top).toMatchObject({
      severity: 'critical',
      sessionIds: ['checkout-error-1', 'checkout-error-2'],
      stats: { sessionsAffected: 2, sessionsAffectedRatio: 0.5 },
    });
    expect(top.name).toMatch(/TypeError/);
    expect(top.examples).toHaveLength(2);
    const rage = rest.find((pattern) => /rage/i.test(pattern.name));
    expect(rage).toMatchObject({ sessionIds: ['rage-clicks'], stats: { sessionsAffected: 1 } });

    const validations = top.examples.map((example) => example.validation);
    expect(validations).toContainEqual({ status: 'skipped', reason: 'clip rendering not enabled yet' });
  });

  it('exits non-zero with a one-line reason for a batch it cannot read', async () => {
    const run = await runCli(['analyze', join(out, 'does-not-exist'), '--out', out]);
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^sift: .*does-not-exist/);
  });
});
