import path from 'node:path';

import { astroSite } from './astro-site.mjs';
import { DOCS_SITE_DIR } from './paths.mjs';

const site = astroSite({
  dir: DOCS_SITE_DIR,
  sources: ['docs-site/src', 'docs-site/astro.config.mjs', 'docs-site/openapi'],
  server: path.join(DOCS_SITE_DIR, 'server.mjs'),
});

/**
 * Builds the docs site (Starlight, with the CMS's public pages: the CMS at `CMS_URL` must be up)
 * unless its build is up to date. True when it built.
 * @param {() => void} [announce] called first when it builds
 */
export const ensureDocsBuilt = async (announce) => {
  let built = false;
  await site.ensureBuilt(() => {
    built = true;
    announce?.();
  });
  return built;
};

/**
 * Builds the docs into `outDir` with `env` added to ours (`CMS_URL`, `DOCS_URL`): for tests.
 * @param {{ outDir: string, env: Record<string, string> }} options
 */
export const buildDocs = (options) => site.build(options);

/**
 * Serves the docs on `port` with the docs server (`docs-site/server.mjs`), `env` added to ours:
 * `CMS_URL`, `DOCS_URL` (where browsers reach it: ID knows its sign-in callback there), and
 * `DOCS_REBUILD_ON_START: 'true'` to rebuild at once, for pages the CMS published while the docs
 * were down. The rest (ID_ISSUER, DOCS_SESSION_SECRET, DOCS_WEBHOOK_TOKEN) comes from `.env`.
 * @param {{ port: number, env: Record<string, string> }} options
 */
export const startDocs = ({ port, env }) => site.start({ port, env });
