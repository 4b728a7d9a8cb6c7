// Builds the clinic sites' server when its sources changed, in a child of its own started by
// clinic-site-target.mjs (the build's runner handles signals for its own children).
import { ensureClinicSiteBuilt } from '@vixenhealth/tooling/lib/clinic-site';

import { reportToParent } from './child.mjs';

await reportToParent(async () => {
  await ensureClinicSiteBuilt();
  return {};
});
