import { execFileSync } from 'node:child_process';

/**
 * A CPU this process may run on, for a child to be pinned to with `taskset` (util-linux); null
 * where there is no `taskset` (not Linux), and the child has to run unpinned.
 * @returns {number | null}
 */
export const pinnableCpu = () => {
  try {
    // "pid 42's current affinity list: 0-3,6": the last CPU allowed, as CPU 0 takes interrupts.
    const list = execFileSync('taskset', ['--cpu-list', '--pid', String(process.pid)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const last = /(\d+)\s*$/.exec(list);
    return last ? Number(last[1]) : null;
  } catch {
    return null;
  }
};

/**
 * fork() options that start Node under `taskset`, which pins it to `cpu` and then becomes it (same
 * process, same IPC channel), so that the child and all its threads share that one CPU.
 * @param {number} cpu
 * @returns {import('node:child_process').ForkOptions}
 */
export const pinnedTo = (cpu) => ({
  execPath: 'taskset',
  execArgv: ['--cpu-list', String(cpu), process.execPath, ...process.execArgv],
});
