import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { astroSite } from '@vixenhealth/tooling/lib/astro-site';

const site = astroSite({ dir: path.resolve(import.meta.dirname, '..'), sources: [] });

/**
 * The request handler of one build of the site (static files, then on-demand pages): its
 * `server/entry.mjs`, loaded without starting a server of its own.
 * @param {string} dir the build's folder (Astro's outDir)
 * @returns {Promise<import('node:http').RequestListener>}
 */
export const loadBuild = async (dir) => {
  process.env.ASTRO_NODE_AUTOSTART = 'disabled';
  const entry = await import(pathToFileURL(path.join(dir, 'server', 'entry.mjs')).href);
  return entry.handler;
};

/**
 * Rebuilds the public pages when the CMS publishes, one build at a time: a request during a build
 * asks for one more after it, however many arrive. Each build goes to a folder of its own under
 * `buildsDir` and is switched to only once complete, so readers never see half a site; older
 * builds are removed.
 * @param {{ buildsDir: string, onBuilt: (handler: import('node:http').RequestListener) => void,
 *   log: (message: string) => void }} options
 */
export const createRebuilds = ({ buildsDir, onBuilt, log }) => {
  /** @type {Promise<void> | null} */
  let running = null;
  let again = false;

  const once = async () => {
    mkdirSync(buildsDir, { recursive: true });
    const outDir = path.join(buildsDir, String(Date.now()));
    const started = Date.now();
    try {
      await site.build({ outDir });
      onBuilt(await loadBuild(outDir));
      log(`docs: rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      for (const old of readdirSync(buildsDir)) {
        if (path.join(buildsDir, old) !== outDir) {
          rmSync(path.join(buildsDir, old), { recursive: true, force: true });
        }
      }
    } catch (error) {
      rmSync(outDir, { recursive: true, force: true });
      log(`docs: the rebuild failed, the previous build stays: ${String(error)}`);
    }
  };

  const request = () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await once();
      } while (again);
    })().finally(() => {
      running = null;
    });
    return running;
  };

  return {
    request,
    /** Resolves when no build is running (tests, shutdown). */
    settled: () => running ?? Promise.resolve(),
  };
};
