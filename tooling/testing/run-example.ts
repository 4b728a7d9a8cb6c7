import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export interface ExampleRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a documentation example (`node <file>`) as a developer would, with `env` added to this
 * process's environment; a failed run resolves with its exit code too, so tests assert on it.
 */
export const runExample = async (
  file: string,
  env: Record<string, string>
): Promise<ExampleRun> => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [file], {
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as ExampleRun;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
};
