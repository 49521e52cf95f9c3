import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { compileCached } from './kafka-mock-binary.compiler';

describe('compileCached', () => {
  let directory: string;
  let source: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'sift-compile-'));
    source = join(directory, 'probe.c');
  });

  afterEach(() => rm(directory, { recursive: true, force: true }));

  it('compiles once per source content, also when callers race', async () => {
    await writeFile(source, 'int main(void) { return 0; }\n');
    const output = join(directory, 'bin');

    const paths = await Promise.all([1, 2, 3].map(() => compileCached(source, output)));

    expect(new Set(paths).size).toBe(1);
    expect(await readdir(output)).toHaveLength(1);
    await expect(promisify(execFile)(paths[0], [])).resolves.toBeDefined();

    await writeFile(source, 'int main(void) { return 1; }\n');
    const changed = await compileCached(source, output);
    expect(changed).not.toBe(paths[0]);
    expect((await readdir(output)).sort()).toEqual(
      [paths[0], changed].map((path) => path.slice(output.length + 1)).sort(),
    );
  });

  it('reports the compiler output when compiling fails', async () => {
    await writeFile(source, 'int main(void) { return }\n');
    await expect(compileCached(source, join(directory, 'bin'))).rejects.toThrow(
      /probe\.c failed[\s\S]*error/,
    );
    expect(await readdir(join(directory, 'bin'))).toEqual([]);
  });
});
