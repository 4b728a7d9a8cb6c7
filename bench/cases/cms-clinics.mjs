import { cmsClinicsCase } from '../lib/cms-clinics-case.mjs';

export default cmsClinicsCase({
  name: 'cms-clinics',
  description:
    'Anonymous GET /api/clinics?populate=* on the demo data: the CMS public read path, relations included, answered by the public cache',
  goals: [
    {
      label: 'req/s over the baseline’s',
      of: (result, baseline) => (baseline ? result.perSecond / baseline.perSecond : undefined),
      atLeast: 0.1,
    },
    { label: 'p99', unit: ' ms', of: (result) => result.p99, below: 20 },
  ],
});
