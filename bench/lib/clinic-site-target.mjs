import { onceChild, startChild } from './child.mjs';

/** Builds the clinic sites' server once per run, when its sources changed since the last build. */
export const buildClinicSite = onceChild(new URL('./clinic-site-build.mjs', import.meta.url), {
  label: 'clinic site build (errors above)',
  timeoutMs: 180_000,
});

/**
 * The clinic sites' server, built if needed, in a child process on a free port of 127.0.0.1,
 * reading the CMS at `cmsUrl`.
 * @param {string} cmsUrl
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export const startClinicSite = async (cmsUrl) => {
  await buildClinicSite();
  const server = await startChild(new URL('./clinic-site-server.mjs', import.meta.url), {
    label: 'clinic site server',
    args: [cmsUrl],
    env: { ...process.env, SITES_BASE_DOMAIN: 'localhost' },
    timeoutMs: 30_000,
  });
  return { url: `http://127.0.0.1:${server.report.port}`, stop: server.stop };
};
