import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../paths.js';

const run = promisify(execFile);

/** What `-version` prints: a binary that says anything else is not ours or does not run. */
export const FERRETDB_VERSION = 'foro-ferretdb v1.24.2';
const SOURCE_FILES = ['main.go', 'go.mod', 'go.sum'];

export interface FerretdbBuild {
  /** The Go launcher's folder (tools/ferretdb). */
  sourceDir: string;
  /** Where the binary and its checksum are kept (.cache). */
  cacheDir: string;
  /** The Go toolchain; unset = `go` on the PATH, then /usr/local/go/bin/go. */
  goBinary: string | undefined;
  /** One line at a time for the person waiting. */
  say: (line: string) => void;
}

export function defaultFerretdbBuild(
  goBinary: string | undefined,
  say: (line: string) => void,
): FerretdbBuild {
  return {
    sourceDir: join(projectRoot, 'tools', 'ferretdb'),
    cacheDir: join(projectRoot, '.cache'),
    goBinary,
    say,
  };
}

export function ferretdbBinaryPath(build: Pick<FerretdbBuild, 'cacheDir'>): string {
  return join(build.cacheDir, 'ferretdb-v1.24.2');
}

/**
 * The FerretDB binary, built once from the Go module proxy. A binary is used only when its
 * checksum file (written after a complete build) matches both the binary and the launcher's
 * sources, and it answers `-version`: a half-written, truncated or stale binary is rebuilt.
 */
export async function ensureFerretdbBinary(build: FerretdbBuild): Promise<string> {
  const binary = ferretdbBinaryPath(build);
  const expected = await buildStamp(build, binary);
  if (expected !== undefined && (await isIntact(binary, expected))) return binary;
  await buildFerretdb(build, binary);
  return binary;
}

/** Sources hash + binary hash, as recorded after the last complete build (undefined if none). */
async function buildStamp(build: FerretdbBuild, binary: string): Promise<string | undefined> {
  try {
    const [sources, binaryHash] = (await readFile(`${binary}.sum`, 'utf8')).trim().split(' ');
    return sources === (await sourcesHash(build)) ? binaryHash : undefined;
  } catch {
    return undefined;
  }
}

async function isIntact(binary: string, expectedHash: string): Promise<boolean> {
  try {
    if ((await fileHash(binary)) !== expectedHash) return false;
    const { stdout } = await run(binary, ['-version'], { timeout: 10_000 });
    return stdout.trim() === FERRETDB_VERSION;
  } catch {
    return false;
  }
}

async function buildFerretdb(build: FerretdbBuild, binary: string): Promise<void> {
  const go = await findGo(build.goBinary);
  await mkdir(build.cacheDir, { recursive: true });
  // A build of our own name, renamed into place only when complete: two processes building at
  // once never run each other's half-written file.
  const partial = `${binary}.${process.pid}.partial`;
  const started = Date.now();
  build.say(
    'Building FerretDB v1.24.2 from the Go module proxy into .cache/ (first start only; usually 1 to 2 minutes)…',
  );
  const progress = setInterval(
    () => build.say(`  still building FerretDB… ${Math.round((Date.now() - started) / 1000)} s`),
    20_000,
  );
  try {
    await goBuild(go, build.sourceDir, partial);
    const stamp = `${await sourcesHash(build)} ${await fileHash(partial)}\n`;
    await rename(partial, binary);
    await writeFile(`${binary}.sum`, stamp);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    clearInterval(progress);
  }
  build.say(`FerretDB built in ${Math.round((Date.now() - started) / 1000)} s: ${binary}`);
}

function goBuild(go: string, sourceDir: string, output: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(go, ['build', '-trimpath', '-o', output, '.'], {
      cwd: sourceDir,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => {
      errors = (errors + chunk.toString()).slice(-2000);
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`go build failed (exit ${code}): ${errors.trim()}`)),
    );
  });
}

async function findGo(configured: string | undefined): Promise<string> {
  for (const candidate of configured ? [configured] : ['go', '/usr/local/go/bin/go']) {
    try {
      await run(candidate, ['version'], { timeout: 10_000 });
      return candidate;
    } catch {
      // try the next place
    }
  }
  throw new Error(
    configured
      ? `GO_BINARY=${configured} does not run`
      : 'Go is not installed (it builds FerretDB; https://go.dev/dl/)',
  );
}

async function sourcesHash(build: Pick<FerretdbBuild, 'sourceDir'>): Promise<string> {
  const hash = createHash('sha256');
  for (const file of SOURCE_FILES) hash.update(await readFile(join(build.sourceDir, file)));
  return hash.digest('hex');
}

function fileHash(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
