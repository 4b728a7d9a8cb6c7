import { buildPlugins } from '@vixenhealth/tooling/lib/cms-build';

import { startBaseline } from '../lib/baseline.mjs';

/** @type {import('../lib/cases.mjs').BenchCase} */
export default {
  name: 'support-mail-ingest',
  description:
    'Inbound support mail taken in: 50 KB real-shaped mails parsed by parseInboundMail (mailparser in its worker thread), plus the worst time of the pathological corpus mails',
  scenario: new URL('../scenarios/support-mail-ingest.mjs', import.meta.url),

  async start() {
    await buildPlugins();
    // Nothing is served: the scenario parses in its own process. A scenario case needs an
    // origin all the same, so the hello world stands in for it, never loaded.
    const { url, stop } = await startBaseline();
    return { url, stop };
  },

  goals: [
    { label: 'mails/s of 50 KB', of: (result) => result.perSecond, atLeast: 50 },
    {
      label: 'pathological mail, worst',
      unit: ' ms',
      of: (result) => result.steps?.pathological?.p99,
      below: 5_000,
    },
  ],
};
