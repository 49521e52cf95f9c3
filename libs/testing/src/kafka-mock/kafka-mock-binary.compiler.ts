import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { access, constants, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';

const SOURCE = join(__dirname, 'kafka-mock-cluster.c');
const GCC_FLAGS = ['-O2'];
const LIBS = ['-lrdkafka'];

let binary: Promise<string> | undefined;

/**
 * Path of the compiled mock-cluster launcher, compiling it on first use. The binary is cached in
 * `node_modules/.cache/sift-testing/` under a hash of the C source, so editing the source recompiles it.
 */
export function kafkaMockBinary(): Promise<string> {
  binary ??= compileCached(SOURCE, cacheDirectory()).catch((error: unknown) => {
    binary = undefined;
    throw error;
  });
  return binary;
}

/** Compiles the C file `source` into `directory`, unless a binary of this exact source is there already. */
export async function compileCached(source: string, directory: string): Promise<string> {
  const content = await readFile(source);
  const hash = createHash('sha256')
    .update([...GCC_FLAGS, ...LIBS].join(' '))
    .update('\0')
    .update(content)
    .digest('hex')
    .slice(0, 16);
  const target = join(directory, `${basename(source, '.c')}-${hash}`);
  if (await isExecutable(target)) {
    return target;
  }

  await mkdir(directory, { recursive: true });
  // Jest workers may compile concurrently: each writes its own file and the atomic rename picks a winner.
  const temporary = `${target}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    await promisify(execFile)('gcc', [...GCC_FLAGS, '-o', temporary, source, ...LIBS]);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    // execFile's message already carries gcc's stderr.
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Compiling ${basename(source)} failed (needs gcc and librdkafka-dev): ${reason}`);
  }
  return target;
}

function cacheDirectory(): string {
  for (let directory = __dirname; ; directory = dirname(directory)) {
    if (existsSync(join(directory, 'node_modules'))) {
      return join(directory, 'node_modules', '.cache', 'sift-testing');
    }
    if (dirname(directory) === directory) {
      return join(tmpdir(), 'sift-testing');
    }
  }
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
