import { cmsClinicsCase } from '../lib/cms-clinics-case.mjs';

export default cmsClinicsCase({
  name: 'cms-clinics-uncached',
  description:
    'The same read as cms-clinics with the public cache off (PUBLIC_CACHE=off): every request queries the database',
  env: { PUBLIC_CACHE: 'off' },
  goals: [{ label: 'req/s', of: (result) => result.perSecond, atLeast: 300 }],
});
