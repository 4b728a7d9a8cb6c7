// One clinic's whole site as static files, rendered through the clinic sites' SSR build (see
// sites/README.md): the same pages as served, without a second Astro build.
import { randomUUID } from 'node:crypto';

import { clinicSiteOrigin, clinicSitesFromEnv } from '@vixenhealth/cms/clinic-address';

import { EXPORT_ID_HEADER, SITE_URL_HEADER } from '../src/lib/export-headers.mjs';
import { ClinicExportError } from './lib/export-error.mjs';
import { mapBounded } from './lib/map-bounded.mjs';
import { checkOutDir, fileOf, writeSite } from './lib/site-files.mjs';
import { closeSiteServer, siteServer } from './lib/site-server.mjs';

export { ClinicExportError } from './lib/export-error.mjs';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CMS_TIMEOUT_MS = 10_000;
/** No clinic page can have this path (a slug has no `/`): it renders the site's 404 page. */
const NOT_FOUND_PATH = '/-/not-found';

/**
 * @typedef {object} ExportOptions
 * @property {string} slug the clinic's slug
 * @property {string} outDir where the files go; created if missing, and must be empty
 * @property {string} [cmsUrl] the CMS's origin; default `CMS_URL`, else `http://localhost:1337`.
 *   One process reads one CMS: a second one is a `TypeError`.
 * @property {string} [siteUrl] the origin the files will be published at, for absolute links
 *   (canonical, `og:url`, sitemap, robots.txt); default `http://<subdomain>.localhost`
 * @property {number} [concurrency] pages rendered at once; default 4
 * @property {(line: string) => void} [onLog] one line per page: `page 3/14 /doctors/ivanov`
 */

/**
 * @typedef {object} ExportResult
 * @property {number} pages files rendered: the sitemap's pages, sitemap.xml, robots.txt, 404.html
 * @property {number} bytes written in all, the client files included
 * @property {number} durationMs
 */

/** @param {string} value @param {string} name */
const originOf = (value, name) => {
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || !/^https?:$/.test(url.protocol) || url.href !== `${url.origin}/`) {
    throw new TypeError(
      `${name} must be an http(s) origin such as https://clinic.ru, not ${value}`
    );
  }
  return url.origin;
};

/**
 * The published, active clinic with `slug`, as the public API shows it.
 * @param {string} cmsUrl
 * @param {string} slug
 * @returns {Promise<{ subdomain: string }>}
 */
const publishedClinic = async (cmsUrl, slug) => {
  const url = `${cmsUrl}/api/clinics?filters[slug][$eq]=${slug}&fields[0]=subdomain`;
  const response = await fetch(url, { signal: AbortSignal.timeout(CMS_TIMEOUT_MS) }).catch(
    (error) => {
      throw new ClinicExportError('ERR_CMS_UNREACHABLE', `The CMS at ${cmsUrl} does not answer`, {
        cause: error,
      });
    }
  );
  if (!response.ok) {
    throw new ClinicExportError('ERR_CMS_UNREACHABLE', `The CMS answered ${response.status}`);
  }
  const [clinic] = (await response.json()).data ?? [];
  if (!clinic) {
    throw new ClinicExportError(
      'ERR_CLINIC_NOT_FOUND',
      `No published, active clinic "${slug}" in the CMS at ${cmsUrl}`
    );
  }
  return clinic;
};

/**
 * The paths the sitemap lists, all of them under `siteUrl`.
 * @param {string} sitemap
 * @param {string} siteUrl
 */
const pathsOf = (sitemap, siteUrl) =>
  [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map(([, loc]) => {
    const url = new URL(loc.replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code))));
    if (url.origin !== siteUrl) {
      throw new ClinicExportError(
        'ERR_PAGE_FAILED',
        `The sitemap lists ${url.href}, not under ${siteUrl}`
      );
    }
    return url.pathname;
  });

/**
 * Renders one clinic's whole site through the clinic sites' SSR build (started in this process
 * on first use and shared by every export; {@link closeClinicExporter} stops it) and writes it
 * to `outDir` as a self-contained static site: every page the sitemap lists as
 * `<path>/index.html`, `sitemap.xml`, `robots.txt`, `404.html` and the build's client files.
 * Every page is rendered before anything is written: a failed export writes nothing.
 *
 * @example
 * ```js
 * const { pages } = await exportClinicSite({
 *   slug: 'lisya-tropa',
 *   outDir: '/srv/sites/lisya-tropa',
 *   cmsUrl: 'http://127.0.0.1:1337',
 *   siteUrl: 'https://lisya-tropa.vixenhealth.ru',
 *   onLog: console.log,
 * });
 * await closeClinicExporter();
 * ```
 * @param {ExportOptions} options
 * @returns {Promise<ExportResult>}
 * @throws {ClinicExportError} with a `code` saying why; a `TypeError` for wrong options
 */
export const exportClinicSite = async ({
  slug,
  outDir,
  cmsUrl = process.env.CMS_URL || 'http://localhost:1337',
  siteUrl,
  concurrency = 4,
  onLog = () => {},
}) => {
  const startedAt = performance.now();
  if (typeof slug !== 'string' || !SLUG.test(slug))
    throw new TypeError(`Not a clinic slug: ${slug}`);
  if (typeof outDir !== 'string' || !outDir) throw new TypeError('outDir must be a folder');
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new TypeError(`concurrency must be a positive integer, not ${concurrency}`);
  }
  const cms = originOf(cmsUrl, 'cmsUrl');
  const origin = siteUrl === undefined ? undefined : originOf(siteUrl, 'siteUrl');

  await checkOutDir(outDir);
  const { subdomain } = await publishedClinic(cms, slug);
  const server = await siteServer(cms);
  const site = origin ?? clinicSiteOrigin({ subdomain }, { baseDomain: 'localhost' });
  const { baseDomain } = clinicSitesFromEnv();
  const headers = {
    host: new URL(clinicSiteOrigin({ subdomain }, { baseDomain })).host,
    authorization: `Bearer ${server.token}`,
    // A fresh id: this export reads the CMS afresh, and its pages share those reads.
    [EXPORT_ID_HEADER]: randomUUID(),
    [SITE_URL_HEADER]: site,
  };
  /** @param {string} path @param {number} status */
  const render = async (path, status = 200) => {
    const page = await server.get(path, headers);
    if (page.status !== status) {
      throw new ClinicExportError(
        'ERR_PAGE_FAILED',
        `${path} answered ${page.status}, not ${status}`
      );
    }
    return page.body;
  };

  // The sitemap says which pages the site has: the exporter keeps no list of its own.
  const sitemap = await render('/sitemap.xml');
  /** @type {{ path: string, file: string, status?: number }[]} */
  const routes = [
    ...pathsOf(sitemap.toString('utf8'), site).map((path) => ({ path, file: fileOf(path) })),
    { path: '/robots.txt', file: 'robots.txt' },
    { path: NOT_FOUND_PATH, file: '404.html', status: 404 },
  ];
  const total = routes.length + 1;
  onLog(`page 1/${total} /sitemap.xml`);
  let done = 1;
  const pages = await mapBounded(routes, concurrency, async ({ path, file, status }) => {
    const body = await render(path, status);
    onLog(`page ${++done}/${total} ${status === 404 ? `/${file}` : path}`);
    return { file, body };
  });

  const bytes = await writeSite(outDir, [{ file: 'sitemap.xml', body: sitemap }, ...pages]);
  return { pages: total, bytes, durationMs: Math.round(performance.now() - startedAt) };
};

/** Stops the SSR server exports share, so that the process can exit. */
export const closeClinicExporter = closeSiteServer;
