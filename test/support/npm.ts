import { spawn } from 'node:child_process';
import { projectRoot } from '../../src/paths.js';
import { databaseNameFor } from './foro.js';

/** Runs an npm script the way a person would, against the database of the test file `fileUrl`. */
export function runNpm(
  fileUrl: string,
  script: string,
  args: string[],
  stdin = '',
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const server = (process.env['MONGODB_URI'] ?? '').replace(/^(mongodb:\/\/[^/?]+).*$/, '$1');
  const child = spawn('npm', ['run', '-s', script, '--', ...args], {
    cwd: projectRoot,
    env: { ...process.env, MONGODB_URI: `${server}/${databaseNameFor(fileUrl)}`, NODE_ENV: 'test', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}
