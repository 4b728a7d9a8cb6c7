import type { Core } from '@strapi/strapi';

import type { MetricsSites } from '../../../shared/contracts';
import { createClock } from '../clock/clock';
import { createCollector } from '../collection/collector';
import { createSiteRegistry } from '../sites/site-registry';
import { systemService } from '../system/system-service';
import { grantReaderPermissions } from '../setup/reader-permissions';
import dashboards from './dashboards';
import rollup from './rollup';

/** What the rest of the platform (and tests, through Strapi) calls. */
export default {
  /** The CMS lends the sites here, in its register phase. */
  sites: () => {
    const registry = createSiteRegistry();
    return {
      register: (sites: MetricsSites) => registry.register(sites),
      get: () => registry.get(),
    };
  },
  clock: () => createClock(),
  /** Prometheus metrics of the whole CMS, at `GET /metrics`. */
  system: systemService,
  /** Beacons in, buffered rows out (collection/). */
  collector: ({ strapi }: { strapi: Core.Strapi }) => createCollector(strapi),
  rollup,
  dashboards,
  /** The CMS runs this from its bootstrap, once users-permissions has synced its actions. */
  setup: ({ strapi }: { strapi: Core.Strapi }) => ({
    grantReaderPermissions: () => grantReaderPermissions(strapi),
  }),
} satisfies Record<string, (deps: { strapi: Core.Strapi }) => unknown>;
