// Compiles the CMS, in a child of its own started by cms-target.mjs: compileStrapi() ends the
// whole process on a TypeScript error, which must not take the benchmark run down with it.
import { CMS_DIR, requireStrapi } from './cms-app.mjs';
import { reportToParent } from './child.mjs';

await reportToParent(async () => {
  await requireStrapi().compileStrapi({ appDir: CMS_DIR });
  return {};
});
