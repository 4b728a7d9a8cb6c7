import { constants } from 'node:os';

/**
 * Clean-ups still owed when the process ends. They must be synchronous: an exiting process runs no
 * more asynchronous work, and this is what keeps a crash or Ctrl-C from leaving a server running.
 * @type {Set<() => void>}
 */
const pending = new Set();
let installed = false;

const runPending = () => {
  for (const cleanUp of pending) {
    pending.delete(cleanUp);
    try {
      cleanUp();
    } catch {
      // One failed clean-up must not keep the others from running.
    }
  }
};

const install = () => {
  if (installed) return;
  installed = true;
  process.on('exit', runPending);
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    // Without a handler these signals end the process without emitting 'exit'.
    process.once(signal, () => {
      console.error(`\nbench: ${signal}, stopping everything it started`);
      process.exit(128 + constants.signals[signal]);
    });
  }
};

/**
 * Runs `cleanUp` when the process exits, for whatever reason, unless it was forgotten before.
 * @param {() => void} cleanUp synchronous
 * @returns {() => void} forgets `cleanUp`, once the owner has cleaned up the ordinary way
 */
export const onExit = (cleanUp) => {
  install();
  pending.add(cleanUp);
  return () => pending.delete(cleanUp);
};
