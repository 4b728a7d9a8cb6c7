import { createServer } from 'node:http';
import { createRequire } from 'node:module';

// The plugins' contracts are compiled to CommonJS (the plugins run in Strapi): required, which
// Vitest leaves to Node, rather than imported.
const require = createRequire(import.meta.url);
/** @type {typeof import('@vixenhealth/metrics/contracts')} */
const { metricsOpenApi } = require('@vixenhealth/metrics/contracts');
/** @type {typeof import('@vixenhealth/sso/contracts')} */
const { ID_DISCOVERY_PATH, idOpenApi } = require('@vixenhealth/sso/contracts');

/**
 * ID's discovery document, asked of the CMS's own app on a passing loopback server (a CMS loaded
 * for a one-off command does not listen). Only its paths are used: not the host it was asked at.
 * @param {any} strapi
 * @returns {Promise<import('@vixenhealth/sso/contracts').IdDiscovery>}
 */
const idDiscovery = async (strapi) => {
  const issuerPath = new URL(strapi.config.get('plugin::sso').issuer).pathname.replace(/\/$/, '');
  const server = createServer(strapi.server.app.callback());
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  try {
    const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
    const answer = await fetch(`http://127.0.0.1:${port}${issuerPath}${ID_DISCOVERY_PATH}`);
    if (!answer.ok) throw new Error(`ID's discovery answered ${answer.status}`);
    return await answer.json();
  } finally {
    server.closeAllConnections();
    server.close();
  }
};

/**
 * Adds what is answered ahead of Strapi's router, so its generator never sees it: VixenHealth ID
 * (from its discovery document) and the metrics beacon (from its limits). Each plugin describes
 * its own part; a path Strapi already describes is an error, not silently replaced.
 * @param {any} strapi
 * @param {Record<string, any>} spec
 * @returns {Promise<Record<string, any>>}
 */
export const withPlatformEndpoints = async (strapi, spec) => {
  const id = idOpenApi(await idDiscovery(strapi));
  const metrics = metricsOpenApi();
  const added = { ...metrics.paths, ...id.paths };
  const taken = Object.keys(added).filter((path) => path in spec.paths);
  if (taken.length > 0) throw new Error(`Described twice: ${taken.join(', ')}`);
  return {
    ...spec,
    components: {
      ...spec.components,
      securitySchemes: { ...spec.components?.securitySchemes, ...id.securitySchemes },
      schemas: { ...spec.components?.schemas, ...metrics.schemas, ...id.schemas },
    },
    paths: { ...spec.paths, ...added },
  };
};
