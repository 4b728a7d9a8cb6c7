import { spawn } from 'node:child_process';

const MAX_LOG_CHARS = 64 * 1024;
const TIMEOUT_MS = 5 * 60 * 1000;
const PROGRESS = /^page (\d+)\/(\d+)\b/;

export interface ExportOptions {
  exporter: string;
  slug: string;
  outDir: string;
  cmsUrl: string;
  siteUrl: string;
  onProgress(done: number, total: number): void;
  /** Stops the build when aborted (its node lost the deploy to another). */
  signal?: AbortSignal;
}

export interface ExportOutcome {
  ok: boolean;
  log: string;
}

/** The end of a log when it grew too long: what failed is at the end. */
const capped = (log: string) =>
  log.length <= MAX_LOG_CHARS ? log : `…\n${log.slice(log.length - MAX_LOG_CHARS)}`;

/**
 * Runs the clinic sites' exporter (sites/clinic/server/export-clinic.mjs) in a child process,
 * so a crash or a runaway build never takes the CMS down with it. It prints a line per page
 * rendered, `page <done>/<total> <path>`, and exits 0 when the whole site is written.
 */
export const runExporter = (options: ExportOptions): Promise<ExportOutcome> =>
  new Promise((resolve) => {
    let log = '';
    const child = spawn(
      process.execPath,
      [
        options.exporter,
        ['--slug', options.slug],
        ['--out', options.outDir],
        ['--cms', options.cmsUrl],
        ['--site-url', options.siteUrl],
      ].flat(),
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } }
    );
    const timer = setTimeout(() => {
      log += `\nThe build took longer than ${TIMEOUT_MS / 60000} minutes and was stopped.\n`;
      child.kill('SIGKILL');
    }, TIMEOUT_MS);
    const abort = () => {
      log += `\nThe build was stopped: ${String(options.signal?.reason ?? 'aborted')}\n`;
      child.kill('SIGKILL');
    };
    if (options.signal?.aborted) abort();
    else options.signal?.addEventListener('abort', abort, { once: true });
    let partial = '';
    const read = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      log = capped(log + text);
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        const progress = PROGRESS.exec(line);
        if (progress) options.onProgress(Number(progress[1]), Number(progress[2]));
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('error', (error) => {
      log += `\nThe exporter could not start: ${error.message}\n`;
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', abort);
      if (code !== 0) log += `\nThe exporter stopped with ${signal ?? `exit code ${code}`}.\n`;
      resolve({ ok: code === 0, log: capped(log) });
    });
  });
