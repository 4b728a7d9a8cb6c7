// The load generator, run in a child of its own by load.mjs; its options come as JSON in argv.
import autocannon from 'autocannon';

import { reportToParent } from './child.mjs';

await reportToParent(async () => {
  // Passed on as parsed: a key set to undefined would override autocannon's default for it.
  const result = await autocannon(JSON.parse(process.argv[2]));
  return {
    result: {
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      requests: result.requests.total,
      // autocannon counts timeouts among errors too.
      errors: result.errors,
      non2xx: result.non2xx,
    },
  };
});
