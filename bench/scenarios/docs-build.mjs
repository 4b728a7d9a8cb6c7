// One full `astro build` of the docs site per iteration (its public pages prerendered, the
// CMS's public doc pages read over HTTP, the Pagefind index), by one user: a build takes both
// CPUs. Run by lib/scenario-worker.mjs.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { buildDocs } from '@vixenhealth/tooling/lib/docs-site';

/** @param {string} dir @returns {number} the HTML pages under `dir`, at any depth */
const htmlPages = (dir) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'))
    .length;

/** @type {import('../lib/scenario.mjs').Scenario} */
export default async ({ url, options }) => {
  /** @type {{ root: string, slugs: string[] }} */
  const { root, slugs } = options;
  let next = 0;

  return async (step) => {
    // Each build goes to a folder of its own, left there: removing it is no part of what is
    // measured; the case removes them all when it stops.
    const outDir = path.join(root, `${process.pid}-${next++}`);
    await step('astro build', () => buildDocs({ outDir, env: { CMS_URL: url } }));
    const client = path.join(outDir, 'client');
    const missing = slugs.filter((slug) => !existsSync(path.join(client, slug, 'index.html')));
    if (missing.length > 0) {
      throw new Error(`${missing.length} CMS pages not built, e.g. /${missing[0]}/`);
    }
    return htmlPages(client);
  };
};
