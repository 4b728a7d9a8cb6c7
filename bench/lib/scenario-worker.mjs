// Runs a scenario's virtual users, in a child of its own started by scenario.mjs; what to run
// comes as JSON in argv.
import { reportToParent } from './child.mjs';
import { createLatency } from './latency.mjs';

/** Reasons kept for failed iterations: enough to say why, not a log. */
const MAX_FAILURES = 3;

await reportToParent(async () => {
  const {
    module,
    url,
    options,
    users,
    duration,
    maxIterations = Infinity,
    pace,
  } = JSON.parse(process.argv[2]);
  /** @type {import('./scenario.mjs').Scenario} */
  const scenario = (await import(module)).default;
  const iteration = await scenario({ url, options });

  const whole = createLatency();
  /** @type {Map<string, ReturnType<typeof createLatency>>} */
  const steps = new Map();
  /** @type {import('./scenario.mjs').Step} */
  const step = async (name, run) => {
    const started = performance.now();
    const result = await run();
    if (!steps.has(name)) steps.set(name, createLatency());
    steps.get(name)?.record(performance.now() - started);
    return result;
  };

  let started = 0;
  let count = 0;
  let errors = 0;
  /** @type {number | undefined} what iterations said they produced, when any said so */
  let items;
  /** @type {Set<string>} */
  const failures = new Set();
  const begin = performance.now();
  const deadline = begin + duration * 1000;
  // Paced: user i starts its iterations at begin + (i + k * users) / pace, k = 0, 1, 2...
  const interval = pace ? (users * 1000) / pace : 0;
  /** @param {number} index */
  const user = async (index) => {
    let turn = begin + (pace ? (index * 1000) / pace : 0);
    while (performance.now() < deadline && started < maxIterations) {
      const wait = turn - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (performance.now() >= deadline) break;
      turn += interval;
      started += 1;
      const iterationStart = performance.now();
      try {
        const produced = await iteration(step);
        whole.record(performance.now() - iterationStart);
        count += 1;
        if (typeof produced === 'number') items = (items ?? 0) + produced;
      } catch (error) {
        errors += 1;
        if (failures.size < MAX_FAILURES) {
          failures.add(error instanceof Error ? error.message : String(error));
        }
      }
    }
  };
  await Promise.all(Array.from({ length: users }, (_, index) => user(index)));
  const seconds = (performance.now() - begin) / 1000;

  /** @type {import('./measurement.mjs').Measurement} */
  const result = {
    // Over the whole time, the iterations that ended after the deadline included.
    perSecond: count / seconds,
    count,
    ...(items === undefined ? {} : { items, itemsPerSecond: items / seconds }),
    ...whole.summary(),
    errors,
    non2xx: 0,
    failures: [...failures],
    steps: Object.fromEntries([...steps].map(([name, latency]) => [name, latency.summary()])),
  };
  return { result };
});
