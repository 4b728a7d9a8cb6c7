import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const RESULTS_DIR = path.resolve(import.meta.dirname, '../results');

/**
 * Saves a run as bench/results/<timestamp>.json (git-ignored), to compare runs over time.
 * @param {Date} startedAt
 * @param {Record<string, unknown>} run
 * @returns {Promise<string>} the file's path, relative to the working directory
 */
export const saveResults = async (startedAt, run) => {
  await mkdir(RESULTS_DIR, { recursive: true });
  // Colons are not allowed in file names everywhere.
  const file = path.join(RESULTS_DIR, `${startedAt.toISOString().replaceAll(':', '-')}.json`);
  await writeFile(file, `${JSON.stringify(run, null, 2)}\n`);
  return path.relative(process.cwd(), file);
};
