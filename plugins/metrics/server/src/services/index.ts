import type { Core } from '@strapi/strapi';

import type { MetricsSites } from '../../../shared/contracts';
import { createClock } from '../clock/clock';
import { createCollector } from '../collection/collector';
import { createSiteRegistry } from '../sites/site-registry';
import { systemService } from '../system/system-service';

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
} satisfies Record<string, (deps: { strapi: Core.Strapi }) => unknown>;
