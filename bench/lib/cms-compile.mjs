// Builds the local plugins and compiles the CMS, in a child of its own started by cms-target.mjs:
// compileStrapi() ends the whole process on a TypeScript error, which must not take the benchmark
// run down with it. Like cms/testing/global-setup.ts.
import { execFileSync } from 'node:child_process';

import { CMS_DIR, PLUGIN_DIRS, cmsRequire, requireStrapi } from './cms-app.mjs';
import { reportToParent } from './child.mjs';

await reportToParent(async () => {
  const tsc = cmsRequire.resolve('typescript/bin/tsc');
  for (const pluginDir of PLUGIN_DIRS) {
    // Errors go to the terminal; a failure throws, and is reported.
    execFileSync(process.execPath, [tsc, '-p', pluginDir], { stdio: 'inherit' });
  }
  await requireStrapi().compileStrapi({ appDir: CMS_DIR });
  return {};
});
