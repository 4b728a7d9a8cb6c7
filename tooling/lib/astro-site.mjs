import { createRequire } from 'node:module';
import path from 'node:path';

import { newestChange } from './cms-build.mjs';
import { ROOT_DIR } from './paths.mjs';
import { run, start } from './processes.mjs';

/** What every site is also built from: the API client, shared components, installed packages. */
const SHARED_SOURCES = ['sites/api-client/src', 'sites/ui/src', 'package-lock.json'];

/**
 * One Astro site of `sites/` as `npm start` runs it: built when its sources changed since the
 * last build, then served by its standalone Node server on loopback.
 * @param {{ dir: string, sources: string[], server?: string }} site its folder, its sources
 *   relative to the repository's root (besides the shared ones), and the script that serves the
 *   build when it is not the adapter's own entry
 */
export const astroSite = ({ dir, sources, server }) => {
  const entry = path.join(dir, 'dist', 'server', 'entry.mjs');
  /** True when the server was never built, or its sources changed since. */
  const isStale = () => {
    const builtAt = newestChange(entry);
    return (
      builtAt === 0 ||
      [...sources, ...SHARED_SOURCES].some(
        (source) => newestChange(path.join(ROOT_DIR, source)) > builtAt
      )
    );
  };
  return {
    /**
     * Runs `astro build` (a few seconds) when the server was never built or its sources changed
     * since; `announce` is called first when it does.
     * @param {() => void} [announce]
     */
    async ensureBuilt(announce) {
      if (!isStale()) return;
      announce?.();
      await this.build();
    },

    /**
     * Runs `astro build` (into `outDir`, else the site's `dist`), with `env` added to ours.
     * @param {{ outDir?: string, env?: Record<string, string> }} [options]
     */
    async build({ outDir, env = {} } = {}) {
      const astroDir = path.dirname(
        createRequire(path.join(dir, 'package.json')).resolve('astro/package.json')
      );
      const args = [path.join(astroDir, 'astro.js'), 'build', '--silent'];
      await run(process.execPath, outDir ? [...args, '--outDir', outDir] : args, {
        cwd: dir,
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      });
    },

    /**
     * Serves the built site on loopback at `port`, with `env` added to ours.
     * @param {{ port: number, env: Record<string, string> }} options
     */
    start({ port, env }) {
      return start(process.execPath, [server ?? entry], {
        cwd: dir,
        env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env },
      });
    },
  };
};
