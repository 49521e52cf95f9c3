import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const INDEX = join(__dirname, '..', 'index.ts');

/** Gone, or a zombie waiting for init to reap it (the PID of a killed orphan lingers briefly here). */
function isGone(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z') ?? true;
  } catch {
    return true;
  }
}

async function eventuallyGone(pid: number): Promise<boolean> {
  for (let attempt = 0; attempt < 40 && !isGone(pid); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return isGone(pid);
}

/** Runs `script` in a separate Node process that loads the harness; resolves with the PIDs it prints. */
function runHarnessScript(script: string): Promise<number[]> {
  const program = `const harness = require(${JSON.stringify(INDEX)});\n${script}`;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', '-e', program],
      { cwd: join(__dirname, '..', '..', '..', '..'), timeout: 20_000 },
      (error, stdout, stderr) => {
        const pids = stdout.trim().split(/\s+/).filter(Boolean).map(Number);
        // The SIGKILL case ends with an error by design; only missing output is a failure.
        if (pids.length === 0) {
          reject(new Error(`harness script printed no PIDs: ${String(error)}\n${stderr}`));
          return;
        }
        resolve(pids);
      },
    );
  });
}

describe('servers a test process did not stop', () => {
  it('are killed when the process exits without stop()', async () => {
    const pids = await runHarnessScript(`
      Promise.all([harness.startRedis(), harness.startKafkaMock()]).then((servers) => {
        console.log(servers.map((server) => server.pid).join(' '));
        process.exit(0);
      });
    `);

    expect(pids).toHaveLength(2);
    for (const pid of pids) {
      expect(await eventuallyGone(pid)).toBe(true);
    }
  });

  it('include no Kafka mock once the process is SIGKILLed (the launcher exits on stdin EOF)', async () => {
    const [pid] = await runHarnessScript(`
      harness.startKafkaMock().then((cluster) => {
        console.log(cluster.pid);
        process.kill(process.pid, 'SIGKILL');
      });
    `);

    expect(await eventuallyGone(pid)).toBe(true);
  });
});
