import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';

import { ENTRY, loadAstroHandler } from './astro-handler.mjs';
import { ClinicExportError } from './export-error.mjs';

const PAGE_TIMEOUT_MS = 30_000;

/**
 * The clinic sites' SSR build, served by this process on a loopback port of its own.
 * @typedef {object} SiteServer
 * @property {string} token what its pages take for the internal token (`SITES_WEBHOOK_TOKEN`)
 * @property {(path: string, headers: Record<string, string>) => Promise<Rendered>} get
 * @property {() => Promise<void>} close
 */

/** @typedef {{ status: number, body: Buffer }} Rendered */

/** @type {{ cmsUrl: string, server: Promise<SiteServer> } | undefined} */
let running;

/**
 * Loads the built server's handler (`@astrojs/node`, standalone, without starting it) and serves
 * it on 127.0.0.1, port chosen by the system.
 * @param {string} cmsUrl
 * @returns {Promise<SiteServer>}
 */
const start = async (cmsUrl) => {
  if (!existsSync(ENTRY)) {
    throw new ClinicExportError(
      'ERR_SITE_NOT_BUILT',
      `The clinic sites' server is not built (no ${ENTRY}): run npm run build -w sites/clinic`
    );
  }
  // Its pages read their settings from the environment as they render, as when it runs on its
  // own: this process becomes that server, for the exports alone (it only listens on loopback).
  process.env.CMS_URL = cmsUrl;
  process.env.SITES_WEBHOOK_TOKEN ||= randomBytes(32).toString('hex');
  // No page cache: every request of an export carries its headers, which bypass it.
  const server = http.createServer(await loadAstroHandler());
  await new Promise((resolve, reject) => {
    server.once('error', reject).listen(0, '127.0.0.1', () => resolve(undefined));
  });
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  const agent = new http.Agent({ keepAlive: true });

  return {
    token: process.env.SITES_WEBHOOK_TOKEN,
    get: (urlPath, headers) =>
      new Promise((resolve, reject) => {
        // node:http, not fetch: fetch does not let the Host header be chosen.
        const request = http.request(
          { host: '127.0.0.1', port, path: urlPath, headers, agent },
          (response) => {
            /** @type {Buffer[]} */
            const chunks = [];
            response.on('data', (chunk) => chunks.push(chunk));
            response.on('error', reject);
            response.on('end', () =>
              resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) })
            );
          }
        );
        request.setTimeout(PAGE_TIMEOUT_MS, () =>
          request.destroy(new Error(`${urlPath} took more than ${PAGE_TIMEOUT_MS / 1000} s`))
        );
        request.on('error', reject).end();
      }),
    close: async () => {
      agent.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
};

/**
 * The one server of this process, started on first use: every export shares it. Its pages read
 * one CMS, the first one asked for.
 * @param {string} cmsUrl
 * @returns {Promise<SiteServer>}
 */
export const siteServer = (cmsUrl) => {
  if (running && running.cmsUrl !== cmsUrl) {
    throw new TypeError(
      `This process exports from the CMS at ${running.cmsUrl}; ${cmsUrl} needs a process of its own`
    );
  }
  if (!running) {
    const server = start(cmsUrl);
    running = { cmsUrl, server };
    // A failed start is not kept: the next export tries again.
    server.catch(() => (running = undefined));
  }
  return running.server;
};

/** Stops the server, if one was started; the next export starts another. */
export const closeSiteServer = async () => {
  const stopping = running?.server;
  running = undefined;
  await stopping?.then(
    (server) => server.close(),
    () => undefined
  );
};
