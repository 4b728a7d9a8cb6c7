import type { MetricsSites } from '../../../shared/contracts';

/** Raised when the CMS has not lent its sites yet: a start-up ordering fault, never a user's. */
export class SitesNotRegisteredError extends Error {
  constructor() {
    super('The metrics have no sites: the CMS registers them in its register phase');
  }
}

/** Holds the sites the CMS lends (`sites.register`), one per Strapi instance. */
export const createSiteRegistry = () => {
  let lent: MetricsSites | null = null;
  return {
    register(sites: MetricsSites) {
      lent = sites;
    },
    get(): MetricsSites {
      if (!lent) throw new SitesNotRegisteredError();
      return lent;
    },
  };
};
