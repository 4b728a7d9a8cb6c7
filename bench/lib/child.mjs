import { fork } from 'node:child_process';

import { onExit } from './cleanup.mjs';
import { pinnedTo } from './cpu-pin.mjs';

/** How long a child may take to exit after SIGTERM before it is killed outright. */
const STOP_GRACE_MS = 5_000;

/**
 * The first message of a child: `{ ok: true, ...data }` or `{ ok: false, error }`.
 * @typedef {{ ok: boolean, error?: string } & Record<string, any>} Report
 */

/**
 * @typedef {object} Child
 * @property {Report} report what the child reported once ready (a port, a result, ...)
 * @property {() => Promise<void>} stop ends the child; safe to call more than once
 */

/**
 * Forks `modulePath` and waits for its first report. The child is killed on any failure here, and
 * on exit of this process if nobody stopped it before.
 * @param {URL} modulePath a module that calls `reportToParent`
 * @param {object} options
 * @param {string} options.label names the child in errors
 * @param {number} options.timeoutMs how long it may take to report
 * @param {string[]} [options.args]
 * @param {NodeJS.ProcessEnv} [options.env]
 * @param {number} [options.cpu] pins the child to this CPU (see cpu-pin.mjs)
 * @returns {Promise<Child>}
 */
export const startChild = async (
  modulePath,
  { label, timeoutMs, args = [], env = process.env, cpu }
) => {
  const child = fork(modulePath, args, { env, ...(cpu === undefined ? {} : pinnedTo(cpu)) });
  const forget = onExit(() => child.kill('SIGKILL'));
  /** @type {Promise<string>} */
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      forget();
      resolve(signal ?? `code ${code}`);
    });
  });

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(killer);
  };

  try {
    const report = await new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${label}: no report within ${timeoutMs} ms`)),
        timeoutMs
      );
      child.once('message', (/** @type {Report} */ message) => {
        clearTimeout(timer);
        if (message.ok) resolve(message);
        else reject(new Error(`${label}: ${message.error}`));
      });
      void exited.then((how) => {
        clearTimeout(timer);
        reject(new Error(`${label}: exited (${how}) before it was ready`));
      });
    });
    return { report, stop };
  } catch (error) {
    await stop();
    throw error;
  }
};

/**
 * The child's side: runs `main` and reports its result, or its error, to the parent. The child
 * also exits as soon as the parent is gone, so that even a parent killed outright leaves no orphan.
 * @param {() => Promise<Record<string, unknown>>} main
 */
export const reportToParent = async (main) => {
  const send = process.send?.bind(process);
  if (!send) throw new Error('This module runs in a child process started by bench/lib/child.mjs.');
  process.once('disconnect', () => process.exit(1));
  try {
    send({ ok: true, ...(await main()) });
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    send({ ok: false, error: message }, () => process.exit(1));
  }
};

/**
 * A step the cases of a run share, such as a build: `modulePath` runs to its report the first time
 * the returned function is called, and later calls wait for that same run.
 * @param {URL} modulePath a module that calls `reportToParent`
 * @param {{ label: string, timeoutMs: number }} options
 * @returns {() => Promise<void>}
 */
export const onceChild = (modulePath, options) => {
  /** @type {Promise<void> | undefined} */
  let done;
  return () => (done ??= startChild(modulePath, options).then((child) => child.stop()));
};
