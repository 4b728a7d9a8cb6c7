// Builds the local plugins and compiles the CMS, in a child of its own started by cms-target.mjs:
// compileStrapi() ends the whole process on a TypeScript error, which must not take the benchmark
// run down with it.
import { compileCms } from '@vixenhealth/tooling/lib/cms-build';

import { reportToParent } from './child.mjs';

await reportToParent(async () => {
  await compileCms();
  return {};
});
