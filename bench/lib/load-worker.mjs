// The load generator, run in a child of its own by load.mjs; its options come as JSON in argv.
import autocannon from 'autocannon';

import { reportToParent } from './child.mjs';
import { createLatency } from './latency.mjs';

await reportToParent(async () => {
  const latency = createLatency();
  /** @type {autocannon.Result} */
  const result = await new Promise((resolve, reject) => {
    // Passed on as parsed: a key set to undefined would override autocannon's default for it.
    const instance = autocannon(JSON.parse(process.argv[2]), (error, done) =>
      error ? reject(error) : resolve(done)
    );
    // autocannon's own percentiles have no p95, and whole milliseconds only; like it, only 2xx.
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) latency.record(ms);
    });
  });
  /** @type {import('./measurement.mjs').Measurement} */
  const measurement = {
    perSecond: result.requests.average,
    count: result.requests.total,
    ...latency.summary(),
    // autocannon counts timeouts among errors too.
    errors: result.errors,
    non2xx: result.non2xx,
  };
  return { result: measurement };
});
